package storetest

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// searchCorpus stores a few documents for the search tests and returns
// their ids by key.
func searchCorpus(t *testing.T, s Store) map[string]string {
	docs := []struct{ key, title, text string }{
		{"vilnius", "Japan at the Vilnius summit", "Prime Minister Kishida attended the NATO summit in Vilnius with the IP4 partners."},
		{"yokosuka", "Patrol vessel visits Yokosuka", "The Italian patrol vessel Morosini arrived at Yokosuka for a port call."},
		{"tokyo", "Tokyo liaison office", "France objected to a NATO liaison office in Tokyo; the summit deferred the decision."},
		{"bahnhof", "Zürich Bahnhöfe", "Die Bahnhöfe in Zürich waren voll; Café und Crème brûlée."},
	}
	ids := map[string]string{}
	for i, d := range docs {
		ids[d.key] = put(t, s, doc(d.title, d.text, day0.AddDate(0, 0, i))).ID
	}
	return ids
}

func testSearch(t *testing.T, s Store) {
	ids := searchCorpus(t, s)
	tests := []struct {
		query string
		want  []string // in rank order when ordered is set
		order bool
	}{
		{"vilnius", []string{"vilnius"}, true},
		{"Vilnius", []string{"vilnius"}, true},
		{"summit", []string{"vilnius", "tokyo"}, true}, // title match ranks first
		{"NATO summit", []string{"vilnius", "tokyo"}, false},
		{`"liaison office"`, []string{"tokyo"}, true},
		{`"office liaison"`, nil, true},
		{"yoko*", []string{"yokosuka"}, true},
		{`"patrol ves"*`, []string{"yokosuka"}, true},
		{"summit OR Morosini", []string{"vilnius", "tokyo", "yokosuka"}, false},
		{"summit NOT France", []string{"vilnius"}, true},
		{"zurich", []string{"bahnhof"}, true}, // diacritics folded
		{"crème", []string{"bahnhof"}, true},
		{"nothingmatches", nil, true},
	}
	for _, tc := range tests {
		got, snips, total := allHits(t, sys(), s, liaison.SearchQuery{Query: tc.query})
		var want []string
		for _, k := range tc.want {
			want = append(want, ids[k])
		}
		ok := slices.Equal(got, want)
		if !tc.order {
			ok, _ = sameSet(got, want)
		}
		if !ok || total != len(want) {
			t.Errorf("Search(%q) = %v (total %d), want %v", tc.query, got, total, tc.want)
		}
		for _, sn := range snips {
			if !strings.Contains(sn, "[[") || !strings.Contains(sn, "]]") {
				t.Errorf("Search(%q): snippet %q has no [[highlight]]", tc.query, sn)
			}
		}
	}
	p, err := s.Search(sys(), liaison.SearchQuery{Query: "Morosini"})
	if err != nil || len(p.Items) != 1 || !strings.Contains(p.Items[0].Snippet, "[[Morosini]]") {
		t.Errorf("snippet for Morosini: %+v, %v", p, err)
	}
	if len(p.Items) == 1 && p.Items[0].Document.Text == "" {
		t.Error("search hit without its document")
	}
	t.Run("Facets", func(t *testing.T) { testSearchFacets(t, s) })
}

// facetDoc is one document of the facet corpus as the test knows it.
type facetDoc struct {
	id, source, month string
	m                 liaison.Marking
}

// testSearchFacets stores one document per matrix marking, each with a
// source and a month no other document has, and public ones sharing a
// source, then checks for every matrix viewer that the facets count
// exactly the visible hits (marking.Visible): no source, month or level of
// a hidden document appears, the sources are cut at the top ten, and the
// facets' marking covers every counted hit and is visible to the viewer.
func testSearchFacets(t *testing.T, s Store) {
	var docs []facetDoc
	add := func(title, source string, pub time.Time, m liaison.Marking) {
		d := doc(title, "The facetword report "+title+".", pub)
		d.Source, d.Marking = source, m
		docs = append(docs, facetDoc{put(t, s, d).ID, source, pub.Format("2006-01"), m})
	}
	for i, m := range matrixMarkings {
		add("marked "+alphabet[i], "src-"+alphabet[i], time.Date(2020, time.Month(1+i), 3, 23, 0, 0, 0, time.UTC), m)
	}
	for i, src := range []string{"wire", "wire", "wire", "zz-a", "zz-b"} {
		add(fmt.Sprintf("public %d", i), src, day0, matrixMarkings[0])
	}
	for _, mv := range matrixViewers() {
		var hits []facetDoc
		for _, d := range docs {
			if mv.sees(d.m) {
				hits = append(hits, d)
			}
		}
		p, err := s.Search(mv.ctx(), liaison.SearchQuery{Query: "facetword", Limit: 2, Facets: true})
		if err != nil {
			t.Fatalf("%s: %v", mv.name, err)
		}
		if p.Total != len(hits) || p.Facets == nil {
			t.Fatalf("%s: total %d, facets %v; want %d and facets", mv.name, p.Total, p.Facets, len(hits))
		}
		checkFacets(t, mv, p.Facets, hits)
		checkFacetFilters(t, s, mv, docs)
	}
	p, err := s.Search(sys(), liaison.SearchQuery{Query: "facetword"})
	if err != nil || p.Facets != nil {
		t.Errorf("search without Facets: facets %+v, %v; want none", p.Facets, err)
	}
	for _, month := range []string{"2023-13", "07-2023", "2023-7", "2023-07-01", "x"} {
		_, err := s.Search(sys(), liaison.SearchQuery{Query: "facetword", Month: month})
		if !errors.Is(err, liaison.ErrInvalid) || !strings.Contains(err.Error(), month) {
			t.Errorf("month %q: err %v; want ErrInvalid naming it", month, err)
		}
	}
}

// checkFacetFilters follows every source and month of the corpus (and a
// source with no document) as a filter: the hits, their total and their
// facets are those of the visible documents with that value, so a value
// only hidden documents have finds nothing.
func checkFacetFilters(t *testing.T, s Store, mv matrixViewer, docs []facetDoc) {
	t.Helper()
	var filters []liaison.SearchQuery
	for _, d := range docs {
		filters = append(filters, liaison.SearchQuery{Source: d.source}, liaison.SearchQuery{Month: d.month})
	}
	filters = append(filters, liaison.SearchQuery{Source: "wire", Month: day0.Format("2006-01")},
		liaison.SearchQuery{Source: "src-alfa", Month: "2020-02"}, liaison.SearchQuery{Source: "nowhere"})
	for _, q := range filters {
		var hits []facetDoc
		var want []string
		for _, d := range docs {
			if mv.sees(d.m) && (q.Source == "" || d.source == q.Source) && (q.Month == "" || d.month == q.Month) {
				hits, want = append(hits, d), append(want, d.id)
			}
		}
		q.Query, q.Limit, q.Facets = "facetword", 50, true
		got, _, total := allHits(t, mv.ctx(), s, q)
		if ok, diff := sameSet(got, want); !ok || total != len(want) {
			t.Fatalf("%s: source %q month %q: total %d, %s", mv.name, q.Source, q.Month, total, diff)
		}
		p, err := s.Search(mv.ctx(), q)
		if err != nil {
			t.Fatal(err)
		}
		checkFacets(t, mv, p.Facets, hits)
	}
}

// checkFacets compares f with the facets computed here from hits.
func checkFacets(t *testing.T, mv matrixViewer, f *liaison.SearchFacets, hits []facetDoc) {
	t.Helper()
	src, mon := map[string]int{}, map[string]int{}
	var levels []liaison.LevelCount
	var ms []liaison.Marking
	for _, h := range hits {
		src[h.source]++
		mon[h.month]++
		ms = append(ms, h.m)
		i := slices.IndexFunc(levels, func(l liaison.LevelCount) bool { return l.Level == h.m.Level })
		if i < 0 {
			levels = append(levels, liaison.LevelCount{Level: h.m.Level, Name: h.m.Classification})
			i = len(levels) - 1
		}
		levels[i].Count++
	}
	sources, months := sortedCounts(src), sortedCounts(mon)
	slices.SortStableFunc(sources, func(a, b liaison.FacetCount) int { return b.Count - a.Count })
	sources = sources[:min(len(sources), 10)]
	slices.Reverse(months)
	slices.SortFunc(levels, func(a, b liaison.LevelCount) int { return b.Level - a.Level })
	if !slices.Equal(f.Sources, sources) || !slices.Equal(f.Months, months) || !slices.Equal(f.Levels, levels) {
		t.Errorf("%s: facets\n sources %v\n months %v\n levels %v\nwant\n sources %v\n months %v\n levels %v",
			mv.name, f.Sources, f.Months, f.Levels, sources, months, levels)
	}
	for _, m := range ms {
		if !marking.AtLeast(f.Marking, m) {
			t.Errorf("%s: facets marked %+v, below a counted hit's %+v", mv.name, f.Marking, m)
		}
	}
	if len(ms) > 0 && !mv.v.System && !mv.sees(f.Marking) {
		t.Errorf("%s: facets marked %+v, which the viewer may not see", mv.name, f.Marking)
	}
	if len(ms) == 0 && (f.Marking.Level != 0 || f.Marking.Classification != "") {
		t.Errorf("%s: nothing counted, facets marked %+v", mv.name, f.Marking)
	}
}

// sortedCounts lists m's counts by value.
func sortedCounts(m map[string]int) []liaison.FacetCount {
	out := []liaison.FacetCount{}
	for _, v := range slices.Sorted(maps.Keys(m)) {
		out = append(out, liaison.FacetCount{Value: v, Count: m[v]})
	}
	return out
}

func testSearchSyntax(t *testing.T, s Store) {
	searchCorpus(t, s)
	invalid := []string{"", "   ", `"unbalanced`, "OR", "AND summit", "summit NOT", "summit OR OR vilnius",
		"NOT summit", "***", `""`, "()", strings.Repeat("x", 2000)}
	for _, q := range invalid {
		_, err := s.Search(sys(), liaison.SearchQuery{Query: q})
		if !errors.Is(err, liaison.ErrInvalid) {
			t.Errorf("Search(%.30q): err = %v, want ErrInvalid", q, err)
			continue
		}
		if len(q) < 100 && !strings.Contains(err.Error(), strconv.Quote(q)) {
			t.Errorf("Search(%.30q): error %q does not name the query", q, err)
		}
	}
	// Anything else a user may type is searched, never an SQL error.
	odd := []string{"summit;", "DROP TABLE documents", "title:summit", "summit^2", "a-b", "NEAR(summit vilnius)",
		"'quoted'", "{summit}", "summit:*", "*summit", "sum*mit", "and or not", "-vilnius", "+summit", "\x00",
		"日本", "summit\"", `\"`, "%", "_", "col:", "NATO + JPN"}
	for _, q := range odd {
		_, err := s.Search(sys(), liaison.SearchQuery{Query: q})
		if err != nil && !errors.Is(err, liaison.ErrInvalid) {
			t.Errorf("Search(%q): %v, want results or ErrInvalid", q, err)
		}
	}
}

func testSearchPaging(t *testing.T, s Store) {
	var want []string
	for i := range 9 {
		d := doc(fmt.Sprintf("Exercise %d", i), fmt.Sprintf("Maritime exercise number %d %s.", i, strings.Repeat(" maritime", i)), day0)
		want = append(want, put(t, s, d).ID)
	}
	all, _, total := allHits(t, sys(), s, liaison.SearchQuery{Query: "maritime", Limit: 50})
	if total != 9 || len(all) != 9 {
		t.Fatalf("one page: %d hits, total %d; want 9", len(all), total)
	}
	if ok, diff := sameSet(all, want); !ok {
		t.Fatalf("hits differ: %s", diff)
	}
	for _, limit := range []int{1, 2, 4} {
		got, _, total := allHits(t, sys(), s, liaison.SearchQuery{Query: "maritime", Limit: limit})
		if !slices.Equal(got, all) || total != 9 {
			t.Errorf("limit %d: %v (total %d), want %v", limit, got, total, all)
		}
	}
}

// RunSearchFacets runs the facet test alone, for a store that does not run
// the whole suite (the memory store, whose search syntax is simpler than
// the suite asks) but answers SearchQuery.Facets.
func RunSearchFacets(t *testing.T, open func(t *testing.T) Store) {
	testSearchFacets(t, open(t))
}
