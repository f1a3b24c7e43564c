package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
)

var _ liaison.UserStore = (*DB)(nil)

const userCols = `id, name, nation, role, clearance, caveats, password_hash, failed_logins, locked_until, disabled, created`

// PutUser inserts a user, or updates the one with the same ID. A name taken
// by another user is ErrDuplicate.
func (db *DB) PutUser(ctx context.Context, u *liaison.User) error {
	if u.ID == "" || u.Name == "" {
		return liaison.Errorf(liaison.ErrInvalid, "user %q: needs an id and a name", u.Name)
	}
	_, err := db.db.ExecContext(ctx, `INSERT INTO users(`+userCols+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(id) DO UPDATE SET name = excluded.name, nation = excluded.nation, role = excluded.role,
		clearance = excluded.clearance, caveats = excluded.caveats, password_hash = excluded.password_hash,
		failed_logins = excluded.failed_logins, locked_until = excluded.locked_until, disabled = excluded.disabled`,
		u.ID, u.Name, u.Nation, string(u.Role), u.Clearance, jsonSet(u.Caveats), u.PasswordHash, u.FailedLogins,
		optTime(u.LockedUntil), u.Disabled, fmtTime(u.Created))
	if err != nil && strings.Contains(err.Error(), "UNIQUE constraint failed: users.name") {
		return liaison.Errorf(liaison.ErrDuplicate, "user %q already exists", u.Name)
	}
	if err != nil {
		return fmt.Errorf("sqlite: put user %s: %w", u.Name, err)
	}
	return nil
}

func scanUser(row interface{ Scan(...any) error }) (*liaison.User, error) {
	var u liaison.User
	var caveats, locked, created string
	if err := row.Scan(&u.ID, &u.Name, &u.Nation, &u.Role, &u.Clearance, &caveats, &u.PasswordHash,
		&u.FailedLogins, &locked, &u.Disabled, &created); err != nil {
		return nil, err
	}
	u.Caveats = parseList(caveats)
	var err error
	if u.LockedUntil, err = parseTime(locked); err != nil {
		return nil, err
	}
	if u.Created, err = parseTime(created); err != nil {
		return nil, err
	}
	return &u, nil
}

func (db *DB) userWhere(ctx context.Context, where, key string) (*liaison.User, error) {
	u, err := scanUser(db.db.QueryRowContext(ctx, `SELECT `+userCols+` FROM users WHERE `+where+` = ?`, key))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, liaison.Errorf(liaison.ErrNotFound, "user %q", key)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: user %s: %w", key, err)
	}
	return u, nil
}

// User returns the user with id.
func (db *DB) User(ctx context.Context, id string) (*liaison.User, error) {
	return db.userWhere(ctx, "id", id)
}

// UserByName returns the user called name.
func (db *DB) UserByName(ctx context.Context, name string) (*liaison.User, error) {
	return db.userWhere(ctx, "name", name)
}

// Users lists every user by name.
func (db *DB) Users(ctx context.Context) ([]liaison.User, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT `+userCols+` FROM users ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: users: %w", err)
	}
	defer rows.Close()
	out := []liaison.User{}
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: users: %w", err)
		}
		out = append(out, *u)
	}
	return out, rows.Err()
}

// exec runs a one-row update and maps "no row" to ErrNotFound.
func (db *DB) exec(ctx context.Context, what, key, q string, args ...any) error {
	res, err := db.db.ExecContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("sqlite: %s %s: %w", what, key, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return liaison.Errorf(liaison.ErrNotFound, "%s %q", what, key)
	}
	return nil
}

// SetLoginState records the failed-login count and lock-out of a user.
func (db *DB) SetLoginState(ctx context.Context, userID string, failed int, lockedUntil time.Time) error {
	return db.exec(ctx, "user", userID, `UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?`,
		failed, optTime(lockedUntil), userID)
}

// FailLogin counts a failed login in one transaction and locks the user on
// reaching maxFailures.
func (db *DB) FailLogin(ctx context.Context, userID string, maxFailures int, lockUntil time.Time) (bool, error) {
	locked := false
	err := db.tx(ctx, func(tx *sql.Tx) error {
		var failed int
		err := tx.QueryRowContext(ctx, `UPDATE users SET failed_logins = failed_logins + 1 WHERE id = ?
			RETURNING failed_logins`, userID).Scan(&failed)
		if errors.Is(err, sql.ErrNoRows) {
			return liaison.Errorf(liaison.ErrNotFound, "user %q", userID)
		}
		if err != nil {
			return fmt.Errorf("sqlite: fail login %s: %w", userID, err)
		}
		if locked = failed >= maxFailures; locked {
			_, err = tx.ExecContext(ctx, `UPDATE users SET failed_logins = 0, locked_until = ? WHERE id = ?`,
				fmtTime(lockUntil), userID)
		}
		return err
	})
	return locked, err
}

// PutToken stores a new API token (its hash only).
func (db *DB) PutToken(ctx context.Context, t *liaison.Token) error {
	_, err := db.db.ExecContext(ctx, `INSERT INTO api_tokens(id, user_id, hash, scope, created, last_used, revoked)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, t.ID, t.UserID, t.Hash, string(t.Scope), fmtTime(t.Created),
		optTime(t.LastUsed), optTime(t.Revoked))
	if err != nil {
		return fmt.Errorf("sqlite: put token for user %s: %w", t.UserID, err)
	}
	return nil
}

const tokenCols = `id, user_id, hash, scope, created, last_used, revoked`

func scanToken(row interface{ Scan(...any) error }) (*liaison.Token, error) {
	var t liaison.Token
	var created, used, revoked string
	if err := row.Scan(&t.ID, &t.UserID, &t.Hash, &t.Scope, &created, &used, &revoked); err != nil {
		return nil, err
	}
	var err error
	for _, p := range []struct {
		dst *time.Time
		s   string
	}{{&t.Created, created}, {&t.LastUsed, used}, {&t.Revoked, revoked}} {
		if *p.dst, err = parseTime(p.s); err != nil {
			return nil, err
		}
	}
	return &t, nil
}

// TokenByHash finds a token by the SHA-256 of its secret.
func (db *DB) TokenByHash(ctx context.Context, hash string) (*liaison.Token, error) {
	t, err := scanToken(db.db.QueryRowContext(ctx, `SELECT `+tokenCols+` FROM api_tokens WHERE hash = ?`, hash))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, liaison.Errorf(liaison.ErrNotFound, "API token")
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: token: %w", err)
	}
	return t, nil
}

// Tokens lists a user's tokens (all users' when userID is ""), oldest first.
func (db *DB) Tokens(ctx context.Context, userID string) ([]liaison.Token, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT `+tokenCols+` FROM api_tokens
		WHERE ? = '' OR user_id = ? ORDER BY id`, userID, userID)
	if err != nil {
		return nil, fmt.Errorf("sqlite: tokens: %w", err)
	}
	defer rows.Close()
	out := []liaison.Token{}
	for rows.Next() {
		t, err := scanToken(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: tokens: %w", err)
		}
		out = append(out, *t)
	}
	return out, rows.Err()
}

// RevokeToken marks a token revoked (keeping the first revocation time).
func (db *DB) RevokeToken(ctx context.Context, id string, at time.Time) error {
	return db.exec(ctx, "token", id, `UPDATE api_tokens SET revoked = CASE WHEN revoked = '' THEN ? ELSE revoked END
		WHERE id = ?`, fmtTime(at), id)
}

// TouchToken records when a token was last used.
func (db *DB) TouchToken(ctx context.Context, id string, at time.Time) error {
	return db.exec(ctx, "token", id, `UPDATE api_tokens SET last_used = ? WHERE id = ?`, fmtTime(at), id)
}

// PutSession stores a session (its hash only) and sweeps expired ones.
func (db *DB) PutSession(ctx context.Context, s *liaison.Session) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE expires < ?`, fmtTime(s.Created)); err != nil {
			return fmt.Errorf("sqlite: sweep sessions: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO sessions(hash, user_id, created, expires) VALUES (?, ?, ?, ?)`,
			s.Hash, s.UserID, fmtTime(s.Created), fmtTime(s.Expires)); err != nil {
			return fmt.Errorf("sqlite: put session for user %s: %w", s.UserID, err)
		}
		return nil
	})
}

// SessionByHash finds a session by the SHA-256 of its cookie value.
func (db *DB) SessionByHash(ctx context.Context, hash string) (*liaison.Session, error) {
	s := liaison.Session{Hash: hash}
	var created, expires string
	err := db.db.QueryRowContext(ctx, `SELECT user_id, created, expires FROM sessions WHERE hash = ?`, hash).
		Scan(&s.UserID, &created, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, liaison.Errorf(liaison.ErrNotFound, "session")
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: session: %w", err)
	}
	if s.Created, err = parseTime(created); err != nil {
		return nil, err
	}
	if s.Expires, err = parseTime(expires); err != nil {
		return nil, err
	}
	return &s, nil
}

// DeleteSession ends a session (no error when already gone).
func (db *DB) DeleteSession(ctx context.Context, hash string) error {
	if _, err := db.db.ExecContext(ctx, `DELETE FROM sessions WHERE hash = ?`, hash); err != nil {
		return fmt.Errorf("sqlite: delete session: %w", err)
	}
	return nil
}
