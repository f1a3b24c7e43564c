package app

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
)

// session is a logged-in browser.
type session struct {
	t    *testing.T
	base string
	c    *http.Client
	last string // path of the last page, after redirects
}

func login(t *testing.T, base, name string) *session {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	s := &session{t: t, base: base, c: &http.Client{Jar: jar}}
	code, _ := s.do("POST", "/login", url.Values{"name": {name}, "password": {name + "-demo"}, "next": {"/"}})
	if code != 200 {
		t.Fatalf("login %s = %d", name, code)
	}
	return s
}

func (s *session) do(method, path string, form url.Values) (int, string) {
	s.t.Helper()
	var resp *http.Response
	var err error
	if method == "GET" {
		resp, err = s.c.Get(s.base + path)
	} else {
		resp, err = s.c.PostForm(s.base+path, form)
	}
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	s.last = resp.Request.URL.Path
	return resp.StatusCode, string(b)
}

var csrfRE = regexp.MustCompile(`name="csrf_token" value="([^"]+)"`)

func csrfOf(t *testing.T, page string) string {
	t.Helper()
	m := csrfRE.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no CSRF token on the page")
	}
	return m[1]
}

// TestReportPages drafts a report through the web form (which shows the
// marking the citation requires before saving) and has a second officer
// release it; the author gets no release button.
func TestReportPages(t *testing.T) {
	m, ctx := startDemoNode(t, Config{})
	mk, err := m.parseMarking(ctx, "NATO RESTRICTED // REL TO NATO, JPN")
	if err != nil {
		t.Fatal(err)
	}
	cite := &liaison.Document{Title: "Patrol vessel at Yokosuka", Text: "The Italian patrol vessel called at Yokosuka.",
		ContentHash: "yokosuka", Marking: mk}
	res, err := m.Store().PutDocument(liaison.SystemContext(ctx), cite)
	if err != nil {
		t.Fatal(err)
	}
	cite.ID = res.ID
	analyst := login(t, m.URL(), "fra-analyst")
	code, page := analyst.do("GET", "/reports/new?cite="+cite.ID, nil)
	if code != 200 || !strings.Contains(page, cite.Marking.Classification) {
		t.Fatalf("draft form = %d, required marking %q not shown", code, cite.Marking.Classification)
	}
	code, page = analyst.do("POST", "/reports/new", url.Values{"csrf_token": {csrfOf(t, page)}, "action": {"save"},
		"title": {"Italian patrol vessel in Japan"}, "body": {"Assessment."}, "cites": {cite.ID}})
	if code != 200 || !strings.Contains(page, "Italian patrol vessel in Japan") || strings.Contains(page, "Release this report") {
		t.Fatalf("saved draft page = %d (author must not see the release button)", code)
	}
	reportPath := analyst.last
	officer := login(t, m.URL(), "fra-officer")
	code, page = officer.do("GET", reportPath, nil)
	if code != 200 || !strings.Contains(page, "Release this report") {
		t.Fatalf("officer view = %d, no release button", code)
	}
	code, page = officer.do("POST", reportPath+"/release", url.Values{"csrf_token": {csrfOf(t, page)}})
	if code != 200 || !strings.Contains(page, "<b>released</b>") {
		t.Errorf("after release = %d", code)
	}
	if code, page := officer.do("GET", "/reports?state=released", nil); code != 200 || !strings.Contains(page, "Italian patrol vessel in Japan") {
		t.Errorf("released list = %d", code)
	}
}
