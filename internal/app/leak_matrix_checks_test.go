package app

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
)

// lmRun collects what one user's requests returned, for the final sweep.
type lmRun struct {
	f      *lmFixture
	u      *lmUser
	bodies []lmBody
	routes map[string]bool
	// missing caches the answer for a nonexistent id, per path.
	missing map[string]struct {
		code int
		body string
	}
}

type lmBody struct{ route, path, body string }

func (r *lmRun) get(t *testing.T, route, path string) (int, string) {
	t.Helper()
	code, body := r.f.get(t, r.u, path)
	r.bodies = append(r.bodies, lmBody{route: route, path: path, body: body})
	r.routes[route] = true
	return code, body
}

// getJSON fetches a 200 JSON body into v.
func (r *lmRun) getJSON(t *testing.T, route, path string, v any) {
	t.Helper()
	code, body := r.get(t, route, path)
	if code != 200 {
		t.Errorf("%s: GET %s = %d %.200s", r.u.name, path, code, body)
		return
	}
	if err := json.Unmarshal([]byte(body), v); err != nil {
		t.Errorf("%s: GET %s: %v", r.u.name, path, err)
	}
}

type idPage struct {
	Items []struct {
		ID       string `json:"id"`
		Document struct {
			ID string `json:"id"`
		} `json:"document"`
		Code   string `json:"code"`
		Name   string `json:"name"`
		Events int    `json:"events"`
	} `json:"items"`
	Total      int    `json:"total"`
	NextCursor string `json:"next_cursor"`
}

func (p idPage) ids(doc bool) []string {
	out := []string{}
	for _, it := range p.Items {
		if doc {
			out = append(out, it.Document.ID)
		} else {
			out = append(out, it.ID)
		}
	}
	slices.Sort(out)
	return out
}

// exact checks a list route holds exactly want (ids) and counts them.
func (r *lmRun) exact(t *testing.T, route, path string, want []string, doc bool) {
	t.Helper()
	var p idPage
	r.getJSON(t, route, path, &p)
	if got := p.ids(doc); !slices.Equal(got, want) || p.Total != len(want) || p.NextCursor != "" {
		t.Errorf("%s: %s holds %v (total %d); want %v", r.u.name, path, got, p.Total, want)
	}
}

// sameAsMissing checks that route answers for the invisible id exactly as
// for a nonexistent one (status and body, the id itself substituted).
func (r *lmRun) sameAsMissing(t *testing.T, route, id, missing string) {
	t.Helper()
	r.sameAsMissingAt(t, route, route, id, missing)
}

// sameAsMissingAt is sameAsMissing for a route whose other path values are
// already filled in path ({id} left to substitute).
func (r *lmRun) sameAsMissingAt(t *testing.T, route, path, id, missing string) {
	t.Helper()
	p1 := strings.ReplaceAll(path, "{id}", url.PathEscape(id))
	p2 := strings.ReplaceAll(path, "{id}", url.PathEscape(missing))
	c1, b1 := r.get(t, route, p1)
	miss, ok := r.missing[p2]
	if !ok {
		miss.code, miss.body = r.get(t, route, p2)
		r.missing[p2] = miss
	}
	c2, b2 := miss.code, miss.body
	if c1 != c2 || strings.ReplaceAll(b1, id, "{ID}") != strings.ReplaceAll(b2, missing, "{ID}") {
		t.Errorf("%s: %s answers differently for an invisible id (%d %.200q) and a missing one (%d %.200q)",
			r.u.name, route, c1, b1, c2, b2)
	}
}

func TestLeakMatrix(t *testing.T) {
	start := time.Now()
	f := newLeakFixture(t)
	routes := map[string]bool{}
	requests := 0
	var mu sync.Mutex
	t.Run("users", func(t *testing.T) {
		for _, u := range f.users {
			t.Run(u.name, func(t *testing.T) {
				t.Parallel()
				r := &lmRun{f: f, u: u, routes: map[string]bool{}, missing: map[string]struct {
					code int
					body string
				}{}}
				r.lists(t)
				r.perItem(t)
				r.pages(t)
				r.sweep(t)
				mu.Lock()
				defer mu.Unlock()
				for k := range r.routes {
					routes[k] = true
				}
				requests += len(r.bodies)
			})
		}
	})
	f.timing(t)
	f.coverage(t)
	names := make([]string, 0, len(routes))
	for k := range routes {
		names = append(names, k)
	}
	sort.Strings(names)
	t.Logf("leak matrix: %d routes × %d users × %d items = %d cells, %d requests, %v\nroutes: %s",
		len(routes), len(f.users), len(f.items), len(routes)*len(f.users)*len(f.items), requests,
		time.Since(start).Round(time.Millisecond), strings.Join(names, " "))
}

// lists checks every list, aggregate and export route.
func (r *lmRun) lists(t *testing.T) {
	f, u := r.f, r.u
	docs := f.visible(u, "document")
	r.exact(t, "GET /api/v1/documents", "/api/v1/documents?limit=500", ids(docs, false), false)
	r.exact(t, "GET /api/v1/search", "/api/v1/search?q=zephyr&limit=500", ids(docs, false), true)
	r.exact(t, "GET /api/v1/search?q=prefix*", "/api/v1/search?q=zqcanary*&limit=500", ids(docs, false), true)
	r.exact(t, "GET /api/v1/search?q=phrase", "/api/v1/search?q=%22zephyr+bulletin%22&limit=500", ids(docs, false), true)
	r.facets(t)
	r.timeline(t)
	r.exact(t, "GET /api/v1/events", "/api/v1/events?limit=500", ids(docs, true), false)
	r.exact(t, "GET /api/v1/events?actor", "/api/v1/events?actor=IGOWSTNAT&limit=500", ids(docs, true), false)
	r.exact(t, "GET /api/v1/events?root&from&to", "/api/v1/events?root=04&from=2023-01-01&to=2023-12-31&limit=500", ids(docs, true), false)
	for _, c := range lmCountries {
		var want []*lmItem
		for _, d := range docs {
			if d.country == c {
				want = append(want, d)
			}
		}
		r.exact(t, "GET /api/v1/events?country", "/api/v1/events?country="+c, ids(want, true), false)
	}
	r.exact(t, "GET /api/v1/feeds", "/api/v1/feeds", ids(f.visible(u, "feed"), false), false)
	r.exact(t, "GET /api/v1/reports", "/api/v1/reports?limit=500", ids(f.visible(u, "report"), false), false)
	var released []*lmItem
	for _, it := range f.visible(u, "report") {
		if it.released {
			released = append(released, it)
		}
	}
	r.exact(t, "GET /api/v1/threads", "/api/v1/threads?limit=500", ids(f.visible(u, "thread"), false), false)
	r.exact(t, "GET /api/v1/proposals", "/api/v1/proposals?limit=500", ids(f.visible(u, "proposal"), false), false)
	r.exact(t, "GET /api/v1/reports?state", "/api/v1/reports?state=released", ids(released, false), false)

	var actors idPage
	r.getJSON(t, "GET /api/v1/actors", "/api/v1/actors?limit=500", &actors)
	wantCodes := []string{}
	for _, d := range docs {
		wantCodes = append(wantCodes, d.actor)
	}
	if len(docs) > 0 {
		wantCodes = append(wantCodes, "IGOWSTNAT")
	}
	slices.Sort(wantCodes)
	gotCodes := []string{}
	for _, a := range actors.Items {
		gotCodes = append(gotCodes, a.Code)
		if a.Code == "IGOWSTNAT" && a.Events != len(docs) {
			t.Errorf("%s: actors count IGOWSTNAT in %d events; want %d", u.name, a.Events, len(docs))
		}
	}
	slices.Sort(gotCodes)
	if !slices.Equal(gotCodes, wantCodes) || actors.Total != len(wantCodes) {
		t.Errorf("%s: actors %v (total %d); want %v", u.name, gotCodes, actors.Total, wantCodes)
	}
	var places idPage
	r.getJSON(t, "GET /api/v1/places", "/api/v1/places?limit=500", &places)
	if places.Total != len(docs) || len(places.Items) != len(docs) {
		t.Errorf("%s: %d places (total %d); want %d", u.name, len(places.Items), places.Total, len(docs))
	}
	var st liaison.Stats
	r.getJSON(t, "GET /api/v1/stats", "/api/v1/stats", &st)
	want := liaison.Stats{Documents: len(docs), Events: len(docs), Actors: len(wantCodes), Places: len(docs),
		Feeds: len(f.visible(u, "feed"))}
	if st != want {
		t.Errorf("%s: stats %+v; want %+v", u.name, st, want)
	}
	r.exports(t, docs, released)
}

// exports checks the JSON lines and STIX exports hold exactly the visible
// documents, events and released reports.
func (r *lmRun) exports(t *testing.T, docs, released []*lmItem) {
	_, body := r.get(t, "GET /api/v1/export", "/api/v1/export?format=jsonl")
	got := map[string][]string{}
	sc := bufio.NewScanner(strings.NewReader(body))
	sc.Buffer(nil, 1<<22)
	for sc.Scan() {
		var l struct {
			Type string `json:"type"`
			Item struct {
				ID string `json:"id"`
			} `json:"item"`
		}
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Errorf("%s: export line %.100q: %v", r.u.name, sc.Text(), err)
			continue
		}
		got[l.Type] = append(got[l.Type], l.Item.ID)
	}
	for typ, want := range map[string][]string{"document": ids(docs, false), "event": ids(docs, true), "report": ids(released, false)} {
		slices.Sort(got[typ])
		if g := append([]string{}, got[typ]...); !slices.Equal(g, want) {
			t.Errorf("%s: export %ss %v; want %v", r.u.name, typ, g, want)
		}
	}
	var bundle struct {
		Objects []map[string]any `json:"objects"`
	}
	r.getJSON(t, "GET /api/v1/export?format=stix", "/api/v1/export?format=stix", &bundle)
	n := map[string]int{}
	for _, o := range bundle.Objects {
		n[fmt.Sprint(o["type"])]++
	}
	if n["report"] != len(docs)+len(released) || n["note"] != len(docs) {
		t.Errorf("%s: STIX %v; want %d reports, %d notes", r.u.name, n, len(docs)+len(released), len(docs))
	}
}

// perItem reads every item by id: the visible answer with it, the invisible
// exactly like a missing id.
func (r *lmRun) perItem(t *testing.T) {
	v := r.u.viewer()
	missing := liaison.NewID(time.Now())
	r.exact(t, "GET /api/v1/events?doc", "/api/v1/events?doc="+missing, nil, false)
	r.exact(t, "GET /api/v1/search?q=canary", "/api/v1/search?q=zqcanaryzzq", nil, true)
	r.exact(t, "GET /api/v1/events?actor=own", "/api/v1/events?actor=QZAZZ", nil, false)
	for _, it := range r.f.items {
		vis := it.visibleTo(v)
		var routes []string
		switch it.kind {
		case "document":
			routes = []string{"/api/v1/documents/{id}", "/api/v1/documents/{id}/extraction", "/documents/{id}",
				"/api/v1/reports/required-marking?cite={id}", "/reports/new?cite={id}"}
			if vis { // invisible: compared below with a missing id, whose answer is checked empty once
				r.exact(t, "GET /api/v1/events?doc", "/api/v1/events?doc="+it.id, ids(filterVis(it, vis), true), false)
				r.exact(t, "GET /api/v1/search?q=canary", "/api/v1/search?q="+it.canary, ids(filterVis(it, vis), false), true)
				r.exact(t, "GET /api/v1/events?actor=own", "/api/v1/events?actor="+it.actor, ids(filterVis(it, vis), true), false)
			} else {
				r.sameAsMissing(t, "/api/v1/events?doc={id}", it.id, missing)
				r.sameAsMissing(t, "/api/v1/reports/required-marking?cite={id}", it.eventID, missing+"-0")
				r.sameAsMissing(t, "/api/v1/search?q={id}", it.canary, "zqcanaryzzq")
				r.sameAsMissing(t, "/search?q={id}", it.canary, "zqcanaryzzq")
				r.sameAsMissing(t, "/api/v1/events?actor={id}", it.actor, "QZAZZ")
				r.sameAsMissing(t, "/events?actor={id}", it.actor, "QZAZZ")
			}
		case "report":
			routes = []string{"/api/v1/reports/{id}", "/reports/{id}", "/api/v1/reports/required-marking?cite={id}"}
			if vis && !it.released { // a visible draft cannot be cited
				routes = routes[:2]
				code, body := r.get(t, "/api/v1/reports/required-marking?cite={id}", "/api/v1/reports/required-marking?cite="+it.id)
				if code != 400 || !strings.Contains(body, "draft report cannot be cited") {
					t.Errorf("%s: citing draft %s = %d %.200s", r.u.name, it.id, code, body)
				}
			}
		case "proposal":
			routes = []string{"/api/v1/proposals/{id}", "/proposals/{id}",
				"/api/v1/proposals/{id}/attachments/{n}", "/proposals/{id}/attachments/{n}"}
		case "thread":
			routes = []string{"/api/v1/threads/{id}/messages", "/threads/{id}",
				"/api/v1/threads/{id}/messages/{mid}/attachments/{n}", "/threads/{id}/messages/{mid}/attachments/{n}"}
		case "attachment":
			r.ownAnnex(t, it, vis, missing)
		}
		for _, route := range routes {
			// Attachments: the first one, under the parent's marking; a
			// thread's, on its first message.
			path := strings.NewReplacer("{mid}", it.mid, "{n}", "0").Replace(route)
			if !vis {
				r.sameAsMissingAt(t, route, path, it.id, missing)
				continue
			}
			code, body := r.get(t, route, strings.ReplaceAll(path, "{id}", it.id))
			if code != 200 || (!strings.Contains(route, "cite=") && !strings.Contains(body, it.canary)) {
				t.Errorf("%s: visible %s %s = %d %.200s", r.u.name, route, it.id, code, body)
			}
		}
	}
}

func filterVis(it *lmItem, vis bool) []*lmItem {
	if vis {
		return []*lmItem{it}
	}
	return nil
}

// pages reads every UI page and the remaining API routes; list pages must
// show every visible item (the sweep checks they show no other).
func (r *lmRun) pages(t *testing.T) {
	f, u := r.f, r.u
	for _, p := range []struct {
		path string
		want []*lmItem
	}{
		{"/", nil}, {"/documents", f.visible(u, "document")}, {"/events", nil},
		{"/search?q=zephyr", f.visible(u, "document")}, {"/feeds", f.visible(u, "feed")},
		{"/proposals", f.visible(u, "proposal")}, {"/threads", f.visible(u, "thread")},
		{"/api/v1/audit?limit=500", nil}, {"/api/v1/me", nil}, {"/api/v1/nations", nil},
		{"/api/v1/notifications", nil}, {"/api/v1/openapi.json", nil}, {"/api/v1/webhooks", nil},
		{"/api/v1/marking?text=NATO+RESTRICTED+%2F%2F+REL+TO+NATO%2C+IP4", nil},
	} {
		route, _, _ := strings.Cut(p.path, "?")
		code, body := r.get(t, "GET "+route, p.path)
		if code != 200 {
			t.Errorf("%s: GET %s = %d %.200s", u.name, p.path, code, body)
		}
		for _, it := range p.want {
			if !strings.Contains(body, it.canary) {
				t.Errorf("%s: GET %s lacks visible %s %s", u.name, p.path, it.kind, it.canary)
			}
		}
	}
	r.aggregatePages(t)
	r.reportPages(t)
	r.actorNotes(t)
	r.adminPages(t)
	r.metricsAccess(t)
}

// lmAuditIDsKnownLeak tolerates one known finding, reported to the lead:
// the audit view filters entries by the actor's nation (admins: all), not by
// the marking of the item an entry names, so item ids (never titles or text)
// of invisible reports, and ids in admins' view-as request paths, show in
// GET /api/v1/audit. Set it to false once the audit log applies markings.
const lmAuditIDsKnownLeak = false

// sweep greps every body this user received for the canaries and ids of
// every item they may not see.
func (r *lmRun) sweep(t *testing.T) {
	v := r.u.viewer()
	errs, known := 0, 0
	defer func() {
		if known > 0 {
			t.Logf("KNOWN LEAK %s: GET /api/v1/audit shows %d ids of items this user may not see "+
				"(audit entries are filtered by nation, not by the named item's marking: internal/sqlite/audit.go auditVisible)",
				r.u.name, known)
		}
	}()
	for _, it := range r.f.items {
		if it.visibleTo(v) {
			continue
		}
		traces := []string{it.canary, it.id}
		if it.eventID != "" {
			traces = append(traces, it.eventID)
		}
		for _, b := range r.bodies {
			for _, tr := range traces {
				// An id the request itself named may be echoed (the
				// caller supplied it); anything else is a trace.
				if !strings.Contains(b.body, tr) || strings.Contains(b.path, tr) {
					continue
				}
				if lmAuditIDsKnownLeak && b.route == "GET /api/v1/audit" && tr != it.canary {
					known++
					continue
				}
				if errs < 20 {
					errs++
					t.Errorf("LEAK %s: GET %s shows %q of invisible %s marked %q", r.u.name, b.path, tr, it.kind, it.mtext)
				}
			}
		}
	}
}

// timing logs the median latency of a 404 for an invisible id and for a
// nonexistent one (logged, not asserted).
func (f *lmFixture) timing(t *testing.T) {
	u := f.byName["jpn-reader"]
	var hidden *lmItem
	for _, it := range f.items {
		if it.kind == "document" && !it.visibleTo(u.viewer()) {
			hidden = it
			break
		}
	}
	if hidden == nil {
		return
	}
	const n = 40
	var a, b []time.Duration
	for i := 0; i < n; i++ {
		for _, id := range []string{hidden.id, liaison.NewID(time.Now())} {
			t0 := time.Now()
			f.get(t, u, "/api/v1/documents/"+id)
			if id == hidden.id {
				a = append(a, time.Since(t0))
			} else {
				b = append(b, time.Since(t0))
			}
		}
	}
	slices.Sort(a)
	slices.Sort(b)
	t.Logf("404 timing over %d requests each: invisible id median %v, nonexistent id median %v", n, a[n/2], b[n/2])
}

// ownAnnex downloads an attachment with its own, stricter marking at the
// position the parent's full readers see it: the visible answer holds its
// canary; for anyone else — whether the parent or only the attachment is
// hidden — the answer is that of a missing parent (and so of a position
// past the end), byte for byte.
func (r *lmRun) ownAnnex(t *testing.T, it *lmItem, vis bool, missing string) {
	routes := []string{"/api/v1/proposals/{id}/attachments/{n}", "/proposals/{id}/attachments/{n}"}
	if it.parent.kind == "thread" {
		routes = []string{"/api/v1/threads/{id}/messages/{mid}/attachments/{n}", "/threads/{id}/messages/{mid}/attachments/{n}"}
	}
	for _, route := range routes {
		path := strings.NewReplacer("{mid}", it.parent.mid, "{n}", strconv.Itoa(it.n)).Replace(route)
		if !vis {
			r.sameAsMissingAt(t, route, path, it.parent.id, missing)
			continue
		}
		if code, body := r.get(t, route, strings.ReplaceAll(path, "{id}", it.parent.id)); code != 200 || !strings.Contains(body, it.canary) {
			t.Errorf("%s: visible attachment %s of %s = %d %.200s", r.u.name, it.canary, it.parent.id, code, body)
		}
	}
}
