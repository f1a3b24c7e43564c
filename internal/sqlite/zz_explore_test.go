package sqlite

import (
	"context"
	"os"
	"testing"
	"time"
)

func TestZZExplore(t *testing.T) {
	path := os.Getenv("ZZ_DB")
	if path == "" {
		t.Skip()
	}
	db, err := Open(context.Background(), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	const from = ` FROM documents_fts JOIN documents_mk d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH ? AND d.mk_level <= 2`
	for _, m := range []string{`"said"`, `"comp"*`, `"exp"*`} {
		time1 := func(name string, f func()) {
			best := time.Hour
			for range 7 {
				t0 := time.Now()
				f()
				best = min(best, time.Since(t0))
			}
			t.Logf("%-10s %-12s %v", m, name, best)
		}
		var n, lo, hi int64
		time1("count", func() { db.db.QueryRow(`SELECT count(*)`+from, m).Scan(&n) })
		time1("bounds", func() {
			db.db.QueryRow(`SELECT min(r), max(r) FROM (SELECT documents_fts.rowid AS r`+from+` ORDER BY documents_fts.rowid DESC LIMIT 2000)`, m).Scan(&lo, &hi)
		})
		time1("combined", func() {
			if err := db.db.QueryRow(`SELECT count(*), min(r) FILTER (WHERE n <= 2000), max(r) FROM (SELECT documents_fts.rowid AS r, row_number() OVER (ORDER BY documents_fts.rowid DESC) AS n`+from+`)`, m).Scan(&n, &lo, &hi); err != nil {
				t.Fatal(err)
			}
		})
		time1("combined2", func() {
			if err := db.db.QueryRow(`SELECT count(*), min(r) FILTER (WHERE n <= 2000), max(r) FROM (SELECT documents_fts.rowid AS r, count(*) OVER (ORDER BY documents_fts.rowid DESC ROWS UNBOUNDED PRECEDING) AS n`+from+`)`, m).Scan(&n, &lo, &hi); err != nil {
				t.Fatal(err)
			}
		})
	}
}
