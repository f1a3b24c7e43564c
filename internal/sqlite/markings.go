package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
)

// maxMarkingNumbers bounds the visible markings a search or list names in
// its query. Past it (a deployment with very many distinct releasability
// lists) each row's own marking is checked instead.
const maxMarkingNumbers = 1000

// markingBits masks the marking's number out of a document's rowid.
const markingBits = 1<<20 - 1

// markingView is the viewer's side of the markings table (migration 0007):
// the distinct markings of stored items, each judged once by the
// visibility rule (visible, the one predicate) rather than once per item.
// The markings it names stay right for the viewer's rule for good (a
// marking's number never changes: migration 0009), which is what lets the
// view cache reuse it; a marking stored later is in no view, so its items
// are left out until the view is judged again. "all" holds only in the read
// transaction it was judged in, and is never cached.
type markingView struct {
	all     bool    // the viewer may see every stored marking
	visible []int64 // the numbers of the markings the viewer may see
	total   int     // how many markings are stored
}

// viewMarkings returns the markings the viewer in ctx may see: for the
// system viewer every marking, for no viewer none, for anyone else the
// stored markings judged by visible, the one rule — from the view cache
// when a fresh enough judgement of the same rule is there (see viewCache).
func (db *DB) viewMarkings(ctx context.Context, tx *sql.Tx) (markingView, error) {
	vis, args := visible(ctx, "m")
	switch vis {
	case "(1)":
		return markingView{all: true}, nil
	case "(0)":
		return markingView{}, nil
	}
	key := viewKey(vis, args)
	if mv, ok := db.views.lookup(tx, key); ok {
		return mv, nil
	}
	mv, err := db.judgeMarkings(ctx, tx, vis, args)
	if err != nil {
		return mv, err
	}
	db.views.store(tx, key, mv)
	return mv, nil
}

// judgeMarkings applies the predicate vis (from visible, over alias m) to
// every stored marking.
func (db *DB) judgeMarkings(ctx context.Context, tx *sql.Tx, vis string, args []any) (markingView, error) {
	var mv markingView
	rows, err := db.txQuery(ctx, tx, `SELECT m.id, `+vis+` FROM markings m ORDER BY m.id`, args...)
	if err != nil {
		return mv, fmt.Errorf("read markings: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var ok bool
		if err := rows.Scan(&id, &ok); err != nil {
			return mv, fmt.Errorf("read markings: %w", err)
		}
		mv.total++
		if ok {
			mv.visible = append(mv.visible, id)
		}
	}
	if err := rows.Err(); err != nil {
		return mv, fmt.Errorf("read markings: %w", err)
	}
	mv.all = len(mv.visible) == mv.total
	return mv, nil
}

// numberFilter is the SQL condition that keeps only the rows whose marking
// number (the SQL expression num) names a marking the viewer may see, with
// its arguments. ok is false when the view names more than max markings
// (0: maxMarkingNumbers; negative: any), and the caller checks each row's
// marking instead.
func (mv markingView) numberFilter(num string, max int) (cond string, args []any, ok bool) {
	if max == 0 {
		max = maxMarkingNumbers
	}
	if len(mv.visible) > max {
		return "", nil, false
	}
	if len(mv.visible) == 0 {
		return "(0)", nil, true
	}
	if mv.visible[len(mv.visible)-1] < 63 {
		// The usual case, few markings: a bit set, tested by arithmetic.
		var set int64
		for _, id := range mv.visible {
			set |= 1 << id
		}
		return "((? >> " + num + ") & 1)", []any{set}, true
	}
	for _, id := range mv.visible {
		args = append(args, id)
	}
	return num + " IN (?" + strings.Repeat(",?", len(args)-1) + ")", args, true
}

// rowVisibility is the viewer's condition over rows whose rowid (the SQL
// expression rowid) carries their marking's number in its low bits
// (documents, events: migration 0007): see markingView.cond. It must run in
// the transaction of the statements that use it (see markingView).
func (db *DB) rowVisibility(ctx context.Context, tx *sql.Tx, rowid, mkAlias string) (cond string, args []any, perRow bool, err error) {
	mv, err := db.viewMarkings(ctx, tx)
	if err != nil {
		return "", nil, false, err
	}
	num := "(" + rowid + " & " + strconv.Itoa(markingBits) + ")"
	cond, args, perRow = mv.cond(ctx, num, mkAlias, db.maxListedMarkings)
	return cond, args, perRow, nil
}

// cond is the view's condition over rows whose marking number is the SQL
// expression num (from a document's or event's rowid, a count's mk):
// nothing to check when every stored marking is visible, arithmetic on num
// when few are, else the predicate itself over the marking columns of
// mkAlias — perRow then says so, for a caller that must first join them
// in. max is as for numberFilter.
func (mv markingView) cond(ctx context.Context, num, mkAlias string, max int) (cond string, args []any, perRow bool) {
	if mv.all {
		return "(1)", nil, false
	}
	if cond, args, ok := mv.numberFilter(num, max); ok {
		return cond, args, false
	}
	vis, args := visible(ctx, mkAlias)
	return vis, args, true
}
