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
