package app

import (
	"cmp"
	"encoding/json"
	"fmt"
	"html"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// lmFacets is the reference facets of a search matching docs: each
// document's source (its canary, so one per document), month and level,
// counted over the documents the user may see.
func lmFacets(docs []*lmItem) liaison.SearchFacets {
	f := liaison.SearchFacets{Sources: []liaison.FacetCount{}, Months: []liaison.FacetCount{}, Levels: []liaison.LevelCount{}}
	months, levels := map[string]int{}, map[int]*liaison.LevelCount{}
	for _, d := range docs {
		f.Sources = append(f.Sources, liaison.FacetCount{Value: "src-" + d.canary, Count: 1})
		months[d.month]++
		if levels[d.m.Level] == nil {
			levels[d.m.Level] = &liaison.LevelCount{Level: d.m.Level, Name: d.m.Classification}
		}
		levels[d.m.Level].Count++
	}
	slices.SortFunc(f.Sources, func(a, b liaison.FacetCount) int { return cmp.Compare(a.Value, b.Value) })
	f.Sources = f.Sources[:min(len(f.Sources), 10)]
	for m, n := range months {
		f.Months = append(f.Months, liaison.FacetCount{Value: m, Count: n})
	}
	slices.SortFunc(f.Months, func(a, b liaison.FacetCount) int { return cmp.Compare(b.Value, a.Value) })
	for _, lc := range levels {
		f.Levels = append(f.Levels, *lc)
	}
	slices.SortFunc(f.Levels, func(a, b liaison.LevelCount) int { return cmp.Compare(b.Level, a.Level) })
	return f
}

// facets checks search facets, through the API and on the search page:
// they count exactly the documents the user may see (no source, month or
// level that only invisible documents have), and the page showing them
// carries the banner of every counted document even when it lists only
// one hit (the last page).
func (r *lmRun) facets(t *testing.T) {
	docs := r.f.visible(r.u, "document")
	want := lmFacets(docs)
	var p liaison.Page[liaison.SearchHit]
	r.getJSON(t, "GET /api/v1/search?facets", "/api/v1/search?q=zephyr&facets=1&limit=1", &p)
	if p.Facets == nil || p.Total != len(docs) {
		t.Errorf("%s: search facets %+v (total %d); want %d documents' facets", r.u.name, p.Facets, p.Total, len(docs))
		return
	}
	got := *p.Facets
	if !slices.Equal(got.Sources, want.Sources) || !slices.Equal(got.Months, want.Months) || !slices.Equal(got.Levels, want.Levels) {
		g, _ := json.Marshal(got)
		w, _ := json.Marshal(want)
		t.Errorf("%s: search facets\n%s\nwant\n%s", r.u.name, g, w)
	}
	banner := lmWantBanner(markingsOfItems(docs))
	if len(docs) > 0 && marking.Format(got.Marking) != banner {
		t.Errorf("%s: search facets marked %q; want %q", r.u.name, marking.Format(got.Marking), banner)
	}
	for _, it := range r.f.items {
		if it.kind == "document" && !it.visibleTo(r.u.viewer()) && !slices.ContainsFunc(want.Months, func(m liaison.FacetCount) bool {
			return m.Value == it.month
		}) && slices.ContainsFunc(got.Months, func(m liaison.FacetCount) bool { return m.Value == it.month }) {
			t.Errorf("LEAK %s: search facets show month %s, which only invisible documents have", r.u.name, it.month)
		}
	}
	r.facetsPage(t, docs, want, banner)
	r.facetFilters(t, docs)
}

// facetFilters follows each document's source and each month as a search
// filter: a visible document's value finds exactly the visible documents
// with it; an invisible document's source answers exactly as a source no
// document has, through the API (with facets) and on the search page.
func (r *lmRun) facetFilters(t *testing.T, docs []*lmItem) {
	months := map[string][]*lmItem{}
	for _, it := range r.f.items {
		if it.kind != "document" {
			continue
		}
		months[it.month] = months[it.month]
		if !slices.Contains(docs, it) {
			r.sameAsMissing(t, "/api/v1/search?q=zephyr&facets=1&source=src-{id}", it.canary, "zqcanaryzzq")
			r.sameAsMissing(t, "/search?q=zephyr&source=src-{id}", it.canary, "zqcanaryzzq")
			continue
		}
		months[it.month] = append(months[it.month], it)
		r.exact(t, "GET /api/v1/search?source", "/api/v1/search?q=zephyr&facets=1&source=src-"+it.canary, ids([]*lmItem{it}, false), true)
	}
	for m, its := range months {
		r.exact(t, "GET /api/v1/search?month", "/api/v1/search?q=zephyr&facets=1&month="+m, ids(its, false), true)
	}
}

// facetsPage reads the search page at its last hit (the API's cursor after
// all but one hit; the first page when there are fewer than two) and checks
// it lists the facets and carries the banner of all the hits counted.
func (r *lmRun) facetsPage(t *testing.T, docs []*lmItem, want liaison.SearchFacets, banner string) {
	path := "/search?q=zephyr"
	if len(docs) > 1 {
		var p liaison.Page[liaison.SearchHit]
		r.getJSON(t, "GET /api/v1/search", fmt.Sprintf("/api/v1/search?q=zephyr&limit=%d", len(docs)-1), &p)
		if p.NextCursor == "" {
			t.Errorf("%s: search with limit %d has no next page", r.u.name, len(docs)-1)
			return
		}
		path += "&cursor=" + url.QueryEscape(p.NextCursor)
	}
	code, body := r.get(t, "GET /search", path)
	if code != 200 {
		t.Errorf("%s: GET %s = %d", r.u.name, path, code)
		return
	}
	if n := strings.Count(body, `class="title"`); n != min(1, len(docs)) {
		t.Errorf("%s: GET %s lists %d hits; want %d", r.u.name, path, n, min(1, len(docs)))
	}
	banners := lmBannerRe.FindAllStringSubmatch(body, -1)
	if len(banners) != 2 || html.UnescapeString(banners[0][1]) != banner {
		t.Errorf("%s: GET %s banners %q; want %q (all counted hits)", r.u.name, path, banners, banner)
	}
	for _, s := range want.Sources {
		if !strings.Contains(body, s.Value) {
			t.Errorf("%s: GET %s lacks source facet %s", r.u.name, path, s.Value)
		}
	}
	for _, l := range want.Levels {
		if !strings.Contains(body, html.EscapeString(l.Name)+` <span class="count sub">`+fmt.Sprint(l.Count)+`<`) {
			t.Errorf("%s: GET %s lacks level facet %s: %d", r.u.name, path, l.Name, l.Count)
		}
	}
}
