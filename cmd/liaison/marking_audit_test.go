package main

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/auth"
	"github.com/liaison-project/liaison/internal/marking"
)

// TestMarkingCheckCreatesNoStore: checking a marking reads nations and must
// leave a data directory without a store as it found it.
func TestMarkingCheckCreatesNoStore(t *testing.T) {
	dir := t.TempDir()
	var out, errb bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &errb}
	err := run(context.Background(), env, []string{"marking", "check", "nato restricted // rel to nato, kor", "--data", dir})
	if err != nil {
		t.Fatalf("%v %s", err, errb.String())
	}
	if out.String() != "NATO RESTRICTED // REL TO NATO, KOR\nTLP:AMBER\n" || !strings.Contains(errb.String(), "built-in nations") {
		t.Errorf("out %q err %q", out.String(), errb.String())
	}
	if _, err := os.Stat(filepath.Join(dir, storeFile)); err == nil {
		t.Error("marking check created a store")
	}
	// The built-in nations know no group EU; with a store, its nations
	// are used: the seeded ones and a membership an admin added.
	if err := run(context.Background(), env, []string{"marking", "check", "NATO RESTRICTED // REL TO EU", "--data", dir}); err == nil {
		t.Error("EU accepted though no nation is a member")
	}
	if err := run(context.Background(), env, []string{"nation", "add", "FRA", "--name", "France", "--status", "member", "--group", "EU:1958-01-01", "--data", dir}); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := run(context.Background(), env, []string{"marking", "check", "NATO RESTRICTED // REL TO EU, KOR", "--json", "--data", dir}); err != nil {
		t.Fatalf("EU, KOR after nation add: %v", err)
	}
	if !strings.Contains(out.String(), `"FRA",`+"\n"+`    "KOR"`) {
		t.Errorf("REL TO EU, KOR expanded to %q; want FRA and the seeded KOR", out.String())
	}
}

// TestAuditVerifyAnchor: cutting the newest entry together with the head
// the store keeps is caught by a verify given the head an earlier verify
// printed.
func TestAuditVerifyAnchor(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	var out, errb bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &errb}
	for _, s := range [][]string{
		{"nation", "add", "JPN", "--name", "Japan", "--status", "partner"},
		{"nation", "add", "KOR", "--name", "Korea", "--status", "partner"},
		{"audit", "verify"},
	} {
		if err := run(ctx, env, append(s, "--data", dir)); err != nil {
			t.Fatalf("%v: %v (%s)", s, err, errb.String())
		}
	}
	_, head, ok := strings.Cut(out.String(), "head ")
	head = strings.TrimSpace(head)
	last := len(marking.SeedNations()) + 2 // the new store's seeded nations, then two nation adds
	if !ok || !strings.HasPrefix(head, fmt.Sprintf("%d:", last)) {
		t.Fatalf("verify printed %q", out.String())
	}
	if err := run(ctx, env, []string{"audit", "verify", "--anchor", head, "--data", dir}); err != nil {
		t.Fatalf("anchor on an intact log: %v", err)
	}
	if err := run(ctx, env, []string{"audit", "verify", "--anchor", "2:nothex", "--data", dir}); err == nil {
		t.Error("malformed anchor accepted")
	}
	st, err := openAccessStore(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	db := st.(interface{ SQL() *sql.DB }).SQL()
	for _, q := range []string{`DROP TRIGGER audit_log_no_delete`, `DELETE FROM audit_log WHERE seq = ?`,
		`UPDATE audit_head SET seq = ?1 - 1, hash = (SELECT hash FROM audit_log WHERE seq = ?1 - 1)`} {
		if _, err := db.ExecContext(ctx, q, last); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	// A plain verify cannot see this cut (the store's own head went with
	// it); whatever it says, the anchor must.
	_ = run(ctx, env, []string{"audit", "verify", "--data", dir})
	err = run(ctx, env, []string{"audit", "verify", "--data", dir, "--anchor", head})
	if err == nil || !strings.Contains(err.Error(), "no longer in the log") {
		t.Errorf("verify with the old head after the cut: %v", err)
	}
}

// TestNationAddChecksISOCode: a typo is refused, an organisation's X code
// and a real alpha-3 code are accepted.
func TestNationAddChecksISOCode(t *testing.T) {
	st := memAccess{auth.NewMemory()}
	for code, ok := range map[string]bool{"JAP": false, "QQQ": false, "JPN": true, "XNS": true} {
		_, _, err := runAccess(t, st, nationCmd, "", "add", code, "--name", "N", "--status", "member")
		if ok != (err == nil) {
			t.Errorf("nation add %s: err = %v, want ok=%v", code, err, ok)
		}
		if err != nil && !errors.Is(err, liaison.ErrInvalid) {
			t.Errorf("nation add %s: err = %v, want ErrInvalid", code, err)
		}
	}
}
