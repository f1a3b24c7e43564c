package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
)

// windowCorpus stores n documents that all match "alpha", every third one
// hidden from the partner viewer of windowViewers, with varying numbers of
// "alpha" so that BM25 orders them differently from storage order.
func windowCorpus(t *testing.T, db *DB, n int, hidden bool) {
	t.Helper()
	sys := liaison.SystemContext(context.Background())
	var docs []*liaison.Document
	for i := range n {
		d := &liaison.Document{Title: fmt.Sprintf("Report %d", i),
			Text: fmt.Sprintf("Report %d:%s beta gamma%s.", i, strings.Repeat(" alpha", 1+i*7%5), strings.Repeat(" delta", i%3))}
		if hidden || i%3 == 2 {
			d.Marking = liaison.Marking{Level: 3, RelTo: []string{"USA"}}
			if hidden {
				d.Text += " secret"
			}
		}
		docs = append(docs, d)
	}
	res, err := db.PutDocuments(sys, docs)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range res {
		if r.Err != nil {
			t.Fatalf("document %d: %v", i, r.Err)
		}
	}
}

// windowViewers are the system viewer and a partner who sees two thirds of
// windowCorpus.
func windowViewers() map[string]context.Context {
	return map[string]context.Context{
		"system":  liaison.SystemContext(context.Background()),
		"partner": liaison.WithViewer(context.Background(), liaison.Viewer{Nation: "JPN", Clearance: 2}),
	}
}

// pageAll pages through a search and returns one line per hit (id, rank,
// snippet) and per page (total, cursor).
func pageAll(t *testing.T, db *DB, ctx context.Context, q string, limit int) (ids []string, trace string) {
	t.Helper()
	var out []string
	for c := ""; ; {
		p, err := db.Search(ctx, liaison.SearchQuery{Query: q, Limit: limit, Cursor: c})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range p.Items {
			if int(h.Rank) != len(ids)+1 {
				t.Fatalf("%q limit %d: hit %s has rank %v, want %d", q, limit, h.Document.ID, h.Rank, len(ids)+1)
			}
			ids = append(ids, h.Document.ID)
			out = append(out, fmt.Sprintf("%s %v %s", h.Document.ID, h.Rank, h.Snippet))
		}
		out = append(out, fmt.Sprintf("total %d next %s", p.Total, p.NextCursor))
		if c = p.NextCursor; c == "" {
			return ids, strings.Join(out, "\n")
		}
	}
}

// TestSearchWindows checks the bounded ranking: with windows of 4 visible
// hits, every visible hit comes exactly once whatever the page size, ranks
// are positions, totals exact; the first window holds the newest hits; and
// with one window the order is the exact BM25 ranking.
func TestSearchWindows(t *testing.T) {
	db := openTest(t)
	windowCorpus(t, db, 23, false)
	for name, ctx := range windowViewers() {
		db.searchWindow = 1000
		exact, _ := pageAll(t, db, ctx, "alpha", 50)
		want := map[string]int{"system": 23, "partner": 16}[name]
		if len(exact) != want {
			t.Fatalf("%s: %d hits, want %d", name, len(exact), want)
		}
		db.searchWindow = 4
		var first []string
		for _, limit := range []int{1, 3, 4, 5, 50} {
			ids, _ := pageAll(t, db, ctx, "alpha", limit)
			if first == nil {
				first = ids
			} else if !slices.Equal(ids, first) {
				t.Errorf("%s limit %d: order differs from limit 1:\n%v\n%v", name, limit, ids, first)
			}
			if got, all := slices.Sorted(slices.Values(ids)), slices.Sorted(slices.Values(exact)); !slices.Equal(got, all) {
				t.Errorf("%s limit %d: hits %v, want each of %v once", name, limit, got, all)
			}
		}
		// The first window is the 4 newest stored visible hits.
		var newest []string
		for _, id := range storedNewestFirst(t, db) {
			if slices.Contains(exact, id) && len(newest) < 4 {
				newest = append(newest, id)
			}
		}
		slices.Sort(newest)
		if got := slices.Sorted(slices.Values(first[:4])); !slices.Equal(got, newest) {
			t.Errorf("%s: first window %v, want the newest %v", name, got, newest)
		}
		// Within a window, the exact ranking's relative order.
		pos := map[string]int{}
		for i, id := range exact {
			pos[id] = i
		}
		for w := 0; w < len(first); w += 4 {
			win := first[w:min(len(first), w+4)]
			if !slices.IsSortedFunc(win, func(a, b string) int { return pos[a] - pos[b] }) {
				t.Errorf("%s: window %d %v not in BM25 order", name, w/4, win)
			}
		}
	}
}

// TestSearchWindowsLeaveNoTrace checks that documents a viewer cannot see,
// stored before and after theirs, change nothing in what the viewer gets
// when the ranking is cut into windows.
func TestSearchWindowsLeaveNoTrace(t *testing.T) {
	db := openTest(t)
	db.searchWindow = 4
	windowCorpus(t, db, 5, true)
	windowCorpus(t, db, 17, false)
	ctx := windowViewers()["partner"]
	snapshot := func() string {
		var out []string
		for _, q := range []string{"alpha", "alp*", `"beta gamma"`, "alpha NOT delta"} {
			for _, limit := range []int{3, 5} {
				_, trace := pageAll(t, db, ctx, q, limit)
				out = append(out, q, trace)
			}
		}
		return strings.Join(out, "\n")
	}
	before := snapshot()
	windowCorpus(t, db, 9, true)
	if after := snapshot(); after != before {
		t.Errorf("hidden documents changed the partner's results:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}

// TestDocumentsMarkingCopy checks that documents stored before migration
// 0007 get rowids that carry their markings, that the triggers keep
// documents_mk (the per-hit marking copy) equal to documents through
// inserts, re-marking and deletes, that a write whose rowid does not carry
// its marking fails, and that both search plans agree throughout.
func TestDocumentsMarkingCopy(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	sdb, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	// A database at migration 0005 with documents, then migrated to the end.
	old := &DB{db: sdb, log: slog.New(slog.DiscardHandler)}
	ms, _ := migrations()
	var upTo5 []migration
	for _, m := range ms {
		if m.Version < 6 {
			upTo5 = append(upTo5, m)
		}
	}
	if err := old.applyMigrations(ctx, upTo5); err != nil {
		t.Fatal(err)
	}
	now := fmtTime(time.Now())
	for i := range 6 {
		mk := []string{`0, '[]'`, `3, '["USA"]'`}[i%3/2]
		if _, err := sdb.Exec(`INSERT INTO documents(id, published, fetched, content_hash, created_at, title, text,
			mk_level, mk_rel) VALUES (?, ?, ?, ?, ?, ?, ?, `+mk+`)`,
			fmt.Sprintf("d%d", i), now, now, fmt.Sprint(i), now, fmt.Sprintf("Report %d", i), fmt.Sprintf("Report %d: alpha beta.", i)); err != nil {
			t.Fatal(err)
		}
	}
	// And events, one per marking, renumbered too.
	for i, mk := range []string{`0, '[]'`, `3, '["USA"]'`} {
		if _, err := sdb.Exec(`INSERT INTO events(id, doc_id, seq, sentence, source, target, cameo, cameo_name, root, quad,
			goldstein, plover, date, source_text, target_text, verb_text, negated, explain, mk_level, mk_rel)
			VALUES (?, 'd0', ?, 0, 'JPN', 'USA', '040', '', '04', 1, 1, '', '2023', '', '', '', 0, '', `+mk+`)`,
			fmt.Sprintf("e%d", i), i); err != nil {
			t.Fatal(err)
		}
	}
	sdb.Close()
	db, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	partner := windowViewers()["partner"]
	search := func(when string, want int) {
		t.Helper()
		for _, plan := range []int{0, -1} { // rowid marking numbers; per-hit checks
			db.maxListedMarkings = plan
			if p, err := db.Search(partner, liaison.SearchQuery{Query: "alp*"}); err != nil || p.Total != want || len(p.Items) != want {
				t.Errorf("plan %d, %s: %d of %d hits, %v; want %d", plan, when, len(p.Items), p.Total, err, want)
			}
		}
	}
	search("after migration", 4)
	checkMarkingCopy(t, db)
	if evs, err := db.Events(partner, liaison.EventFilter{}); err != nil || evs.Total != 1 || len(evs.Items) != 1 {
		t.Errorf("after migration: partner sees %+v events (%v); want 1", evs, err)
	}
	remark := func(level int, rel string) string {
		return fmt.Sprintf(`INSERT OR IGNORE INTO markings(mk_level, mk_rel, mk_caveats) VALUES (%d, '%s', '[]');
			UPDATE documents SET mk_level = %[1]d, mk_rel = '%[2]s', rowid = (rowid & ~1048575) | (SELECT id FROM markings
			WHERE mk_level = %[1]d AND mk_rel = '%[2]s' AND mk_caveats = '[]')`, level, rel)
	}
	steps := []string{
		remark(0, "[]") + ` WHERE rowid = (SELECT max(rowid) FROM documents)`,
		remark(3, "[]") + ` WHERE rowid = (SELECT min(rowid) FROM documents)`,
		`DELETE FROM documents WHERE rowid = (SELECT min(rowid) FROM documents WHERE mk_level = 0)`,
	}
	for i, want := range []int{5, 4, 3} {
		if _, err := db.db.Exec(steps[i]); err != nil {
			t.Fatal(err)
		}
		checkMarkingCopy(t, db)
		search(fmt.Sprintf("after step %d", i), want)
	}
	// Writes whose rowid does not carry the marking fail.
	for _, bad := range []string{
		`UPDATE documents SET mk_level = 0, mk_rel = '[]' WHERE mk_level = 3`,
		`UPDATE documents SET rowid = rowid + 1 WHERE rowid = (SELECT max(rowid) FROM documents)`,
		`INSERT INTO documents(id, published, fetched, content_hash, created_at, text) VALUES ('x', '2023', '2023', 'x', '2023', 'alpha')`,
	} {
		if _, err := db.db.Exec(bad); err == nil || !strings.Contains(err.Error(), "must carry") {
			t.Errorf("%s: err %v, want the rowid refused", bad, err)
		}
	}
	search("after refused writes", 3)
	// Were the copy wrong, pages would still show only visible documents.
	db.maxListedMarkings = -1
	if _, err := db.db.Exec(`UPDATE documents_mk SET mk_level = 0, mk_rel = '[]'`); err != nil {
		t.Fatal(err)
	}
	p, err := db.Search(partner, liaison.SearchQuery{Query: "alpha"})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range p.Items {
		if _, err := db.Document(partner, h.Document.ID); err != nil {
			t.Errorf("with a corrupted marking copy, search showed %s, which the viewer may not see", h.Document.ID)
		}
	}
}

// storedNewestFirst lists the stored document ids, last stored first.
func storedNewestFirst(t *testing.T, db *DB) []string {
	t.Helper()
	rows, err := db.db.Query(`SELECT id FROM documents ORDER BY rowid DESC`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	return ids
}
