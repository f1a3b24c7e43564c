package app

import (
	"net/url"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/httpapi"
)

// TestActorNotePages adds a note through the actor page as a logged-in
// analyst: the form needs its CSRF token, the note shows with its marking
// to those it is releasable to and to nobody else, and its creation is
// audited.
func TestActorNotePages(t *testing.T) {
	m, ctx := startDemoNode(t, Config{})
	analyst := login(t, m.URL(), "fra-analyst")
	code, page := analyst.do("GET", "/actors/JPNGOV", nil)
	if code != 200 || !strings.Contains(page, `action="/actors/JPNGOV/notes"`) {
		t.Fatalf("actor page = %d, no note form", code)
	}
	form := url.Values{"text": {"Coalition talks: **zqnotecanary**."}, "marking": {"NATO RESTRICTED // REL TO NATO"}}
	if code, _ := analyst.do("POST", "/actors/JPNGOV/notes", form); code != 403 {
		t.Errorf("note without CSRF token = %d, want 403", code)
	}
	form.Set("csrf_token", csrfOf(t, page))
	code, page = analyst.do("POST", "/actors/JPNGOV/notes", form)
	if code != 200 || analyst.last != "/actors/JPNGOV" || !strings.Contains(page, "<strong>zqnotecanary</strong>") ||
		!strings.Contains(page, "NATO RESTRICTED // REL TO NATO") {
		t.Fatalf("after adding: %d at %s", code, analyst.last)
	}
	for name, want := range map[string]bool{"usa-reader": true, "jpn-officer": false} {
		s := login(t, m.URL(), name)
		code, page := s.do("GET", "/actors/JPNGOV", nil)
		if code != 200 || strings.Contains(page, "zqnotecanary") != want {
			t.Errorf("%s: actor page %d shows the note: %v, want %v", name, code, !want, want)
		}
		if name == "usa-reader" && strings.Contains(page, `name="text"`) {
			t.Errorf("a reader is offered the note form")
		}
	}
	entries, err := m.access.store.List(liaison.SystemContext(ctx), liaison.AuditFilter{Action: httpapi.AuditActorNote})
	if err != nil || len(entries) != 1 || entries[0].Actor != "fra-analyst" || entries[0].Nation != "FRA" {
		t.Fatalf("audit entries %+v %v", entries, err)
	}
}
