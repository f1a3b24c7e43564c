package sqlite

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestMigrationsEmbedded(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) == 0 || ms[0].Version != 1 || ms[0].Name != "0001_core" {
		t.Fatalf("migrations = %+v, want 0001_core first", ms)
	}
	for i := 1; i < len(ms); i++ {
		if ms[i].Version <= ms[i-1].Version {
			t.Errorf("migrations out of order: %s after %s", ms[i].Name, ms[i-1].Name)
		}
	}
}

func TestLoadMigrations(t *testing.T) {
	tests := []struct {
		name    string
		files   map[string]string
		want    []string
		wantErr string
	}{
		{"numeric order", map[string]string{"m/0010_c.sql": "", "m/0002_b.sql": "", "m/0001_a.sql": "", "m/README": ""},
			[]string{"0001_a", "0002_b", "0010_c"}, ""},
		{"bad name", map[string]string{"m/abc.sql": ""}, nil, "NNNN_name.sql"},
		{"zero", map[string]string{"m/0000_x.sql": ""}, nil, "NNNN_name.sql"},
		{"duplicate number", map[string]string{"m/0002_a.sql": "", "m/2_b.sql": ""}, nil, "already used"},
	}
	for _, tc := range tests {
		fsys := fstest.MapFS{}
		for n, body := range tc.files {
			fsys[n] = &fstest.MapFile{Data: []byte(body)}
		}
		ms, err := loadMigrations(fsys, "m")
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%s: err = %v, want %q", tc.name, err, tc.wantErr)
			}
			continue
		}
		var got []string
		for _, m := range ms {
			got = append(got, m.Name)
		}
		if err != nil || strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("%s: %v, %v; want %v", tc.name, got, err, tc.want)
		}
	}
}

// TestMigrateIdempotentAndAtomic reopens a database (nothing re-applied) and
// checks that a failing migration leaves no trace of itself.
func TestMigrateIdempotentAndAtomic(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	for range 2 {
		db, err := Open(ctx, path, nil)
		if err != nil {
			t.Fatal(err)
		}
		db.Close()
	}
	db, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.db.QueryRow(`SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	ms, _ := migrations()
	if n != len(ms) {
		t.Errorf("schema_migrations has %d rows, want %d", n, len(ms))
	}
	bad := []migration{{Version: 9001, Name: "9001_bad", SQL: "CREATE TABLE half_done(x); THIS IS NOT SQL;"}}
	if err := db.applyMigrations(ctx, bad); err == nil || !strings.Contains(err.Error(), "9001_bad") {
		t.Fatalf("bad migration: err = %v, want one naming it", err)
	}
	if err := db.db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = 'half_done'`).Scan(&n); err != nil || n != 0 {
		t.Errorf("failed migration left its table behind (%d, %v)", n, err)
	}
	if err := db.db.QueryRow(`SELECT count(*) FROM schema_migrations WHERE version = 9001`).Scan(&n); err != nil || n != 0 {
		t.Errorf("failed migration recorded (%d, %v)", n, err)
	}
	var mode string
	if err := db.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	if err := db.db.QueryRow(`PRAGMA foreign_keys`).Scan(&n); err != nil || n != 1 {
		t.Errorf("foreign_keys = %d, %v; want 1", n, err)
	}
}

func TestOpenErrors(t *testing.T) {
	for _, p := range []string{"", ":memory:"} {
		if _, err := Open(context.Background(), p, nil); err == nil {
			t.Errorf("Open(%q) succeeded", p)
		}
	}
	if _, err := Open(context.Background(), filepath.Join(t.TempDir(), "no", "such", "dir", "x.db"), nil); err == nil {
		t.Error("Open in a missing directory succeeded")
	}
}
