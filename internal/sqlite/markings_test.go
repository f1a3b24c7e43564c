package sqlite

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
)

// TestViewMarkings checks the per-marking judgement search relies on: the
// system viewer sees all (without judging), a missing viewer none, a
// partner exactly the markings the rule allows, and a marking stored later
// is numbered and judged (the view cache is renewed by the write).
func TestViewMarkings(t *testing.T) {
	db := openTest(t)
	sys := liaison.SystemContext(context.Background())
	put := func(m liaison.Marking, text string) {
		t.Helper()
		if _, err := db.PutDocument(sys, &liaison.Document{Title: text, Text: text, Marking: m}); err != nil {
			t.Fatal(err)
		}
	}
	put(liaison.Marking{}, "open one")
	put(liaison.Marking{}, "open two")
	put(liaison.Marking{Level: 3, RelTo: []string{"USA"}}, "closed")
	view := func(ctx context.Context) markingView {
		t.Helper()
		var mv markingView
		err := db.read(ctx, func(tx *sql.Tx) error {
			var err error
			mv, err = db.viewMarkings(ctx, tx)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return mv
	}
	partner := liaison.WithViewer(context.Background(), liaison.Viewer{Nation: "JPN", Clearance: 2})
	tests := []struct {
		name     string
		ctx      context.Context
		all      bool
		nVisible int
	}{
		{"system", sys, true, 0},
		{"no viewer", context.Background(), false, 0},
		{"partner", partner, false, 1},
		{"partner again (cached)", partner, false, 1},
		{"cleared", liaison.WithViewer(context.Background(), liaison.Viewer{Nation: "USA", Clearance: 4}), true, 2},
	}
	for _, tt := range tests {
		mv := view(tt.ctx)
		if mv.all != tt.all || len(mv.visible) != tt.nVisible {
			t.Errorf("%s: view %+v, want all=%v with %d visible", tt.name, mv, tt.all, tt.nVisible)
		}
	}
	put(liaison.Marking{Level: 1, RelTo: []string{"JPN"}}, "new marking")
	if mv := view(partner); mv.total != 3 || len(mv.visible) != 2 {
		t.Errorf("after a new marking: partner view %+v, want 2 of 3 visible", mv)
	}
}

// TestEventRowidCarriesMarking checks that stored events get rowids that
// carry their markings and that a write breaking that is refused.
func TestEventRowidCarriesMarking(t *testing.T) {
	db := openTest(t)
	sys := liaison.SystemContext(context.Background())
	r, err := db.PutDocument(sys, &liaison.Document{Title: "T", Text: "Japan met NATO.", Marking: liaison.Marking{Level: 2, RelTo: []string{"JPN"}}})
	if err != nil {
		t.Fatal(err)
	}
	x := &liaison.Extraction{Events: []liaison.Event{{Source: "JPN", Target: "IGOWSTNAT", Root: "04", CAMEO: "040", Date: "2023-07-11",
		Marking: liaison.Marking{Level: 3}}}}
	if err := db.PutExtraction(sys, r.ID, x); err != nil {
		t.Fatal(err)
	}
	checkMarkingCopy(t, db)
	for _, bad := range []string{
		`UPDATE events SET mk_level = 0`,
		`UPDATE events SET rowid = rowid + 1`,
	} {
		if _, err := db.db.Exec(bad); err == nil || !strings.Contains(err.Error(), "must carry") {
			t.Errorf("%s: err %v, want the rowid refused", bad, err)
		}
	}
}
