// Package sqlite is Liaison's SQLite store: documents with a full-text index,
// extractions with provenance, events, feeds — and the one visibility
// predicate (access.go) that every read query goes through. It uses the pure
// Go driver modernc.org/sqlite, WAL mode and numbered embedded migrations.
//
// Writes of documents and extractions take the system viewer
// (liaison.SystemContext); reads apply the viewer in the context.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"time"

	"github.com/liaison-project/liaison"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// DB is an open Liaison store. It is safe for concurrent use.
type DB struct {
	db    *sql.DB
	log   *slog.Logger
	stmts stmtCache
	// searchWindow is the ranking window of Search in visible hits (0:
	// defaultSearchWindow); tests make it small.
	searchWindow int
	// views caches each viewer rule's visible markings (viewcache.go).
	views viewCache
	// maxListedMarkings bounds the visible markings a search or list
	// names in its query (0: maxMarkingNumbers; negative: none, always
	// check per row); tests use it to run both plans.
	maxListedMarkings int
}

var (
	_ liaison.DocumentStore   = (*DB)(nil)
	_ liaison.ExtractionStore = (*DB)(nil)
	_ liaison.EventStore      = (*DB)(nil)
	_ liaison.FeedStore       = (*DB)(nil)
)

// Open opens (creating if needed) the database file at path, sets WAL mode,
// a busy timeout and foreign keys on every connection, and applies pending
// migrations. logger may be nil.
func Open(ctx context.Context, path string, logger *slog.Logger) (*DB, error) {
	if path == "" || path == ":memory:" {
		// In-memory databases are per connection: the pool would see several.
		return nil, liaison.Errorf(liaison.ErrInvalid, "sqlite: database path %q: want a file path", path)
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "cache_size(-32768)")    // 32 MiB page cache per connection
	q.Add("_pragma", "mmap_size(1073741824)") // read pages through mmap, not pread
	q.Add("_pragma", "temp_store(MEMORY)")
	q.Set("_txlock", "immediate")
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	sdb, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	sdb.SetMaxOpenConns(8)
	sdb.SetMaxIdleConns(8)
	sdb.SetConnMaxIdleTime(5 * time.Minute)
	db := &DB{db: sdb, log: logger.With("part", "sqlite")}
	if err := sdb.PingContext(ctx); err != nil {
		sdb.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if err := db.migrate(ctx); err != nil {
		sdb.Close()
		return nil, fmt.Errorf("sqlite: migrate %s: %w", path, err)
	}
	return db, nil
}

// Close closes the database; pending writes are already committed.
func (db *DB) Close() error {
	if db == nil || db.db == nil {
		return nil
	}
	db.closeStmts()
	return db.db.Close()
}

// SQL returns the underlying handle, for maintenance commands and tests that
// need raw access. Queries through it bypass the visibility rule.
func (db *DB) SQL() *sql.DB { return db.db }

// tx runs fn in one write transaction (BEGIN IMMEDIATE), committing when fn
// returns nil and rolling back otherwise.
func (db *DB) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: begin: %w", err)
	}
	if err := fn(tx); err != nil {
		if rerr := tx.Rollback(); rerr != nil && !errors.Is(rerr, sql.ErrTxDone) {
			db.log.Warn("rollback failed", "err", rerr)
		}
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: commit: %w", err)
	}
	db.views.gen.Add(1) // the write may have stored a new marking
	return nil
}

// read runs fn in one read transaction, so that the statements of one
// answer (a count, its page, the markings they were filtered by) see one
// snapshot of the database. It is a deferred BEGIN: readers never wait for
// the write lock.
func (db *DB) read(ctx context.Context, fn func(*sql.Tx) error) error {
	gen := db.views.gen.Load() // before the snapshot: see viewCache
	tx, err := db.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("sqlite: begin read: %w", err)
	}
	defer tx.Rollback() // read only: nothing to commit
	defer db.views.beginRead(tx, gen)()
	return fn(tx)
}

// requireSystem refuses writes that do not come from the node's machinery.
// Document writes must: an exact-duplicate answer would otherwise tell a user
// that an item they may not see exists.
func requireSystem(ctx context.Context, what string) error {
	v, ok := liaison.ViewerFrom(ctx)
	if !ok {
		return liaison.Errorf(liaison.ErrUnauthorized, "%s: no viewer in context", what)
	}
	if !v.System {
		return liaison.Errorf(liaison.ErrForbidden, "%s: only the node's system viewer may write", what)
	}
	return nil
}

// timeFormat is fixed width so that stored times sort as text.
const timeFormat = "2006-01-02T15:04:05.000000000Z"

// fmtTime renders t in UTC at fixed width.
func fmtTime(t time.Time) string { return t.UTC().Format(timeFormat) }

// parseTime reads a time written by fmtTime ("" is the zero time).
func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(timeFormat, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("sqlite: stored time %q: %w", s, err)
	}
	return t.UTC(), nil
}

// clampLimit applies the default page size and its ceiling.
func clampLimit(n int) int {
	switch {
	case n <= 0:
		return 50
	case n > 1000:
		return 1000
	}
	return n
}
