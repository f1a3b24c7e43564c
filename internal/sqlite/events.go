package sqlite

import (
	"context"
	"database/sql"
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

// events is Events with an optional fixed order (then no paging). Its
// statements share one read transaction with the marking view their
// visibility condition comes from (rowVisibility).
func (db *DB) events(ctx context.Context, f liaison.EventFilter, order string, limit int) (liaison.Page[liaison.Event], error) {
	page := liaison.Page[liaison.Event]{Items: []liaison.Event{}}
	err := db.read(ctx, func(tx *sql.Tx) error {
		vis, vargs, _, err := db.rowVisibility(ctx, tx, "e.rowid", "e")
		if err != nil {
			return err
		}
		w, err := eventWhere(f, vis, vargs)
		if err != nil {
			return err
		}
		if page.Total, err = db.countEvents(ctx, tx, f, w, vis, vargs); err != nil {
			return fmt.Errorf("count events: %w", err)
		}
		if order == "" {
			order = "e.date DESC, e.id DESC"
			k, after, err := decodeCursor(f.Cursor)
			if err != nil {
				return err
			}
			if after {
				w.add("(e.date, e.id) < (?, ?)", k.S, k.ID)
			}
		}
		return db.listEvents(ctx, tx, w, order, limit, &page)
	})
	return page, err
}

// countEvents counts the events w selects, from the per-marking counts or
// (with the viewer's condition vis, bound by vargs) the actor indexes when
// f allows.
func (db *DB) countEvents(ctx context.Context, tx *sql.Tx, f liaison.EventFilter, w where, vis string, vargs []any) (int, error) {
	onlyActor := f.Root == "" && f.Country == "" && f.DocID == "" && f.From.IsZero() && f.To.IsZero()
	switch {
	case onlyActor && f.Actor == "":
		return db.countVisible(ctx, "events")
	case onlyActor:
		return db.countActor(ctx, tx, strings.ToUpper(strings.TrimSpace(f.Actor)), vis, vargs)
	}
	var n int
	err := db.txQueryRow(ctx, tx, `SELECT count(*) FROM events e WHERE `+w.sql(), w.args...).Scan(&n)
	return n, err
}

// listEvents reads one page of the events w selects into page.
func (db *DB) listEvents(ctx context.Context, tx *sql.Tx, w where, order string, limit int, page *liaison.Page[liaison.Event]) error {
	rows, err := db.txQuery(ctx, tx, `SELECT `+eventCols+` FROM events e WHERE `+w.sql()+
		` ORDER BY `+order+` LIMIT ?`, append(w.args, limit+1)...)
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

// countActor counts the visible events whose source or target starts with
// code as |source| + |target| - |both|: three index-only range scans over
// events_source and events_target (which, like every index, carry the
// rowid that vis reads). vargs bind vis.
func (db *DB) countActor(ctx context.Context, tx *sql.Tx, code string, vis string, vargs []any) (int, error) {
	pat := code + "*"
	var src, tgt, both int
	err := db.txQueryRow(ctx, tx, `SELECT
		(SELECT count(*) FROM events e WHERE e.source GLOB ? AND `+vis+`),
		(SELECT count(*) FROM events e WHERE e.target GLOB ? AND `+vis+`),
		(SELECT count(*) FROM events e WHERE e.target GLOB ? AND e.source GLOB ? AND `+vis+`)`,
		slices.Concat([]any{pat}, vargs, []any{pat}, vargs, []any{pat, pat}, vargs)...).Scan(&src, &tgt, &both)
	return src + tgt - both, err
}

// eventWhere builds the visibility and filter conditions of an event query.
// vis (bound by vargs) is the viewer's condition, first in the result.
func eventWhere(f liaison.EventFilter, vis string, vargs []any) (where, error) {
	var w where
	w.addPred(vis, vargs)
	if a := strings.ToUpper(strings.TrimSpace(f.Actor)); a != "" {
		if !plainCode(a) {
			return w, liaison.Errorf(liaison.ErrInvalid, "actor filter %q: want a CAMEO actor code prefix such as JPN or JPNGOV", f.Actor)
		}
		w.add("(e.source GLOB ? OR e.target GLOB ?)", a+"*", a+"*")
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
	if !f.From.IsZero() {
		w.add("e.date >= ?", f.From.UTC().Format(time.DateOnly))
	}
	if !f.To.IsZero() {
		// Inclusive by day: "2023-07-11" and "2023-07-11T10:00" both pass To=2023-07-11.
		w.add("e.date < ?", f.To.UTC().AddDate(0, 0, 1).Format(time.DateOnly))
	}
	return w, nil
}
