// Package sqlitetest gives other packages' tests a real, empty SQLite store,
// so that handler and service tests run against the store the binary uses
// rather than a fake.
package sqlitetest

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/liaison-project/liaison/internal/sqlite"
)

// MustOpen opens a fresh store in a temporary directory of tb, closed when
// tb ends; a failure to open fails tb.
func MustOpen(tb testing.TB) *sqlite.DB {
	tb.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "liaison.db"), nil)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}
