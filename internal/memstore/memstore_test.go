package memstore

import (
	"context"
	"errors"
	"testing"

	"github.com/liaison-project/liaison"
)

func TestStore(t *testing.T) {
	ctx := context.Background()
	sys := liaison.SystemContext(ctx)
	jpn := liaison.WithViewer(ctx, liaison.Viewer{Nation: "JPN", Clearance: 2})
	s := New()
	if _, err := s.PutDocument(jpn, &liaison.Document{Text: "x"}); !errors.Is(err, liaison.ErrForbidden) {
		t.Errorf("user write = %v; want ErrForbidden", err)
	}
	a := &liaison.Document{Text: "Japan met NATO", ContentHash: "a"}
	b := &liaison.Document{Text: "France objected", ContentHash: "b", Marking: liaison.Marking{Level: 2, RelTo: []string{"FRA"}}}
	for _, d := range []*liaison.Document{a, b} {
		if _, err := s.PutDocument(sys, d); err != nil {
			t.Fatal(err)
		}
	}
	if res, _ := s.PutDocument(sys, &liaison.Document{Text: "Japan met NATO", ContentHash: "a"}); res.Status != "duplicate" {
		t.Errorf("duplicate status %q", res.Status)
	}
	if _, err := s.Document(jpn, b.ID); !errors.Is(err, liaison.ErrNotFound) {
		t.Errorf("invisible document = %v", err)
	}
	if _, err := s.Document(ctx, a.ID); !errors.Is(err, liaison.ErrNotFound) {
		t.Errorf("no viewer = %v", err)
	}
	page, err := s.Documents(sys, liaison.DocumentFilter{Limit: 1})
	if err != nil || page.Total != 2 || page.NextCursor != "1" {
		t.Errorf("page = %+v, %v", page, err)
	}
	if _, err := s.Documents(sys, liaison.DocumentFilter{Cursor: "x"}); !errors.Is(err, liaison.ErrInvalid) {
		t.Errorf("bad cursor = %v", err)
	}
	hits, _ := s.Search(jpn, liaison.SearchQuery{Query: "france"})
	if hits.Total != 0 {
		t.Errorf("invisible hit found")
	}
}

// TestEventOwnMarking: an event marked more strictly than its document is
// listed and found only for viewers who may see the event's own marking
// too, as the SQLite store keeps it.
func TestEventOwnMarking(t *testing.T) {
	s := New()
	sys := liaison.SystemContext(context.Background())
	r, err := s.PutDocument(sys, &liaison.Document{Title: "T", Text: "Japan met NATO.", Marking: liaison.Marking{Level: 1}})
	if err != nil {
		t.Fatal(err)
	}
	x := &liaison.Extraction{Events: []liaison.Event{
		{Source: "JPN", Target: "IGOWSTNAT", Root: "04", CAMEO: "040", Date: "2023-07-11"},
		{Source: "JPN", Target: "USA", Root: "04", CAMEO: "040", Date: "2023-07-11", Marking: liaison.Marking{Level: 3, RelTo: []string{"USA"}}},
	}}
	if err := s.PutExtraction(sys, r.ID, x); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		v    liaison.Viewer
		want int
	}{
		{"JPN NR", liaison.Viewer{Nation: "JPN", Clearance: 2}, 1},
		{"USA NC", liaison.Viewer{Nation: "USA", Clearance: 3}, 2},
		{"USA NU", liaison.Viewer{Nation: "USA", Clearance: 1}, 1},
	} {
		ctx := liaison.WithViewer(context.Background(), tt.v)
		page, err := s.Events(ctx, liaison.EventFilter{Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Items) != tt.want {
			t.Errorf("%s: %d events, want %d", tt.name, len(page.Items), tt.want)
		}
		if _, err := s.Event(ctx, r.ID+"-1"); (err == nil) != (tt.want == 2) {
			t.Errorf("%s: get the strict event: err %v", tt.name, err)
		}
	}
}
