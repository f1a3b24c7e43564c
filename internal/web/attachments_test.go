package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/authtest"
	"github.com/liaison-project/liaison/internal/coord"
)

// download fetches path as an officer of nation, with the response headers.
func download(t *testing.T, ts *httptest.Server, nation, path string) (int, http.Header, string) {
	t.Helper()
	resp, b := authtest.Do(t, ts, nation, "GET", path, nil, "")
	return resp.StatusCode, resp.Header, b
}

// seedWebAttachments stores a circulating proposal of GBR (an attachment
// with data and a reference) and a thread with a message released to FRA
// and GBR only, carrying a file.
func seedWebAttachments(t *testing.T, svc *coord.Service) (*liaison.Proposal, *liaison.Thread, *liaison.Message) {
	t.Helper()
	gbr := liaison.WithViewer(context.Background(), liaison.Viewer{Nation: "GBR", Role: liaison.RoleOfficer, Clearance: 4})
	mk := liaison.Marking{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"FRA", "GBR", "JPN"}}
	p, err := svc.Create(gbr, coord.Draft{Title: "Tokyo office", Text: "See the plan.", Procedure: liaison.ProcedureSilence,
		Deciders: []string{"FRA", "GBR"}, Consulted: []string{"JPN"}, Marking: mk, Deadline: time.Now().Add(time.Hour),
		Attachments: []liaison.Attachment{{Name: "plan.txt", MediaType: "text/plain", Data: []byte("the plan")},
			{Name: "cited", Ref: "document:X"}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Act(gbr, p.ID, coord.Step{Action: coord.ActCirculate}); err != nil {
		t.Fatal(err)
	}
	th, err := svc.OpenThread(gbr, coord.NewThread{Subject: "Talks", Participants: []string{"FRA", "JPN"}, Marking: mk})
	if err != nil {
		t.Fatal(err)
	}
	onlyUs := liaison.Marking{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"FRA", "GBR"}}
	m, err := svc.Post(gbr, th.ID, "Between us", onlyUs, []liaison.Attachment{{Name: "us.csv", MediaType: "text/csv", Data: []byte("a,b")}})
	if err != nil {
		t.Fatal(err)
	}
	return p, th, m
}

func TestAttachmentLinksAndDownloads(t *testing.T) {
	ts, svc := proposalSite(t)
	p, th, m := seedWebAttachments(t, svc)
	pLink := "/proposals/" + p.ID + "/attachments/0"
	mLink := "/threads/" + th.ID + "/messages/" + m.ID + "/attachments/0"

	// The pages link each attachment with data to its download; a
	// reference stays text.
	if code, body := pageAs(t, ts, "JPN", "GET", "/proposals/"+p.ID, nil); code != 200 || !strings.Contains(body, `href="`+pLink+`"`) ||
		strings.Contains(body, "/attachments/1") || !strings.Contains(body, "cited") {
		t.Fatalf("proposal page as JPN: %d\n%s", code, body)
	}
	if code, body := pageAs(t, ts, "FRA", "GET", "/threads/"+th.ID, nil); code != 200 || !strings.Contains(body, `href="`+mLink+`"`) {
		t.Fatalf("thread page as FRA: %d\n%s", code, body)
	}
	if _, body := pageAs(t, ts, "JPN", "GET", "/threads/"+th.ID, nil); strings.Contains(body, m.ID) || strings.Contains(body, "us.csv") {
		t.Fatalf("thread page as JPN shows the message it may not see")
	}

	for _, c := range []struct {
		nation, path, body, ctype, mtext string
	}{
		{"JPN", pLink, "the plan", "text/plain", "NATO RESTRICTED // REL TO FRA, GBR, JPN"},
		{"FRA", mLink, "a,b", "text/csv", "NATO RESTRICTED // REL TO FRA, GBR"},
	} {
		code, h, body := download(t, ts, c.nation, c.path)
		if code != 200 || body != c.body || h.Get("Content-Type") != c.ctype || h.Get("X-Content-Type-Options") != "nosniff" ||
			h.Get("X-Liaison-Marking") != c.mtext || !strings.HasPrefix(h.Get("Content-Disposition"), `attachment; filename="`) {
			t.Errorf("GET %s as %s = %d %q %v", c.path, c.nation, code, body, h)
		}
	}

	// Invisible, missing parent and missing position: the same 404 page as
	// the same path with every id replaced by a missing one, without the file.
	missing := liaison.NewID(time.Now())
	norm := func(s string) string {
		for _, id := range []string{p.ID, th.ID, m.ID, missing} {
			s = strings.ReplaceAll(s, id, "{ID}")
		}
		return s
	}
	for _, c := range []struct{ nation, path, secret string }{
		{"KOR", pLink, "the plan"}, {"GBR", "/proposals/" + p.ID + "/attachments/1", "document:X"},
		{"JPN", mLink, "a,b"}, {"KOR", mLink, "a,b"},
	} {
		code, _, body := download(t, ts, c.nation, c.path)
		_, _, want := download(t, ts, c.nation, strings.NewReplacer(p.ID, missing, th.ID, missing, m.ID, missing).Replace(c.path))
		if code != 404 || norm(body) != norm(want) || strings.Contains(body, c.secret) || strings.Contains(body, "us.csv") {
			t.Errorf("GET %s as %s = %d; want the 404 of a missing item\n%s", c.path, c.nation, code, body)
		}
	}
}
