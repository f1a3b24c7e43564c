package sqlite

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// openTwice opens one fresh database file through two stores, as two
// processes would: each has its own view cache.
func openTwice(t *testing.T) (*DB, *DB) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "shared.db")
	var dbs [2]*DB
	for i := range dbs {
		db, err := Open(context.Background(), path, nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		dbs[i] = db
	}
	return dbs[0], dbs[1]
}

// TestViewCacheAcrossProcesses checks the view cache against a second
// writer on the same file (another process: its writes do not renew this
// store's cache). Until the cached view expires a document with a marking
// new to it may be missing, but no document is ever shown that the viewer
// may not see; after the TTL the visible one is listed. A viewer who saw
// every marking is judged afresh (never cached), so a new marking they may
// not see stays hidden at once.
func TestViewCacheAcrossProcesses(t *testing.T) {
	ctx := context.Background()
	reader, writer := openTwice(t)
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

// TestPropertyViewCacheTwoWriters interleaves writes through the reading
// store and through a second store on the same file (another process) with
// reads by random viewers, and checks every read against the reference
// rule: a list or search never shows a document the viewer may not see;
// it shows every visible one whenever the reader's cache cannot be stale
// (after its own write, or once the other writer has been quiet for the
// TTL).
func TestPropertyViewCacheTwoWriters(t *testing.T) {
	ctx := context.Background()
	reader, other := openTwice(t)
	const ttl = 30 * time.Millisecond
	reader.views.ttl = ttl
	rng := rand.New(rand.NewPCG(7, 9))
	p := marking.Default()
	r := marking.NewNations(marking.SeedNations(), time.Date(2023, 7, 12, 0, 0, 0, 0, time.UTC))
	sys := liaison.SystemContext(ctx)
	marks := map[string]liaison.Marking{}
	var viewers []liaison.Viewer
	for range 12 {
		v, _ := randomViewer(rng)
		v.System = false
		viewers = append(viewers, v)
	}
	var otherWrote time.Time
	for step := range 150 {
		if w := rng.IntN(3); w < 2 {
			db := reader
			if w == 1 {
				db, otherWrote = other, time.Now()
			}
			d := &liaison.Document{Title: fmt.Sprintf("doc %d", step), Text: fmt.Sprintf("tokyo report %d", step),
				Marking: randomMarking(rng, p, r)}
			if _, err := db.PutDocument(sys, d); err != nil {
				t.Fatal(err)
			}
			marks[d.ID] = d.Marking
			continue
		}
		if rng.IntN(4) == 0 {
			time.Sleep(ttl + 5*time.Millisecond)
		}
		fresh := time.Since(otherWrote) > ttl
		v := viewers[rng.IntN(len(viewers))]
		checkCachedRead(t, reader, liaison.WithViewer(ctx, v), v, marks, fresh)
	}
}

// checkCachedRead lists and searches as v and compares with the reference
// rule: no document v may not see; all v may see when complete.
func checkCachedRead(t *testing.T, db *DB, ctx context.Context, v liaison.Viewer, marks map[string]liaison.Marking, complete bool) {
	t.Helper()
	want := 0
	for _, m := range marks {
		if marking.Visible(v, m) {
			want++
		}
	}
	list, err := db.Documents(ctx, liaison.DocumentFilter{Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	hits, err := db.Search(ctx, liaison.SearchQuery{Query: "tokyo", Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	st, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range list.Items {
		ids = append(ids, d.ID)
	}
	for _, h := range hits.Items {
		ids = append(ids, h.Document.ID)
	}
	for _, id := range ids {
		if !marking.Visible(v, marks[id]) {
			t.Fatalf("viewer %+v sees %s (marking %+v)", v, id, marks[id])
		}
	}
	for name, n := range map[string]int{"list": len(list.Items), "list total": list.Total, "search": len(hits.Items),
		"search total": hits.Total, "stats": st.Documents} {
		if n > want || (complete && n != want) {
			t.Fatalf("viewer %+v: %s %d, want %d (complete=%v)", v, name, n, want, complete)
		}
	}
}
