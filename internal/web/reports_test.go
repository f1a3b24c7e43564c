package web

import (
	"context"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/authtest"
	"github.com/liaison-project/liaison/internal/httpapi"
	"github.com/liaison-project/liaison/internal/report"
	"github.com/liaison-project/liaison/internal/sqlite"
)

// reportSite serves the report pages over a store holding a document
// releasable to JPN and USA with one coded event in its second sentence;
// it returns the document's and the event's ids.
func reportSite(t *testing.T) (ts *httptest.Server, docID, eventID string) {
	t.Helper()
	ts = testSite(t, func(srv *httpapi.Server, ui *UI, db *sqlite.DB) error {
		sys := liaison.SystemContext(context.Background())
		mk, err := authtest.ParseMarking(sys, "NATO CONFIDENTIAL // REL TO JPN, USA")
		if err != nil {
			return err
		}
		res, err := db.PutDocument(sys, &liaison.Document{Title: "doc", Text: "One. Two.", ContentHash: "h", Marking: mk})
		if err != nil {
			return err
		}
		docID = res.ID
		x := &liaison.Extraction{Sentences: []liaison.Span{{Start: 0, End: 4}, {Start: 5, End: 9}},
			Events: []liaison.Event{{Source: "USAGOV", Target: "JPNGOV", CAMEO: "042", Root: "04", Quad: 1, Date: "2023-07-09", Sentence: 1}}}
		if err := db.PutExtraction(sys, docID, x); err != nil {
			return err
		}
		page, err := db.Events(sys, liaison.EventFilter{DocID: docID})
		if err != nil || len(page.Items) != 1 {
			return err
		}
		eventID = page.Items[0].ID
		svc, err := report.New(report.Config{Reports: db, Documents: db, Events: db, ParseMarking: authtest.ParseMarking, Audit: db})
		if err != nil {
			return err
		}
		return ui.RegisterReports(srv, svc)
	})
	return ts, docID, eventID
}

var reportIDRE = regexp.MustCompile(`^/reports/([0-9A-Z]{26})$`)

// TestReportPage: the body is rendered as safe Markdown, and each cite is
// linked by its kind — an event to its sentence in its document, a report
// to its page, a document to its page.
func TestReportPage(t *testing.T) {
	ts, docID, eventID := reportSite(t)
	draft := func(title, body string, cites ...string) string {
		t.Helper()
		form := url.Values{"action": {"save"}, "title": {title}, "body": {body}, "cites": {strings.Join(cites, "\n")}}
		resp, b := authtest.Do(t, ts, "USA-analyst", "POST", "/reports/new", strings.NewReader(form.Encode()),
			"application/x-www-form-urlencoded")
		m := reportIDRE.FindStringSubmatch(resp.Header.Get("Location"))
		if resp.StatusCode != 303 || m == nil {
			t.Fatalf("draft %q: %d %.400s", title, resp.StatusCode, b)
		}
		return m[1]
	}
	// The form's preview names the cited event's marking.
	code, body := pageAs(t, ts, "USA-analyst", "POST", "/reports/new", url.Values{"action": {"check"}, "title": {"t"}, "cites": {eventID}})
	if code != 200 || !strings.Contains(body, "NATO CONFIDENTIAL // REL TO JPN, USA") {
		t.Fatalf("check with an event cite: %d, want the event's marking required", code)
	}
	base := draft("Base", "plain")
	if code, b := pageAs(t, ts, "GBR-admin", "POST", "/reports/"+base+"/release", url.Values{}); code != 303 {
		t.Fatalf("release: %d %.300s", code, b)
	}
	id := draft("Assessment", "# Assessment\n\nFrance *objects*. <script>alert(1)</script> [x](javascript:alert(1))",
		eventID, docID, base)

	code, body = pageAs(t, ts, "USA-reader", "GET", "/reports/"+id, nil)
	if code != 200 {
		t.Fatalf("report page: %d", code)
	}
	for _, want := range []string{"<h1>Assessment</h1>", "France <em>objects</em>.",
		`event <a href="/documents/` + docID + `#s1"><code>` + eventID + `</code></a>`,
		`document <a href="/documents/` + docID + `"><code>` + docID + `</code></a>`,
		`report <a href="/reports/` + base + `"><code>` + base + `</code></a>`} {
		if !strings.Contains(body, want) {
			t.Errorf("report page lacks %q", want)
		}
	}
	for _, deny := range []string{"<script>alert", "javascript:", "# Assessment"} {
		if strings.Contains(body, deny) {
			t.Errorf("report page contains %q", deny)
		}
	}
}
