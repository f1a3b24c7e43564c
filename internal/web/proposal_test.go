package web

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/coord"
	"github.com/liaison-project/liaison/internal/httpapi"
	"github.com/liaison-project/liaison/internal/sqlite/sqlitetest"
)

func proposalSite(t *testing.T) (*httptest.Server, *coord.Service) {
	t.Helper()
	db := sqlitetest.MustOpen(t)
	auth := func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			n := r.Header.Get("X-Test-Nation")
			v := liaison.Viewer{UserID: "u-" + n, Name: "officer " + n, Nation: n, Role: liaison.RoleOfficer, Clearance: 4}
			h.ServeHTTP(w, r.WithContext(liaison.WithViewer(r.Context(), v)))
		})
	}
	srv, err := httpapi.New(httpapi.Config{Documents: db, Extractions: db, Events: db, Feeds: db, Stats: db, Auth: auth})
	if err != nil {
		t.Fatal(err)
	}
	ui, err := New(Config{Documents: db, Extractions: db, Events: db, Feeds: db, Stats: db})
	if err != nil {
		t.Fatal(err)
	}
	svc, err := coord.NewService(coord.Config{Proposals: db, Threads: db, Notify: &coord.Notifier{Store: db}})
	if err != nil {
		t.Fatal(err)
	}
	if err := ui.RegisterProposals(srv, svc); err != nil {
		t.Fatal(err)
	}
	ui.Register(srv)
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts, svc
}

func coordPage(t *testing.T, ts *httptest.Server, nation, method, path string, form url.Values) (int, string) {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, _ := http.NewRequest(method, ts.URL+path, body)
	req.Header.Set("X-Test-Nation", nation)
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

func TestProposalPages(t *testing.T) {
	ts, svc := proposalSite(t)
	gbr := liaison.WithViewer(context.Background(), liaison.Viewer{Nation: "GBR", Role: liaison.RoleOfficer, Clearance: 4})
	p, err := svc.Create(gbr, coord.Draft{Title: "Open a liaison office in Tokyo", Text: "Line one.\nLine two.",
		Procedure: liaison.ProcedureSilence, Deciders: []string{"FRA", "GBR"}, Consulted: []string{"JPN"}})
	if err != nil {
		t.Fatal(err)
	}
	dl := time.Date(2099, 1, 1, 12, 0, 0, 0, time.UTC)
	if _, err := svc.Act(gbr, p.ID, coord.Step{Action: coord.ActCirculate, Deadline: dl}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Act(gbr, p.ID, coord.Step{Action: coord.ActAmend, Text: "Line one.\nLine 2, amended."}); err != nil {
		t.Fatal(err)
	}
	if code, body := coordPage(t, ts, "JPN", "GET", "/proposals", nil); code != 200 || !strings.Contains(body, "Open a liaison office") ||
		!strings.Contains(body, "Latest notifications") {
		t.Fatalf("board as JPN: %d", code)
	}
	if code, body := coordPage(t, ts, "KOR", "GET", "/proposals", nil); code != 200 || strings.Contains(body, "Open a liaison office") {
		t.Fatalf("board as KOR shows the proposal: %d", code)
	}
	if code, body := coordPage(t, ts, "KOR", "GET", "/proposals/"+p.ID, nil); code != 404 || strings.Contains(body, "Open a liaison office") || strings.Contains(body, p.Title) {
		t.Fatalf("page as KOR: %d", code)
	}
	code, body := coordPage(t, ts, "JPN", "GET", "/proposals/"+p.ID+"?tz=Asia/Tokyo", nil)
	if code != 200 || !strings.Contains(body, "JST") || !strings.Contains(body, `class="ddel">- Line two.`) ||
		!strings.Contains(body, `class="dadd">&#43; Line 2, amended.`) {
		t.Fatalf("page as JPN in Tokyo time: %d\n%s", code, body)
	}
	if code, _ := coordPage(t, ts, "JPN", "POST", "/proposals/"+p.ID, url.Values{"action": {"object"}, "text": {"no"}}); code != 403 {
		t.Fatalf("consulted objects: %d", code)
	}
	if code, _ := coordPage(t, ts, "FRA", "POST", "/proposals/"+p.ID, url.Values{"action": {"object"}, "text": {"France objects"}}); code != 303 {
		t.Fatalf("decider objects: %d", code)
	}
	if _, body := coordPage(t, ts, "GBR", "GET", "/proposals/"+p.ID, nil); !strings.Contains(body, "France objects") || !strings.Contains(body, "state-blocked") {
		t.Fatalf("after objection:\n%s", body)
	}
}

func TestThreadPages(t *testing.T) {
	ts, svc := proposalSite(t)
	fra := liaison.WithViewer(context.Background(), liaison.Viewer{Nation: "FRA", Role: liaison.RoleOfficer, Clearance: 4})
	th, err := svc.OpenThread(fra, coord.NewThread{Subject: "Tokyo office talks", Participants: []string{"JPN"}, Text: "Bonjour"})
	if err != nil {
		t.Fatal(err)
	}
	if code, _ := coordPage(t, ts, "JPN", "POST", "/threads/"+th.ID, url.Values{"text": {"Konnichiwa"}}); code != 303 {
		t.Fatalf("post: %d", code)
	}
	if code, body := coordPage(t, ts, "FRA", "GET", "/threads/"+th.ID, nil); code != 200 || !strings.Contains(body, "Konnichiwa") {
		t.Fatalf("thread as FRA: %d", code)
	}
	if code, _ := coordPage(t, ts, "KOR", "GET", "/threads/"+th.ID, nil); code != 404 {
		t.Fatalf("thread as KOR: %d", code)
	}
	if _, body := coordPage(t, ts, "KOR", "GET", "/threads", nil); strings.Contains(body, "Tokyo office talks") {
		t.Fatalf("KOR lists the thread")
	}
}
