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

func runCmd(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(context.Background(), &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut}, args)
	return out.String(), errOut.String(), err
}

func TestIngestCommand(t *testing.T) {
	in, data := t.TempDir(), t.TempDir()
	text := "July 9, 2023\nJapan will attend the NATO summit in Vilnius, Lithuania, as a partner country, officials said on Sunday.\n"
	if err := os.WriteFile(filepath.Join(in, "a.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(in, "bad.txt")
	if err := os.WriteFile(bad, []byte("caf\xe9"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, err := runCmd(t, "ingest", "--data", data, "--marking", "NATO UNCLASSIFIED", in)
	if !errors.Is(err, errSilentFailure) {
		t.Fatalf("err %v, want the silent failure exit", err)
	}
	if out != "1 stored, 0 duplicate, 0 near-duplicate, 1 failed\n" {
		t.Errorf("stdout %q", out)
	}
	if want := "ingest: " + bad + ": not valid UTF-8"; !strings.Contains(errOut, want) {
		t.Errorf("stderr %q lacks %q", errOut, want)
	}
	st, err := openStore(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	sys := liaison.SystemContext(context.Background())
	page, err := st.Documents(sys, liaison.DocumentFilter{Limit: 10})
	if err != nil || len(page.Items) != 1 {
		t.Fatalf("stored documents: %+v, %v", page, err)
	}
	d := page.Items[0]
	if d.Published.Format("2006-01-02") != "2023-07-09" || d.Marking.Classification != "NATO UNCLASSIFIED" {
		t.Errorf("document %+v", d)
	}
	if x, err := st.Extraction(sys, d.ID); err != nil || len(x.Sentences) == 0 {
		t.Errorf("extraction of the new document: %+v, %v", x, err)
	}
	st.Close()
	out, _, err = runCmd(t, "ingest", "--json", "--data", data, filepath.Join(in, "a.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var sum struct{ Stored, Duplicates int }
	if err := json.Unmarshal([]byte(out), &sum); err != nil || sum.Stored != 0 || sum.Duplicates != 1 {
		t.Errorf("second run %q (%v)", out, err)
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"ingest", "--data", data}, "at least one PATH"},
		{[]string{"ingest", "--data", data, "--max-bytes", "lots", in}, "--max-bytes"},
		{[]string{"ingest", "--data", data, "--marking", "TOP SECRET PLEASE", in}, "--marking"},
	}
	for _, tt := range tests {
		if _, _, err := runCmd(t, tt.args...); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v: err %v, want %q", tt.args, err, tt.want)
		}
	}
}

func TestFeedsCommand(t *testing.T) {
	data := t.TempDir()
	out, _, err := runCmd(t, "feeds", "add", "https://wire.example.org/feed.xml", "--every", "30m", "--data", data)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "https://wire.example.org/feed.xml every 30m0s") {
		t.Errorf("add: %q", out)
	}
	out, _, err = runCmd(t, "feeds", "list", "--json", "--data", data)
	if err != nil {
		t.Fatal(err)
	}
	var feeds []liaison.Feed
	if err := json.Unmarshal([]byte(out), &feeds); err != nil || len(feeds) != 1 || feeds[0].Marking.Classification != "PUBLIC" {
		t.Fatalf("list: %q (%v)", out, err)
	}
	if out, _, _ := runCmd(t, "feeds", "list", "--data", data); !strings.Contains(out, feeds[0].ID) {
		t.Errorf("table lacks the feed: %q", out)
	}
	for _, bad := range [][]string{
		{"feeds", "add", "ftp://x/feed", "--data", data},
		{"feeds", "add", "https://x/feed", "--every", "10s", "--data", data},
		{"feeds", "remove", "nope", "--data", data},
		{"feeds", "frobnicate"},
	} {
		if _, _, err := runCmd(t, bad...); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
	if _, _, err := runCmd(t, "feeds", "remove", feeds[0].ID, "--data", data); err != nil {
		t.Fatal(err)
	}
	if out, _, _ := runCmd(t, "feeds", "list", "--json", "--data", data); strings.TrimSpace(out) != "[]" {
		t.Errorf("after remove: %q", out)
	}
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
	}{
		{"500000", 500000}, {"2MB", 2000000}, {"10MiB", 10 << 20}, {"64k", 64 << 10}, {"1.5 GiB", 3 << 29}, {"0", 0}, {"-1", 0}, {"x", 0},
	}
	for _, tt := range tests {
		got, err := parseSize(tt.in)
		if tt.want == 0 {
			if err == nil {
				t.Errorf("parseSize(%q) accepted", tt.in)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
}

func TestResolveDataDir(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/xdg")
	if got, _ := resolveDataDir(""); got != "/xdg/liaison" {
		t.Errorf("XDG: %q", got)
	}
	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "/home/u")
	if got, _ := resolveDataDir(""); got != "/home/u/.local/share/liaison" {
		t.Errorf("home: %q", got)
	}
	if got, _ := resolveDataDir("/d"); got != "/d" {
		t.Errorf("flag: %q", got)
	}
}
