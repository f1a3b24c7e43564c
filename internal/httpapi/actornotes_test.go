package httpapi

import (
	"context"
	"encoding/json"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/authtest"
	"github.com/liaison-project/liaison/internal/sqlite"
)

// notesServer serves the actor note API over a real store; the viewer is
// an authtest.Header spec: "<NATION>-<role>-<clearance>".
func notesServer(t *testing.T) (*httptest.Server, *sqlite.DB) {
	t.Helper()
	return apiServer(t, func(srv *Server, db *sqlite.DB) error {
		_, err := srv.RegisterActorNotes(ActorNoteConfig{Store: db, Audit: db, Origin: liaison.Origin{Node: "node1"}})
		return err
	})
}

func noteCall(t *testing.T, ts *httptest.Server, user, method, path, body string) (int, string) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	resp, b := authtest.Do(t, ts, user, method, path, rd, "application/json")
	return resp.StatusCode, b
}

// TestActorNoteAPIRefusals: a reader may not write; a bad marking, empty
// text, a bad code or a forged author field answer 400 naming the problem.
func TestActorNoteAPIRefusals(t *testing.T) {
	ts, db := notesServer(t)
	post := func(user, code, body string) (int, string) {
		return noteCall(t, ts, user, "POST", "/api/v1/actors/"+code+"/notes", body)
	}
	for _, tc := range []struct {
		name, user, code, body string
		want                   int
		says                   string
	}{
		{"reader may not write", "FRA-reader-4", "JPNGOV", `{"text":"x"}`, 403, "analyst"},
		{"bad marking", "FRA-analyst-4", "JPNGOV", `{"text":"x","marking":"TOP SEKRIT"}`, 400, "TOP SEKRIT"},
		{"empty text", "FRA-analyst-4", "JPNGOV", `{"text":"  "}`, 400, "empty text"},
		{"bad code", "FRA-analyst-4", "JPN%25GOV", `{"text":"x"}`, 400, "actor code"},
		{"unknown field", "FRA-analyst-4", "JPNGOV", `{"text":"x","author":"someone"}`, 400, ""},
		// A writer may only write what they may read (marking.Writable).
		{"above clearance", "JPN-analyst-3", "JPNGOV", `{"text":"x","marking":"NATO SECRET // REL TO JPN"}`,
			400, "above your clearance NATO CONFIDENTIAL"},
		{"not releasable to own nation", "JPN-analyst-3", "JPNGOV", `{"text":"x","marking":"NATO RESTRICTED // REL TO NATO"}`,
			400, "not releasable to JPN, your nation"},
	} {
		code, body := post(tc.user, tc.code, tc.body)
		if code != tc.want || !strings.Contains(body, tc.says) {
			t.Errorf("%s: %d %s; want %d naming %q", tc.name, code, body, tc.want, tc.says)
		}
	}
	// Nothing refused was stored: the node itself sees no note.
	if page, err := db.ActorNotes(liaison.SystemContext(context.Background()), "JPNGOV", "", 10); err != nil || page.Total != 0 {
		t.Errorf("after refusals the store holds %+v, %v", page, err)
	}
	// At the writer's own clearance and nation the note is accepted.
	if code, body := post("JPN-analyst-3", "JPNGOV", `{"text":"x","marking":"NATO CONFIDENTIAL // REL TO JPN"}`); code != 201 {
		t.Errorf("writable note: %d %s", code, body)
	}
}

// TestActorNoteAPI writes notes as analysts, reads them as several
// viewers (exactly the visible ones; an invisible id answers as a missing
// one) and finds the creation in the audit log under the note's marking.
func TestActorNoteAPI(t *testing.T) {
	ts, db := notesServer(t)
	post := func(user, code, body string) (int, string) {
		return noteCall(t, ts, user, "POST", "/api/v1/actors/"+code+"/notes", body)
	}
	code, body := post("USA-analyst-4", "JPNGOV", `{"text":"Usa-only **zqsecret**","marking":"NATO SECRET // REL TO USA"}`)
	if code != 201 {
		t.Fatalf("create: %d %s", code, body)
	}
	var secret ActorNoteView
	if err := json.Unmarshal([]byte(body), &secret); err != nil {
		t.Fatal(err)
	}
	if secret.Author != "usa-analyst" || secret.Nation != "USA" || secret.Origin.Node != "node1" ||
		secret.MarkingText != "NATO SECRET // REL TO USA" {
		t.Fatalf("created %+v", secret)
	}
	if code, body := post("USA-analyst-2", "JPNGOV", `{"text":"Public zqopen"}`); code != 201 {
		t.Fatalf("create public: %d %s", code, body)
	}
	// USA at SECRET sees both; FRA (not in REL TO) and USA below SECRET see one.
	for user, want := range map[string]int{"USA-reader-4": 2, "FRA-analyst-4": 1, "USA-reader-2": 1} {
		code, body := noteCall(t, ts, user, "GET", "/api/v1/actors/JPNGOV/notes", "")
		var page liaison.Page[ActorNoteView]
		if err := json.Unmarshal([]byte(body), &page); err != nil || code != 200 {
			t.Fatalf("%s: list %d %s", user, code, body)
		}
		if len(page.Items) != want || page.Total != want || (want == 1 && strings.Contains(body, "zqsecret")) {
			t.Errorf("%s: %d notes (total %d), want %d: %s", user, len(page.Items), page.Total, want, body)
		}
	}
	// The invisible note answers like a missing one, byte for byte.
	missing := liaison.NewID(time.Now())
	c1, b1 := noteCall(t, ts, "FRA-analyst-4", "GET", "/api/v1/actor-notes/"+secret.ID, "")
	c2, b2 := noteCall(t, ts, "FRA-analyst-4", "GET", "/api/v1/actor-notes/"+missing, "")
	if c1 != 404 || c1 != c2 || strings.ReplaceAll(b1, secret.ID, "X") != strings.ReplaceAll(b2, missing, "X") {
		t.Errorf("invisible %d %s vs missing %d %s", c1, b1, c2, b2)
	}
	if code, body := noteCall(t, ts, "USA-reader-4", "GET", "/api/v1/actor-notes/"+secret.ID, ""); code != 200 || !strings.Contains(body, "zqsecret") {
		t.Errorf("visible note: %d %s", code, body)
	}
	// The creation is audited under the note's marking.
	entries, err := db.List(liaison.SystemContext(context.Background()), liaison.AuditFilter{Action: AuditActorNote})
	if err != nil || len(entries) != 2 {
		t.Fatalf("audit: %+v %v", entries, err)
	}
	found := false
	for _, e := range entries {
		found = found || (e.Item == secret.ID && e.Actor == "usa-analyst" && e.Marking.Level == secret.Marking.Level)
	}
	if !found {
		t.Errorf("no audit entry for %s: %+v", secret.ID, entries)
	}
}
