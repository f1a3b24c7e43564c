package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
)

// eventCols are the columns scanEvent reads, for a table aliased e.
const eventCols = `e.id, e.doc_id, e.source, e.target, e.cameo, e.cameo_name, e.root, e.quad, e.goldstein,
	e.plover, e.date, e.place_name, e.place_country, e.place_lat, e.place_lon, e.place_kind, e.place_bbox,
	e.sentence, e.source_text, e.target_text, e.verb_text, e.negated, e.explain,
	e.mk_class, e.mk_level, e.mk_rel, e.mk_groups, e.mk_caveats`

// scanEvent reads one row of eventCols.
func scanEvent(s scanner) (liaison.Event, error) {
	var e liaison.Event
	var pname, pbbox sql.NullString
	var p liaison.Place
	var mk markingCols
	err := s.Scan(&e.ID, &e.DocID, &e.Source, &e.Target, &e.CAMEO, &e.CAMEOName, &e.Root, &e.Quad, &e.Goldstein,
		&e.PLOVER, &e.Date, &pname, &p.Country, &p.Lat, &p.Lon, &p.Kind, &pbbox,
		&e.Sentence, &e.SourceText, &e.TargetText, &e.VerbText, &e.Negated, &e.Explain,
		&mk.Class, &mk.Level, &mk.Rel, &mk.Groups, &mk.Caveats)
	if err != nil {
		return e, err
	}
	if pname.Valid {
		p.Name, p.BBox = pname.String, parseBBox(pbbox)
		e.Place = &p
	}
	e.Marking = fromCols(mk)
	return e, nil
}

// Events lists visible events matching f, newest date first (ties by id,
// descending). Actor matches the source or target code by prefix; From and
// To bound the event date inclusively (by day).
func (db *DB) Events(ctx context.Context, f liaison.EventFilter) (liaison.Page[liaison.Event], error) {
	return db.events(ctx, f, "", clampLimit(f.Limit))
}

// Event returns the event with id if the viewer may see it. An event the
// viewer may not see answers exactly like one that does not exist (an error
// wrapping liaison.ErrNotFound, differing only in the id), so a lookup by
// id reveals nothing the event listing hides. It is one seek in the unique
// index on events.id (migration 0001), so a report citing events need not
// page through them all. The condition is the listing's: the visible
// predicate over the event's own (already combined) marking columns.
func (db *DB) Event(ctx context.Context, id string) (*liaison.Event, error) {
	vis, args := visible(ctx, "e")
	row := db.queryRow(ctx, `SELECT `+eventCols+` FROM events e WHERE e.id = ? AND `+vis,
		append([]any{id}, args...)...)
	e, err := scanEvent(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("event", id)
	}
	if err != nil {
		return nil, fmt.Errorf("event %s: %w", id, err)
	}
	return &e, nil
}

// byDate is the order of event pages, which their cursors follow.
const byDate = "e.date DESC, e.id DESC"

// events is Events with an optional fixed order (then no paging). Its
// statements share one read transaction with the marking view their
// visibility condition comes from (rowVisibility).
func (db *DB) events(ctx context.Context, f liaison.EventFilter, order string, limit int) (liaison.Page[liaison.Event], error) {
	page := liaison.Page[liaison.Event]{Items: []liaison.Event{}}
	ar, byActor, err := actorPrefix(f.Actor)
	if err != nil {
		return page, err
	}
	err = db.read(ctx, func(tx *sql.Tx) error {
		vis, vargs, _, err := db.rowVisibility(ctx, tx, "e.rowid", "e")
		if err != nil {
			return err
		}
		w, err := eventWhere(f, ar, vis, vargs)
		if err != nil {
			return err
		}
		var after where // the cursor's condition
		if order == "" {
			order = byDate
			k, ok, err := decodeCursor(f.Cursor)
			if err != nil {
				return err
			}
			if ok {
				after.add("(e.date, e.id) < (?, ?)", k.S, k.ID)
			}
			if byActor && f.Root == "" && f.Country == "" && f.DocID == "" {
				return db.actorEvents(ctx, tx, f, ar, vis, vargs, after, limit, &page)
			}
		}
		if page.Total, err = db.countEvents(ctx, tx, f, w); err != nil {
			return fmt.Errorf("count events: %w", err)
		}
		w.add(after.sql(), after.args...)
		return db.listEvents(ctx, tx, w, order, limit, &page)
	})
	return page, err
}

// countEvents counts the events w selects, from the per-marking counts
// when f filters nothing.
func (db *DB) countEvents(ctx context.Context, tx *sql.Tx, f liaison.EventFilter, w where) (int, error) {
	if f.Actor == "" && f.Root == "" && f.Country == "" && f.DocID == "" && f.From.IsZero() && f.To.IsZero() {
		return db.countVisibleTx(ctx, tx, "events")
	}
	var n int
	err := db.txQueryRow(ctx, tx, `SELECT count(*) FROM events e WHERE `+w.sql(), w.args...).Scan(&n)
	return n, err
}

// listEvents reads one page of the events w selects into page.
func (db *DB) listEvents(ctx context.Context, tx *sql.Tx, w where, order string, limit int, page *liaison.Page[liaison.Event]) error {
	return db.scanEvents(ctx, tx, `SELECT `+eventCols+` FROM events e WHERE `+w.sql()+
		` ORDER BY `+order+` LIMIT ?`, append(w.args, limit+1), limit, page)
}

// scanEvents reads the events query q (bound by args) returns, at most
// limit+1 of them, into a page of limit.
func (db *DB) scanEvents(ctx context.Context, tx *sql.Tx, q string, args []any, limit int, page *liaison.Page[liaison.Event]) error {
	rows, err := db.txQuery(ctx, tx, q, args...)
	if err != nil {
		return fmt.Errorf("list events: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return fmt.Errorf("list events: %w", err)
		}
		page.Items = append(page.Items, e)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("list events: %w", err)
	}
	if len(page.Items) > limit {
		page.Items = page.Items[:limit]
		last := page.Items[limit-1]
		page.NextCursor = encodeCursor(cursorKey{S: last.Date, ID: last.ID})
	}
	return nil
}

// eventWhere builds the visibility and filter conditions of an event query.
// vis (bound by vargs) is the viewer's condition, first in the result; ar
// is the actor filter's code range (from actorPrefix), if any.
func eventWhere(f liaison.EventFilter, ar actorRange, vis string, vargs []any) (where, error) {
	var w where
	w.addPred(vis, vargs)
	if ar.lo != "" {
		w.add("((e.source >= ? AND e.source < ?) OR (e.target >= ? AND e.target < ?))", ar.lo, ar.hi, ar.lo, ar.hi)
	}
	if r := strings.TrimSpace(f.Root); r != "" {
		if len(r) != 2 || r[0] < '0' || r[0] > '2' || r[1] < '0' || r[1] > '9' {
			return w, liaison.Errorf(liaison.ErrInvalid, "root filter %q: want a two-digit CAMEO root 01..20", f.Root)
		}
		w.add("e.root = ?", r)
	}
	if c := strings.ToUpper(strings.TrimSpace(f.Country)); c != "" {
		w.add("e.place_country = ?", c)
	}
	if f.DocID != "" {
		w.add("e.doc_id = ?", f.DocID)
	}
	d := dateWhere(f)
	w.add(d.sql(), d.args...)
	return w, nil
}

// dateWhere is the date window of f.
func dateWhere(f liaison.EventFilter) where {
	var w where
	if !f.From.IsZero() {
		w.add("e.date >= ?", f.From.UTC().Format(time.DateOnly))
	}
	if !f.To.IsZero() {
		// Inclusive by day: "2023-07-11" and "2023-07-11T10:00" both pass To=2023-07-11.
		w.add("e.date < ?", f.To.UTC().AddDate(0, 0, 1).Format(time.DateOnly))
	}
	return w
}

// An actor filter matches the events whose source or target code starts
// with a prefix. Its queries compare codes with a range, not GLOB: SQLite
// re-plans a statement whose GLOB pattern is a parameter every time the
// pattern changes (to use an index for it), which cost more than the
// query itself.

// actorRange is the codes starting with an actor prefix: [lo, hi) in the
// columns' binary order, hi being the prefix with its last byte raised by
// one. Prefixes are plain ASCII codes, so the range holds exactly the codes
// starting with the prefix.
type actorRange struct{ lo, hi string }

// actorPrefix reads an actor filter; ok is false when there is none.
func actorPrefix(actor string) (ar actorRange, ok bool, err error) {
	a := strings.ToUpper(strings.TrimSpace(actor))
	if a == "" {
		return ar, false, nil
	}
	if !plainCode(a) {
		return ar, false, liaison.Errorf(liaison.ErrInvalid, "actor filter %q: want a CAMEO actor code prefix such as JPN or JPNGOV", actor)
	}
	hi := []byte(a)
	hi[len(hi)-1]++
	return actorRange{lo: a, hi: string(hi)}, true, nil
}

// maxActorRuns bounds the ordered runs (one per code and role) an actor
// list merges in one statement. A prefix naming more codes is listed by
// sorting its matches instead.
const maxActorRuns = 32

// actorEvents counts and lists the events of an actor filter with at most
// a date window besides. The date-ordered index of each role (migration
// 0010) holds each code's events as one run in page order, so the page
// merges the runs of the codes starting with the prefix and reads about
// one page of index entries, where sorting every match read them all.
// Which codes the runs are for comes from the indexes, whoever may see
// their events: the codes only shape the query, and every row and count
// still passes the viewer's condition vis (bound by vargs). after is the
// cursor's condition.
func (db *DB) actorEvents(ctx context.Context, tx *sql.Tx, f liaison.EventFilter, ar actorRange, vis string, vargs []any,
	after where, limit int, page *liaison.Page[liaison.Event]) error {
	src, tgt, ok, err := db.actorCodes(ctx, tx, ar)
	if err != nil {
		return fmt.Errorf("list events: actor codes: %w", err)
	}
	if f.From.IsZero() && f.To.IsZero() {
		page.Total, err = db.countActor(ctx, tx, ar, tgt, ok, vis, vargs)
	} else {
		page.Total, err = db.countActorDates(ctx, tx, ar, dateWhere(f), vis, vargs)
	}
	if err != nil {
		return fmt.Errorf("count events: %w", err)
	}
	if !ok {
		w, _ := eventWhere(f, ar, vis, vargs) // f was checked by the caller
		w.add(after.sql(), after.args...)
		return db.listEvents(ctx, tx, w, byDate, limit, page)
	}
	if len(src)+len(tgt) == 0 {
		return nil
	}
	return db.mergeActorRuns(ctx, tx, ar, src, tgt, dateWhere(f), after, vis, vargs, limit, page)
}

// actorCodes lists the distinct source and target codes in ar, each by a
// loose scan of its role's index (one seek per code). ok is false when
// there are more than maxActorRuns in all (the lists are then partial).
func (db *DB) actorCodes(ctx context.Context, tx *sql.Tx, ar actorRange) (src, tgt []string, ok bool, err error) {
	next := func(col, idx, from string) string {
		return `(SELECT e.` + col + ` FROM events e INDEXED BY ` + idx + ` WHERE e.` + col + ` ` + from +
			` AND e.` + col + ` < ?2 ORDER BY e.` + col + ` LIMIT 1)`
	}
	q := `WITH RECURSIVE
		s(v) AS (SELECT ` + next("source", "events_source_date", ">= ?1") + ` UNION ALL
			SELECT ` + next("source", "events_source_date", "> s.v") + ` FROM s WHERE s.v IS NOT NULL LIMIT ?3),
		t(v) AS (SELECT ` + next("target", "events_target", ">= ?1") + ` UNION ALL
			SELECT ` + next("target", "events_target", "> t.v") + ` FROM t WHERE t.v IS NOT NULL LIMIT ?3)
		SELECT 0, v FROM s WHERE v IS NOT NULL UNION ALL SELECT 1, v FROM t WHERE v IS NOT NULL`
	rows, err := db.txQuery(ctx, tx, q, ar.lo, ar.hi, maxActorRuns+1)
	if err != nil {
		return nil, nil, false, err
	}
	defer rows.Close()
	for rows.Next() {
		var role int
		var code string
		if err := rows.Scan(&role, &code); err != nil {
			return nil, nil, false, err
		}
		if role == 0 {
			src = append(src, code)
		} else {
			tgt = append(tgt, code)
		}
	}
	return src, tgt, len(src)+len(tgt) <= maxActorRuns, rows.Err()
}

// countActor counts the visible events with a code in ar, from the
// per-marking counts the triggers keep in actor_counts. Those count an
// event once under its source and once under its target unless the two
// are equal (migration 0001), so the events with source and target both in
// ar but different are counted twice there: the count subtracts them,
// found in the index on (target, source) — one range per target code when
// tgt lists them all (listed), else the target range. Both sides check the
// visibility rule: countCond on the counts' marking numbers, vis (bound by
// vargs) on the events.
func (db *DB) countActor(ctx context.Context, tx *sql.Tx, ar actorRange, tgt []string, listed bool,
	vis string, vargs []any) (int, error) {
	cvis, cargs, err := db.countCond(ctx, tx)
	if err != nil {
		return 0, err
	}
	targets, targs := "e.target >= ? AND e.target < ?", []any{ar.lo, ar.hi}
	if listed && len(tgt) > 0 {
		targets, targs = "e.target IN (?"+strings.Repeat(",?", len(tgt)-1)+")", nil
		for _, c := range tgt {
			targs = append(targs, c)
		}
	}
	var n int
	err = db.txQueryRow(ctx, tx, `SELECT
		(SELECT coalesce(sum(c.n), 0) FROM actor_counts c WHERE c.code >= ? AND c.code < ? AND `+cvis+`) -
		(SELECT count(*) FROM events e INDEXED BY events_target WHERE `+targets+`
			AND e.source >= ? AND e.source < ? AND e.source <> e.target AND `+vis+`)`,
		slices.Concat([]any{ar.lo, ar.hi}, cargs, targs, []any{ar.lo, ar.hi}, vargs)...).Scan(&n)
	return n, err
}

// countActorDates counts the visible events with a code in ar and a date
// in the window dates: those whose source is in ar, plus those whose target
// is and source is not, each an index-only scan of its role's range.
func (db *DB) countActorDates(ctx context.Context, tx *sql.Tx, ar actorRange, dates where, vis string, vargs []any) (int, error) {
	var n int
	err := db.txQueryRow(ctx, tx, `SELECT
		(SELECT count(*) FROM events e INDEXED BY events_source_date WHERE e.source >= ? AND e.source < ?
			AND `+dates.sql()+` AND `+vis+`) +
		(SELECT count(*) FROM events e INDEXED BY events_target_date WHERE e.target >= ? AND e.target < ?
			AND NOT (e.source >= ? AND e.source < ?) AND `+dates.sql()+` AND `+vis+`)`,
		slices.Concat([]any{ar.lo, ar.hi}, dates.args, vargs, []any{ar.lo, ar.hi, ar.lo, ar.hi}, dates.args, vargs)...).Scan(&n)
	return n, err
}

// mergeActorRuns lists one page of the visible events of the codes src
// (as source) and tgt (as target) within the window dates and after the
// cursor condition after (see mergeActorQuery).
func (db *DB) mergeActorRuns(ctx context.Context, tx *sql.Tx, ar actorRange, src, tgt []string, dates, after where,
	vis string, vargs []any, limit int, page *liaison.Page[liaison.Event]) error {
	q, args := mergeActorQuery(ar, src, tgt, dates, after, vis, vargs, limit)
	return db.scanEvents(ctx, tx, q, args, limit, page)
}

// mergeActorQuery is the query of mergeActorRuns: one run per code in its
// role's date-ordered index, a target run leaving out the events whose
// source is in ar (a source run has them), merged by SQLite in page order
// (MERGE (UNION ALL)) so that reading stops after limit+1 entries; only
// those rows are read. Each run, and the rows read, check vis (bound by
// vargs).
func mergeActorQuery(ar actorRange, src, tgt []string, dates, after where, vis string, vargs []any, limit int) (string, []any) {
	var w where
	w.add(dates.sql(), dates.args...)
	w.add(after.sql(), after.args...)
	w.addPred(vis, vargs)
	runs := make([]string, 0, len(src)+len(tgt))
	var args []any
	for _, c := range src {
		runs = append(runs, `SELECT e.rowid AS r, e.date, e.id FROM events e INDEXED BY events_source_date WHERE e.source = ? AND `+w.sql())
		args = append(append(args, c), w.args...)
	}
	for _, c := range tgt {
		runs = append(runs, `SELECT e.rowid AS r, e.date, e.id FROM events e INDEXED BY events_target_date WHERE e.target = ?
			AND NOT (e.source >= ? AND e.source < ?) AND `+w.sql())
		args = append(append(args, c, ar.lo, ar.hi), w.args...)
	}
	q := `SELECT ` + eventCols + ` FROM events e WHERE e.rowid IN (SELECT r FROM (` +
		strings.Join(runs, " UNION ALL ") + ` ORDER BY 2 DESC, 3 DESC LIMIT ?)) AND ` + vis + ` ORDER BY ` + byDate
	return q, slices.Concat(args, []any{limit + 1}, vargs)
}
