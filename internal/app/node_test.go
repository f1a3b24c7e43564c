package app

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/auth"
	"github.com/liaison-project/liaison/internal/marking"
)

func TestNodeID(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new")
	a, err := NodeID(dir)
	if err != nil || len(a) != 26 {
		t.Fatalf("NodeID = %q, %v", a, err)
	}
	if b, err := NodeID(dir); err != nil || b != a {
		t.Errorf("second NodeID = %q, %v; want %q", b, err, a)
	}
	if other, _ := NodeID(t.TempDir()); other == a {
		t.Errorf("two data directories share node id %s", a)
	}
	if err := os.WriteFile(filepath.Join(dir, NodeIDFile), []byte("my-laptop\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := NodeID(dir); err == nil {
		t.Errorf("a node-id that is no ULID was accepted")
	}
}

const euPolicy = `{"name": "eu", "levels": [
  {"name": "PUBLIC", "tlp": "CLEAR"},
  {"name": "EU RESTRICTED", "aliases": ["RUE"], "tlp": "AMBER"},
  {"name": "EU SECRET", "aliases": ["SUE"], "tlp": "RED"}]}`

// TestNodeOriginAndPolicy: a node records its persistent id and nation on
// every item it ingests (the nation remembered across restarts), and
// reads <data>/policy.json for its markings — the API's marking check and
// the markings it applies use that policy, not the built-in one.
func TestNodeOriginAndPolicy(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, PolicyFile), []byte(euPolicy), 0o600); err != nil {
		t.Fatal(err)
	}
	start := func(nation string) *Main {
		m, err := New(Config{DataDir: dir, Addr: "127.0.0.1:0", NoScheduler: true, FetchHostInterval: -1,
			Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), PasswordParams: auth.TestParams,
			Extractor: lmNoExtract{}, Origin: liaison.Origin{Nation: nation}})
		if err != nil {
			t.Fatal(err)
		}
		if err := m.Start(context.Background()); err != nil {
			t.Fatal(err)
		}
		return m
	}
	m := start("FRA")
	ctx := context.Background()
	sys := liaison.SystemContext(ctx)
	if err := m.access.store.PutNation(sys, &liaison.Nation{Code: "FRA", Name: "France", Status: liaison.NationMember}); err != nil {
		t.Fatal(err)
	}
	mk, err := m.parseMarking(ctx, "RUE // REL TO FRA")
	if err != nil || mk.Classification != "EU RESTRICTED" || mk.Level != 1 {
		t.Fatalf("node marking RUE: %+v %v", mk, err)
	}
	if _, err := m.parseMarking(ctx, "NATO SECRET"); err == nil {
		t.Errorf("a level outside the node's policy was accepted")
	}
	tok, _, err := m.access.svc.AddUser(sys, &liaison.User{Name: "fra-admin", Nation: "FRA", Role: liaison.RoleAdmin, Clearance: 2}, "")
	if err != nil {
		t.Fatal(err)
	}
	var check struct{ Canonical string }
	getJSONToken(t, m, tok, "/api/v1/marking?text=SUE", &check)
	if check.Canonical != "EU SECRET" {
		t.Errorf("API marking check = %q; want EU SECRET", check.Canonical)
	}
	file := filepath.Join(t.TempDir(), "r.txt")
	if err := os.WriteFile(file, []byte("July 9, 2023\nA report from the French node.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := m.Ingester(mk).Run(ctx, []string{file}); err != nil {
		t.Fatal(err)
	}
	page, err := m.Store().Documents(sys, liaison.DocumentFilter{})
	if err != nil || len(page.Items) != 1 {
		t.Fatalf("documents %+v %v", page, err)
	}
	idb, _ := os.ReadFile(filepath.Join(dir, NodeIDFile))
	want := liaison.Origin{Node: strings.TrimSpace(string(idb)), Nation: "FRA"}
	if got := page.Items[0].Origin; got != want || want.Node == "" {
		t.Errorf("document origin %+v; want %+v", got, want)
	}
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	again := start("")
	defer again.Close()
	if again.cfg.Origin != want {
		t.Errorf("after a restart the origin is %+v; want %+v", again.cfg.Origin, want)
	}
	fresh, err := NodeOrigin(t.TempDir(), "")
	if err != nil || fresh.Nation != marking.OrganisationCode {
		t.Errorf("a node never given a nation: %+v %v", fresh, err)
	}
	// A bad policy file stops the node rather than falling back silently.
	bad := t.TempDir()
	if err := os.WriteFile(filepath.Join(bad, PolicyFile), []byte(`{"levels": []}`), 0o600); err != nil {
		t.Fatal(err)
	}
	bm, _ := New(Config{DataDir: bad, Addr: "127.0.0.1:0", NoScheduler: true, Extractor: lmNoExtract{}})
	if err := bm.Start(ctx); err == nil {
		bm.Close()
		t.Errorf("a node started with an invalid policy file")
	}
}
