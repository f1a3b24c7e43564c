package app

import (
	"cmp"
	"fmt"
	"html"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// lmTimeline is the reference timeline of docs' events: each document has
// one event of quad 1 dated on its publication day, under its marking.
func lmTimeline(docs []*lmItem, from, to string) []liaison.TimelineBucket {
	n := map[string]int{}
	for _, d := range docs {
		if (from == "" || d.month >= from) && (to == "" || d.month <= to) {
			n[d.month]++
		}
	}
	out := []liaison.TimelineBucket{}
	for m, c := range n {
		out = append(out, liaison.TimelineBucket{Month: m, Quad: 1, Events: c})
	}
	slices.SortFunc(out, func(a, b liaison.TimelineBucket) int { return cmp.Compare(a.Month, b.Month) })
	return out
}

// lmChartRe finds how many events a page's timeline chart counts.
var lmChartRe = regexp.MustCompile(`<figure class="timeline" data-events="(\d+)">`)

// timeline checks the timeline API and charts: every bucket counts exactly
// the user's visible events (overall, by actor, by months), the marking
// returned and the banners of the pages charting them cover every counted
// event, and an invisible document's actor answers exactly like an actor
// nobody has.
func (r *lmRun) timeline(t *testing.T) {
	docs := r.f.visible(r.u, "document")
	wantMk := lmWantBanner(markingsOfItems(docs))
	for _, q := range []struct{ query, from, to string }{
		{"", "", ""}, {"?actor=IGOWSTNAT", "", ""}, {"?actor=igo", "", ""},
		{"?from=2023-03-15&to=2023-06", "2023-03", "2023-06"}, {"?actor=QZA&to=2023-04-02", "", "2023-04"},
	} {
		var tl liaison.Timeline
		r.getJSON(t, "GET /api/v1/events/timeline", "/api/v1/events/timeline"+q.query, &tl)
		want := lmTimeline(docs, q.from, q.to)
		if !slices.Equal(tl.Buckets, want) {
			t.Errorf("%s: timeline%s %v; want %v", r.u.name, q.query, tl.Buckets, want)
		}
		if q.from != "" || q.to != "" {
			continue
		}
		if got := marking.Format(tl.Marking); len(docs) > 0 && got != wantMk || len(docs) == 0 && !reflect.ValueOf(tl.Marking).IsZero() {
			t.Errorf("%s: timeline%s marked %q; want %q", r.u.name, q.query, got, wantMk)
		}
	}
	v := r.u.viewer()
	for _, it := range r.f.items {
		if it.kind != "document" {
			continue
		}
		if !it.visibleTo(v) {
			r.sameAsMissing(t, "/api/v1/events/timeline?actor={id}", it.actor, "QZAZZ")
			r.chartPage(t, "/actors/"+it.actor, 0, "PUBLIC")
			continue
		}
		var tl liaison.Timeline
		r.getJSON(t, "GET /api/v1/events/timeline", "/api/v1/events/timeline?actor="+it.actor, &tl)
		mk := lmWantBanner([]liaison.Marking{it.m})
		if want := lmTimeline([]*lmItem{it}, "", ""); !slices.Equal(tl.Buckets, want) || marking.Format(tl.Marking) != mk {
			t.Errorf("%s: timeline of %s %+v; want %v marked %q", r.u.name, it.actor, tl, want, mk)
		}
		r.chartPage(t, "/actors/"+it.actor, 1, mk)
	}
	r.chartPage(t, "/", len(docs), "")
	r.chartPage(t, "/actors/IGOWSTNAT", len(docs), lmWantBanner(markingsOfItems(docs)))
}

// chartPage checks that the page at path charts n events and, when banner
// is set, carries it top and bottom.
func (r *lmRun) chartPage(t *testing.T, path string, n int, banner string) {
	route := "GET " + path
	if strings.HasPrefix(path, "/actors/") {
		route = "GET /actors/{code}"
	}
	code, body := r.get(t, route, path)
	m := lmChartRe.FindStringSubmatch(body)
	if code != 200 || m == nil || m[1] != fmt.Sprint(n) {
		t.Errorf("%s: GET %s = %d, chart %v; want %d events charted", r.u.name, path, code, m, n)
		return
	}
	if banner == "" {
		return
	}
	banners := lmBannerRe.FindAllStringSubmatch(body, -1)
	if len(banners) != 2 || html.UnescapeString(banners[0][1]) != banner || banners[1][1] != banners[0][1] {
		t.Errorf("%s: GET %s banners %q; want %q twice", r.u.name, path, banners, banner)
	}
}
