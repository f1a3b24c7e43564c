package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
)

func runCLI(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), &Env{Stdout: &out, Stderr: &errb}, args)
	return out.String() + errb.String(), err
}

func TestProposalAndThreadCommands(t *testing.T) {
	dir := t.TempDir()
	out, err := runCLI(t, "proposal", "create", "--data", dir, "--as", "GBR", "--title", "Tokyo office", "--text", "Open it.",
		"--deciders", "DEU,FRA,GBR", "--consulted", "JPN", "--deadline", "72h", "--circulate")
	if err != nil || !strings.HasPrefix(out, "circulating ") {
		t.Fatalf("create: %q %v", out, err)
	}
	id := strings.TrimSpace(strings.TrimPrefix(out, "circulating "))
	out, err = runCLI(t, "proposal", "list", "--data", dir, "--as", "JPN", "--json")
	var ps []liaison.Proposal
	if err != nil || json.Unmarshal([]byte(out), &ps) != nil || len(ps) != 1 || ps[0].ID != id {
		t.Fatalf("list as JPN: %q %v", out, err)
	}
	if out, _ := runCLI(t, "proposal", "list", "--data", dir, "--as", "KOR", "--json"); strings.TrimSpace(out) != "[]" {
		t.Fatalf("list as KOR: %q", out)
	}
	if _, err := runCLI(t, "proposal", "object", id, "--data", dir, "--as", "JPN", "--text", "no"); err == nil {
		t.Fatal("consulted JPN objected")
	}
	if out, err := runCLI(t, "proposal", "object", id, "--data", dir, "--as", "FRA", "--text", "France objects"); err != nil || !strings.HasPrefix(out, "blocked") {
		t.Fatalf("object: %q %v", out, err)
	}
	if _, err := runCLI(t, "proposal", "show", id, "--data", dir, "--as", "KOR"); err == nil || !strings.Contains(err.Error(), "not found") {
		t.Fatalf("show as KOR: %v", err)
	}
	if out, err := runCLI(t, "proposal", "show", id, "--data", dir, "--as", "GBR"); err != nil || !strings.Contains(out, "FRA  object France objects") {
		t.Fatalf("show: %q %v", out, err)
	}
	if out, err := runCLI(t, "thread", "create", "--data", dir, "--as", "FRA", "--subject", "Tokyo", "--with", "JPN", "--proposal", id, "--text", "Bonjour"); err != nil || !strings.HasPrefix(out, "thread ") {
		t.Fatalf("thread create: %q %v", out, err)
	}
	out, err = runCLI(t, "thread", "list", "--data", dir, "--as", "JPN", "--json")
	var ts []liaison.Thread
	if err != nil || json.Unmarshal([]byte(out), &ts) != nil || len(ts) != 1 || ts[0].Messages != 1 {
		t.Fatalf("thread list: %q %v", out, err)
	}
	if out, err := runCLI(t, "proposal", "webhook", "https://chat.example/hook", "--secret", "0123456789abcdef", "--data", dir, "--as", "FRA"); err != nil || !strings.HasPrefix(out, "webhook ") {
		t.Fatalf("webhook add: %q %v", out, err)
	}
	if out, err := runCLI(t, "proposal", "webhook", "--data", dir, "--as", "FRA"); err != nil || !strings.Contains(out, "https://chat.example/hook") {
		t.Fatalf("webhook list: %q %v", out, err)
	}
	if _, err := runCLI(t, "proposal", "dance", id, "--data", dir, "--as", "FRA"); err == nil {
		t.Fatal("unknown subcommand accepted")
	}
}
