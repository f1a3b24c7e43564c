package web

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/httpapi"
	"github.com/liaison-project/liaison/internal/marking"
	"github.com/liaison-project/liaison/internal/sqlite/sqlitetest"
)

// actorSite serves the pages with actor notes over a real store; the
// X-Test-User header picks the viewer: "<NATION>-<role>".
func actorSite(t *testing.T) *httptest.Server {
	t.Helper()
	db := sqlitetest.MustOpen(t)
	auth := func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			nation, role, _ := strings.Cut(r.Header.Get("X-Test-User"), "-")
			v := liaison.Viewer{Name: strings.ToLower(nation) + "-" + role, Nation: nation, Role: liaison.Role(role), Clearance: 4}
			h.ServeHTTP(w, r.WithContext(liaison.WithViewer(r.Context(), v)))
		})
	}
	nations := marking.NewNations(marking.SeedNations(), time.Now())
	parse := func(ctx context.Context, text string) (liaison.Marking, error) {
		return marking.Parse(marking.Default(), nations, text)
	}
	srv, err := httpapi.New(httpapi.Config{Documents: db, Extractions: db, Events: db, Feeds: db, Stats: db, Auth: auth, ParseMarking: parse})
	if err != nil {
		t.Fatal(err)
	}
	ui, err := New(Config{Documents: db, Extractions: db, Events: db, Feeds: db, Stats: db})
	if err != nil {
		t.Fatal(err)
	}
	notes, err := srv.RegisterActorNotes(httpapi.ActorNoteConfig{Store: db})
	if err != nil {
		t.Fatal(err)
	}
	if err := ui.RegisterActorNotes(srv, notes); err != nil {
		t.Fatal(err)
	}
	ui.Register(srv)
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts
}

func actorPageAs(t *testing.T, ts *httptest.Server, user, method, path string, form url.Values) (int, string) {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, _ := http.NewRequest(method, ts.URL+path, body)
	req.Header.Set("X-Test-User", user)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	c := ts.Client()
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

var bannerRE = regexp.MustCompile(`<div class="banner[^"]*" role="note" aria-label="classification">([^<]*)</div>`)

func TestActorPage(t *testing.T) {
	ts := actorSite(t)
	add := func(user, text, mk string) (int, string) {
		return actorPageAs(t, ts, user, "POST", "/actors/JPNGOV/notes", url.Values{"text": {text}, "marking": {mk}})
	}
	if code, body := add("USA-analyst", "**zqusa** only <script>alert(1)</script>", "NATO SECRET // REL TO USA"); code != 303 {
		t.Fatalf("analyst add: %d %.300s", code, body)
	}
	if code, _ := add("FRA-analyst", "Open *zqopen* note", ""); code != 303 {
		t.Fatalf("public add: %d", code)
	}
	code, body := add("FRA-reader", "zqreader", "")
	if code != 403 || !strings.Contains(body, "analyst role") || strings.Contains(body, `name="text"`) {
		t.Errorf("reader add: %d, want 403 with the reason and no form", code)
	}
	code, body = add("FRA-analyst", "zqbad", "NATO SEKRIT")
	if code != 400 || !strings.Contains(body, "NATO SEKRIT") || !strings.Contains(body, "zqbad") {
		t.Errorf("bad marking: %d, want 400 naming it with the text kept", code)
	}

	code, body = actorPageAs(t, ts, "USA-reader", "GET", "/actors/JPNGOV", nil)
	if code != 200 || !strings.Contains(body, "<strong>zqusa</strong>") || !strings.Contains(body, "<em>zqopen</em>") ||
		!strings.Contains(body, `<span class="chip b-public">PUBLIC</span>`) {
		i := strings.Index(body, "<main")
		t.Fatalf("USA page: %d %s", code, body[max(i, 0):])
	}
	if strings.Contains(body, "<script>alert") || strings.Contains(body, `name="text"`) {
		t.Errorf("USA reader page: raw HTML kept or form offered to a reader")
	}
	for _, m := range bannerRE.FindAllStringSubmatch(body, -1) {
		if m[1] != "NATO SECRET // REL TO USA" {
			t.Errorf("USA banner %q, want NATO SECRET // REL TO USA", m[1])
		}
	}
	if !strings.Contains(body, `href="/events?actor=JPNGOV"`) {
		t.Errorf("no link to the actor's events")
	}

	code, body = actorPageAs(t, ts, "FRA-analyst", "GET", "/actors/JPNGOV", nil)
	if code != 200 || strings.Contains(body, "zqusa") || strings.Contains(body, "SECRET") || !strings.Contains(body, "zqopen") {
		t.Errorf("FRA page leaks or lacks notes: %d %.500s", code, body)
	}
	if !strings.Contains(body, `action="/actors/JPNGOV/notes"`) || !strings.Contains(body, `name="marking"`) {
		t.Errorf("FRA analyst gets no note form")
	}
	if code, _ := actorPageAs(t, ts, "FRA-analyst", "GET", "/actors/JPN%20GOV", nil); code != 400 {
		t.Errorf("bad code page: %d, want 400", code)
	}
}
