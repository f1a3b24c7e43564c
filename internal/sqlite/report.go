package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/liaison-project/liaison"
)

var _ liaison.ReportStore = (*DB)(nil)

// reportVisible is the read predicate of reports aliased alias: the one
// marking rule of access.go AND, for drafts, the author's nation or an
// admin (for each viewer bounding the viewer too). The system viewer sees
// every report; no viewer sees none.
func reportVisible(ctx context.Context, alias string) (string, []any) {
	mk, args := visible(ctx, alias)
	v, ok := liaison.ViewerFrom(ctx)
	if !ok {
		return "(0)", nil
	}
	a := alias + "."
	draft, dargs := eachBound(v, func(b liaison.Viewer) (string, []any) {
		if b.System || b.Role == liaison.RoleAdmin {
			return "(1)", nil
		}
		return "(" + a + "state = 'released' OR " + a + "origin_nation = ?)", []any{b.Nation}
	})
	return "(" + mk + " AND " + draft + ")", append(args, dargs...)
}

// PutReport inserts r or replaces the report with r.ID when the viewer may
// see it. A report the viewer may not see answers ErrNotFound, exactly like
// a missing one.
func (db *DB) PutReport(ctx context.Context, r *liaison.Report) error {
	if err := requireViewer(ctx, "put report"); err != nil {
		return err
	}
	if r.ID == "" || !r.State.Valid() || r.Author == "" {
		return liaison.Errorf(liaison.ErrInvalid, "report %q: needs an id, an author and a state (draft or released)", r.ID)
	}
	if err := checkMarking("report "+r.ID, r.Marking); err != nil {
		return err
	}
	body, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("sqlite: report %s: %w", r.ID, err)
	}
	c := toCols(r.Marking)
	pred, pargs := reportVisible(ctx, "r")
	return db.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM reports WHERE id = ?`, r.ID).Scan(&n); err != nil {
			return fmt.Errorf("sqlite: report %s: %w", r.ID, err)
		}
		if n == 0 {
			_, err := tx.ExecContext(ctx, `INSERT INTO reports(id, state, author, created, updated, mk_class, mk_level,
				mk_rel, mk_groups, mk_caveats, origin_node, origin_nation, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				r.ID, string(r.State), r.Author, fmtTime(r.Created), fmtTime(r.Updated), c.Class, c.Level, c.Rel,
				c.Groups, c.Caveats, r.Origin.Node, r.Origin.Nation, string(body))
			if err != nil {
				return fmt.Errorf("sqlite: insert report %s: %w", r.ID, err)
			}
			return nil
		}
		res, err := tx.ExecContext(ctx, `UPDATE reports AS r SET state = ?, author = ?, updated = ?, mk_class = ?,
			mk_level = ?, mk_rel = ?, mk_groups = ?, mk_caveats = ?, origin_node = ?, origin_nation = ?, body = ?
			WHERE r.id = ? AND `+pred,
			append([]any{string(r.State), r.Author, fmtTime(r.Updated), c.Class, c.Level, c.Rel, c.Groups, c.Caveats,
				r.Origin.Node, r.Origin.Nation, string(body), r.ID}, pargs...)...)
		if err != nil {
			return fmt.Errorf("sqlite: update report %s: %w", r.ID, err)
		}
		if k, _ := res.RowsAffected(); k == 0 {
			return notFound("report", r.ID)
		}
		return nil
	})
}

// Report returns one report the viewer may see, else ErrNotFound.
func (db *DB) Report(ctx context.Context, id string) (*liaison.Report, error) {
	pred, args := reportVisible(ctx, "r")
	var body string
	err := db.db.QueryRowContext(ctx, `SELECT r.body FROM reports r WHERE r.id = ? AND `+pred,
		append([]any{id}, args...)...).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("report", id)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: report %s: %w", id, err)
	}
	return decodeReport(body)
}

func decodeReport(body string) (*liaison.Report, error) {
	var r liaison.Report
	if err := json.Unmarshal([]byte(body), &r); err != nil {
		return nil, fmt.Errorf("sqlite: stored report: %w", err)
	}
	if r.Cites == nil {
		r.Cites = []string{}
	}
	return &r, nil
}

// Reports lists the reports the viewer may see, newest first, keyset paged;
// Total counts the visible matches only.
func (db *DB) Reports(ctx context.Context, f liaison.ReportFilter) (liaison.Page[liaison.Report], error) {
	page := liaison.Page[liaison.Report]{Items: []liaison.Report{}}
	var w where
	w.addPred(reportVisible(ctx, "r"))
	if f.State != "" {
		if !f.State.Valid() {
			return page, liaison.Errorf(liaison.ErrInvalid, "state %q: want draft or released", f.State)
		}
		w.add("r.state = ?", string(f.State))
	}
	if err := db.db.QueryRowContext(ctx, `SELECT count(*) FROM reports r WHERE `+w.sql(), w.args...).Scan(&page.Total); err != nil {
		return page, fmt.Errorf("sqlite: count reports: %w", err)
	}
	k, ok, err := decodeCursor(f.Cursor)
	if err != nil {
		return page, err
	}
	if ok {
		w.add("(r.created < ? OR (r.created = ? AND r.id < ?))", k.S, k.S, k.ID)
	}
	limit := clampLimit(f.Limit)
	rows, err := db.db.QueryContext(ctx, `SELECT r.created, r.id, r.body FROM reports r WHERE `+w.sql()+
		` ORDER BY r.created DESC, r.id DESC LIMIT ?`, append(w.args, limit+1)...)
	if err != nil {
		return page, fmt.Errorf("sqlite: reports: %w", err)
	}
	defer rows.Close()
	var last cursorKey
	for rows.Next() {
		var created, id, body string
		if err := rows.Scan(&created, &id, &body); err != nil {
			return page, fmt.Errorf("sqlite: reports: %w", err)
		}
		if len(page.Items) == limit {
			page.NextCursor = encodeCursor(last)
			break
		}
		r, err := decodeReport(body)
		if err != nil {
			return page, err
		}
		page.Items = append(page.Items, *r)
		last = cursorKey{S: created, ID: id}
	}
	return page, rows.Err()
}
