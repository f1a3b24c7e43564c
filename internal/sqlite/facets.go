package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"
	"strconv"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// facetGroup is the visible hits sharing a source, a month and a marking
// number, with the rowid of one of them.
type facetGroup struct {
	source, month string
	mk            int64
	n             int
	rep           int64
}

// searchFacets counts the visible hits of sq by source, month published and
// classification level. It runs in the search's read transaction with the
// condition that counts Page.Total (sq.vis, from planSearch: the viewer's
// marking numbers, or the visibility predicate itself per hit), so its
// counts add up to the total and never include a hidden document.
//
// One pass groups the hits by (source, month, marking number): source and
// published come from the narrow index documents_facets (migration 0011),
// the marking number from the hit's rowid (migration 0007). The markings
// themselves — level, classification name, releasability, caveats — are
// then read from one visible hit per marking number, checked again there
// with the full predicate against documents (as a page's documents are).
func (db *DB) searchFacets(ctx context.Context, tx *sql.Tx, sq searchQuery) (*liaison.SearchFacets, error) {
	var groups []facetGroup
	sq.doc = true
	err := db.txEach(ctx, tx, `SELECT f.source, substr(f.published, 1, 7), documents_fts.rowid & `+
		strconv.Itoa(markingBits)+`, count(*), max(documents_fts.rowid)`+sq.from()+sq.vis+
		` GROUP BY 1, 2, 3`, sq.args(), func(r *sql.Rows) error {
		var g facetGroup
		err := r.Scan(&g.source, &g.month, &g.mk, &g.n, &g.rep)
		groups = append(groups, g)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("search facets: %w", err)
	}
	marks, err := db.facetMarkings(ctx, tx, sq, groups)
	if err != nil {
		return nil, err
	}
	return buildFacets(groups, marks), nil
}

// facetMarkings reads the marking of each marking number among groups from
// a hit holding it, which must pass the page predicate sq.pageVis: a
// number the rowid condition let through but whose document the viewer may
// not see fails the search instead of naming its level (fails closed).
func (db *DB) facetMarkings(ctx context.Context, tx *sql.Tx, sq searchQuery, groups []facetGroup) (map[int64]liaison.Marking, error) {
	marks := map[int64]liaison.Marking{}
	reps := map[int64]int64{}
	for _, g := range groups {
		reps[g.mk] = max(reps[g.mk], g.rep)
	}
	for mk, rid := range reps {
		var c markingCols
		err := db.txQueryRow(ctx, tx, `SELECT d.mk_class, d.mk_level, d.mk_rel, d.mk_groups, d.mk_caveats
			FROM documents d WHERE d.rowid = ? AND `+sq.pageVis, append([]any{rid}, sq.pageArgs...)...).
			Scan(&c.Class, &c.Level, &c.Rel, &c.Groups, &c.Caveats)
		if err != nil {
			return nil, fmt.Errorf("search facets: marking %d of hit %d: %w", mk, rid, err)
		}
		marks[mk] = fromCols(c)
	}
	return marks, nil
}

// buildFacets sums the groups into the three facets, in the order
// SearchFacets documents, and combines the counted markings.
func buildFacets(groups []facetGroup, marks map[int64]liaison.Marking) *liaison.SearchFacets {
	var t liaison.FacetTally
	for _, g := range groups {
		t.Add(g.source, g.month, marks[g.mk], g.n)
	}
	f := t.Facets()
	if len(marks) > 0 {
		// In marking-number order: Combine keeps the first name it meets.
		var ms []liaison.Marking
		for _, mk := range slices.Sorted(maps.Keys(marks)) {
			ms = append(ms, marks[mk])
		}
		f.Marking = marking.Combine(ms...)
	}
	return f
}
