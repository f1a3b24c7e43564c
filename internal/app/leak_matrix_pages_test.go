package app

import (
	"fmt"
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// lmBannerRe finds a page's classification banner.
var lmBannerRe = regexp.MustCompile(`aria-label="classification">([^<]*)</div>`)

// lmWantBanner is the reference banner of a page counting or listing items
// marked ms: the highest level, every caveat, the REL TO every restricted
// item shares (as written when all share the same list); PUBLIC for none.
func lmWantBanner(ms []liaison.Marking) string {
	if len(ms) == 0 {
		return "PUBLIC"
	}
	var out liaison.Marking
	var rel, groups []string
	relSet, same := false, true
	for i, m := range ms {
		if i == 0 || m.Level > out.Level {
			out.Level, out.Classification = m.Level, m.Classification
		}
		for _, c := range m.Caveats {
			if !slices.Contains(out.Caveats, c) {
				out.Caveats = append(out.Caveats, c)
			}
		}
		if len(m.RelTo) == 0 {
			continue
		}
		if !relSet {
			rel, groups, relSet = slices.Clone(m.RelTo), m.Groups, true
			continue
		}
		same = same && slices.Equal(rel, m.RelTo)
		rel = slices.DeleteFunc(rel, func(c string) bool { return !slices.Contains(m.RelTo, c) })
	}
	slices.Sort(out.Caveats)
	out.RelTo = rel
	if same {
		out.Groups = groups
	}
	return marking.Format(out)
}

func markingsOfItems(items ...[]*lmItem) []liaison.Marking {
	var out []liaison.Marking
	for _, its := range items {
		for _, it := range its {
			out = append(out, it.m)
		}
	}
	return out
}

// aggregatePages reads the pages of counts (overview, actors, places) and
// checks each shows every visible item's trace and carries the banner of
// the most sensitive item it counts — not less (a count of NATO SECRET
// events is NATO SECRET), not more (it counts nothing the user may not
// see).
func (r *lmRun) aggregatePages(t *testing.T) {
	f, u := r.f, r.u
	docs := f.visible(u, "document")
	for _, p := range []struct {
		path  string
		marks []liaison.Marking
		want  func(*lmItem) string
	}{
		{"/actors", markingsOfItems(docs), func(it *lmItem) string { return it.actor }},
		{"/places", markingsOfItems(docs), func(it *lmItem) string { return it.canary + "ville" }},
		{"/", markingsOfItems(docs, f.visible(u, "feed")), nil},
	} {
		code, body := r.get(t, "GET "+p.path, p.path)
		if code != 200 {
			t.Errorf("%s: GET %s = %d %.200s", u.name, p.path, code, body)
			continue
		}
		want := lmWantBanner(p.marks)
		banners := lmBannerRe.FindAllStringSubmatch(body, -1)
		if len(banners) != 2 || html.UnescapeString(banners[0][1]) != want || banners[1][1] != banners[0][1] {
			t.Errorf("%s: GET %s banners %q; want %q twice", u.name, p.path, banners, want)
		}
		if p.want == nil {
			continue
		}
		for _, it := range docs {
			if !strings.Contains(body, p.want(it)) {
				t.Errorf("%s: GET %s lacks visible %q", u.name, p.path, p.want(it))
			}
		}
	}
}

// reportPages reads the analyst report pages: the list shows every visible
// report (the sweep checks it shows no other).
func (r *lmRun) reportPages(t *testing.T) {
	code, body := r.get(t, "GET /reports", "/reports")
	if code != 200 {
		t.Errorf("%s: GET /reports = %d", r.u.name, code)
	}
	for _, it := range r.f.visible(r.u, "report") {
		if !strings.Contains(body, it.canary) {
			t.Errorf("%s: GET /reports lacks visible report %s", r.u.name, it.canary)
		}
	}
	if code, _ := r.get(t, "GET /reports/new", "/reports/new"); code != 200 {
		t.Errorf("%s: GET /reports/new = %d", r.u.name, code)
	}
}

// adminPages reads every administration page and API list the node
// registers (found in its route table, so pages added later are read too):
// administrators (not viewing as a nation) get them, nobody else does; the
// sweep checks none shows a trace of an invisible item.
func (r *lmRun) adminPages(t *testing.T) {
	for _, rt := range r.f.m.Server().Routes() {
		if rt.Method != "GET" || strings.Contains(rt.Path, "{") ||
			!(strings.HasPrefix(rt.Path, "/admin") || rt.Path == "/api/v1/users" || rt.Path == "/api/v1/audit/verify") {
			continue
		}
		code, body := r.get(t, rt.Pattern(), rt.Path)
		admin := r.u.role == liaison.RoleAdmin
		switch {
		case admin && r.u.viewAs == "" && code != 200 && code != 303:
			t.Errorf("%s: GET %s = %d %.200s; want 200 for an admin", r.u.name, rt.Path, code, body)
		case !admin && code < 400:
			t.Errorf("%s: GET %s = 200 for a %s", r.u.name, rt.Path, r.u.role)
		}
	}
}

// metricsAccess: /metrics answers administrators only (a view-as admin is
// still one) and counts for them only the documents they may see.
func (r *lmRun) metricsAccess(t *testing.T) {
	code, body := r.get(t, "GET /metrics", "/metrics")
	if r.u.role != liaison.RoleAdmin {
		if code != 403 {
			t.Errorf("%s: GET /metrics = %d; want 403", r.u.name, code)
		}
		return
	}
	want := fmt.Sprintf("liaison_documents_total %d\n", len(r.f.visible(r.u, "document")))
	if code != 200 || !strings.Contains(body, want) {
		t.Errorf("%s: GET /metrics = %d, lacks %q", r.u.name, code, want)
	}
}

// lmExempt are the GET routes the matrix does not need to read: public, no
// items, or catch-alls.
var lmExempt = map[string]bool{"/healthz": true, "/login": true, "/static/": true, "/api/": true, "/": true}

// coverage checks that the matrix read every GET route of the node's route
// table at least once successfully — a route added later without a place
// in the matrix fails here. The node's own request counters (read as an
// admin) say which routes answered.
func (f *lmFixture) coverage(t *testing.T) {
	code, body := f.get(t, f.byName["xns-admin"], "/metrics")
	if code != 200 {
		t.Fatalf("GET /metrics as admin = %d", code)
	}
	var missed []string
	for _, rt := range f.m.Server().Routes() {
		if (rt.Method != "GET" && rt.Method != "") || lmExempt[rt.Path] {
			continue
		}
		answered := false
		for _, code := range []string{"200", "303"} { // 303: a page that forwards (GET /admin)
			answered = answered || strings.Contains(body, `liaison_http_requests_total{route="`+rt.Pattern()+`",code="`+code+`"}`)
		}
		if !answered {
			missed = append(missed, rt.Pattern())
		}
	}
	if len(missed) > 0 {
		t.Errorf("the leak matrix never read these routes successfully: %v", missed)
	}
}
