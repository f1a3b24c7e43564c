package sqlite

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// facetDoc is what the property test knows of a stored document.
type facetDoc struct {
	id, source, month string
	words             []string
	m                 liaison.Marking
}

// TestPropertyFacetsMatchReference stores documents with random markings,
// sources (some held by one document only), months and words, and checks
// for random viewers, under both search plans (marking numbers in rowids,
// and the predicate per hit), that the facets equal counts computed with
// marking.Visible from the documents' known fields: every source, month
// and level, and no value that only hidden documents have.
func TestPropertyFacetsMatchReference(t *testing.T) {
	for _, padding := range []int{0, 70} {
		t.Run(fmt.Sprintf("padding %d", padding), func(t *testing.T) { testFacetsMatchReference(t, padding) })
	}
}

func testFacetsMatchReference(t *testing.T, padding int) {
	db := openAccessTestDB(t)
	for i := range padding {
		if _, err := db.db.Exec(`INSERT INTO markings(mk_level, mk_rel, mk_caveats) VALUES (?, '["ZZZ"]', '[]')`, 100+i); err != nil {
			t.Fatal(err)
		}
	}
	rng := rand.New(rand.NewPCG(uint64(3+padding), 17))
	docs := storeFacetDocs(t, db, rng, 80)
	queries := map[string]func(facetDoc) bool{
		"alpha":          func(d facetDoc) bool { return slices.Contains(d.words, "alpha") },
		"beta":           func(d facetDoc) bool { return slices.Contains(d.words, "beta") },
		"alpha OR beta":  func(d facetDoc) bool { return len(d.words) > 0 },
		"nothingmatches": func(d facetDoc) bool { return false },
	}
	for j := 0; j < 30; j++ {
		v, has := randomViewer(rng)
		ctx := context.Background()
		if has {
			ctx = liaison.WithViewer(ctx, v)
		}
		for plan, name := range map[int]string{0: "rowids", -1: "per hit"} {
			db.maxListedMarkings = plan
			for q, match := range queries {
				var hits []facetDoc
				for _, d := range docs {
					if has && marking.Visible(v, d.m) && match(d) {
						hits = append(hits, d)
					}
				}
				p, err := db.Search(ctx, liaison.SearchQuery{Query: q, Limit: 5, Facets: true})
				if err != nil {
					t.Fatal(err)
				}
				what := fmt.Sprintf("viewer %+v (present %v), %s, %q", v, has, name, q)
				if p.Total != len(hits) {
					t.Fatalf("%s: total %d, want %d", what, p.Total, len(hits))
				}
				checkFacets(t, what, p.Facets, hits)
			}
			checkFiltered(t, db, ctx, rng, docs, func(d facetDoc) bool { return has && marking.Visible(v, d.m) })
		}
	}
	// Without Facets, none are computed.
	p, err := db.Search(liaison.SystemContext(context.Background()), liaison.SearchQuery{Query: "alpha"})
	if err != nil || p.Facets != nil || p.Total == 0 {
		t.Fatalf("search without facets: total %d, facets %+v, err %v; want hits and no facets", p.Total, p.Facets, err)
	}
}

// checkFiltered searches with a random source and/or month filter (a
// value of a random document, visible or not, or one no document has) and
// checks the hits, their total and their facets against the visible
// documents with those values.
func checkFiltered(t *testing.T, db *DB, ctx context.Context, rng *rand.Rand, docs []facetDoc, sees func(facetDoc) bool) {
	t.Helper()
	var q liaison.SearchQuery
	for q.Source == "" && q.Month == "" {
		d := docs[rng.IntN(len(docs))]
		if rng.IntN(2) == 0 {
			q.Source = map[bool]string{true: d.source, false: "feed-none"}[rng.IntN(8) > 0]
		}
		if rng.IntN(2) == 0 {
			q.Month = map[bool]string{true: d.month, false: "2019-01"}[rng.IntN(8) > 0]
		}
	}
	q.Query, q.Limit, q.Facets = "gamma", 500, true
	var hits []facetDoc
	var want []string
	for _, d := range docs {
		if sees(d) && (q.Source == "" || d.source == q.Source) && (q.Month == "" || d.month == q.Month) {
			hits, want = append(hits, d), append(want, d.id)
		}
	}
	p, err := db.Search(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range p.Items {
		got = append(got, h.Document.ID)
	}
	slices.Sort(got)
	slices.Sort(want)
	what := fmt.Sprintf("source %q month %q", q.Source, q.Month)
	if !slices.Equal(got, want) || p.Total != len(want) {
		t.Fatalf("%s: hits %v (total %d), want %v", what, got, p.Total, want)
	}
	checkFacets(t, what, p.Facets, hits)
}

// storeFacetDocs stores n documents with random fields and returns them.
func storeFacetDocs(t *testing.T, db *DB, rng *rand.Rand, n int) []facetDoc {
	t.Helper()
	sys := liaison.SystemContext(context.Background())
	p := marking.Default()
	r := marking.NewNations(marking.SeedNations(), time.Date(2023, 7, 12, 0, 0, 0, 0, time.UTC))
	var docs []facetDoc
	for i := range n {
		src := fmt.Sprintf("feed-%d", rng.IntN(14))
		if rng.IntN(8) == 0 {
			src = fmt.Sprintf("solo-%d", i) // a source only this document has
		}
		pub := time.Date(2022, time.Month(1+rng.IntN(18)), 1+rng.IntN(28), rng.IntN(24), 0, 0, 0, time.UTC)
		words := subset(rng, []string{"alpha", "beta"}, 2)
		m := randomMarking(rng, p, r)
		d := &liaison.Document{Source: src, Title: fmt.Sprintf("facet report %d", i),
			Text:      fmt.Sprintf("Report %d: %s and gamma.", i, strings.Join(words, " ")),
			Published: pub, Fetched: pub, DateSource: liaison.DateFromInput, Marking: m}
		if _, err := db.PutDocument(sys, d); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, facetDoc{id: d.ID, source: src, month: pub.Format("2006-01"), words: words, m: m})
	}
	return docs
}

// checkFacets compares f with the facets of hits, computed here from the
// documents' fields.
func checkFacets(t *testing.T, what string, f *liaison.SearchFacets, hits []facetDoc) {
	t.Helper()
	if f == nil {
		t.Fatalf("%s: no facets", what)
	}
	sources, months, levels := map[string]int{}, map[string]int{}, map[int]int{}
	names := map[int][]string{}
	var ms []liaison.Marking
	for _, h := range hits {
		sources[h.source]++
		months[h.month]++
		levels[h.m.Level]++
		names[h.m.Level] = append(names[h.m.Level], h.m.Classification)
		ms = append(ms, h.m)
	}
	wantSources := refCounts(sources)
	slices.SortFunc(wantSources, func(a, b liaison.FacetCount) int {
		return cmp.Or(b.Count-a.Count, strings.Compare(a.Value, b.Value))
	})
	wantSources = wantSources[:min(10, len(wantSources))]
	wantMonths := refCounts(months)
	slices.SortFunc(wantMonths, func(a, b liaison.FacetCount) int { return strings.Compare(b.Value, a.Value) })
	if !slices.Equal(f.Sources, wantSources) {
		t.Fatalf("%s: sources %v, want %v", what, f.Sources, wantSources)
	}
	if !slices.Equal(f.Months, wantMonths) {
		t.Fatalf("%s: months %v, want %v", what, f.Months, wantMonths)
	}
	var wantLevels []liaison.LevelCount
	for l, n := range levels {
		wantLevels = append(wantLevels, liaison.LevelCount{Level: l, Count: n})
	}
	slices.SortFunc(wantLevels, func(a, b liaison.LevelCount) int { return b.Level - a.Level })
	if len(f.Levels) != len(wantLevels) {
		t.Fatalf("%s: levels %v, want %v", what, f.Levels, wantLevels)
	}
	for i, lc := range f.Levels {
		if lc.Level != wantLevels[i].Level || lc.Count != wantLevels[i].Count || !slices.Contains(names[lc.Level], lc.Name) {
			t.Fatalf("%s: levels %v, want %v (names %v)", what, f.Levels, wantLevels, names)
		}
	}
	if len(hits) == 0 {
		if f.Marking.Level != 0 || f.Marking.Classification != "" || len(f.Marking.RelTo)+len(f.Marking.Caveats) != 0 {
			t.Fatalf("%s: no hits, but facets marked %+v", what, f.Marking)
		}
		return
	}
	for _, m := range ms {
		if !marking.AtLeast(f.Marking, m) {
			t.Fatalf("%s: facets marked %+v, below counted hit %+v", what, f.Marking, m)
		}
	}
	if want := marking.Combine(ms...); f.Marking.Level != want.Level || !slices.Equal(f.Marking.RelTo, want.RelTo) ||
		!slices.Equal(f.Marking.Caveats, want.Caveats) {
		t.Fatalf("%s: facets marked %+v, want %+v", what, f.Marking, want)
	}
}

func refCounts(m map[string]int) []liaison.FacetCount {
	var out []liaison.FacetCount
	for v, n := range m {
		out = append(out, liaison.FacetCount{Value: v, Count: n})
	}
	if out == nil {
		out = []liaison.FacetCount{}
	}
	return out
}
