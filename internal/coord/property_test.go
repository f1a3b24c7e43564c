package coord

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// TestVisibilityProperty stores random proposals (random markings, parties
// and states, stored directly so that markings may even exclude parties)
// and checks, for random viewers, that the store's list and get return
// exactly what the reference rules allow: marking.Visible AND CanSee.
func TestVisibilityProperty(t *testing.T) {
	db := tempDB(t)
	rng := rand.New(rand.NewPCG(7, 11))
	nations := []string{"DEU", "FRA", "GBR", "USA", "JPN", "KOR", "AUS", "XNS"}
	caveats := []string{"ALPHA", "BRAVO"}
	subset := func(xs []string, p float64) []string {
		var out []string
		for _, x := range xs {
			if rng.Float64() < p {
				out = append(out, x)
			}
		}
		return out
	}
	sys := liaison.SystemContext(context.Background())
	var all []*liaison.Proposal
	for i := range 80 {
		deciders := subset(nations[:4], 0.5)
		if len(deciders) == 0 {
			deciders = []string{"FRA"}
		}
		var consulted []string
		for _, c := range subset(nations[4:], 0.4) {
			if !slices.Contains(deciders, c) {
				consulted = append(consulted, c)
			}
		}
		p := fixture(liaison.ProposalStates[rng.IntN(len(liaison.ProposalStates))], liaison.ProcedureSilence)
		p.ID = fmt.Sprintf("P%03d", i)
		p.ProposingNation = nations[rng.IntN(len(nations))]
		p.Deciders, p.Consulted = deciders, consulted
		p.Marking = liaison.Marking{Classification: fmt.Sprint("L", i%4), Level: rng.IntN(4), RelTo: subset(nations, 0.5),
			Caveats: subset(caveats, 0.2)}
		if err := db.CreateProposal(sys, p); err != nil {
			t.Fatal(err)
		}
		all = append(all, p)
	}
	for range 40 {
		v := liaison.Viewer{Nation: nations[rng.IntN(len(nations))], Role: liaison.RoleOfficer, Clearance: rng.IntN(4),
			Caveats: subset(caveats, 0.5)}
		if rng.IntN(5) == 0 {
			v.Role = liaison.RoleAdmin // admins see as their nation
		}
		ctx := liaison.WithViewer(context.Background(), v)
		var want []string
		for _, p := range all {
			if marking.Visible(v, p.Marking) && CanSee(p, ActorFrom(v)) {
				want = append(want, p.ID)
			}
		}
		list, err := db.Proposals(ctx, liaison.ProposalFilter{Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range list {
			got = append(got, p.ID)
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Fatalf("viewer %+v: store lists %v, reference %v", v, got, want)
		}
		for range 10 { // a sample of gets: the list covers every item
			p := all[rng.IntN(len(all))]
			_, err := db.Proposal(ctx, p.ID)
			if (err == nil) != slices.Contains(want, p.ID) {
				t.Fatalf("viewer %+v get %s: %v", v, p.ID, err)
			}
		}
	}
}
