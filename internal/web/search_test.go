package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/httpapi"
	"github.com/liaison-project/liaison/internal/memstore"
)

// facetFixture serves the UI over 21 public reports from "wire" and one
// older restricted report from "navy", releasable to Japan only: the first
// page of 20 hits lists public reports alone, while the facets count all 22.
func facetFixture(t *testing.T, v liaison.Viewer) http.Handler {
	t.Helper()
	st := memstore.New()
	sys := liaison.SystemContext(context.Background())
	put := func(d liaison.Document) {
		if _, err := st.PutDocument(sys, &d); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 21 {
		put(liaison.Document{Title: fmt.Sprintf("Harbour report %d", i), Source: "wire", Text: "Harbour traffic was normal.",
			Published: time.Date(2023, 7, 1+i, 0, 0, 0, 0, time.UTC), ContentHash: fmt.Sprintf("h%d", i),
			Marking: liaison.Marking{Classification: "NATO UNCLASSIFIED", Level: 1}})
	}
	put(liaison.Document{Title: "Harbour patrol", Source: "navy", Text: "The harbour patrol sighted a submarine.",
		Published: time.Date(2023, 5, 2, 0, 0, 0, 0, time.UTC), ContentHash: "navy",
		Marking: liaison.Marking{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"JPN"}, Groups: []string{"JPN"}}})
	srv, err := httpapi.New(httpapi.Config{Documents: st, Extractions: st, Events: st, Feeds: st, Stats: st, Viewer: &v})
	if err != nil {
		t.Fatal(err)
	}
	ui, err := New(Config{Documents: st, Extractions: st, Events: st, Feeds: st, Stats: st})
	if err != nil {
		t.Fatal(err)
	}
	ui.Register(srv)
	return srv
}

// TestSearchFacetsPage: the search page lists the facets of every visible
// hit, and its banner covers them even when the hits on the page are less
// sensitive; a viewer who may not see the restricted report sees neither
// its source, its month nor its level, and keeps the lower banner.
func TestSearchFacetsPage(t *testing.T) {
	code, body := fetch(t, facetFixture(t, japan), "/search?q=harbour")
	want := []string{"22 reports match", `aria-label="facets"`,
		`<a href="/search?q=harbour&amp;source=wire">wire</a> <span class="count sub">21</span>`,
		`<a href="/search?q=harbour&amp;source=navy">navy</a> <span class="count sub">1</span>`,
		`<a href="/search?q=harbour&amp;month=2023-05">2023-05</a> <span class="count sub">1</span>`,
		"NATO RESTRICTED <span class=\"count sub\">1</span>",
		`class="banner b-restricted" role="note" aria-label="classification">NATO RESTRICTED // REL TO JPN<`}
	for _, w := range want {
		if code != 200 || !strings.Contains(body, w) {
			t.Errorf("japan: search page (%d) lacks %q", code, w)
		}
	}
	if strings.Contains(body, "Harbour patrol") {
		t.Error("japan: page 1 lists the restricted report; the test wants it only in the facets")
	}
	code, body = fetch(t, facetFixture(t, france), "/search?q=harbour")
	for _, w := range []string{"21 reports match", `source=wire">wire</a> <span class="count sub">21</span>`,
		`class="banner b-unclassified" role="note" aria-label="classification">NATO UNCLASSIFIED<`} {
		if code != 200 || !strings.Contains(body, w) {
			t.Errorf("france: search page (%d) lacks %q", code, w)
		}
	}
	for _, nw := range []string{"navy", "2023-05", "RESTRICTED", "submarine"} {
		if strings.Contains(body, nw) {
			t.Errorf("france: search page shows %q, which only the hidden report has", nw)
		}
	}
}

// TestSearchFilterPage: following a facet link narrows the hits, their
// count and the facets to that value, keeps the other filter in the links
// and the form, and offers the way back; a filter naming only hidden
// reports finds nothing and shows the lower banner.
func TestSearchFilterPage(t *testing.T) {
	h := facetFixture(t, japan)
	code, body := fetch(t, h, "/search?q=harbour&month=2023-07")
	for _, w := range []string{"21 reports match <b>harbour</b> in <b>2023-07</b>", `name="month" value="2023-07"`,
		`<a href="/search?q=harbour&amp;source=wire&amp;month=2023-07">wire</a> <span class="count sub">21</span>`,
		`href="/search?q=harbour">all sources and months</a>`, `aria-label="classification">NATO UNCLASSIFIED<`} {
		if code != 200 || !strings.Contains(body, w) {
			t.Errorf("month filter: page (%d) lacks %q", code, w)
		}
	}
	if strings.Contains(body, "navy") || strings.Contains(body, "2023-05") {
		t.Error("month filter: the facets still count the May report")
	}
	code, body = fetch(t, facetFixture(t, france), "/search?q=harbour&source=navy")
	if code != 200 || !strings.Contains(body, "0 reports match") || strings.Contains(body, "RESTRICTED") ||
		strings.Contains(body, "submarine") || strings.Contains(body, `aria-label="facets"`) {
		t.Errorf("france, source=navy (%d): want no hits, no facets, no trace of the restricted report:\n%s", code, body)
	}
	// A bad month is the request's fault: 400 (as the API and /events
	// answer), still with the search form, the query kept and the message.
	for _, bad := range []string{"May", "2022-13"} {
		code, body = fetch(t, h, "/search?q=harbour&month="+bad)
		if code != 400 || !strings.Contains(body, `class="error"`) || !strings.Contains(body, "YYYY-MM") ||
			!strings.Contains(body, `<form class="search"`) || !strings.Contains(body, `name="q" value="harbour"`) {
			t.Errorf("bad month %q (%d): want 400 with the form and the error on the page", bad, code)
		}
	}
}
