package sqlite

import (
	"context"
	"database/sql"
	"sync"
)

// maxCachedStmts bounds the statement cache: queries are built from a small
// set of shapes, so the bound is only a guard.
const maxCachedStmts = 256

// stmtCache keeps prepared statements of the hot paths (document writes,
// near-duplicate lookups, gets) so that SQLite does not parse and plan them
// on every call.
type stmtCache struct {
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

// prepared returns a cached prepared statement for q, preparing it once.
// When the cache is full it prepares a statement the caller must close
// (owned reports which).
func (db *DB) prepared(ctx context.Context, q string) (st *sql.Stmt, owned bool, err error) {
	c := &db.stmts
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.m[q]; ok {
		return st, false, nil
	}
	st, err = db.db.PrepareContext(ctx, q)
	if err != nil {
		return nil, false, err
	}
	if len(c.m) >= maxCachedStmts {
		return st, true, nil
	}
	if c.m == nil {
		c.m = map[string]*sql.Stmt{}
	}
	c.m[q] = st
	return st, false, nil
}

// closeStmts releases the cached statements.
func (db *DB) closeStmts() {
	c := &db.stmts
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.m {
		st.Close()
	}
	c.m = nil
}

// queryRow runs a single-row query through the statement cache.
func (db *DB) queryRow(ctx context.Context, q string, args ...any) scanner {
	st, owned, err := db.prepared(ctx, q)
	if err != nil {
		return errRow{err}
	}
	if owned {
		defer st.Close() // takes effect once the row is read
	}
	return st.QueryRowContext(ctx, args...)
}

// query runs a query through the statement cache. The caller closes rows.
func (db *DB) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	st, owned, err := db.prepared(ctx, q)
	if err != nil {
		return nil, err
	}
	if owned {
		defer st.Close()
	}
	return st.QueryContext(ctx, args...)
}

// txQueryRow runs a single-row query inside tx through the statement cache.
func (db *DB) txQueryRow(ctx context.Context, tx *sql.Tx, q string, args ...any) scanner {
	st, owned, err := db.prepared(ctx, q)
	if err != nil {
		return errRow{err}
	}
	if owned {
		defer st.Close()
	}
	return tx.StmtContext(ctx, st).QueryRowContext(ctx, args...)
}

// txQuery runs a query inside tx through the statement cache. The caller
// closes rows.
func (db *DB) txQuery(ctx context.Context, tx *sql.Tx, q string, args ...any) (*sql.Rows, error) {
	st, owned, err := db.prepared(ctx, q)
	if err != nil {
		return nil, err
	}
	if owned {
		defer st.Close()
	}
	return tx.StmtContext(ctx, st).QueryContext(ctx, args...)
}

// txExec runs a statement inside tx through the statement cache.
func (db *DB) txExec(ctx context.Context, tx *sql.Tx, q string, args ...any) (sql.Result, error) {
	st, owned, err := db.prepared(ctx, q)
	if err != nil {
		return nil, err
	}
	if owned {
		defer st.Close()
	}
	return tx.StmtContext(ctx, st).ExecContext(ctx, args...)
}

// errRow is a row whose Scan reports a preparation error.
type errRow struct{ err error }

// Scan reports the error that prevented the query.
func (r errRow) Scan(...any) error { return r.err }
