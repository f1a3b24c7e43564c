package sqlite

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
)

// TestViewCacheAcrossProcesses checks the view cache against a second
// writer on the same file (another process: its writes do not renew this
// store's cache). Until the cached view expires a document with a marking
// new to it may be missing, but no document is ever shown that the viewer
// may not see; after the TTL the visible one is listed. A viewer who saw
// every marking is judged afresh (never cached), so a new marking they may
// not see stays hidden at once.
func TestViewCacheAcrossProcesses(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.db")
	ctx := context.Background()
	reader, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	writer, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	reader.views.ttl = 200 * time.Millisecond
	sys := liaison.SystemContext(ctx)
	put := func(title string, m liaison.Marking) {
		t.Helper()
		if _, err := writer.PutDocument(sys, &liaison.Document{Title: title, Text: title + " text", Marking: m}); err != nil {
			t.Fatal(err)
		}
	}
	put("open", liaison.Marking{})
	put("usa only", liaison.Marking{Level: 3, RelTo: []string{"USA"}})
	partner := liaison.WithViewer(ctx, liaison.Viewer{Nation: "JPN", Clearance: 2})
	cleared := liaison.WithViewer(ctx, liaison.Viewer{Nation: "USA", Clearance: 4})
	titles := func(ctx context.Context) []string {
		t.Helper()
		page, err := reader.Documents(ctx, liaison.DocumentFilter{Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, d := range page.Items {
			out = append(out, d.Title)
		}
		slices.Sort(out)
		return out
	}
	if got := titles(partner); !slices.Equal(got, []string{"open"}) {
		t.Fatalf("partner before: %v", got)
	}
	if got := titles(cleared); !slices.Equal(got, []string{"open", "usa only"}) {
		t.Fatalf("cleared before: %v", got)
	}
	put("jpn too", liaison.Marking{Level: 1, RelTo: []string{"JPN", "USA"}})
	put("fra only", liaison.Marking{Level: 1, RelTo: []string{"FRA"}})
	if got := titles(partner); slices.Contains(got, "fra only") || slices.Contains(got, "usa only") {
		t.Fatalf("partner within the TTL sees %v", got)
	}
	if got := titles(cleared); !slices.Equal(got, []string{"jpn too", "open", "usa only"}) {
		t.Errorf("cleared (saw every marking, judged afresh) after new markings: %v", got)
	}
	time.Sleep(250 * time.Millisecond)
	if got := titles(partner); !slices.Equal(got, []string{"jpn too", "open"}) {
		t.Errorf("partner after the TTL: %v, want [jpn too open]", got)
	}
}

// TestMarkingsImmutable checks that a marking's number cannot come to name
// another marking (the view cache relies on it).
func TestMarkingsImmutable(t *testing.T) {
	db := openTest(t)
	sys := liaison.SystemContext(context.Background())
	if _, err := db.PutDocument(sys, &liaison.Document{Title: "T", Text: "x", Marking: liaison.Marking{Level: 2}}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`UPDATE markings SET mk_level = 0`,
		`UPDATE markings SET id = id + 1`,
		`DELETE FROM markings`,
	} {
		if _, err := db.db.Exec(q); err == nil {
			t.Errorf("%s: accepted", q)
		}
	}
}
