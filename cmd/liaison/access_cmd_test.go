package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"

	"github.com/liaison-project/liaison/internal/auth"
	"github.com/liaison-project/liaison/internal/marking"
)

// memAccess is an in-memory access store for command tests.
type memAccess struct{ *auth.Memory }

func (memAccess) Close() error { return nil }

type accessRun func(ctx context.Context, env *Env, args []string, open accessOpener) error

func runAccess(t *testing.T, st accessStore, f accessRun, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb}
	open := func(context.Context, string) (accessStore, error) { return st, nil }
	err := f(context.Background(), env, append(args, "--data", t.TempDir()), open)
	return out.String(), errb.String(), err
}

func TestAccessCommands(t *testing.T) {
	st := memAccess{auth.NewMemory()}
	steps := []struct {
		f       accessRun
		stdin   string
		args    []string
		want    string
		wantErr string
	}{
		{nationCmd, "", []string{"add", "USA", "--name", "United States", "--status", "member", "--group", "NATO:1949-08-24"}, "USA", ""},
		{nationCmd, "", []string{"add", "JPN", "--name", "Japan", "--status", "partner", "--group", "IP4"}, "JPN", ""},
		{nationCmd, "", []string{"add", "US", "--name", "x", "--status", "member"}, "", "three letters"},
		{nationCmd, "", []string{"add", "FRA", "--name", "France", "--status", "friend"}, "", "status"},
		{nationCmd, "", []string{"add", "FRA", "--name", "France", "--status", "member", "--group", "NATO:1949"}, "", "YYYY-MM-DD"},
		{nationCmd, "", []string{"list"}, "NATO:1949-08-24", ""},
		{userCmd, "secret passphrase\n", []string{"add", "kenji", "--nation", "jpn", "--role", "analyst", "--clearance", "NATO RESTRICTED", "--password-stdin"}, "lia_", ""},
		{userCmd, "", []string{"add", "kenji", "--nation", "JPN", "--role", "analyst", "--clearance", "NR"}, "", "already exists"},
		{userCmd, "", []string{"add", "bob", "--nation", "XXX", "--role", "analyst", "--clearance", "NR"}, "", "--nation"},
		{userCmd, "", []string{"add", "bob", "--nation", "USA", "--role", "analyst", "--clearance", "TOP"}, "", "--clearance"},
		{userCmd, "", []string{"add", "bob", "--nation", "USA", "--role", "king", "--clearance", "NR"}, "", "unknown role"},
		{userCmd, "", []string{"list"}, "NATO RESTRICTED", ""},
		{userCmd, "", []string{"token", "kenji", "--scope", "read"}, "scope read", ""},
		{userCmd, "", []string{"token", "nobody"}, "", "not found"},
		{userCmd, "", []string{"revoke", "nope"}, "", "not found"},
		{userCmd, "", []string{"disable", "kenji"}, "disabled kenji", ""},
		{userCmd, "", []string{"enable", "kenji"}, "enabled kenji", ""},
		{userCmd, "new passphrase 2\n", []string{"passwd", "kenji"}, "password set", ""},
		{userCmd, "", []string{"passwd", "kenji"}, "", "password too short (0 characters): at least 12"},
		{userCmd, "eleven char\n", []string{"passwd", "kenji"}, "", "password too short (11 characters): at least 12"},
		{userCmd, "short\n", []string{"add", "pat", "--nation", "USA", "--role", "reader", "--clearance", "NR", "--password-stdin"}, "", "at least 12"},
		{markingCmd, "", []string{"check", "nato restricted // rel to nato, jpn"}, "NATO RESTRICTED // REL TO NATO, JPN\nTLP:AMBER\n", ""},
		{markingCmd, "", []string{"check", "NATO SECRET // REL TO KOR"}, "", "KOR"},
		{auditCmd, "", []string{"verify"}, "intact", ""},
		{auditCmd, "", []string{"list"}, "user.add", ""},
	}
	for _, s := range steps {
		out, _, err := runAccess(t, st, s.f, s.stdin, s.args...)
		if s.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), s.wantErr) {
				t.Errorf("%v: err = %v, want %q", s.args, err, s.wantErr)
			}
			continue
		}
		if err != nil || !strings.Contains(out, s.want) {
			t.Errorf("%v: out %q err %v; want %q", s.args, out, err, s.want)
		}
	}
	// user add prints the token as its last line; it works and can be revoked.
	out, _, err := runAccess(t, st, userCmd, "", "add", "anne", "--nation", "USA", "--role", "admin", "--clearance", "4")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	tok := lines[len(lines)-1]
	svc, _ := auth.New(auth.Config{Users: st, Audit: st, Params: auth.TestParams})
	u, tk, err := svc.Token(context.Background(), tok)
	if err != nil || u.Name != "anne" {
		t.Fatalf("token from user add: %v", err)
	}
	if _, _, err := runAccess(t, st, userCmd, "", "revoke", tk.ID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := svc.Token(context.Background(), tok); err == nil {
		t.Error("revoked token still works")
	}
}

// TestAuditVerifyCommandOnSQLite runs the commands against a real store and
// shows 'audit verify' failing after an entry is edited with raw SQL.
func TestAuditVerifyCommandOnSQLite(t *testing.T) {
	dir := t.TempDir()
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb}
	ctx := context.Background()
	steps := [][]string{
		{"nation", "add", "JPN", "--name", "Japan", "--status", "partner", "--group", "IP4:2022-06-29"},
		{"user", "add", "aiko", "--nation", "JPN", "--role", "reader", "--clearance", "NR"},
		{"audit", "verify"},
	}
	for _, s := range steps {
		if err := run(ctx, env, append(s, "--data", dir)); err != nil {
			t.Fatalf("%v: %v (%s)", s, err, errb.String())
		}
	}
	// The new store's seeded nations, then nation add, user add, its token.
	want := fmt.Sprintf("audit log intact: %d entries", len(marking.SeedNations())+3)
	if !strings.Contains(out.String(), want) {
		t.Fatalf("verify said %q", out.String())
	}
	st, err := openAccessStore(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	db := st.(interface{ SQL() *sql.DB }).SQL()
	for _, q := range []string{`DROP TRIGGER audit_log_no_update`, `UPDATE audit_log SET actor = 'nobody' WHERE seq = 2`} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	err = run(ctx, env, []string{"audit", "verify", "--data", dir})
	if err == nil || !strings.Contains(err.Error(), "BROKEN at entry 2") {
		t.Errorf("verify after edit: %v", err)
	}
}
