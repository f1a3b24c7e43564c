package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCLIMessages: exit codes and the one stderr line of bad input, the
// version, help for one command, and the password rule.
func TestCLIMessages(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tests := []struct {
		name    string
		stdin   string
		args    []string
		code    int
		out     string // in stdout
		errLast string // the last stderr line, exactly ("" = no stderr check)
	}{
		{"version", "", []string{"--version"}, 0, "liaison " + version + "\n", ""},
		{"version word", "", []string{"version"}, 0, "liaison " + version + "\n", ""},
		{"no command", "", nil, 1, "", "liaison: give a command"},
		{"unknown command", "", []string{"frobnicate"}, 1, "", `liaison: unknown command "frobnicate"`},
		{"help for one command", "", []string{"help", "search"}, 0, "", ""},
		{"unknown flag once", "", []string{"docs", "--bogus"}, 1, "", "liaison: docs: flag provided but not defined: -bogus"},
		{"unknown flag of extract once", "", []string{"extract", "--bogus"}, 1, "", "liaison: extract: flag provided but not defined: -bogus"},
		{"ingest without input", "", []string{"ingest", "--data", dir}, 1, "", "liaison: ingest: give at least one PATH or URL"},
		{"one-argument command keeps its name once", "", []string{"user", "token", "--data", dir}, 1, "", "liaison: user token: want exactly one NAME"},
		{"missing gazetteer file", "", []string{"gazetteer", "import", "--data", dir, "/nonexistent.zip", "/nonexistent.txt"}, 1, "",
			"liaison: gazetteer: cities: stat /nonexistent.zip: no such file or directory"},
		{"events: country not a code", "", []string{"events", "--data", dir, "--country", "lituania"}, 1, "",
			`liaison: events: invalid: --country "LITUANIA": want an ISO 3166 alpha-3 country code (e.g. LTU)`},
		{"events: unknown alpha-3", "", []string{"events", "--data", dir, "--country", "QQQ"}, 1, "", ""},
		{"events: actor with a space", "", []string{"events", "--data", dir, "--actor", "JPN GOV"}, 1, "",
			`liaison: events: invalid: --actor "JPN GOV": an actor code is letters, digits or '-' (e.g. JPNGOV)`},
		{"events: good filters", "", []string{"events", "--data", dir, "--country", "ltu", "--actor", "jpngov"}, 0, "DATE", ""},
		{"short password on add", "short\n", []string{"user", "add", "pat", "--data", dir, "--nation", "USA", "--role", "reader",
			"--clearance", "NR", "--password-stdin"}, 1, "", "liaison: user: invalid: password too short (5 characters): at least 12"},
		{"empty stdin on add", "", []string{"user", "add", "pat", "--data", dir, "--nation", "USA", "--role", "reader",
			"--clearance", "NR", "--password-stdin"}, 1, "", "liaison: user: invalid: --password-stdin: no password on stdin (EOF)"},
		{"good password on add", "twelve chars\n", []string{"user", "add", "pat", "--data", dir, "--nation", "USA", "--role", "reader",
			"--clearance", "NR", "--password-stdin"}, 0, "lia_", ""},
		{"short password on passwd", "elevenchars\n", []string{"user", "passwd", "pat", "--data", dir}, 1, "",
			"liaison: user: invalid: password too short (11 characters): at least 12"},
		{"good password on passwd", "a much longer one\n", []string{"user", "passwd", "pat", "--data", dir}, 0, "password set for pat", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runLine(t, tt.stdin, tt.args...)
			if r.code != tt.code || !strings.Contains(r.out, tt.out) {
				t.Fatalf("exit %d, stdout %q; want %d and %q (stderr %q)", r.code, r.out, tt.code, tt.out, r.errOut)
			}
			lines := strings.Split(strings.TrimRight(r.errOut, "\n"), "\n")
			if tt.errLast != "" && lines[len(lines)-1] != tt.errLast {
				t.Errorf("last stderr line %q; want %q", lines[len(lines)-1], tt.errLast)
			}
			if n := strings.Count(r.errOut, "flag provided but not defined"); n > 1 {
				t.Errorf("the flag error is printed %d times: %q", n, r.errOut)
			}
			if tt.code == 0 && strings.Contains(r.errOut, "liaison:") {
				t.Errorf("a successful run printed an error: %q", r.errOut)
			}
		})
	}
	if r := runLine(t, "", "help", "search"); !strings.Contains(r.errOut+r.out, "usage: liaison search") {
		t.Errorf("help search printed %+v; want the usage of search", r)
	}
}

// TestIngestEmptyTextField: a JSON record whose text is empty is reported
// as empty, not as missing.
func TestIngestEmptyTextField(t *testing.T) {
	t.Parallel()
	in, data := t.TempDir(), t.TempDir()
	lines := `{"title":"empty","text":""}` + "\n" + `{"title":"blank","body":"  "}` + "\n" + `{"title":"none"}` + "\n"
	if err := os.WriteFile(filepath.Join(in, "r.jsonl"), []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runLine(t, "", "ingest", "--data", data, "--no-extract", filepath.Join(in, "r.jsonl"))
	for _, want := range []string{`r.jsonl:1: "text" field is empty`, `r.jsonl:2: "body" field is empty`, `r.jsonl:3: no "text" or "body" field`} {
		if !strings.Contains(r.errOut, want) {
			t.Errorf("stderr %q lacks %q", r.errOut, want)
		}
	}
	if r.code != 1 || strings.Contains(r.errOut, "liaison:") {
		t.Errorf("exit %d stderr %q; want 1 after the per-record lines only", r.code, r.errOut)
	}
}

// TestFeedsListShowsMarking: the table has a MARKING column and --json
// says the interval readably beside the nanoseconds.
func TestFeedsListShowsMarking(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	if r := runLine(t, "", "feeds", "add", "https://feeds.example/n.xml", "--every", "1h", "--marking", "NATO RESTRICTED // REL TO FRA, GBR", "--data", data); r.code != 0 {
		t.Fatalf("feeds add: %+v", r)
	}
	r := runLine(t, "", "feeds", "list", "--data", data)
	header, row, _ := strings.Cut(r.out, "\n")
	if r.code != 0 || !strings.Contains(header, "MARKING") || !strings.Contains(row, "NATO RESTRICTED // REL TO FRA, GBR") {
		t.Errorf("feeds list: %+v", r)
	}
	r = runLine(t, "", "feeds", "list", "--json", "--data", data)
	var feeds []map[string]any
	if r.code != 0 || json.Unmarshal([]byte(r.out), &feeds) != nil || len(feeds) != 1 {
		t.Fatalf("feeds list --json: %+v", r)
	}
	if feeds[0]["every"] != float64(3600e9) || feeds[0]["every_text"] != "1h0m0s" {
		t.Errorf("every %v, every_text %v; want 3600000000000 and 1h0m0s", feeds[0]["every"], feeds[0]["every_text"])
	}
}

// TestClipSnippet: a cut never leaves a highlight open.
func TestClipSnippet(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short [[hit]] here", 90, "short [[hit]] here"},
		{"the first words then [[liaison]] office", 26, "the first words then…"},
		{"[[liaison]] office in Tokyo opens", 14, "[[liaison]] o…"},
		{"plain text without any highlight at all", 10, "plain tex…"},
	}
	for _, tt := range tests {
		if got := clipSnippet(tt.in, tt.n); got != tt.want {
			t.Errorf("clipSnippet(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
	dir := t.TempDir()
	if r := runLine(t, "", "search", "--data", dir, "nothing"); r.code != 0 || !strings.Contains(r.errOut, `no documents match "nothing"`) {
		t.Errorf("search without hits: %+v", r)
	}
	if r := runLine(t, "", "search", "--data", dir); r.code != 1 || !strings.HasSuffix(r.errOut, "liaison: search: invalid: no query given\n") {
		t.Errorf("search without a query: %+v", r)
	}
}
