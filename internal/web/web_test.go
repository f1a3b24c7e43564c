package web

import (
	"context"
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/httpapi"
	"github.com/liaison-project/liaison/internal/memstore"
)

var update = flag.Bool("update", false, "rewrite golden files")

const seedText = `Vilnius, 11 July 2023. Japan's Prime Minister Fumio Kishida met NATO Secretary General Jens Stoltenberg in Vilnius on Tuesday. "We stand with our partners," Kishida said. <script>alert(1)</script>`

// fixture serves the UI over a memory store with one public and one
// restricted report.
func fixture(t testing.TB, v liaison.Viewer) http.Handler {
	t.Helper()
	st := memstore.New()
	sys := liaison.SystemContext(context.Background())
	docs := []liaison.Document{
		{ID: "01H0000000000000000000000A", Title: "Japan at the Vilnius summit", Source: "wire", Text: seedText,
			Published: time.Date(2023, 7, 11, 0, 0, 0, 0, time.UTC), ContentHash: "a",
			Marking: liaison.Marking{Classification: "NATO UNCLASSIFIED", Level: 1}},
		{ID: "01H0000000000000000000000B", Title: "Patrol vessel at Yokosuka", Source: "navy",
			Text: "The Italian patrol vessel Morosini called at Yokosuka.", ContentHash: "b",
			Published: time.Date(2023, 7, 10, 0, 0, 0, 0, time.UTC),
			Marking:   liaison.Marking{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"ITA", "JPN"}, Groups: []string{"ITA", "JPN"}}},
	}
	for i := range docs {
		if _, err := st.PutDocument(sys, &docs[i]); err != nil {
			t.Fatal(err)
		}
	}
	x := &liaison.Extraction{
		Sentences: []liaison.Span{at(seedText, "Vilnius, 11", "2023."), at(seedText, "Japan's", "Tuesday."), at(seedText, `"We`, "said.")},
		Actors: []liaison.ActorMention{
			mention(at(seedText, "Japan", ""), "JPN", "Japan", "country", 1),
			mention(at(seedText, "Fumio Kishida", ""), "JPNGOV", "Fumio Kishida", "person", 1),
			mention(at(seedText, `Kishida said`, "Kishida"), "JPNGOV", "Fumio Kishida", "person", 2),
		},
		Places: []liaison.PlaceMention{{Text: "Vilnius", Place: liaison.Place{Name: "Vilnius", Country: "LTU", Lat: 54.687, Lon: 25.28},
			Start: at(seedText, "Vilnius", "").Start, End: at(seedText, "Vilnius", "").End}},
		Dates: []liaison.DateMention{{Text: "11 July 2023", Value: "2023-07-11", Start: at(seedText, "11 July 2023", "").Start, End: at(seedText, "11 July 2023", "").End}},
		Quotes: []liaison.Quote{{Speaker: "Fumio Kishida", SpeakerCode: "JPNGOV", Text: "We stand with our partners,",
			Start: at(seedText, `"We`, `partners,"`).Start, End: at(seedText, `"We`, `partners,"`).End, Sentence: 2}},
		Events: []liaison.Event{{Source: "JPNGOV", Target: "IGOWSTNAT", CAMEO: "040", CAMEOName: "Consult", Root: "04", Quad: 1,
			Goldstein: 1, Sentence: 1, Date: "2023-07-11", VerbText: "met", SourceText: "Fumio Kishida", TargetText: "NATO",
			Place: &liaison.Place{Name: "Vilnius", Country: "LTU"}}},
	}
	if err := st.PutExtraction(sys, docs[0].ID, x); err != nil {
		t.Fatal(err)
	}
	srv, err := httpapi.New(httpapi.Config{Documents: st, Extractions: st, Events: st, Feeds: st, Stats: st, Viewer: &v})
	if err != nil {
		t.Fatal(err)
	}
	ui, err := New(Config{Documents: st, Extractions: st, Events: st, Feeds: st, Stats: st})
	if err != nil {
		t.Fatal(err)
	}
	ui.Register(srv)
	return srv
}

func fetch(t *testing.T, h http.Handler, target string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
	return rec.Code, rec.Body.String()
}

var japan = liaison.Viewer{Name: "aiko", Nation: "JPN", Role: liaison.RoleAnalyst, Clearance: 2}
var france = liaison.Viewer{Name: "luc", Nation: "FRA", Role: liaison.RoleReader, Clearance: 2}

func TestPages(t *testing.T) {
	h := fixture(t, japan)
	hf := fixture(t, france)
	tests := []struct {
		name    string
		h       http.Handler
		target  string
		status  int
		want    []string
		notWant []string
	}{
		{"overview", h, "/", 200, []string{"Japan at the Vilnius summit", "Patrol vessel", "NATO RESTRICTED // REL TO ITA, JPN", "JPNGOV"}, nil},
		{"overview france", hf, "/", 200, []string{"Japan at the Vilnius summit", "NATO UNCLASSIFIED"}, []string{"Patrol vessel", "RESTRICTED"}},
		{"documents", h, "/documents", 200, []string{"Patrol vessel", "Japan at the"}, nil},
		{"document", h, "/documents/01H0000000000000000000000A", 200,
			[]string{`<mark class="actor" title="Actor JPNGOV`, `<mark class="place"`, `<mark class="quote"`, `&lt;script&gt;`, "040"},
			[]string{"<script>alert"}},
		{"document invisible", hf, "/documents/01H0000000000000000000000B", 404, []string{"not found"}, []string{"Yokosuka"}},
		{"document missing", h, "/documents/NOPE", 404, []string{"not found"}, nil},
		{"events", h, "/events?actor=JPN&root=04", 200, []string{"IGOWSTNAT", `<option value="04" selected>`}, nil},
		{"events bad filter", h, "/events?from=soon", 400, []string{"from"}, nil},
		{"search", h, "/search?q=vilnius", 200, []string{"<mark>Vilnius</mark>", "1 report match"}, nil},
		{"search invisible", hf, "/search?q=yokosuka", 200, []string{"0 reports match"}, []string{"Morosini"}},
		{"search form", h, "/search", 200, []string{`name="q"`}, nil},
		{"actors", h, "/actors", 200, []string{"JPNGOV", "IGOWSTNAT"}, nil},
		{"places", h, "/places", 200, []string{"Vilnius", "LTU"}, nil},
		{"feeds", h, "/feeds", 200, []string{"No feeds", `action="/feeds"`}, nil},
		{"feeds reader", hf, "/feeds", 200, []string{"No feeds"}, []string{`action="/feeds"`}},
		{"unknown", h, "/nowhere", 404, []string{"no page at /nowhere"}, nil},
		{"css", h, "/static/liaison.css", 200, []string{".banner"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, body := fetch(t, tt.h, tt.target)
			if code != tt.status {
				t.Errorf("GET %s = %d; want %d\n%s", tt.target, code, tt.status, body)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("GET %s lacks %q", tt.target, w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(body, w) {
					t.Errorf("GET %s shows %q", tt.target, w)
				}
			}
		})
	}
}

// TestBannerTopAndBottom checks the page's highest marking is printed twice.
func TestBannerTopAndBottom(t *testing.T) {
	_, body := fetch(t, fixture(t, japan), "/documents")
	if n := strings.Count(body, `<div class="banner b-restricted" role="note" aria-label="classification">NATO RESTRICTED // REL TO ITA, JPN</div>`); n != 2 {
		t.Errorf("banner appears %d times; want 2", n)
	}
}

func TestDocumentGolden(t *testing.T) {
	_, body := fetch(t, fixture(t, japan), "/documents/01H0000000000000000000000A")
	golden(t, "document.html", body)
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from golden; run go test ./internal/web -update and review the diff", name)
	}
}

// at returns the code point span in text from the first occurrence of from
// to the end of the first following occurrence of to (or of from itself when
// to is empty).
func at(text, from, to string) liaison.Span {
	i := strings.Index(text, from)
	end := i + len(from)
	if to != "" {
		end = i + strings.Index(text[i:], to) + len(to)
	}
	return liaison.Span{Start: utf8.RuneCountInString(text[:i]), End: utf8.RuneCountInString(text[:end])}
}

func mention(sp liaison.Span, code, name, kind string, sent int) liaison.ActorMention {
	text := string([]rune(seedText)[sp.Start:sp.End])
	return liaison.ActorMention{Text: text, Code: code, Name: name, Kind: kind, Start: sp.Start, End: sp.End, Sentence: sent}
}

// TestFeedForms adds a feed through the form, fails a bad one, removes it.
func TestFeedForms(t *testing.T) {
	h := fixture(t, japan)
	post := func(path, form string) (int, string) {
		req := httptest.NewRequest("POST", path, strings.NewReader(form))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code, rec.Body.String()
	}
	if code, body := post("/feeds", "url=https%3A%2F%2Fexample.org%2Frss&every=20m"); code != 303 {
		t.Fatalf("add = %d %s", code, body)
	}
	if code, body := post("/feeds", "url=ftp%3A%2F%2Fx"); code != 400 || !strings.Contains(body, "http(s)") {
		t.Errorf("bad add = %d", code)
	}
	_, body := fetch(t, h, "/feeds")
	if !strings.Contains(body, "https://example.org/rss") || !strings.Contains(body, "20m0s") {
		t.Fatalf("feed not listed:\n%s", body)
	}
	i := strings.Index(body, `name="id" value="`)
	id := body[i+len(`name="id" value="`):]
	id = id[:strings.IndexByte(id, '"')]
	if code, _ := post("/feeds/delete", "id="+id); code != 303 {
		t.Errorf("delete = %d", code)
	}
	if _, body := fetch(t, h, "/feeds"); strings.Contains(body, "example.org/rss") {
		t.Error("feed still listed after delete")
	}
	hf := fixture(t, france)
	if code, _ := post("/feeds", "url=https%3A%2F%2Fexample.org%2Frss"); code != 303 {
		t.Errorf("analyst add again = %d", code)
	}
	req := httptest.NewRequest("POST", "/feeds", strings.NewReader("url=https%3A%2F%2Fexample.org%2Frss"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	hf.ServeHTTP(rec, req)
	if rec.Code != 403 {
		t.Errorf("reader add = %d; want 403", rec.Code)
	}
}
