package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
)

func runExtractCmd(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb}
	err := run(context.Background(), env, append([]string{"extract"}, args...))
	return out.String(), errb.String(), err
}

func TestExtractCommand(t *testing.T) {
	in := strings.Join([]string{
		`{"id":"a","text":"Japan will attend the summit on Jul. 11.","date":"2023-07-09"}`,
		`not json`,
		`{"id":"b","text":"","date":"2023-07-09"}`,
		`{"id":"c","text":"NATO met yesterday."}`,
		`{"id":"d","text":"bad\u0000binary","date":"2023-07-09"}`,
		`{"id":"e","text":"France objected.","date":"July 9"}`,
		`{"id":"f","text":"` + strings.Repeat("word ", 2<<20) + `","date":"2023-07-09"}`,
		``,
		`{"id":"g","text":"NATO met yesterday.","date":"2023-07-09"}`,
	}, "\n")
	out, stderr, err := runExtractCmd(t, in)
	if !errors.Is(err, errSilentFailure) {
		t.Fatalf("err = %v, want a silent failure exit", err)
	}
	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var x liaison.Extraction
		if err := json.Unmarshal([]byte(line), &x); err != nil {
			t.Fatalf("bad output line %q: %v", line, err)
		}
		ids = append(ids, x.ID)
	}
	if strings.Join(ids, ",") != "a,g" {
		t.Errorf("ids = %v, want a,g in input order", ids)
	}
	for _, want := range []string{"stdin:2: invalid JSON", "stdin:3: empty text", "stdin:4: missing date", "stdin:5: binary", "stdin:6:", "stdin:7:", "exceeds"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Count(stderr, "\n") != 6 {
		t.Errorf("want 6 error lines, got:\n%s", stderr)
	}
}

func TestExtractTextFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "report.txt")
	if err := os.WriteFile(p, []byte("July 9, 2023\nJapan will attend the summit on Jul. 11."), 0o644); err != nil {
		t.Fatal(err)
	}
	nodate := filepath.Join(dir, "nodate.txt")
	if err := os.WriteFile(nodate, []byte("Japan will attend."), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := runExtractCmd(t, "", p, nodate)
	if !errors.Is(err, errSilentFailure) || !strings.Contains(stderr, "nodate.txt:1: missing date") {
		t.Fatalf("err = %v, stderr = %q", err, stderr)
	}
	var x liaison.Extraction
	if err := json.Unmarshal([]byte(out), &x); err != nil {
		t.Fatal(err)
	}
	if x.ID != "report" || len(x.Dates) != 2 || x.Dates[1].Value != "2023-07-11" {
		t.Errorf("got %+v", x)
	}
	out, _, err = runExtractCmd(t, "", nodate, "--date", "2023-07-09")
	if err != nil || !strings.Contains(out, `"id":"nodate"`) {
		t.Errorf("with --date: err %v, out %q", err, out)
	}
}

func TestExtractBadFlags(t *testing.T) {
	if _, _, err := runExtractCmd(t, "", "--date", "yesterday"); err == nil {
		t.Error("bad --date accepted")
	}
	if _, _, err := runExtractCmd(t, "", "--tabari", "/nonexistent/x.project"); err == nil {
		t.Error("missing TABARI project accepted")
	}
}

func TestEvalCommandList(t *testing.T) {
	var out bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &out}
	if err := run(context.Background(), env, []string{"eval", "--list"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "dates/tempeval3") || !strings.Contains(out.String(), "quotes/polnear") {
		t.Errorf("list = %q", out.String())
	}
}
