package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/liaison-project/liaison"
)

var _ liaison.NationStore = (*DB)(nil)

// PutNation inserts or replaces a nation and all its group memberships in
// one transaction.
func (db *DB) PutNation(ctx context.Context, n *liaison.Nation) error {
	if n.Code == "" || !n.Status.Valid() {
		return liaison.Errorf(liaison.ErrInvalid, "nation %q: needs a code and a status (member, partner, organisation)", n.Code)
	}
	return db.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO nations(code, name, status) VALUES (?, ?, ?)
			ON CONFLICT(code) DO UPDATE SET name = excluded.name, status = excluded.status`,
			n.Code, n.Name, string(n.Status)); err != nil {
			return fmt.Errorf("sqlite: put nation %s: %w", n.Code, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM nation_groups WHERE nation = ?`, n.Code); err != nil {
			return fmt.Errorf("sqlite: put nation %s: %w", n.Code, err)
		}
		for _, m := range n.Groups {
			if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO nation_groups(nation, grp, since, until) VALUES (?, ?, ?, ?)`,
				n.Code, m.Group, optTime(m.Since), optTime(m.Until)); err != nil {
				return fmt.Errorf("sqlite: put nation %s group %s: %w", n.Code, m.Group, err)
			}
		}
		return nil
	})
}

// Nation returns one nation with its memberships.
func (db *DB) Nation(ctx context.Context, code string) (*liaison.Nation, error) {
	n := liaison.Nation{Code: code}
	err := db.db.QueryRowContext(ctx, `SELECT name, status FROM nations WHERE code = ?`, code).Scan(&n.Name, &n.Status)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, liaison.Errorf(liaison.ErrNotFound, "nation %q", code)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: nation %s: %w", code, err)
	}
	groups, err := db.groups(ctx, code)
	if err != nil {
		return nil, err
	}
	n.Groups = groups[code]
	return &n, nil
}

// Nations lists every nation ordered by code.
func (db *DB) Nations(ctx context.Context) ([]liaison.Nation, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT code, name, status FROM nations ORDER BY code`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: nations: %w", err)
	}
	defer rows.Close()
	out := []liaison.Nation{}
	for rows.Next() {
		var n liaison.Nation
		if err := rows.Scan(&n.Code, &n.Name, &n.Status); err != nil {
			return nil, fmt.Errorf("sqlite: nations: %w", err)
		}
		out = append(out, n)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: nations: %w", err)
	}
	groups, err := db.groups(ctx, "")
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Groups = groups[out[i].Code]
	}
	return out, nil
}

// groups reads memberships of one nation, or of all when code is "".
func (db *DB) groups(ctx context.Context, code string) (map[string][]liaison.Membership, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT nation, grp, since, until FROM nation_groups
		WHERE ? = '' OR nation = ? ORDER BY nation, rowid`, code, code)
	if err != nil {
		return nil, fmt.Errorf("sqlite: nation groups: %w", err)
	}
	defer rows.Close()
	out := map[string][]liaison.Membership{}
	for rows.Next() {
		var nation, since, until string
		var m liaison.Membership
		if err := rows.Scan(&nation, &m.Group, &since, &until); err != nil {
			return nil, fmt.Errorf("sqlite: nation groups: %w", err)
		}
		if m.Since, err = parseTime(since); err != nil {
			return nil, err
		}
		if m.Until, err = parseTime(until); err != nil {
			return nil, err
		}
		out[nation] = append(out[nation], m)
	}
	return out, rows.Err()
}

// optTime stores a zero time as "" (none).
func optTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmtTime(t)
}
