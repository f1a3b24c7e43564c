package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/storetest"
)

// openTest opens a fresh store in a temporary directory.
func openTest(t testing.TB) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "liaison.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestStoreSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Store { return openTest(t) })
}

func TestPendingExtraction(t *testing.T) {
	db := openTest(t)
	sys := liaison.SystemContext(context.Background())
	var ids []string
	for _, text := range []string{"first pending text", "second pending text", "third pending text"} {
		res, err := db.PutDocument(sys, &liaison.Document{Title: text, Text: text})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, res.ID)
	}
	if err := db.PutExtraction(sys, ids[1], &liaison.Extraction{}); err != nil {
		t.Fatal(err)
	}
	got, err := db.PendingExtraction(sys, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != ids[0] || got[1].ID != ids[2] {
		t.Errorf("PendingExtraction = %v, want %s and %s", got, ids[0], ids[2])
	}
	got, err = db.PendingExtraction(context.Background(), 10)
	if err != nil || len(got) != 0 {
		t.Errorf("PendingExtraction without a viewer = %v, %v; want nothing", got, err)
	}
}

func TestPutDocuments(t *testing.T) {
	db := openTest(t)
	sys := liaison.SystemContext(context.Background())
	first, err := db.PutDocument(sys, &liaison.Document{Title: "old", Text: "already stored text"})
	if err != nil {
		t.Fatal(err)
	}
	batch := []*liaison.Document{
		{Title: "a", Text: "batch text a"},
		{Title: "empty", Text: " "},
		{Title: "a again", Text: "batch text a"},
		{Title: "old again", Text: "already stored text"},
		{Title: "near", Text: "batch text a, edited", DuplicateOf: first.ID},
		{Title: "dangling", Text: "links to nothing", DuplicateOf: "01ARZ3NDEKTSV4RRFFQ69G5FAV"},
		nil,
	}
	res, err := db.PutDocuments(sys, batch)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"stored", "", "duplicate", "duplicate", "near-duplicate", "", ""}
	for i, r := range res {
		if r.Status != want[i] || (want[i] == "") != (r.Err != nil) {
			t.Errorf("item %d: %+v, want status %q", i, r, want[i])
		}
	}
	if res[2].ID != res[0].ID || res[3].ID != first.ID {
		t.Errorf("duplicates point to %s and %s, want %s and %s", res[2].ID, res[3].ID, res[0].ID, first.ID)
	}
	if _, err := db.PutDocuments(context.Background(), batch); err == nil {
		t.Error("PutDocuments without the system viewer succeeded")
	}
}

func TestOpenPathWithSpaces(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a dir?with#odd chars")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	db, err := Open(context.Background(), filepath.Join(dir, "x.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := os.Stat(filepath.Join(dir, "x.db")); err != nil {
		t.Errorf("database not created where asked: %v", err)
	}
}
