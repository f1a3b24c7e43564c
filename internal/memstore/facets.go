package memstore

import (
	"cmp"
	"slices"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// searchFacets counts hits (every visible hit of a query, not a page) by
// source, month published and level, as liaison.SearchFacets describes, so
// that pages and handlers tested on this store see what the SQLite store
// answers.
func searchFacets(hits []liaison.SearchHit) *liaison.SearchFacets {
	sources, months := map[string]int{}, map[string]int{}
	levels := map[int]*liaison.LevelCount{}
	var ms []liaison.Marking
	for _, h := range hits {
		d := h.Document
		sources[d.Source]++
		months[d.Published.UTC().Format("2006-01")]++
		lc := levels[d.Marking.Level]
		if lc == nil {
			lc = &liaison.LevelCount{Level: d.Marking.Level, Name: d.Marking.Classification}
			levels[d.Marking.Level] = lc
		}
		lc.Count++
		if lc.Name == "" || (d.Marking.Classification != "" && d.Marking.Classification < lc.Name) {
			lc.Name = d.Marking.Classification
		}
		ms = append(ms, d.Marking)
	}
	f := &liaison.SearchFacets{Sources: facetCounts(sources), Months: facetCounts(months), Levels: []liaison.LevelCount{}}
	slices.SortFunc(f.Sources, func(a, b liaison.FacetCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Value, b.Value))
	})
	f.Sources = f.Sources[:min(len(f.Sources), liaison.MaxSourceFacets)]
	slices.SortFunc(f.Months, func(a, b liaison.FacetCount) int { return cmp.Compare(b.Value, a.Value) })
	for _, lc := range levels {
		f.Levels = append(f.Levels, *lc)
	}
	slices.SortFunc(f.Levels, func(a, b liaison.LevelCount) int { return cmp.Compare(b.Level, a.Level) })
	if len(ms) > 0 {
		f.Marking = marking.Combine(ms...)
	}
	return f
}

func facetCounts(m map[string]int) []liaison.FacetCount {
	out := make([]liaison.FacetCount, 0, len(m))
	for v, n := range m {
		out = append(out, liaison.FacetCount{Value: v, Count: n})
	}
	return out
}
