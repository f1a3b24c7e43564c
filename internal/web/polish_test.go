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
	"github.com/liaison-project/liaison/internal/authtest"
	"github.com/liaison-project/liaison/internal/coord"
	"github.com/liaison-project/liaison/internal/httpapi"
	"github.com/liaison-project/liaison/internal/sqlite"
)

// TestChartCaptionCounts: the caption says how many events the chart
// leaves out for want of a month, and counts say "1 event", not "1 events".
func TestChartCaptionCounts(t *testing.T) {
	tl := liaison.Timeline{Buckets: []liaison.TimelineBucket{{Month: "2023-01", Quad: 1, Events: 1}, {Month: "2023-03", Quad: 4, Events: 2}}}
	for _, tc := range []struct {
		all       int
		want, not []string
	}{
		{all: 18, want: []string{"3 events by month and quad class.", "15 events left out: undated or dated only to a year.",
			"<title>2023-01: 1 event, 1 verbal cooperation</title>", "<title>2023-03: 2 events, 2 material conflict</title>"},
			not: []string{"1 events"}},
		{all: 4, want: []string{"3 events by month and quad class.", " 1 event left out: undated"}},
		{all: 3, want: []string{"3 events by month and quad class.</figcaption>"}, not: []string{"left out"}},
	} {
		out, err := chartHTML(tl, tc.all)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tc.want {
			if !strings.Contains(string(out), w) {
				t.Errorf("%d visible events: chart lacks %q:\n%s", tc.all, w, out)
			}
		}
		for _, nw := range tc.not {
			if strings.Contains(string(out), nw) {
				t.Errorf("%d visible events: chart says %q", tc.all, nw)
			}
		}
	}
	one, err := chartHTML(liaison.Timeline{Buckets: []liaison.TimelineBucket{{Month: "2023-01", Quad: 2, Events: 1}}}, 1)
	if err != nil || !strings.Contains(string(one), "1 event by month") || !strings.Contains(string(one), "quad class: 1 event\"") {
		t.Errorf("one event: %v\n%s", err, one)
	}
	none, err := chartHTML(liaison.Timeline{}, 2)
	if err != nil || !strings.Contains(string(none), "No events with a month you may see. 2 events left out") {
		t.Errorf("only undated events: %v\n%s", err, none)
	}
}

// TestActorPageCodeAndPlaceholder: /actors/jpngov is JPNGOV's page, a note
// posted there is JPNGOV's, a malformed code is refused, and the marking
// placeholder is one the partner analyst may write.
func TestActorPageCodeAndPlaceholder(t *testing.T) {
	ts := actorSite(t)
	resp, _ := authtest.Do(t, ts, "JPN-analyst-3", "GET", "/actors/jpngov?cursor=", nil, "")
	if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/actors/JPNGOV?cursor=" {
		t.Errorf("/actors/jpngov: %d to %q; want 301 to /actors/JPNGOV", resp.StatusCode, resp.Header.Get("Location"))
	}
	code, body := pageAs(t, ts, "JPN-analyst-3", "GET", "/actors/JPNGOV", nil)
	if code != 200 || !strings.Contains(body, `placeholder="NATO RESTRICTED // REL TO NATO, JPN"`) {
		t.Errorf("JPN analyst's note form (%d): want a placeholder JPN may write", code)
	}
	if _, body := pageAs(t, ts, "USA-analyst", "GET", "/actors/JPNGOV", nil); !strings.Contains(body, `placeholder="NATO RESTRICTED // REL TO NATO"`) {
		t.Error("USA analyst's note form: want the NATO placeholder")
	}
	code, _ = pageAs(t, ts, "JPN-analyst-3", "POST", "/actors/jpngov/notes",
		url.Values{"text": {"zqlowernote"}, "marking": {"NATO RESTRICTED // REL TO NATO, JPN"}})
	if code != http.StatusSeeOther {
		t.Fatalf("note on /actors/jpngov: %d", code)
	}
	if _, body := pageAs(t, ts, "JPN-reader-3", "GET", "/actors/JPNGOV", nil); !strings.Contains(body, "zqlowernote") {
		t.Error("a note posted on jpngov is missing from JPNGOV's page")
	}
	if code, body := pageAs(t, ts, "JPN-analyst-3", "POST", "/actors/JPN%20GOV/notes", url.Values{"text": {"x"}}); code != 400 ||
		!strings.Contains(body, "actor code") {
		t.Errorf("note on a malformed code: %d; want 400 naming the code", code)
	}
}

// viewAsSite is testSite whose viewers may view as a nation: a request
// with X-Test-As: CODE runs as an admin viewing as CODE does (that
// nation, a reader's role, bounded by the admin).
func viewAsSite(t *testing.T, register func(srv *httpapi.Server, ui *UI, db *sqlite.DB) error) *httptest.Server {
	t.Helper()
	login := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			own, err := authtest.Viewer(r.Header.Get(authtest.Header))
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			v := own
			if code := r.Header.Get("X-Test-As"); code != "" {
				v.Nation, v.Role, v.Name, v.Within = code, liaison.RoleReader, own.Name+" (as "+code+")", &own
			}
			next.ServeHTTP(w, r.WithContext(liaison.WithViewer(r.Context(), v)))
		})
	}
	return siteWith(t, login, register)
}

// TestViewAsWriteForms: an admin viewing as a nation who posts a write
// form is told view-as is read-only, on the form's own page.
func TestViewAsWriteForms(t *testing.T) {
	var svc *coord.Service
	ts := viewAsSite(t, func(srv *httpapi.Server, ui *UI, db *sqlite.DB) (err error) {
		if err := registerActorNotes(srv, ui, db); err != nil {
			return err
		}
		if svc, err = coord.NewService(coord.Config{Proposals: db, Threads: db, Notify: &coord.Notifier{Store: db}}); err != nil {
			return err
		}
		return ui.RegisterProposals(srv, svc)
	})
	usa := liaison.WithViewer(context.Background(), liaison.Viewer{Nation: "USA", Role: liaison.RoleOfficer, Clearance: 4})
	p, err := svc.Create(usa, coord.Draft{Title: "Office", Text: "Open it.", Procedure: liaison.ProcedureConsensus,
		Deciders: []string{"USA", "JPN"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Act(usa, p.ID, coord.Step{Action: coord.ActCirculate, Deadline: time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path, form string
		form2      url.Values
	}{
		{"/feeds", `<h1>Feeds`, url.Values{"url": {"https://example.org/as.xml"}}},
		{"/actors/JPNGOV/notes", `<h1>Actor <code>JPNGOV</code>`, url.Values{"text": {"x"}}},
		{"/proposals/" + p.ID, `<h1>Office</h1>`, url.Values{"action": {"comment"}, "text": {"x"}}},
	} {
		req, _ := http.NewRequest("POST", ts.URL+tc.path, strings.NewReader(tc.form2.Encode()))
		req.Header.Set(authtest.Header, "USA-admin-4")
		req.Header.Set("X-Test-As", "JPN")
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		c := *ts.Client()
		c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		got := string(b)
		if resp.StatusCode != 403 || !strings.Contains(got, "viewing as JPN, which is read-only") ||
			strings.Contains(got, "role &#34;reader&#34;") || !strings.Contains(got, tc.form) {
			t.Errorf("POST %s viewing as JPN: %d; want 403 on the page saying view-as is read-only:\n%.2000s", tc.path, resp.StatusCode, got)
		}
	}
}

// TestProposalDeadlineField: the Deadline field sits only in the form of
// the actions that take one (circulate, amend); the other actions' form
// has none, and both forms post the same fields as before.
func TestProposalDeadlineField(t *testing.T) {
	ts, svc := proposalSite(t)
	gbr := liaison.WithViewer(context.Background(), liaison.Viewer{Nation: "GBR", Role: liaison.RoleOfficer, Clearance: 4})
	p, err := svc.Create(gbr, coord.Draft{Title: "Tokyo office", Text: "Open it.", Procedure: liaison.ProcedureConsensus,
		Deciders: []string{"FRA", "GBR"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Act(gbr, p.ID, coord.Step{Action: coord.ActCirculate, Deadline: time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	forms := func(viewer string) []string {
		t.Helper()
		_, body := pageAs(t, ts, viewer, "GET", "/proposals/"+p.ID, nil)
		var out []string
		for _, f := range strings.Split(body, `<form class="filters" method="post"`)[1:] {
			f = f[:strings.Index(f, "</form>")]
			var acts []string
			for _, m := range actionOptionRE.FindAllStringSubmatch(f, -1) {
				acts = append(acts, m[1])
			}
			form := strings.Join(acts, " ")
			if strings.Contains(f, `name="deadline"`) {
				form += " +deadline"
			}
			out = append(out, form)
		}
		return out
	}
	if got := strings.Join(forms("GBR"), " | "); got != "amend +deadline | concur object agree-to-disagree comment withdraw" {
		t.Errorf("proposer's forms: %q", got)
	}
	if got := strings.Join(forms("FRA"), " | "); got != "concur object agree-to-disagree comment" {
		t.Errorf("decider's forms: %q (no deadline field)", got)
	}
	// The amend form still sets the deadline.
	code, _ := pageAs(t, ts, "GBR", "POST", "/proposals/"+p.ID, url.Values{"action": {"amend"}, "text": {"Open it now."},
		"deadline": {"2099-02-01T00:00:00Z"}})
	q, err := svc.Get(gbr, p.ID)
	if code != http.StatusSeeOther || err != nil || !q.Deadline.Equal(time.Date(2099, 2, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("amend with a deadline: %d, deadline %v, %v", code, q.Deadline, err)
	}
}

// TestChartCaptionPages: on the overview and an actor's page the caption
// counts the visible events the chart cannot draw (undated, or dated only
// to a year), and only the visible ones.
func TestChartCaptionPages(t *testing.T) {
	ts, db := actorSiteDB(t)
	sys := liaison.SystemContext(context.Background())
	for i, m := range []liaison.Marking{{Classification: "PUBLIC"},
		{Classification: "NATO SECRET", Level: 4, RelTo: []string{"FRA"}, Groups: []string{"FRA"}}} {
		r, err := db.PutDocument(sys, &liaison.Document{Title: "T" + m.Classification, Text: "Text " + m.Classification,
			Published: time.Date(2023, 7, 1, 0, 0, 0, 0, time.UTC), Marking: m})
		if err != nil {
			t.Fatal(err)
		}
		evs := []liaison.Event{{Source: "JPNGOV", Target: "USA", Quad: 1, Date: "2023-06-02"},
			{Source: "JPNGOV", Target: "KOR", Quad: 2, Date: "2024"}}
		if i == 0 {
			evs = append(evs, liaison.Event{Source: "RUS", Target: "UKR", Quad: 4, Date: ""})
		}
		if err := db.PutExtraction(sys, r.ID, &liaison.Extraction{Events: evs}); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct{ user, path, want string }{
		{"USA-reader", "/", "1 event by month and quad class. 2 events left out: undated or dated only to a year."},
		{"FRA-reader", "/", "2 events by month and quad class. 3 events left out: undated or dated only to a year."},
		{"USA-reader", "/actors/JPN", "1 event by month and quad class. 1 event left out: undated or dated only to a year."},
		{"FRA-reader", "/actors/JPN", "2 events by month and quad class. 2 events left out: undated or dated only to a year."},
	} {
		if code, body := pageAs(t, ts, tc.user, "GET", tc.path, nil); code != 200 || !strings.Contains(body, tc.want) {
			i := strings.Index(body, "<figcaption>")
			t.Errorf("%s %s: %d, caption %.200q; want %q", tc.user, tc.path, code, body[max(i, 0):], tc.want)
		}
	}
}
