package httpapi

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/authtest"
	"github.com/liaison-project/liaison/internal/marking"
)

// TestViewAsWriteMessage: an admin viewing as a nation who writes is told
// that view-as is read-only, not that "role reader" may not do this; the
// admin's own writes and a real reader's refusal are unchanged.
func TestViewAsWriteMessage(t *testing.T) {
	f := newAuthFixture(t)
	feed := func(user, viewAs string) (int, string) {
		hdr := bearer(f.tokens[user])
		if viewAs != "" {
			hdr[ViewAsHeader] = viewAs
		}
		w := f.do(t, req{method: "POST", path: "/api/v1/feeds", header: hdr, ctype: "application/json",
			body: `{"url":"https://example.org/` + user + viewAs + `.xml"}`})
		return w.Code, w.Body.String()
	}
	code, body := feed("ann", "JPN")
	if code != http.StatusForbidden || !strings.Contains(body, "viewing as JPN, which is read-only") ||
		!strings.Contains(body, "stop viewing as JPN") || strings.Contains(body, `role \"reader\"`) {
		t.Errorf("admin viewing as JPN adds a feed: %d %s; want 403 saying view-as is read-only", code, body)
	}
	if code, body := feed("ann", ""); code != http.StatusCreated {
		t.Errorf("admin's own feed: %d %s", code, body)
	}
	if code, body := feed("ken", ""); code != http.StatusCreated {
		t.Errorf("analyst's feed: %d %s", code, body)
	}
	own := liaison.Viewer{Name: "ann", Nation: "USA", Role: liaison.RoleAdmin, Clearance: 4}
	as := liaison.WithViewer(context.Background(), asNation(own, "FRA"))
	if err := ViewAsReadOnly(as); !errors.Is(err, liaison.ErrForbidden) || !strings.Contains(err.Error(), "viewing as FRA") {
		t.Errorf("ViewAsReadOnly(viewing as FRA) = %v", err)
	}
	if err := ViewAsReadOnly(liaison.WithViewer(context.Background(), own)); err != nil {
		t.Errorf("ViewAsReadOnly(the admin) = %v, want nil", err)
	}
	reader := liaison.WithViewer(context.Background(), liaison.Viewer{Nation: "FRA", Role: liaison.RoleReader, Clearance: 4})
	if err := requireRole(reader, liaison.RoleAnalyst); err == nil || !strings.Contains(err.Error(), `role "reader"`) {
		t.Errorf("a reader's refusal = %v, want the role named", err)
	}
	// Actor notes say the same.
	notes := &ActorNotes{cfg: ActorNoteConfig{Policy: marking.Default()}}
	if _, err := notes.Create(as, "JPNGOV", ActorNoteDraft{Text: "x"}); !errors.Is(err, liaison.ErrForbidden) ||
		!strings.Contains(err.Error(), "viewing as FRA") {
		t.Errorf("actor note while viewing as FRA: %v", err)
	}
}

// TestEventCountryFilter: a country filter that is not an ISO 3166
// alpha-3 code is refused (400 naming it), as the CLI refuses it, rather
// than answered with an empty list; a code in any case is accepted.
func TestEventCountryFilter(t *testing.T) {
	f := newAuthFixture(t)
	get := func(q string) (int, string) {
		w := f.do(t, req{method: "GET", path: "/api/v1/events?" + q, header: bearer(f.tokens["ken"])})
		return w.Code, w.Body.String()
	}
	for _, bad := range []string{"country=lituania", "country=LT", "country=L1U", "country=%C3%84BC"} {
		if code, body := get(bad); code != http.StatusBadRequest || !strings.Contains(body, "ISO 3166 alpha-3") {
			t.Errorf("%s: %d %s; want 400 naming the expected code", bad, code, body)
		}
	}
	for _, ok := range []string{"country=LTU", "country=ltu", "country=", "actor=JPN"} {
		if code, body := get(ok); code != http.StatusOK {
			t.Errorf("%s: %d %s; want 200", ok, code, body)
		}
	}
}

// TestActorNoteSuggestAndCase: the form's example marking is one the
// viewer may write (the old fixed "NATO RESTRICTED // REL TO NATO" is
// refused to a partner), and a note posted or read under a lower-case code
// is the upper-case actor's.
func TestActorNoteSuggestAndCase(t *testing.T) {
	notes := &ActorNotes{cfg: ActorNoteConfig{Policy: marking.Default()}, parse: authtest.ParseMarking}
	for _, tc := range []struct {
		v    liaison.Viewer
		want string
	}{
		{liaison.Viewer{Nation: "USA", Role: liaison.RoleAnalyst, Clearance: 4}, "NATO RESTRICTED // REL TO NATO"},
		{liaison.Viewer{Nation: "JPN", Role: liaison.RoleAnalyst, Clearance: 3}, "NATO RESTRICTED // REL TO NATO, JPN"},
		{liaison.Viewer{Nation: "JPN", Role: liaison.RoleAnalyst, Clearance: 1}, "NATO UNCLASSIFIED // REL TO JPN"},
		{liaison.Viewer{Nation: "JPN", Role: liaison.RoleAnalyst, Clearance: 0}, "PUBLIC"},
	} {
		ctx := liaison.WithViewer(context.Background(), tc.v)
		got := notes.SuggestMarking(ctx)
		m, err := authtest.ParseMarking(ctx, got)
		if got != tc.want || err != nil || marking.Writable(nil, tc.v, m) != nil {
			t.Errorf("%s cleared %d: suggested %q (%v, writable: %v); want %q",
				tc.v.Nation, tc.v.Clearance, got, err, marking.Writable(nil, tc.v, m), tc.want)
		}
	}
	ts, _ := notesServer(t)
	if code, body := noteCall(t, ts, "JPN-analyst-3", "POST", "/api/v1/actors/jpngov/notes",
		`{"text":"zqlower","marking":"NATO RESTRICTED // REL TO NATO, JPN"}`); code != 201 || !strings.Contains(body, `"JPNGOV"`) || strings.Contains(body, "jpngov") {
		t.Fatalf("note on jpngov: %d %s; want 201 for JPNGOV", code, body)
	}
	for _, code := range []string{"JPNGOV", "jpngov", "%20JpnGov%20"} {
		if c, body := noteCall(t, ts, "JPN-reader-3", "GET", "/api/v1/actors/"+code+"/notes", ""); c != 200 || !strings.Contains(body, "zqlower") {
			t.Errorf("notes of %s: %d %s; want the note", code, c, body)
		}
	}
	if c, body := noteCall(t, ts, "JPN-analyst-3", "POST", "/api/v1/actors/JPN%2FGOV/notes", `{"text":"x"}`); c != 400 {
		t.Errorf("note on a malformed code: %d %s; want 400", c, body)
	}
}
