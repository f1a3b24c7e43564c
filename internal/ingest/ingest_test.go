package ingest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
)

// offline is a transport that refuses every request: file tests must never
// reach the network, even when a feed entry links to a real site.
type offline struct{}

func (offline) RoundTrip(r *http.Request) (*http.Response, error) {
	return nil, fmt.Errorf("offline test: %s", r.URL)
}

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func copyFixture(t *testing.T, dir, fixture, name string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", fixture))
	if err != nil {
		t.Fatal(err)
	}
	write(t, dir, name, string(b))
}

// story is a deterministic wire story of about 200 words about topic.
func story(topic string) string {
	var b strings.Builder
	for i := range 12 {
		fmt.Fprintf(&b, "Officials in %s said on day %d that talks on %s security continued, with delegations from allied capitals and partners reviewing plans number %d. ", topic, i, topic, i*7)
	}
	return b.String()
}

func testIngester(st *fakeStore, mk liaison.Marking) *Ingester {
	return New(Config{Store: st, Client: &http.Client{Transport: offline{}}, MaxBytes: 64 << 10, Marking: mk,
		Origin: liaison.Origin{Node: "test", Nation: "NLD"}, HostInterval: -1})
}

func TestRunFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", "2023-07-09\nJapan at the Vilnius summit\n\n"+story("Vilnius"))
	write(t, dir, "notes/b.md", "# Yokosuka visit\n\n"+story("Yokosuka"))
	copyFixture(t, dir, "html/article.html", "pages/c.html")
	copyFixture(t, dir, "feeds/feed.json", "feeds/digest.json")
	copyFixture(t, dir, "feeds/rss.xml", "feeds/wire.rss")
	write(t, dir, "d.jsonl", `{"title":"One","date":"26-FEB-1987 15:01:01.79","text":"`+story("Bahia")+`"}
{"body":"`+story("Tokyo")+`","source":"Wire"}

{"text": broken
{"title":"no text"}
`)
	write(t, dir, "e.csv", "title,date,text,url\nSeoul,2023-07-16,\""+story("Seoul")+"\",https://x.example/seoul?utm_source=a\nManila,,\""+story("Manila")+"\",\n")
	write(t, dir, "f.json", `[{"text":"`+story("Canberra")+`"},{"text":""}]`)
	write(t, dir, "bad/latin1.txt", "caf\xe9 "+story("Paris"))
	write(t, dir, "bad/binary.txt", "PK\x00\x03"+story("Zip"))
	write(t, dir, "bad/empty.md", "  \n")
	write(t, dir, "bad/big.txt", strings.Repeat("word ", 20000))
	write(t, dir, "bad/script-only.html", "<html><head><title>x</title><script>var a = 1;</script></head><body><nav><a href=/>Home</a></nav></body></html>")
	write(t, dir, "bad/broken.rss", "<rss><channel><title>x</title></rss")
	write(t, dir, ".hidden/skip.txt", story("Hidden"))
	write(t, dir, "skip.pdf", "%PDF-1.4")

	st := &fakeStore{}
	mk := liaison.Marking{Classification: "NATO UNCLASSIFIED", Level: 0}
	sum, err := testIngester(st, mk).Run(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	// a, b, c, 2 JSON feed + 2 RSS entries, 2 jsonl, 2 csv, 1 json = 12.
	if sum.Stored != 12 || sum.Failed != 9 || sum.Duplicates != 0 {
		t.Errorf("summary = %+v, want 12 stored, 9 failed", summaryCounts(sum))
		for _, e := range sum.Errors {
			t.Log(e)
		}
	}
	wantErrs := []string{"d.jsonl:4: malformed JSON", `d.jsonl:5: no "text" or "body" field`, `f.json[1]: "text" field is empty`, "latin1.txt: not valid UTF-8",
		"binary.txt: binary content", "empty.md: empty", "big.txt: too large", "script-only.html: no readable text in HTML", "broken.rss: malformed rss feed"}
	for _, w := range wantErrs {
		if !containsErr(sum.Errors, w) {
			t.Errorf("no error containing %q", w)
		}
	}
	for _, d := range st.all() {
		checkFilled(t, d)
		if d.Marking.Classification != "NATO UNCLASSIFIED" || d.Origin.Nation != "NLD" {
			t.Errorf("%s: marking/origin not applied: %+v %+v", d.Title, d.Marking, d.Origin)
		}
	}
	byTitle := map[string]liaison.Document{}
	for _, d := range st.all() {
		byTitle[d.Title] = d
	}
	checks := []struct {
		title string
		src   liaison.DateSource
		date  string
	}{
		{"Japan at the Vilnius summit", liaison.DateFromText, "2023-07-09"},
		{"Yokosuka visit", liaison.DateFromFetch, ""},
		{"Japan joins NATO partners at Vilnius summit", liaison.DateFromMeta, "2023-07-12"},
		{"One", liaison.DateFromInput, "1987-02-26"},
		{"Seoul", liaison.DateFromInput, "2023-07-16"},
		{"South Korea and Japan hold trilateral drill with US", liaison.DateFromFeed, "2023-07-15"},
	}
	for _, c := range checks {
		d, ok := byTitle[c.title]
		if !ok {
			t.Errorf("no document titled %q", c.title)
			continue
		}
		if d.DateSource != c.src || (c.date != "" && d.Published.Format("2006-01-02") != c.date) {
			t.Errorf("%q: published %v from %s, want %s from %s", c.title, d.Published, d.DateSource, c.date, c.src)
		}
	}
	if d := byTitle["Seoul"]; d.CanonicalURL != "https://x.example/seoul" {
		t.Errorf("canonical URL %q", d.CanonicalURL)
	}
	if d := byTitle["Philippines & Australia sign logistics pact"]; d.Text != "Manila and Canberra agreed to expand access for their forces." {
		t.Errorf("summary-only entry with an unreachable link: text %q", d.Text)
	}

	again, err := testIngester(st, mk).Run(context.Background(), []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if again.Stored != 0 || again.NearDuplicates != 0 || again.Duplicates != 12 || again.Failed != 9 {
		t.Errorf("second run = %+v, want nothing new", summaryCounts(again))
	}
	if len(st.all()) != 12 {
		t.Errorf("store holds %d documents after two runs, want 12", len(st.all()))
	}
}

func summaryCounts(s Summary) string {
	return fmt.Sprintf("stored=%d dup=%d near=%d failed=%d", s.Stored, s.Duplicates, s.NearDuplicates, s.Failed)
}

func containsErr(errs []*InputError, sub string) bool {
	for _, e := range errs {
		if strings.Contains(e.Error(), sub) {
			return true
		}
	}
	return false
}

func checkFilled(t *testing.T, d liaison.Document) {
	t.Helper()
	missing := []string{}
	for name, empty := range map[string]bool{
		"ID": d.ID == "", "Source": d.Source == "", "Title": d.Title == "", "Published": d.Published.IsZero(),
		"DateSource": d.DateSource == "", "Fetched": d.Fetched.IsZero(), "Lang": d.Lang == "", "Text": d.Text == "",
		"ContentHash": len(d.ContentHash) != 64, "SimHash": d.SimHash == 0,
	} {
		if empty {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		t.Errorf("document %q lacks %v", d.Title, missing)
	}
}

func TestRunNearDuplicateAndMissing(t *testing.T) {
	dir := t.TempDir()
	orig := story("Vilnius") + " The summit closed on Wednesday evening."
	edited := strings.Replace(orig, "Wednesday", "Tuesday", 1)
	if d := Hamming(SimHash(orig), SimHash(edited)); d > NearDuplicateDistance {
		t.Fatalf("fixture: edit distance %d too large for the test", d)
	}
	a := write(t, dir, "a.txt", orig)
	b := write(t, dir, "b.txt", edited)
	c := write(t, dir, "c.txt", "  "+strings.ReplaceAll(orig, " ", "  \n")) // same text, re-wrapped
	st := &fakeStore{}
	sum, err := testIngester(st, liaison.Marking{}).Run(context.Background(), []string{a, b, c, filepath.Join(dir, "missing.txt"), write(t, dir, "x.docx", "PK\x03\x04\x00\x00")})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Stored != 1 || sum.NearDuplicates != 1 || sum.Duplicates != 1 || sum.Failed != 2 {
		t.Fatalf("summary %s", summaryCounts(sum))
	}
	docs := st.all()
	if docs[1].DuplicateOf != docs[0].ID {
		t.Errorf("near-duplicate linked to %q, want %q", docs[1].DuplicateOf, docs[0].ID)
	}
	if !containsErr(sum.Errors, "missing.txt: no such file or directory") {
		t.Errorf("errors %v", sum.Errors)
	}
	if !errors.Is(sum.Errors[1], liaison.ErrInvalid) {
		t.Errorf("unsupported file error %v does not wrap ErrInvalid", sum.Errors[1])
	}
}

// failingPipeline records calls and fails for one title.
type failingPipeline struct{ calls []string }

func (p *failingPipeline) Process(ctx context.Context, d *liaison.Document) error {
	p.calls = append(p.calls, d.ID)
	if strings.Contains(d.Text, "Manila") {
		return errors.New("extraction exploded")
	}
	return nil
}

func TestRunPipelineAndCSVColumn(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "x.csv", "headline,story\nA,\""+story("Manila")+"\"\nB,\""+story("Hanoi")+"\"\n")
	st := &fakeStore{}
	pl := &failingPipeline{}
	var progress strings.Builder
	in := New(Config{Store: st, Pipeline: pl, TextColumn: "story", Progress: &progress, ProgressEvery: 1, HostInterval: -1})
	sum, _ := in.Run(context.Background(), []string{p})
	if sum.Stored != 2 || sum.Failed != 1 || len(pl.calls) != 2 || !containsErr(sum.Errors, "extraction exploded") {
		t.Fatalf("summary %s, calls %d, errors %v", summaryCounts(sum), len(pl.calls), sum.Errors)
	}
	if !strings.Contains(progress.String(), "ingest: 2 processed") {
		t.Errorf("progress %q", progress.String())
	}
	sum, _ = New(Config{Store: st, HostInterval: -1}).Run(context.Background(), []string{p})
	if !containsErr(sum.Errors, `no text column "text" (columns: headline, story)`) {
		t.Errorf("errors %v", sum.Errors)
	}
}

func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := New(Config{Store: &fakeStore{}}).Run(ctx, []string{"x"})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v", err)
	}
}

func TestTitleFromText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2023-07-09\n\nJapan at Vilnius\nmore", "Japan at Vilnius"},
		{"# Heading\ntext", "Heading"},
		{strings.Repeat("word ", 40), strings.TrimSpace(strings.Repeat("word ", 24)) + "…"},
		{"July 9, 2023", "(untitled)"},
	}
	for _, tt := range tests {
		if got := titleFromText(tt.in); got != tt.want {
			t.Errorf("titleFromText(%.20q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	_ = time.Now
}
