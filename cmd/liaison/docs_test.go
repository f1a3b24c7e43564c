package main

import (
	"bytes"
	"flag"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
)

func TestParseInterspersed(t *testing.T) {
	tests := []struct {
		args []string
		rest []string
		json bool
		lim  int
	}{
		{[]string{"vilnius", "summit"}, []string{"vilnius", "summit"}, false, 20},
		{[]string{"--json", "vilnius", "--limit", "5"}, []string{"vilnius"}, true, 5},
		{[]string{"vilnius", "--json", "summit"}, []string{"vilnius", "summit"}, true, 20},
		{[]string{"--", "--json"}, []string{"--json"}, false, 20},
	}
	for _, tt := range tests {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		j := fs.Bool("json", false, "")
		l := fs.Int("limit", 20, "")
		rest, err := parseInterspersed(fs, tt.args)
		if err != nil || !slices.Equal(rest, tt.rest) || *j != tt.json || *l != tt.lim {
			t.Errorf("%v: rest %v json %v limit %d err %v", tt.args, rest, *j, *l, err)
		}
	}
}

func TestPrintTables(t *testing.T) {
	var out, errb bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &errb}
	docs := liaison.Page[liaison.Document]{Total: 3, NextCursor: "abc", Items: []liaison.Document{{
		ID: "01H", Source: "wire", Title: "Japan at Vilnius", Published: time.Date(2023, 7, 11, 0, 0, 0, 0, time.UTC),
		Marking: liaison.Marking{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"JPN"}, Groups: []string{"JPN"}}}}}
	if err := printDocs(env, docs, false); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"PUBLISHED", "2023-07-11", "NATO RESTRICTED // REL TO JPN", "Japan at Vilnius"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("docs table lacks %q:\n%s", want, out.String())
		}
	}
	if !strings.Contains(errb.String(), "--cursor abc") {
		t.Errorf("no next-page hint on stderr: %q", errb.String())
	}
	out.Reset()
	evs := liaison.Page[liaison.Event]{Total: 1, Items: []liaison.Event{{Date: "2023-07-11", Source: "JPNGOV", Target: "IGOWSTNAT",
		CAMEO: "040", CAMEOName: "Consult", Goldstein: 1, Negated: true, DocID: "01H", Place: &liaison.Place{Name: "Vilnius", Country: "LTU"}}}}
	if err := printEvents(env, evs, false); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"GOLDSTEIN", "not Consult", "Vilnius, LTU", "+1.0"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("events table lacks %q:\n%s", want, out.String())
		}
	}
	out.Reset()
	if err := printEvents(env, evs, true); err != nil || !strings.Contains(out.String(), `"source": "JPNGOV"`) {
		t.Errorf("events JSON: %v\n%s", err, out.String())
	}
}

func TestListFlagErrors(t *testing.T) {
	env := &Env{Stdout: io.Discard, Stderr: io.Discard}
	ctx := t.Context()
	for _, args := range [][]string{
		{"events", "--root", "99"},
		{"events", "--from", "yesterday"},
		{"docs", "--limit", "0"},
		{"docs", "extra"},
		{"search"},
		{"search", "x", "--limit", "9999"},
	} {
		if err := run(ctx, env, args); err == nil {
			t.Errorf("%v: no error", args)
		}
	}
}

// TestListCommands runs docs, search and events over a real store in a
// temporary data directory.
func TestListCommands(t *testing.T) {
	dir := t.TempDir()
	ctx := t.Context()
	st, err := openStore(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	sys := liaison.SystemContext(ctx)
	d := &liaison.Document{Title: "Japan at Vilnius", Text: "Prime Minister Kishida attended the NATO summit in Vilnius.",
		Source: "wire", ContentHash: "h1", Published: time.Date(2023, 7, 11, 0, 0, 0, 0, time.UTC),
		Marking: liaison.Marking{Classification: "PUBLIC"}}
	res, err := st.PutDocument(sys, d)
	if err != nil {
		t.Fatal(err)
	}
	x := &liaison.Extraction{Sentences: []liaison.Span{{Start: 0, End: 58}},
		Events: []liaison.Event{{Source: "JPNGOV", Target: "IGOWSTNAT", CAMEO: "043", CAMEOName: "Rally support", Root: "04", Quad: 1,
			Goldstein: 2.8, Date: "2023-07-11", Place: &liaison.Place{Name: "Vilnius", Country: "LTU"}}}}
	if err := st.PutExtraction(sys, res.ID, x); err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"docs", "--data", dir}, "Japan at Vilnius"},
		{[]string{"docs", "--data", dir, "--json"}, `"total": 1`},
		{[]string{"search", "vilnius", "--data", dir}, "[[Vilnius]]"},
		{[]string{"search", "--json", "--data", dir, "kishida"}, res.ID},
		{[]string{"events", "--data", dir, "--actor", "JPN", "--root", "04", "--country", "LTU"}, "IGOWSTNAT"},
		{[]string{"events", "--data", dir, "--json", "--from", "2023-07-12"}, `"total": 0`},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		if err := run(ctx, &Env{Stdout: &out, Stderr: &errb}, tt.args); err != nil {
			t.Errorf("%v: %v (%s)", tt.args, err, errb.String())
			continue
		}
		if !strings.Contains(out.String(), tt.want) {
			t.Errorf("%v: output lacks %q:\n%s", tt.args, tt.want, out.String())
		}
	}
}
