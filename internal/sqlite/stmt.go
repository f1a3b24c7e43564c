package sqlite

import (
	"context"
	"database/sql"
	"sync"
	"time"
)

// maxCachedStmts bounds the statement cache: queries are built from a small
// set of shapes, so the bound is only a guard.
const maxCachedStmts = 256

// txPrepareWait bounds how long a statement used inside a transaction waits
// for a pooled connection to be prepared on for the cache. The transaction
// holds a connection already; were every connection held by a transaction
// waiting the same way, waiting longer would deadlock. Past it the statement
// is prepared on the transaction's own connection, uncached.
const txPrepareWait = 20 * time.Millisecond

// stmtCache keeps prepared statements of the hot paths (document writes,
// near-duplicate lookups, gets, searches) so that SQLite does not parse and
// plan them on every call.
type stmtCache struct {
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

// get returns the cached statement for q, or nil.
func (c *stmtCache) get(q string) *sql.Stmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[q]
}

// put caches st for q and returns the statement to use: st, or the one
// another caller cached first (st is then closed). owned reports a
// statement the cache did not take (it is full): the caller closes it.
func (c *stmtCache) put(q string, st *sql.Stmt) (use *sql.Stmt, owned bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if prev, ok := c.m[q]; ok {
		st.Close()
		return prev, false
	}
	if len(c.m) >= maxCachedStmts {
		return st, true
	}
	if c.m == nil {
		c.m = map[string]*sql.Stmt{}
	}
	c.m[q] = st
	return st, false
}

// prepared returns a cached prepared statement for q, preparing it once
// (outside the cache's lock, so that a slow preparation holds up no other
// statement). When the cache is full it prepares a statement the caller
// must close (owned reports which).
func (db *DB) prepared(ctx context.Context, q string) (st *sql.Stmt, owned bool, err error) {
	if st := db.stmts.get(q); st != nil {
		return st, false, nil
	}
	st, err = db.db.PrepareContext(ctx, q)
	if err != nil {
		return nil, false, err
	}
	st, owned = db.stmts.put(q, st)
	return st, owned, nil
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

// txStmt returns q as a statement of tx from the cache, caching it first
// when a pooled connection comes free soon enough to prepare it on (see
// txPrepareWait); nil when not, and the caller runs q on tx unprepared
// (tx's own connection then prepares it for this use only).
func (db *DB) txStmt(ctx context.Context, tx *sql.Tx, q string) *sql.Stmt {
	if st := db.stmts.get(q); st != nil {
		return tx.StmtContext(ctx, st)
	}
	wctx, cancel := context.WithTimeout(ctx, txPrepareWait)
	st, owned, err := db.prepared(wctx, q)
	cancel()
	switch {
	case err != nil: // no connection in time, or q is wrong: running it on tx says which
		return nil
	case owned: // the cache is full
		st.Close()
		return nil
	}
	return tx.StmtContext(ctx, st)
}

// txQueryRow runs a single-row query inside tx through the statement cache.
func (db *DB) txQueryRow(ctx context.Context, tx *sql.Tx, q string, args ...any) scanner {
	if st := db.txStmt(ctx, tx, q); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return tx.QueryRowContext(ctx, q, args...)
}

// txQuery runs a query inside tx through the statement cache. The caller
// closes rows.
func (db *DB) txQuery(ctx context.Context, tx *sql.Tx, q string, args ...any) (*sql.Rows, error) {
	if st := db.txStmt(ctx, tx, q); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return tx.QueryContext(ctx, q, args...)
}

// txExec runs a statement inside tx through the statement cache.
func (db *DB) txExec(ctx context.Context, tx *sql.Tx, q string, args ...any) (sql.Result, error) {
	if st := db.txStmt(ctx, tx, q); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return tx.ExecContext(ctx, q, args...)
}

// errRow is a row whose Scan reports a preparation error.
type errRow struct{ err error }

// Scan reports the error that prevented the query.
func (r errRow) Scan(...any) error { return r.err }

// txEach runs q in tx and calls scan for each row.
func (db *DB) txEach(ctx context.Context, tx *sql.Tx, q string, args []any, scan func(*sql.Rows) error) error {
	rows, err := db.txQuery(ctx, tx, q, args...)
	return scanEach(rows, err, scan)
}
