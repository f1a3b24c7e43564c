package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/liaison-project/liaison"
)

var _ liaison.AuditLog = (*DB)(nil)

// Append adds e at the end of the hash chain in one write transaction:
// it reads the head, links e to it, stores e and moves the head.
func (db *DB) Append(ctx context.Context, e *liaison.AuditEntry) error {
	if e.Action == "" {
		return liaison.Errorf(liaison.ErrInvalid, "audit entry: empty action")
	}
	if e.Time.IsZero() {
		e.Time = time.Now()
	}
	e.Time = e.Time.UTC()
	if err := checkMarking("audit entry "+e.Action, e.Marking); err != nil {
		return err
	}
	// Store and hash the marking in its stored form, so Verify recomputes
	// the same hash from the row.
	mk := toCols(e.Marking)
	e.Marking = fromCols(mk)
	return db.tx(ctx, func(tx *sql.Tx) error {
		var seq int64
		var prev string
		err := tx.QueryRowContext(ctx, `SELECT seq, hash FROM audit_head WHERE id = 1`).Scan(&seq, &prev)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("sqlite: audit head: %w", err)
		}
		e.Seq, e.PrevHash = seq+1, prev
		e.Hash = liaison.ChainHash(prev, *e)
		if _, err := tx.ExecContext(ctx, `INSERT INTO audit_log(seq, time, actor, nation, action, item, detail,
			mk_class, mk_level, mk_rel, mk_groups, mk_caveats, prev_hash, hash)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, e.Seq, fmtTime(e.Time), e.Actor, e.Nation, e.Action, e.Item,
			e.Detail, mk.Class, mk.Level, mk.Rel, mk.Groups, mk.Caveats, e.PrevHash, e.Hash); err != nil {
			return fmt.Errorf("sqlite: append audit entry: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO audit_head(id, seq, hash) VALUES (1, ?, ?)
			ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash`, e.Seq, e.Hash); err != nil {
			return fmt.Errorf("sqlite: move audit head: %w", err)
		}
		return nil
	})
}

// auditVisible is the audit log's read rule as SQL over audit_log aliased
// a: no viewer reads nothing; the system reads every entry; everyone else
// only entries whose marking THE visibility predicate of access.go lets them
// see — admins of every nation, others only of their own nation — and only
// when every entry naming the same item is visible by its marking. So an
// entry never reveals the id of an item its reader may not see
// (auth.AuditVisible is the same rule in Go, over one entry).
func auditVisible(ctx context.Context) (string, []any) {
	v, ok := liaison.ViewerFrom(ctx)
	switch {
	case !ok:
		return "(0)", nil
	case v.System && v.Within == nil:
		return "(1)", nil
	}
	mk, args := visible(ctx, "a")
	// Every entry carries its item's marking at the time. An item re-marked
	// more restrictively later (a report draft raised to NATO SECRET) leaves
	// entries with its earlier marking: show an entry only when the item's
	// latest entry — its current marking — is visible too, so the item's id
	// stays hidden once that hides it, while an item widened later (a
	// proposal drafted by one nation, then circulated) shows its parties
	// the entries they may see.
	later, largs := visible(ctx, "b")
	mk = "(" + mk + " AND (a.item = '' OR (SELECT " + later + " FROM audit_log b WHERE b.item <> '' AND b.item = a.item" +
		" ORDER BY b.seq DESC LIMIT 1)))"
	args = append(args, largs...)
	// The nation part, for each viewer bounding the viewer too (an admin
	// viewing as a nation reads that nation's entries only).
	scope, sargs := eachBound(v, func(b liaison.Viewer) (string, []any) {
		switch {
		case b.System:
			return "(1)", nil
		case b.Nation == "":
			return "(0)", nil
		case b.Role == liaison.RoleAdmin:
			// Another nation's entries only when they name a marked item
			// (then marked as the item): its users' logins, tokens, changes
			// and refusals (unmarked) stay its own, as its users are.
			return "(a.nation = ? OR a.nation = '' OR a.mk_class <> '' OR a.mk_level <> 0 OR a.mk_rel <> '[]'" +
				" OR a.mk_caveats <> '[]')", []any{b.Nation}
		}
		return "(a.nation = ?)", []any{b.Nation}
	})
	return "(" + scope + " AND " + mk + ")", append(sargs, args...)
}

// auditCols are the columns auditRows scans, of audit_log aliased a.
const auditCols = `a.seq, a.time, a.actor, a.nation, a.action, a.item, a.detail,
	a.mk_class, a.mk_level, a.mk_rel, a.mk_groups, a.mk_caveats, a.prev_hash, a.hash`

// auditMatch is the condition of f's Actor, Action and Nation over
// audit_log aliased a, after the viewer's read rule.
func auditMatch(ctx context.Context, f liaison.AuditFilter) (string, []any) {
	pred, args := auditVisible(ctx)
	return pred + ` AND (? = '' OR a.actor = ?) AND (? = '' OR a.action = ?) AND (? = '' OR a.nation = ?)`,
		append(args, f.Actor, f.Actor, f.Action, f.Action, f.Nation, f.Nation)
}

// List returns the entries the viewer may read, oldest first (newest first
// with f.Newest), between f.After and f.Before.
func (db *DB) List(ctx context.Context, f liaison.AuditFilter) ([]liaison.AuditEntry, error) {
	pred, args := auditMatch(ctx, f)
	q := `SELECT ` + auditCols + ` FROM audit_log a WHERE ` + pred + ` AND a.seq > ? AND (? = 0 OR a.seq < ?) ORDER BY a.seq`
	args = append(args, f.After, f.Before, f.Before)
	if f.Newest {
		q += ` DESC`
	}
	if f.Limit > 0 {
		q += ` LIMIT ?`
		args = append(args, f.Limit)
	}
	return db.auditRows(ctx, q, args...)
}

// Count counts the entries the viewer may read that match f's Actor,
// Action and Nation.
func (db *DB) Count(ctx context.Context, f liaison.AuditFilter) (int, error) {
	pred, args := auditMatch(ctx, f)
	var n int
	if err := db.db.QueryRowContext(ctx, `SELECT count(*) FROM audit_log a WHERE `+pred, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("sqlite: count audit log: %w", err)
	}
	return n, nil
}

func (db *DB) auditRows(ctx context.Context, q string, args ...any) ([]liaison.AuditEntry, error) {
	rows, err := db.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: audit log: %w", err)
	}
	defer rows.Close()
	out := []liaison.AuditEntry{}
	for rows.Next() {
		var e liaison.AuditEntry
		var t string
		var mk markingCols
		if err := rows.Scan(&e.Seq, &t, &e.Actor, &e.Nation, &e.Action, &e.Item, &e.Detail,
			&mk.Class, &mk.Level, &mk.Rel, &mk.Groups, &mk.Caveats, &e.PrevHash, &e.Hash); err != nil {
			return nil, fmt.Errorf("sqlite: audit log: %w", err)
		}
		if e.Time, err = parseTime(t); err != nil {
			return nil, err
		}
		e.Marking = fromCols(mk)
		out = append(out, e)
	}
	return out, rows.Err()
}

// Verify recomputes the whole chain and checks it ends at the recorded head.
func (db *DB) Verify(ctx context.Context) (liaison.AuditVerification, error) {
	es, err := db.auditRows(ctx, `SELECT `+auditCols+` FROM audit_log a ORDER BY a.seq`)
	if err != nil {
		return liaison.AuditVerification{}, err
	}
	var headSeq int64
	var headHash string
	err = db.db.QueryRowContext(ctx, `SELECT seq, hash FROM audit_head WHERE id = 1`).Scan(&headSeq, &headHash)
	if errors.Is(err, sql.ErrNoRows) && len(es) > 0 {
		return liaison.AuditVerification{Entries: len(es), BadSeq: 1, Reason: "the audit head was removed"}, nil
	}
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return liaison.AuditVerification{}, fmt.Errorf("sqlite: audit head: %w", err)
	}
	return liaison.VerifyChain(es, headHash, headSeq), nil
}
