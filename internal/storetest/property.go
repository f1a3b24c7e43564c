package storetest

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/liaison-project/liaison"
)

// randomSubset draws each element of from with probability 1/p.
func randomSubset(rng *rand.Rand, from []string, p int) []string {
	var out []string
	for _, s := range from {
		if rng.IntN(p) == 0 {
			out = append(out, s)
		}
	}
	return out
}

// testVisibilityRandom stores documents with random markings and checks,
// for random viewers, that lists, search, events, aggregates and stats hold
// exactly what the reference rule (marking.Visible) allows.
func testVisibilityRandom(t *testing.T, s Store) {
	rng := rand.New(rand.NewPCG(11, 17))
	nations := []string{"USA", "FRA", "JPN", "KOR", "GBR", "SWE"}
	caveats := []string{"ATOMAL", "CRYPTO", "BOHEMIA"}
	const docs, viewers = 40, 25
	var marks []liaison.Marking
	var ids []string
	for i := range docs {
		m := liaison.Marking{Level: rng.IntN(5), RelTo: randomSubset(rng, nations, 3), Caveats: randomSubset(rng, caveats, 4)}
		d := doc(fmt.Sprintf("Random %d", i), fmt.Sprintf("Random marked report %d.", i), day0.AddDate(0, 0, i))
		d.Marking = m
		id := put(t, s, d).ID
		x := &liaison.Extraction{
			Places: []liaison.PlaceMention{{Text: "p", Place: liaison.Place{Name: fmt.Sprintf("RP%d", i), Country: "LTU"}}},
			Events: []liaison.Event{{Source: fmt.Sprintf("R%02dGOV", i), Target: "IGOWSTNAT", Root: "04", CAMEO: "040", Date: "2023-07-11"}},
		}
		if err := s.PutExtraction(sys(), id, x); err != nil {
			t.Fatal(err)
		}
		marks, ids = append(marks, m), append(ids, id)
	}
	for range viewers {
		nation := append([]string{"CHN", ""}, nations...)[rng.IntN(len(nations)+2)]
		mv := matrixViewer{name: "random", ok: rng.IntN(20) != 0,
			v: liaison.Viewer{Nation: nation, Clearance: rng.IntN(6) - 1, Caveats: randomSubset(rng, caveats, 2)}}
		var want, wantActors, wantPlaces []string
		for i, m := range marks {
			if mv.sees(m) {
				want = append(want, ids[i])
				wantActors = append(wantActors, fmt.Sprintf("R%02dGOV", i))
				wantPlaces = append(wantPlaces, fmt.Sprintf("RP%d", i))
			}
		}
		if len(want) > 0 {
			wantActors = append(wantActors, "IGOWSTNAT")
		}
		ctx := mv.ctx()
		got, total := allDocs(t, ctx, s, liaison.DocumentFilter{Limit: 7})
		checkSet(t, fmt.Sprintf("Documents for %+v", mv.v), got, want, total)
		hits, _, total := allHits(t, ctx, s, liaison.SearchQuery{Query: "random", Limit: 7})
		checkSet(t, fmt.Sprintf("Search for %+v", mv.v), hits, want, total)
		evs, total := allEvents(t, ctx, s, liaison.EventFilter{Actor: "R", Limit: 7})
		var evDocs []string
		for _, e := range evs {
			evDocs = append(evDocs, e.DocID)
		}
		checkSet(t, fmt.Sprintf("Events for %+v", mv.v), evDocs, want, total)
		checkAggregates(t, ctx, s, expected{docs: want, events: want, actors: wantActors, places: wantPlaces})
	}
}
