package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/eval"
	"github.com/liaison-project/liaison/internal/shareddata"
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
	// the date line dates the report and is not text: no sentence, no
	// date mention; offsets still count from the file's start
	if x.ID != "report" || len(x.Dates) != 1 || x.Dates[0].Value != "2023-07-11" {
		t.Errorf("got %+v", x)
	}
	if len(x.Sentences) != 1 || x.Sentences[0].Start != len("July 9, 2023\n") {
		t.Errorf("sentences %+v: want one, starting after the date line", x.Sentences)
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
	if _, _, err := runExtractCmd(t, "", "--builtin"); !errors.Is(err, liaison.ErrInvalid) {
		t.Errorf("--builtin without --tabari or --petrarch: err = %v, want ErrInvalid", err)
	}
}

// TestExtractNumericFirstLineDate reads the all-digit dates the date finder
// leaves to the .txt reader.
func TestExtractNumericFirstLineDate(t *testing.T) {
	dir := t.TempDir()
	for line, want := range map[string]string{"2023/07/09": "2023-07-09", "20230709": "2023-07-09",
		"2023-07-09T08:00:00Z": "2023-07-09", "2023.07.09": "2023-07-09", "2023/13/09": ""} {
		p := filepath.Join(dir, "r.txt")
		if err := os.WriteFile(p, []byte(line+"\nJapan will attend the summit tomorrow."), 0o644); err != nil {
			t.Fatal(err)
		}
		out, stderr, err := runExtractCmd(t, "", p)
		if want == "" {
			if err == nil || !strings.Contains(stderr, "missing date") {
				t.Errorf("%q: err %v stderr %q, want a missing date", line, err, stderr)
			}
			continue
		}
		var x liaison.Extraction
		if err != nil || json.Unmarshal([]byte(out), &x) != nil {
			t.Fatalf("%q: err %v stderr %q out %q", line, err, stderr, out)
		}
		if got := x.Dates[len(x.Dates)-1].Value; got != "2023-07-10" {
			t.Errorf("%q: tomorrow = %s, want 2023-07-10 (document date %s)", line, got, want)
		}
	}
}

// TestExtractOffsetsAreCodePoints checks the output contract on text with
// multi-byte characters before every mention: offsets count code points.
func TestExtractOffsetsAreCodePoints(t *testing.T) {
	text := "Zürich — «Japan’s Prime Minister Kishida Fumio» visited Vilnius on Jul. 11, said Ōno."
	in, _ := json.Marshal(liaison.ExtractInput{ID: "u", Text: text, Date: "2023-07-09"})
	out, stderr, err := runExtractCmd(t, string(in))
	if err != nil {
		t.Fatalf("%v %s", err, stderr)
	}
	var x liaison.Extraction
	if err := json.Unmarshal([]byte(out), &x); err != nil {
		t.Fatal(err)
	}
	runes := []rune(text)
	check := func(kind, got string, start, end int) {
		t.Helper()
		if start < 0 || end > len(runes) || start > end || string(runes[start:end]) != got {
			t.Errorf("%s %q at [%d,%d) does not index the text by code points", kind, got, start, end)
		}
	}
	n := 0
	for _, a := range x.Actors {
		check("actor", a.Text, a.Start, a.End)
		n++
	}
	for _, p := range x.Places {
		check("place", p.Text, p.Start, p.End)
		n++
	}
	for _, d := range x.Dates {
		check("date", d.Text, d.Start, d.End)
		n++
	}
	if n < 4 || len(x.Sentences) == 0 || x.Sentences[len(x.Sentences)-1].End != len(runes) {
		t.Errorf("want actors, places and a date, sentences ending at %d; got %d mentions, sentences %v", len(runes), n, x.Sentences)
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
	out.Reset()
	if err := run(context.Background(), env, []string{"eval", "--list", "--json"}); err != nil {
		t.Fatal(err)
	}
	var names []string
	if err := json.Unmarshal(out.Bytes(), &names); err != nil || !slices.Contains(names, "events/seed") {
		t.Errorf("--list --json = %q (%v)", out.String(), err)
	}
}

// TestEvalTableNotes checks that the text table carries each suite's note
// (the per-type and per-source breakdowns have no rows of their own).
func TestEvalTableNotes(t *testing.T) {
	rows := []evalRow{
		{Result: eval.Result{Suite: "a/x", Items: 3, Metrics: []eval.Metric{{Name: "f1", Value: 0.5, Min: 0.4}}, Note: "person=0.61 place=0.39"}},
		{Result: eval.Result{Suite: "b/y", Note: "should not show"}, Skipped: "no data"},
		{Result: eval.Result{Suite: "c/z", Items: 1, Metrics: []eval.Metric{{Name: "n", Value: 1}}}},
	}
	var out bytes.Buffer
	printEvalTable(&out, rows)
	s := out.String()
	if !strings.Contains(s, "NOTES\na/x: person=0.61 place=0.39\n") || strings.Contains(s, "should not show") || strings.Contains(s, "c/z:") {
		t.Errorf("table:\n%s", s)
	}
	if !strings.Contains(s, "skipped: no data") || !strings.Contains(s, "0.500") {
		t.Errorf("table lost rows:\n%s", s)
	}
}

// TestExtractUserActorDictionaries loads a project-format dictionary with
// --actors: its dated code is used in its term, its fallback after.
func TestExtractUserActorDictionaries(t *testing.T) {
	p := filepath.Join(t.TempDir(), "my.dict")
	if err := os.WriteFile(p, []byte("person | Quentin Zorblatt; Zorblatt | FRAGOV 2020..2024; FRAELI\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	in := `{"id":"a","text":"Quentin Zorblatt met Kishida. Zorblatt praised Japan.","date":"2023-07-09"}` + "\n" +
		`{"id":"b","text":"Quentin Zorblatt met Kishida.","date":"2025-07-09"}`
	out, stderr, err := runExtractCmd(t, in, "--actors", p)
	if err != nil {
		t.Fatalf("%v %s", err, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"text":"Zorblatt","name":"Quentin Zorblatt","code":"FRAGOV"`) ||
		!strings.Contains(lines[1], `"code":"FRAELI"`) {
		t.Errorf("user dictionary not applied by date:\n%s", out)
	}
	if _, _, err := runExtractCmd(t, in, "--actors", p+".missing"); err == nil {
		t.Error("a missing dictionary file was accepted")
	}
}

// TestExtractPetrarchActorFiles loads the Phoenix country actors into the
// actor finder: a person only they know is coded.
func TestExtractPetrarchActorFiles(t *testing.T) {
	countries := shareddata.Need(t, "data/eventcoding/petrarch/Phoenix.Countries.actors.txt")
	agents := shareddata.Need(t, "data/eventcoding/petrarch/Phoenix.agents.txt")
	in := `{"id":"k","text":"Mompati Merafhe spoke in Gaborone.","date":"2005-07-09"}`
	without, _, err := runExtractCmd(t, in)
	if err != nil {
		t.Fatal(err)
	}
	with, stderr, err := runExtractCmd(t, in, "--petrarch-actors", countries, "--petrarch-agents", agents)
	if err != nil {
		t.Fatalf("%v %s", err, stderr)
	}
	if strings.Contains(without, `"code":"BWAGOV"`) || !strings.Contains(with, `"text":"Mompati Merafhe","name":"Mompati Merafhe","code":"BWAGOV"`) {
		t.Errorf("Phoenix actors not used:\nwithout %s\nwith %s", without, with)
	}
}

// TestExtractContract: the output line holds the fields and no
// empty marking on events; `--tabari X --builtin` codes with the built-in
// patterns what the TABARI project leaves uncoded (here a sentence shorter
// than its MINIMUM WORDS).
func TestExtractContract(t *testing.T) {
	proj := shareddata.Need(t, "data/eventcoding/tabari/TABARI.Demo.project")
	in := `{"id":"a","text":"Russia accused Ukraine of shelling.","date":"2023-07-09"}` + "\n"
	for _, args := range [][]string{nil, {"--tabari", proj, "--builtin"}} {
		out, stderr, err := runExtractCmd(t, in, args...)
		if err != nil {
			t.Fatalf("%v: %v\n%s", args, err, stderr)
		}
		var line map[string]json.RawMessage
		if err := json.Unmarshal([]byte(out), &line); err != nil {
			t.Fatalf("%v: %v in %q", args, err, out)
		}
		for _, k := range []string{"id", "sentences", "actors", "places", "dates", "quotes", "events"} {
			if _, ok := line[k]; !ok {
				t.Errorf("%v: no %q in %s", args, k, out)
			}
		}
		var events []map[string]any
		if err := json.Unmarshal(line["events"], &events); err != nil {
			t.Fatal(err)
		}
		if len(events) != 1 || events[0]["cameo"] != "112" || events[0]["source"] != "RUS" {
			t.Errorf("%v: events %v, want RUS accusing (112)", args, events)
		}
		if strings.Contains(out, `"marking"`) || strings.Contains(out, "0001-01-01") {
			t.Errorf("%v: empty marking or zero time in %s", args, out)
		}
	}
	out, _, err := runExtractCmd(t, in, "--tabari", proj)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, `"events":[]`) {
		t.Errorf("TABARI.Demo alone coded a sentence under its MINIMUM WORDS: %s", out)
	}
}

// TestBlankFirstLine: the date line becomes spaces of the same length in
// runes, so every later offset still counts from the file's start.
func TestBlankFirstLine(t *testing.T) {
	for in, want := range map[string]string{
		"2023-07-09\r\nJapan met Italy.": "           \nJapan met Italy.",
		"9 July 2023":                    "           ",
		"9 Juli 2023 – ü\nText":          "               \nText",
	} {
		if got := blankFirstLine(in); got != want || utf8.RuneCountInString(got) != utf8.RuneCountInString(in) {
			t.Errorf("blankFirstLine(%q) = %q, want %q", in, got, want)
		}
	}
}
