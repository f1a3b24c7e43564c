package web

import (
	"context"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/coord"
	"github.com/liaison-project/liaison/internal/httpapi"
	"github.com/liaison-project/liaison/internal/sqlite"
)

// proposalSite serves the proposal and thread pages over a real store;
// the viewer is an authtest.Header spec, usually just a nation (an officer
// of it).
func proposalSite(t *testing.T) (*httptest.Server, *coord.Service) {
	t.Helper()
	var svc *coord.Service
	ts := testSite(t, func(srv *httpapi.Server, ui *UI, db *sqlite.DB) (err error) {
		if svc, err = coord.NewService(coord.Config{Proposals: db, Threads: db, Notify: &coord.Notifier{Store: db}}); err != nil {
			return err
		}
		return ui.RegisterProposals(srv, svc)
	})
	return ts, svc
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
	if code, body := pageAs(t, ts, "JPN", "GET", "/proposals", nil); code != 200 || !strings.Contains(body, "Open a liaison office") ||
		!strings.Contains(body, "Latest notifications") {
		t.Fatalf("board as JPN: %d", code)
	}
	if code, body := pageAs(t, ts, "KOR", "GET", "/proposals", nil); code != 200 || strings.Contains(body, "Open a liaison office") {
		t.Fatalf("board as KOR shows the proposal: %d", code)
	}
	if code, body := pageAs(t, ts, "KOR", "GET", "/proposals/"+p.ID, nil); code != 404 || strings.Contains(body, "Open a liaison office") || strings.Contains(body, p.Title) {
		t.Fatalf("page as KOR: %d", code)
	}
	code, body := pageAs(t, ts, "JPN", "GET", "/proposals/"+p.ID+"?tz=Asia/Tokyo", nil)
	if code != 200 || !strings.Contains(body, "JST") || !strings.Contains(body, `class="ddel">- Line two.`) ||
		!strings.Contains(body, `class="dadd">&#43; Line 2, amended.`) {
		t.Fatalf("page as JPN in Tokyo time: %d\n%s", code, body)
	}
	if code, _ := pageAs(t, ts, "JPN", "POST", "/proposals/"+p.ID, url.Values{"action": {"object"}, "text": {"no"}}); code != 403 {
		t.Fatalf("consulted objects: %d", code)
	}
	if code, _ := pageAs(t, ts, "FRA", "POST", "/proposals/"+p.ID, url.Values{"action": {"object"}, "text": {"France objects"}}); code != 303 {
		t.Fatalf("decider objects: %d", code)
	}
	if _, body := pageAs(t, ts, "GBR", "GET", "/proposals/"+p.ID, nil); !strings.Contains(body, "France objects") || !strings.Contains(body, "state-blocked") {
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
	if code, _ := pageAs(t, ts, "JPN", "POST", "/threads/"+th.ID, url.Values{"text": {"Konnichiwa"}}); code != 303 {
		t.Fatalf("post: %d", code)
	}
	if code, body := pageAs(t, ts, "FRA", "GET", "/threads/"+th.ID, nil); code != 200 || !strings.Contains(body, "Konnichiwa") {
		t.Fatalf("thread as FRA: %d", code)
	}
	if code, _ := pageAs(t, ts, "KOR", "GET", "/threads/"+th.ID, nil); code != 404 {
		t.Fatalf("thread as KOR: %d", code)
	}
	if _, body := pageAs(t, ts, "KOR", "GET", "/threads", nil); strings.Contains(body, "Tokyo office talks") {
		t.Fatalf("KOR lists the thread")
	}
}
