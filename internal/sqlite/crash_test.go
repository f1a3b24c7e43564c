package sqlite

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/storetest"
)

// crashChildEnv, when set to a database path, makes TestCrashSafety the
// child process that writes until it is killed.
const crashChildEnv = "LIAISON_SQLITE_CRASH_CHILD"

// crashChild writes documents and their extractions forever, printing a
// line after each document.
func crashChild(path string) {
	ctx := liaison.SystemContext(context.Background())
	db, err := Open(ctx, path, nil)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(2)
	}
	for i := 0; ; i++ {
		d := &liaison.Document{Title: fmt.Sprintf("crash %d", i), Text: fmt.Sprintf("Crash test document number %d.", i),
			Marking: liaison.Marking{Level: i % 3}}
		if _, err := db.PutDocument(ctx, d); err != nil {
			fmt.Println("put:", err)
			os.Exit(2)
		}
		fmt.Println("doc", i)
		x := &liaison.Extraction{Events: []liaison.Event{{Source: "JPN", Target: "USA", Root: "04", Date: "2023-07-11"}},
			Places: []liaison.PlaceMention{{Text: "Vilnius", Place: liaison.Place{Name: "Vilnius", Country: "LTU"}}}}
		if err := db.PutExtraction(ctx, d.ID, x); err != nil {
			fmt.Println("extract:", err)
			os.Exit(2)
		}
	}
}

// TestCrashSafety kills a process in the middle of writing and checks that
// the database is consistent and that the pending work can be completed.
func TestCrashSafety(t *testing.T) {
	if path := os.Getenv(crashChildEnv); path != "" {
		crashChild(path)
		return
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashSafety$")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	for n := 0; n < 60 && sc.Scan(); n++ {
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	db, err := Open(context.Background(), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	checkConsistent(t, db)
	sys := liaison.SystemContext(context.Background())
	pending, err := db.PendingExtraction(sys, 100)
	if err != nil || len(pending) > 1 {
		t.Fatalf("pending after a kill: %d, %v; want at most the one document being extracted", len(pending), err)
	}
	for _, d := range pending {
		if err := db.PutExtraction(sys, d.ID, &liaison.Extraction{}); err != nil {
			t.Fatal(err)
		}
	}
	if pending, _ = db.PendingExtraction(sys, 100); len(pending) != 0 {
		t.Errorf("still pending after completion: %d", len(pending))
	}
	checkConsistent(t, db)
}

// checkConsistent runs SQLite's and FTS5's integrity checks and compares
// the trigger-kept counts with the rows.
func checkConsistent(t *testing.T, db *DB) {
	t.Helper()
	var ok string
	if err := db.db.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Errorf("integrity_check = %q, %v", ok, err)
	}
	if _, err := db.db.Exec(`INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		t.Errorf("FTS integrity check: %v", err)
	}
	for _, tbl := range []string{"documents", "events"} {
		var rows, counted int
		db.db.QueryRow(`SELECT count(*) FROM ` + tbl).Scan(&rows)
		db.db.QueryRow(`SELECT coalesce(sum(n), 0) FROM mk_counts WHERE tbl = ?`, tbl).Scan(&counted)
		if rows != counted || rows == 0 {
			t.Errorf("%s: %d rows, mk_counts says %d", tbl, rows, counted)
		}
	}
	checkMarkingCopy(t, db)
	var mentions, counted int
	db.db.QueryRow(`SELECT count(*) FROM place_mentions`).Scan(&mentions)
	db.db.QueryRow(`SELECT coalesce(sum(n), 0) FROM place_counts`).Scan(&counted)
	if mentions != counted {
		t.Errorf("place_mentions: %d rows, place_counts says %d", mentions, counted)
	}
}

var _ storetest.Store = (*DB)(nil)

// checkMarkingCopy compares documents_mk, the marking copy that search
// filters on, with the documents' markings.
func checkMarkingCopy(t *testing.T, db *DB) {
	t.Helper()
	var mismatched int
	if err := db.db.QueryRow(`SELECT count(*) FROM documents d FULL JOIN documents_mk m ON m.rowid = d.rowid
		WHERE m.rowid IS NULL OR d.rowid IS NULL OR m.mk_level != d.mk_level OR m.mk_rel != d.mk_rel
		OR m.mk_caveats != d.mk_caveats`).Scan(&mismatched); err != nil || mismatched != 0 {
		t.Errorf("documents_mk differs from documents' markings in %d rows (%v)", mismatched, err)
	}
	// Every document's and event's rowid carries its marking's number:
	// search and event lists trust it.
	for _, tbl := range []string{"documents", "events"} {
		var wrong int
		if err := db.db.QueryRow(`SELECT count(*) FROM ` + tbl + ` d WHERE (d.rowid & 1048575) IS NOT (SELECT m.id
			FROM markings m WHERE m.mk_level = d.mk_level AND m.mk_rel = d.mk_rel AND m.mk_caveats = d.mk_caveats)`).Scan(&wrong); err != nil || wrong != 0 {
			t.Errorf("%d %s whose rowid does not carry their marking (%v)", wrong, tbl, err)
		}
	}
}
