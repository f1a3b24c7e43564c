package app

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
)

// post sends a JSON body as u.
func (f *lmFixture) post(t *testing.T, u *lmUser, method, path, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, f.m.URL()+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+u.token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestReportWorkflowHTTP runs the four-eyes workflow through the API:
// readers cannot draft, a marking below what is cited is refused naming the
// marking required, an invisible cited id answers like a missing one, the
// author cannot release, a second officer can, once.
func TestReportWorkflowHTTP(t *testing.T) {
	f := newLeakFixture(t)
	docOf := func(mt string) string {
		for _, it := range f.items {
			if it.kind == "document" && it.mtext == mt {
				return it.id
			}
		}
		t.Fatalf("no document %q", mt)
		return ""
	}
	nato, usaOnly := docOf("NATO RESTRICTED // REL TO NATO"), docOf("NATO SECRET // REL TO USA")
	analyst, officer, reader := f.byName["fra-analyst"], f.byName["fra-officer"], f.byName["jpn-reader"]
	draft := func(cite, mk string) string {
		b, _ := json.Marshal(map[string]any{"title": "T", "body": "B", "cites": []string{cite}, "marking": mk})
		return string(b)
	}
	if code, body := f.post(t, reader, "POST", "/api/v1/reports", draft(nato, "")); code != 403 {
		t.Errorf("reader drafts: %d %s", code, body)
	}
	code, body := f.post(t, analyst, "POST", "/api/v1/reports", draft(nato, "PUBLIC"))
	if code != 400 || !strings.Contains(body, `at least \"NATO RESTRICTED // REL TO NATO\" is required`) {
		t.Errorf("low marking: %d %s", code, body)
	}
	missing := liaison.NewID(time.Now())
	c1, b1 := f.post(t, analyst, "POST", "/api/v1/reports", draft(usaOnly, ""))
	c2, b2 := f.post(t, analyst, "POST", "/api/v1/reports", draft(missing, ""))
	if c1 != 400 || c1 != c2 || strings.ReplaceAll(b1, usaOnly, "X") != strings.ReplaceAll(b2, missing, "X") {
		t.Errorf("invisible cite %d %s; missing cite %d %s", c1, b1, c2, b2)
	}
	code, body = f.get(t, analyst, "/api/v1/reports/required-marking?cite="+url.QueryEscape(nato))
	if code != 200 || !strings.Contains(body, `"marking_text": "NATO RESTRICTED // REL TO NATO"`) {
		t.Errorf("required marking: %d %s", code, body)
	}
	code, body = f.post(t, analyst, "POST", "/api/v1/reports", draft(nato, ""))
	var rep struct {
		ID    string `json:"id"`
		State string `json:"state"`
	}
	if err := json.Unmarshal([]byte(body), &rep); code != 201 || err != nil || rep.State != "draft" {
		t.Fatalf("draft: %d %s", code, body)
	}
	edit := `{"title":"T2","body":"B2","cites":["` + nato + `"]}`
	if code, body := f.post(t, officer, "PUT", "/api/v1/reports/"+rep.ID, edit); code != 403 {
		t.Errorf("non-author edit: %d %s", code, body)
	}
	if code, body := f.post(t, analyst, "PUT", "/api/v1/reports/"+rep.ID, edit); code != 200 || !strings.Contains(body, "T2") {
		t.Errorf("author edit: %d %s", code, body)
	}
	if code, body := f.post(t, analyst, "POST", "/api/v1/reports/"+rep.ID+"/release", ""); code != 403 {
		t.Errorf("author releases: %d %s", code, body)
	}
	if code, body := f.post(t, f.byName["jpn-analyst"], "POST", "/api/v1/reports/"+rep.ID+"/release", ""); code != 404 {
		t.Errorf("other nation releases a draft it cannot see: %d %s", code, body)
	}
	if code, body := f.post(t, officer, "POST", "/api/v1/reports/"+rep.ID+"/release", ""); code != 200 || !strings.Contains(body, `"state": "released"`) {
		t.Errorf("officer releases: %d %s", code, body)
	}
	if code, body := f.post(t, f.byName["gbr-admin"], "POST", "/api/v1/reports/"+rep.ID+"/release", ""); code != 409 {
		t.Errorf("second release: %d %s", code, body)
	}
	code, body = f.get(t, f.byName["gbr-admin"], "/api/v1/audit?action=release&limit=500")
	if code != 200 || !strings.Contains(body, rep.ID) {
		t.Errorf("release not audited: %d %.300s", code, body)
	}
}
