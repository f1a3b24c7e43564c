package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
)

// monthGlob is the shape of a date with a month, as liaison.TimelineMonth
// reads it (and migration 0012's triggers count it).
const monthGlob = `'[0-9][0-9][0-9][0-9]-[0-9][0-9]*'`

// monthWindow is a timeline's months: from and to as YYYY-MM, "" when
// open.
type monthWindow struct{ from, to string }

// timelineWindow reads f's months (only the year and month of From and To
// count).
func timelineWindow(f liaison.TimelineFilter) monthWindow {
	var w monthWindow
	if !f.From.IsZero() {
		w.from = f.From.UTC().Format("2006-01")
	}
	if !f.To.IsZero() {
		w.to = f.To.UTC().Format("2006-01")
	}
	return w
}

// counts is the window over the month column of the counts (month_counts,
// actor_months) aliased t.
func (w monthWindow) counts() where {
	var c where
	if w.from != "" {
		c.add("t.month >= ?", w.from)
	}
	if w.to != "" {
		c.add("t.month <= ?", w.to)
	}
	return c
}

// dates is the window over the dates of events aliased e: dated within a
// month, from the first month's start to the last month's end. A date
// "2023-07" sorts after "2023-07" itself and before "2023-08", so a date
// at month precision falls in its month, as a day in it does.
func (w monthWindow) dates() where {
	var c where
	c.add("e.date GLOB " + monthGlob)
	if w.from != "" {
		c.add("e.date >= ?", w.from)
	}
	if w.to != "" {
		t, _ := time.Parse("2006-01", w.to) // formatted by timelineWindow
		c.add("e.date < ?", t.AddDate(0, 1, 0).Format("2006-01"))
	}
	return c
}

// Timeline counts the visible events per month and quad class, oldest
// month first. It sums the per-marking counts the triggers keep (migration
// 0012) over the viewer's visible marking numbers: month_counts without an
// actor, actor_months over the codes starting with the actor's prefix
// (less the events counted under two of them, read through an index and
// checked on their rowids). Either way the rows carry their marking
// number, and the timeline carries the combined marking of those that
// count an event.
func (db *DB) Timeline(ctx context.Context, f liaison.TimelineFilter) (liaison.Timeline, error) {
	tl := liaison.Timeline{Buckets: []liaison.TimelineBucket{}}
	ar, byActor, err := actorPrefix(f.Actor)
	if err != nil {
		return tl, err
	}
	win := timelineWindow(f)
	var keys []markingKey
	err = db.read(ctx, func(tx *sql.Tx) error {
		rows, args, err := db.monthRows(ctx, tx, byActor, ar, win)
		if err != nil {
			return err
		}
		if err := db.scanBuckets(ctx, tx, rows, args, &tl); err != nil {
			return err
		}
		keys, err = db.countedNumbers(ctx, tx, rows, args)
		return err
	})
	if err != nil {
		return liaison.Timeline{Buckets: []liaison.TimelineBucket{}}, fmt.Errorf("timeline: %w", err)
	}
	if tl.Marking, err = db.combineCounted(ctx, []countedSet{{"events", keys}}); err != nil {
		return liaison.Timeline{Buckets: []liaison.TimelineBucket{}}, fmt.Errorf("timeline: %w", err)
	}
	return tl, nil
}

// monthRows is the rows Timeline sums: month, quad, marking number (mk)
// and count (n), only for the viewer's visible markings, as a subquery
// (bound by args). The count rows' marking number is their mk: the
// viewer's listed numbers check it, or past them the rule's predicate on
// the marking it names.
func (db *DB) monthRows(ctx context.Context, tx *sql.Tx, byActor bool, ar actorRange, win monthWindow) (string, []any, error) {
	mv, err := db.viewMarkings(ctx, tx)
	if err != nil {
		return "", nil, err
	}
	cond, cargs, perRow := mv.cond(ctx, "t.mk", "m", db.maxListedMarkings)
	join := ""
	if perRow {
		join = " JOIN markings m ON m.id = t.mk"
	}
	w := win.counts()
	const cols = `SELECT t.month AS month, t.quad AS quad, t.mk AS mk, t.n AS n FROM `
	if !byActor {
		w.addPred(cond, cargs)
		return `(` + cols + `month_counts t` + join + ` WHERE ` + w.sql() + `)`, w.args, nil
	}
	doubles, dargs, err := db.doubleCounted(ctx, tx, ar, win)
	if err != nil {
		return "", nil, err
	}
	w.addPred(cond, cargs)
	return `(` + cols + `actor_months t` + join + ` WHERE t.code >= ? AND t.code < ? AND ` + w.sql() +
		` UNION ALL ` + doubles + `)`, slices.Concat([]any{ar.lo, ar.hi}, w.args, dargs), nil
}

// doubleCounted selects, as month rows of count -1,
// the events actor_months counts twice for the codes in ar: an event is
// counted under its source and its target unless the two are equal
// (migration 0012), so those whose source and target are both in ar but
// differ. They are found in the index on (target, source), one range per
// target code when actorCodes lists them all, as countActor finds them,
// and each is checked by the viewer's condition on its rowid
// (rowVisibility).
func (db *DB) doubleCounted(ctx context.Context, tx *sql.Tx, ar actorRange, win monthWindow) (string, []any, error) {
	vis, vargs, _, err := db.rowVisibility(ctx, tx, "e.rowid", "e")
	if err != nil {
		return "", nil, err
	}
	_, tgt, listed, err := db.actorCodes(ctx, tx, ar)
	if err != nil {
		return "", nil, fmt.Errorf("actor codes: %w", err)
	}
	targets, targs := "e.target >= ? AND e.target < ?", []any{ar.lo, ar.hi}
	if listed && len(tgt) > 0 {
		targets, targs = "e.target IN (?"+strings.Repeat(",?", len(tgt)-1)+")", nil
		for _, c := range tgt {
			targs = append(targs, c)
		}
	}
	d := win.dates()
	return `SELECT substr(e.date, 1, 7), e.quad, e.rowid & ` + strconv.Itoa(markingBits) + `, -1
		FROM events e INDEXED BY events_target WHERE ` + targets + `
		AND e.source >= ? AND e.source < ? AND e.source <> e.target AND ` + d.sql() + ` AND ` + vis,
		slices.Concat(targs, []any{ar.lo, ar.hi}, d.args, vargs), nil
}

// scanBuckets sums the month rows (monthRows, bound by args) per month
// and quad into tl's buckets, oldest month first. The database sums them:
// each row read through the driver costs more than summing it.
func (db *DB) scanBuckets(ctx context.Context, tx *sql.Tx, rows string, args []any, tl *liaison.Timeline) error {
	err := db.txEach(ctx, tx, `SELECT r.month, r.quad, sum(r.n) FROM `+rows+` r GROUP BY 1, 2 HAVING sum(r.n) > 0
		ORDER BY 1, 2`, args, func(r *sql.Rows) error {
		var b liaison.TimelineBucket
		err := r.Scan(&b.Month, &b.Quad, &b.Events)
		tl.Buckets = append(tl.Buckets, b)
		return err
	})
	if err != nil {
		return fmt.Errorf("count months: %w", err)
	}
	return nil
}

// countedNumbers returns the markings of the month rows (monthRows, bound
// by args) that count an event.
func (db *DB) countedNumbers(ctx context.Context, tx *sql.Tx, rows string, args []any) ([]markingKey, error) {
	var mks []int64
	err := db.txEach(ctx, tx, `SELECT r.mk FROM `+rows+` r GROUP BY 1 HAVING sum(r.n) > 0`, args, func(r *sql.Rows) error {
		var mk int64
		err := r.Scan(&mk)
		mks = append(mks, mk)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("counted markings: %w", err)
	}
	return db.numberedMarkings(ctx, tx, mks)
}

// numberedMarkings reads the markings numbered mks (migration 0007) as the
// visibility rule reads them.
func (db *DB) numberedMarkings(ctx context.Context, tx *sql.Tx, mks []int64) ([]markingKey, error) {
	if len(mks) == 0 {
		return nil, nil
	}
	args := make([]any, len(mks))
	for i, mk := range mks {
		args[i] = mk
	}
	var keys []markingKey
	err := db.txEach(ctx, tx, `SELECT m.mk_level, m.mk_rel, m.mk_caveats FROM markings m WHERE m.id IN (?`+
		strings.Repeat(",?", len(mks)-1)+`) ORDER BY 1, 2, 3`, args, func(r *sql.Rows) error {
		var k markingKey
		if err := r.Scan(&k.level, &k.rel, &k.caveats); err != nil {
			return err
		}
		keys = append(keys, k)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("counted markings: %w", err)
	}
	return keys, nil
}
