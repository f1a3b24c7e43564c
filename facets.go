package liaison

import (
	"cmp"
	"maps"
	"slices"
)

// FacetTally counts search hits into SearchFacets. Every store counts its
// visible hits through it, so that the facets' order, the source cut-off
// and the naming of levels are the same whichever store answers (the
// combined Marking is the caller's: combining markings is policy).
type FacetTally struct {
	sources, months map[string]int
	levels          map[int]*LevelCount
}

// Add counts n hits of one source, month (YYYY-MM) and marking.
func (t *FacetTally) Add(source, month string, m Marking, n int) {
	if t.sources == nil {
		t.sources, t.months, t.levels = map[string]int{}, map[string]int{}, map[int]*LevelCount{}
	}
	t.sources[source] += n
	t.months[month] += n
	lc := t.levels[m.Level]
	if lc == nil {
		lc = &LevelCount{Level: m.Level, Name: m.Classification}
		t.levels[m.Level] = lc
	}
	lc.Count += n
	if lc.Name == "" || (m.Classification != "" && m.Classification < lc.Name) {
		lc.Name = m.Classification // deterministic when names disagree
	}
}

// Facets returns the counts in SearchFacets' order: sources by count (ties
// by name, the top MaxSourceFacets), months newest first, levels highest
// first.
func (t *FacetTally) Facets() *SearchFacets {
	f := &SearchFacets{Sources: facetCounts(t.sources), Months: facetCounts(t.months), Levels: []LevelCount{}}
	slices.SortFunc(f.Sources, func(a, b FacetCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Value, b.Value))
	})
	f.Sources = f.Sources[:min(len(f.Sources), MaxSourceFacets)]
	slices.SortFunc(f.Months, func(a, b FacetCount) int { return cmp.Compare(b.Value, a.Value) })
	for _, l := range slices.Sorted(maps.Keys(t.levels)) {
		f.Levels = append(f.Levels, *t.levels[l])
	}
	slices.Reverse(f.Levels)
	return f
}

// facetCounts turns a value → count map into FacetCounts (unordered).
func facetCounts(m map[string]int) []FacetCount {
	out := make([]FacetCount, 0, len(m))
	for v, n := range m {
		out = append(out, FacetCount{Value: v, Count: n})
	}
	return out
}
