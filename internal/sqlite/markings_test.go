package sqlite

import (
	"context"
	"database/sql"
	"testing"

	"github.com/liaison-project/liaison"
)

// TestViewMarkings checks the per-marking judgement search relies on: the
// system viewer sees all, a missing viewer none, a partner exactly the
// markings the rule allows, and a marking stored later is numbered.
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
		{"system", sys, true, 2},
		{"no viewer", context.Background(), false, 0},
		{"partner", partner, false, 1},
		{"cleared", liaison.WithViewer(context.Background(), liaison.Viewer{Nation: "USA", Clearance: 4}), true, 2},
	}
	for _, tt := range tests {
		mv := view(tt.ctx)
		if mv.all != tt.all || len(mv.visible) != tt.nVisible || mv.total != 2 {
			t.Errorf("%s: view %+v, want all=%v with %d of 2 visible", tt.name, mv, tt.all, tt.nVisible)
		}
	}
	put(liaison.Marking{Level: 1, RelTo: []string{"JPN"}}, "new marking")
	if mv := view(partner); mv.total != 3 || len(mv.visible) != 2 {
		t.Errorf("after a new marking: partner view %+v, want 2 of 3 visible", mv)
	}
}
