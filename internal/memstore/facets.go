package memstore

import (
	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// searchFacets counts hits (every visible hit of a query, not a page) by
// source, month published and level, as liaison.SearchFacets describes, so
// that pages and handlers tested on this store see what the SQLite store
// answers.
func searchFacets(hits []liaison.SearchHit) *liaison.SearchFacets {
	var t liaison.FacetTally
	var ms []liaison.Marking
	for _, h := range hits {
		d := h.Document
		t.Add(d.Source, d.Published.UTC().Format("2006-01"), d.Marking, 1)
		ms = append(ms, d.Marking)
	}
	f := t.Facets()
	if len(ms) > 0 {
		f.Marking = marking.Combine(ms...)
	}
	return f
}
