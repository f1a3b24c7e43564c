package web

import (
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/liaison-project/liaison/internal/httpapi"
	"github.com/liaison-project/liaison/internal/sqlite"
)

// actorSite serves the pages with actor notes over a real store; the
// viewer is an authtest.Header spec: "<NATION>-<role>".
func actorSite(t *testing.T) *httptest.Server {
	t.Helper()
	ts, _ := actorSiteDB(t)
	return ts
}

// actorSiteDB is actorSite and its store, for tests that write to it.
func actorSiteDB(t *testing.T) (*httptest.Server, *sqlite.DB) {
	t.Helper()
	var db *sqlite.DB
	ts := testSite(t, func(srv *httpapi.Server, ui *UI, d *sqlite.DB) error {
		db = d
		return registerActorNotes(srv, ui, d)
	})
	return ts, db
}

// registerActorNotes adds the actor-note API and pages over db.
func registerActorNotes(srv *httpapi.Server, ui *UI, db *sqlite.DB) error {
	notes, err := srv.RegisterActorNotes(httpapi.ActorNoteConfig{Store: db})
	if err != nil {
		return err
	}
	return ui.RegisterActorNotes(srv, notes)
}

var bannerRE = regexp.MustCompile(`<div class="banner[^"]*" role="note" aria-label="classification">([^<]*)</div>`)

func TestActorPage(t *testing.T) {
	ts := actorSite(t)
	add := func(user, text, mk string) (int, string) {
		return pageAs(t, ts, user, "POST", "/actors/JPNGOV/notes", url.Values{"text": {text}, "marking": {mk}})
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

	code, body = pageAs(t, ts, "USA-reader", "GET", "/actors/JPNGOV", nil)
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

	code, body = pageAs(t, ts, "FRA-analyst", "GET", "/actors/JPNGOV", nil)
	if code != 200 || strings.Contains(body, "zqusa") || strings.Contains(body, "SECRET") || !strings.Contains(body, "zqopen") {
		t.Errorf("FRA page leaks or lacks notes: %d %.500s", code, body)
	}
	if !strings.Contains(body, `action="/actors/JPNGOV/notes"`) || !strings.Contains(body, `name="marking"`) {
		t.Errorf("FRA analyst gets no note form")
	}
	if code, _ := pageAs(t, ts, "FRA-analyst", "GET", "/actors/JPN%20GOV", nil); code != 400 {
		t.Errorf("bad code page: %d, want 400", code)
	}
}
