package sqlite

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// viewAsDocs stores documents (each with an event) releasable to GBR, JPN,
// both or all, at two levels, one with a caveat; it returns the store and
// the markings by id.
func viewAsDocs(t *testing.T) (*DB, map[string]liaison.Marking) {
	t.Helper()
	db := openAccessTestDB(t)
	sys := liaison.SystemContext(context.Background())
	marks := map[string]liaison.Marking{}
	for i, m := range []liaison.Marking{
		{Level: 0},
		{Level: 1, RelTo: []string{"JPN"}},
		{Level: 1, RelTo: []string{"GBR"}},
		{Level: 1, RelTo: []string{"GBR", "JPN"}},
		{Level: 3, RelTo: []string{"GBR", "JPN"}},
		{Level: 1, RelTo: []string{"GBR", "JPN"}, Caveats: []string{"ATOMAL"}},
	} {
		d := &liaison.Document{Title: "doc", Text: "tokyo liaison note " + string(rune('a'+i)), Marking: m,
			Published: time.Date(2023, 7, 1+i, 0, 0, 0, 0, time.UTC)}
		if _, err := db.PutDocument(sys, d); err != nil {
			t.Fatal(err)
		}
		if err := db.PutExtraction(sys, d.ID, &liaison.Extraction{Events: []liaison.Event{
			{Source: "JPNGOV", Target: "GBRGOV", Root: "04", CAMEO: "040", Date: "2023-07-11"}}}); err != nil {
			t.Fatal(err)
		}
		marks[d.ID] = m
	}
	return db, marks
}

// TestViewAsCachedApart checks that a viewer bounded by another (an admin
// viewing as a nation) is cached apart from the same nation unbounded: the
// view cache keys on the predicate text and args, which must differ, and
// reads alternating between the viewers must each show exactly what the
// reference rule allows — never the other viewer's cached view.
func TestViewAsCachedApart(t *testing.T) {
	db, marks := viewAsDocs(t)
	gbr := liaison.Viewer{Nation: "GBR", Role: liaison.RoleAdmin, Clearance: 2}
	jpn := liaison.Viewer{Nation: "JPN", Role: liaison.RoleReader, Clearance: 2}
	asJPN := jpn
	asJPN.Within = &gbr
	want := map[string]int{"gbr": 3, "jpn": 3, "gbr as jpn": 2} // PUBLIC, and GBR+JPN at level 1
	viewers := map[string]liaison.Viewer{"gbr": gbr, "jpn": jpn, "gbr as jpn": asJPN}
	bg := context.Background()
	k1, a1 := visible(liaison.WithViewer(bg, jpn), "d")
	k2, a2 := visible(liaison.WithViewer(bg, asJPN), "d")
	if viewKey(k1, a1) == viewKey(k2, a2) {
		t.Fatalf("view-as viewer shares the cache key of its nation: %s", viewKey(k1, a1))
	}
	for round := range 3 {
		for _, name := range []string{"jpn", "gbr as jpn", "gbr", "gbr as jpn", "jpn"} {
			v := viewers[name]
			ref := 0
			for _, m := range marks {
				if marking.Visible(v, m) {
					ref++
				}
			}
			if ref != want[name] {
				t.Fatalf("%s: reference rule sees %d, the table says %d", name, ref, want[name])
			}
			ctx := liaison.WithViewer(context.Background(), v)
			list, err := db.Documents(ctx, liaison.DocumentFilter{Limit: 100})
			if err != nil {
				t.Fatal(err)
			}
			evs, err := db.Events(ctx, liaison.EventFilter{Limit: 100})
			if err != nil {
				t.Fatal(err)
			}
			hits, err := db.Search(ctx, liaison.SearchQuery{Query: "tokyo", Limit: 100})
			if err != nil {
				t.Fatal(err)
			}
			st, err := db.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			for what, got := range map[string]int{"list": len(list.Items), "list total": list.Total, "events": evs.Total,
				"search": hits.Total, "stats": st.Documents} {
				if got != ref {
					t.Errorf("round %d, %s: %s %d, want %d", round, name, what, got, ref)
				}
			}
			for _, d := range list.Items {
				if !marking.Visible(v, marks[d.ID]) {
					t.Errorf("round %d, %s: lists %s marked %+v", round, name, d.ID, marks[d.ID])
				}
			}
		}
	}
}

// participationDB stores proposals, threads, reports, notifications,
// webhooks and audit entries of JPN, USA and FRA, all releasable to every
// nation, so that only participation decides who sees them.
func participationDB(t *testing.T) *DB {
	t.Helper()
	db := openAccessTestDB(t)
	sys := liaison.SystemContext(context.Background())
	now := time.Date(2023, 7, 12, 0, 0, 0, 0, time.UTC)
	for _, p := range []*liaison.Proposal{
		{ID: "P-JPN-USA", ProposingNation: "JPN", Deciders: []string{"JPN", "USA"}},
		{ID: "P-JPN-FRA", ProposingNation: "JPN", Deciders: []string{"JPN", "FRA"}},
		{ID: "P-USA-DRAFT", ProposingNation: "USA", Deciders: []string{"JPN", "USA"}, State: liaison.StateDraft},
	} {
		if p.State == "" {
			p.State = liaison.StateCirculating
		}
		p.Title, p.Procedure, p.Created, p.Updated = p.ID, liaison.ProcedureConsensus, now, now
		if err := db.CreateProposal(sys, p); err != nil {
			t.Fatal(err)
		}
	}
	for _, th := range []*liaison.Thread{
		{ID: "T-JPN-USA", Participants: []string{"JPN", "USA"}},
		{ID: "T-JPN-FRA", Participants: []string{"FRA", "JPN"}},
	} {
		th.Subject, th.Created, th.Updated = th.ID, now, now
		if err := db.CreateThread(sys, th); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range []*liaison.Report{
		{ID: "R-JPN-DRAFT", State: liaison.ReportDraft, Origin: liaison.Origin{Nation: "JPN"}},
		{ID: "R-USA-DRAFT", State: liaison.ReportDraft, Origin: liaison.Origin{Nation: "USA"}},
		{ID: "R-RELEASED", State: liaison.ReportReleased, Origin: liaison.Origin{Nation: "FRA"}},
	} {
		r.Author, r.Title, r.Created, r.Updated = "someone", r.ID, now, now
		if err := db.PutReport(sys, r); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.AddNotifications(sys, []liaison.Notification{
		{ID: "N-JPN", Nation: "JPN", Kind: "note", Title: "for JPN", Time: now},
		{ID: "N-USA", Nation: "USA", Kind: "note", Title: "for USA", Time: now},
	}); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"JPN", "USA"} {
		if err := db.PutWebhook(sys, &liaison.Webhook{Nation: n, URL: "https://hooks.example/" + n, Secret: "0123456789abcdef", Created: now}); err != nil {
			t.Fatal(err)
		}
		if err := db.Append(sys, &liaison.AuditEntry{Time: now, Actor: "user-" + n, Nation: n, Action: "test.tick"}); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

// TestViewAsParticipation checks the rules beyond the marking under a
// bounded viewer: a proposal, thread, draft report, notification, webhook
// or audit entry shows to an admin viewing as a nation only when it shows
// both to that nation and to the admin themself — here every item is
// releasable to all, so only participation decides.
func TestViewAsParticipation(t *testing.T) {
	db := participationDB(t)
	usaReader := liaison.Viewer{UserID: "u1", Nation: "USA", Role: liaison.RoleReader, Clearance: 4}
	usaAdmin := liaison.Viewer{UserID: "u2", Nation: "USA", Role: liaison.RoleAdmin, Clearance: 4}
	asJPN := func(own liaison.Viewer) liaison.Viewer {
		v := own
		v.Nation, v.Role, v.Within = "JPN", liaison.RoleReader, &own
		return v
	}
	jpn := liaison.Viewer{UserID: "u3", Nation: "JPN", Role: liaison.RoleReader, Clearance: 4}
	for _, tt := range []struct {
		name string
		v    liaison.Viewer
		want string
	}{
		{"JPN alone", jpn, "P-JPN-FRA P-JPN-USA | T-JPN-FRA T-JPN-USA | R-JPN-DRAFT R-RELEASED | N-JPN | JPN | user-JPN"},
		// Entries naming no item (user-JPN: a JPN user's entry) stay their
		// nation's, even for another nation's admin.
		{"USA admin alone", usaAdmin, "P-JPN-USA P-USA-DRAFT | T-JPN-USA | R-JPN-DRAFT R-RELEASED R-USA-DRAFT | N-USA | USA | user-USA"},
		{"USA admin as JPN", asJPN(usaAdmin), "P-JPN-USA | T-JPN-USA | R-JPN-DRAFT R-RELEASED | - | - | -"},
		{"USA reader bounding JPN", asJPN(usaReader), "P-JPN-USA | T-JPN-USA | R-RELEASED | - | - | -"},
	} {
		if got := participationView(t, db, liaison.WithViewer(context.Background(), tt.v)); got != tt.want {
			t.Errorf("%s sees\n  %s\nwant\n  %s", tt.name, got, tt.want)
		}
	}
}

// participationView lists, as the viewer in ctx, the ids of proposals,
// threads, reports, notifications, the nations of webhooks and the actors
// of audit entries, each group sorted ("-" when empty) and joined by " | ".
func participationView(t *testing.T, db *DB, ctx context.Context) string {
	t.Helper()
	var out []string
	for _, list := range []func() ([]string, error){
		func() ([]string, error) {
			ps, err := db.Proposals(ctx, liaison.ProposalFilter{})
			return viewAsKeys(ps, func(p liaison.Proposal) string { return p.ID }), err
		},
		func() ([]string, error) {
			ths, err := db.Threads(ctx, 100)
			return viewAsKeys(ths, func(th liaison.Thread) string { return th.ID }), err
		},
		func() ([]string, error) {
			rs, err := db.Reports(ctx, liaison.ReportFilter{Limit: 100})
			return viewAsKeys(rs.Items, func(r liaison.Report) string { return r.ID }), err
		},
		func() ([]string, error) {
			ns, err := db.Notifications(ctx, 100, false)
			return viewAsKeys(ns, func(n liaison.Notification) string { return n.ID }), err
		},
		func() ([]string, error) {
			hs, err := db.Webhooks(ctx)
			return viewAsKeys(hs, func(h liaison.Webhook) string { return h.Nation }), err
		},
		func() ([]string, error) {
			es, err := db.List(ctx, liaison.AuditFilter{Action: "test.tick"})
			return viewAsKeys(es, func(e liaison.AuditEntry) string { return e.Actor }), err
		},
	} {
		g, err := list()
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(g)
		if len(g) == 0 {
			g = []string{"-"}
		}
		out = append(out, strings.Join(g, " "))
	}
	return strings.Join(out, " | ")
}

// viewAsKeys maps xs by key.
func viewAsKeys[T any](xs []T, key func(T) string) []string {
	var out []string
	for _, x := range xs {
		out = append(out, key(x))
	}
	return out
}
