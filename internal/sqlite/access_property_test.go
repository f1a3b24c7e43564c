package sqlite

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// openAccessTestDB opens a fresh store in a temporary directory.
func openAccessTestDB(t testing.TB) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

var (
	propNations = []string{"USA", "FRA", "JPN", "KOR", "SWE", "FIN", "AUS", "XNS", "GBR"}
	propCaveats = []string{"ATOMAL", "CRYPTO", "BOHEMIA"}
)

func subset(rng *rand.Rand, from []string, p int) []string {
	var out []string
	for _, s := range from {
		if rng.IntN(p) == 0 {
			out = append(out, s)
		}
	}
	return out
}

// randomMarking draws a marking either by parsing random canonical text
// (groups expanded over the seed nations) or from raw random parts.
func randomMarking(rng *rand.Rand, p *marking.Policy, r marking.Resolver) liaison.Marking {
	if rng.IntN(2) == 0 {
		text := p.Levels[rng.IntN(len(p.Levels))].Name
		for _, c := range subset(rng, propCaveats, 4) {
			text += " // " + c
		}
		if rel := subset(rng, append([]string{"NATO", "IP4"}, propNations...), 4); len(rel) > 0 {
			text += " // REL TO " + fmt.Sprint(rel)[1:len(fmt.Sprint(rel))-1]
		}
		if m, err := marking.Parse(p, r, text); err == nil {
			return m
		}
	}
	m := liaison.Marking{Level: rng.IntN(6), RelTo: subset(rng, propNations, 3), Caveats: subset(rng, propCaveats, 3)}
	if rng.IntN(30) == 0 {
		m.RelTo = []string{nobody}
	}
	slices.Sort(m.RelTo)
	return m
}

func randomViewer(rng *rand.Rand) (liaison.Viewer, bool) {
	nations := append([]string{"", "usa", `U"SA`, "CHN", "U%"}, propNations...)
	v := liaison.Viewer{Nation: nations[rng.IntN(len(nations))], Clearance: rng.IntN(7) - 1,
		Caveats: subset(rng, append([]string{"atomal", "OTHER"}, propCaveats...), 2)}
	v.System = rng.IntN(40) == 0
	return v, rng.IntN(40) != 0
}

// randomBoundedViewer is randomViewer where about half the viewers are
// bounded by another (Viewer.Within, as "view as" makes them: another
// nation with the bound's clearance and caveats, or any two viewers), a
// few by two.
func randomBoundedViewer(rng *rand.Rand) (liaison.Viewer, bool) {
	v, has := randomViewer(rng)
	switch rng.IntN(8) {
	case 0, 1:
		w, _ := randomViewer(rng)
		v.Within = &w
	case 2, 3:
		w, _ := randomViewer(rng)
		w.System, v.System = false, false
		v.Clearance, v.Caveats, v.Within = w.Clearance, w.Caveats, &w
	case 4:
		w, _ := randomViewer(rng)
		x, _ := randomViewer(rng)
		w.Within, v.Within = &x, &w
	}
	return v, has
}

// TestPropertyVisibleMatchesSQL checks the store's SQL predicate against the
// reference rule marking.Visible: random markings × random viewers (with
// odd nations, missing viewers, the system, viewers bounded by others as
// "view as" makes them) must select exactly the same items.
func TestPropertyVisibleMatchesSQL(t *testing.T) {
	db := openAccessTestDB(t)
	ctx := context.Background()
	if _, err := db.db.ExecContext(ctx, `CREATE TABLE prop_items (id INTEGER PRIMARY KEY,
		mk_level INTEGER NOT NULL, mk_rel TEXT NOT NULL, mk_caveats TEXT NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(7, 11))
	p := marking.Default()
	r := marking.NewNations(marking.SeedNations(), time.Date(2023, 7, 12, 0, 0, 0, 0, time.UTC))
	const items, viewers = 400, 300
	ms := make([]liaison.Marking, items)
	for i := range ms {
		ms[i] = randomMarking(rng, p, r)
		if err := checkMarking("prop", ms[i]); err != nil {
			t.Fatal(err)
		}
		c := toCols(ms[i])
		if _, err := db.db.ExecContext(ctx, `INSERT INTO prop_items(id, mk_level, mk_rel, mk_caveats) VALUES (?, ?, ?, ?)`,
			i, c.Level, c.Rel, c.Caveats); err != nil {
			t.Fatal(err)
		}
	}
	boundSees, narrowed := 0, 0
	for j := 0; j < viewers; j++ {
		v, has := randomBoundedViewer(rng)
		vctx := ctx
		if has {
			vctx = liaison.WithViewer(ctx, v)
		}
		pred, args := visible(vctx, "t")
		rows, err := db.db.QueryContext(ctx, `SELECT id FROM prop_items t WHERE `+pred+` ORDER BY id`, args...)
		if err != nil {
			t.Fatal(err)
		}
		got := map[int]bool{}
		for rows.Next() {
			var id int
			rows.Scan(&id)
			got[id] = true
		}
		rows.Close()
		for i, m := range ms {
			want := has && marking.Visible(v, m)
			if got[i] != want {
				t.Fatalf("viewer %+v (present %v), marking %+v: SQL says %v, reference says %v", v, has, m, got[i], want)
			}
			if has && v.Within != nil {
				alone := v
				alone.Within = nil
				switch {
				case want:
					boundSees++
				case marking.Visible(alone, m):
					narrowed++
				}
			}
		}
	}
	// Not vacuous: bounded viewers see items, and their bound hides some
	// items the viewer alone would see.
	if boundSees == 0 || narrowed == 0 {
		t.Errorf("bounded viewers: %d items seen, %d hidden by the bound; want both > 0", boundSees, narrowed)
	}
}

// TestPropertyReadPathsMatchReference stores documents with random markings
// and checks, for random viewers, that get, list (items and total) and
// search (hits and total) show exactly the documents marking.Visible allows.
func TestPropertyReadPathsMatchReference(t *testing.T) {
	// Marking numbers below 63 are checked as a bit set, higher ones as a
	// list: 70 markings stored first push the documents' numbers past it.
	for _, padding := range []int{0, 70} {
		t.Run(fmt.Sprintf("padding %d", padding), func(t *testing.T) { testReadPathsMatchReference(t, padding) })
	}
}

func testReadPathsMatchReference(t *testing.T, padding int) {
	db := openAccessTestDB(t)
	for i := range padding {
		if _, err := db.db.Exec(`INSERT INTO markings(mk_level, mk_rel, mk_caveats) VALUES (?, '["ZZZ"]', '[]')`, 100+i); err != nil {
			t.Fatal(err)
		}
	}
	sys := liaison.SystemContext(context.Background())
	rng := rand.New(rand.NewPCG(5, 9))
	p := marking.Default()
	r := marking.NewNations(marking.SeedNations(), time.Date(2023, 7, 12, 0, 0, 0, 0, time.UTC))
	const docs, viewers = 40, 24
	marks := map[string]liaison.Marking{}
	for i := 0; i < docs; i++ {
		d := &liaison.Document{Source: "prop", Title: fmt.Sprintf("report %d", i),
			Text:      fmt.Sprintf("Liaison property report number %d about the Tokyo office.", i),
			Published: time.Date(2023, 7, 1+i%28, 0, 0, 0, 0, time.UTC), Fetched: time.Now(),
			DateSource: liaison.DateFromInput, Marking: randomMarking(rng, p, r)}
		if _, err := db.PutDocument(sys, d); err != nil {
			t.Fatal(err)
		}
		x := &liaison.Extraction{Events: []liaison.Event{{Source: "JPNGOV", Target: "IGOWSTNAT", Root: "04", CAMEO: "040", Date: "2023-07-11"}}}
		if err := db.PutExtraction(sys, d.ID, x); err != nil {
			t.Fatal(err)
		}
		marks[d.ID] = d.Marking
	}
	for j := 0; j < viewers; j++ {
		v, _ := randomBoundedViewer(rng)
		ctx := liaison.WithViewer(context.Background(), v)
		want := map[string]bool{}
		for id, m := range marks {
			if marking.Visible(v, m) {
				want[id] = true
			}
			_, err := db.Document(ctx, id)
			if got := err == nil; got != want[id] || (err != nil && !errors.Is(err, liaison.ErrNotFound)) {
				t.Fatalf("viewer %+v: get %s (marking %+v) err %v, want visible=%v", v, id, m, err, want[id])
			}
		}
		list, err := db.Documents(ctx, liaison.DocumentFilter{Limit: 500})
		if err != nil {
			t.Fatal(err)
		}
		listed := []string{}
		for _, d := range list.Items {
			listed = append(listed, d.ID)
		}
		paths := map[string][]string{"list": listed}
		// Search and events run both of their plans: marking numbers in
		// rowids, and per-row checks (when a viewer sees very many markings).
		for plan, name := range map[int]string{0: "", -1: " per row"} {
			db.maxListedMarkings = plan
			for _, f := range []liaison.EventFilter{{Limit: 500}, {Actor: "JPN", Limit: 500}, {Root: "04", Limit: 500}} {
				evs, err := db.Events(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				if evs.Total != len(want) {
					t.Fatalf("viewer %+v: events%s %+v total %d, want %d", v, name, f, evs.Total, len(want))
				}
				key := fmt.Sprintf("events%s %+v", name, f)
				paths[key] = []string{}
				for _, e := range evs.Items {
					paths[key] = append(paths[key], e.DocID)
				}
			}
			// Counts come from the per-marking count rows, numbered in mk.
			st, err := db.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if st.Documents != len(want) || st.Events != len(want) {
				t.Fatalf("viewer %+v: stats%s %+v, want %d documents and events", v, name, st, len(want))
			}
			if l, err := db.Documents(ctx, liaison.DocumentFilter{Limit: 1}); err != nil || l.Total != len(want) {
				t.Fatalf("viewer %+v: list%s total %d (%v), want %d", v, name, l.Total, err, len(want))
			}
			name := "search" + name
			hits, err := db.Search(ctx, liaison.SearchQuery{Query: "tokyo", Limit: 500})
			if err != nil {
				t.Fatal(err)
			}
			if hits.Total != len(want) {
				t.Fatalf("viewer %+v: %s total %d, want %d", v, name, hits.Total, len(want))
			}
			for _, h := range hits.Items {
				paths[name] = append(paths[name], h.Document.ID)
			}
		}
		for name, ids := range paths {
			if len(ids) != len(want) {
				t.Fatalf("viewer %+v: %s shows %d documents, want %d", v, name, len(ids), len(want))
			}
			for _, id := range ids {
				if !want[id] {
					t.Fatalf("viewer %+v: %s shows %s (marking %+v)", v, name, id, marks[id])
				}
			}
		}
		if list.Total != len(want) {
			t.Fatalf("viewer %+v: list total %d, want %d", v, list.Total, len(want))
		}
	}
}
