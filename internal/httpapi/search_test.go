package httpapi

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
)

// TestSearchFacets checks the facets parameter: off by default (no key in
// the JSON), on with 1, a 400 for anything else, and counts of the
// reader's visible hits only: the fixture's third document, not
// releasable to the reader, shares source "wire" and month 2023-07 with a
// visible one, which must count 1 and 2, not 2 and 3.
func TestSearchFacets(t *testing.T) {
	srv, _, _ := fixture(t, &reader)
	code, body := get(t, srv, "GET", "/api/v1/search?q=the", "")
	if code != 200 || strings.Contains(body, `"facets"`) {
		t.Fatalf("search without facets = %d %s; want 200 without facets", code, body)
	}
	code, body = get(t, srv, "GET", "/api/v1/search?q=the&facets=yes", "")
	if code != 400 || !strings.Contains(body, "facets") {
		t.Fatalf("facets=yes = %d %s; want 400 naming facets", code, body)
	}
	code, body = get(t, srv, "GET", "/api/v1/search?q=the&facets=1&limit=1", "")
	if code != 200 {
		t.Fatalf("facets=1 = %d %s", code, body)
	}
	var p liaison.Page[liaison.SearchHit]
	if err := json.Unmarshal([]byte(body), &p); err != nil || p.Facets == nil {
		t.Fatalf("facets=1: %v, facets %v in %s", err, p.Facets, body)
	}
	f := p.Facets
	wantSources := []liaison.FacetCount{{Value: "navy", Count: 1}, {Value: "wire", Count: 1}}
	wantLevels := []liaison.LevelCount{{Level: 2, Name: "NATO RESTRICTED", Count: 1}, {Level: 0, Name: "PUBLIC", Count: 1}}
	if p.Total != 2 || len(p.Items) != 1 || !slices.Equal(f.Sources, wantSources) ||
		!slices.Equal(f.Months, []liaison.FacetCount{{Value: "2023-07", Count: 2}}) || !slices.Equal(f.Levels, wantLevels) {
		t.Errorf("facets=1: total %d, %d items, facets %+v; want 2, 1, sources %v, levels %v",
			p.Total, len(p.Items), f, wantSources, wantLevels)
	}
	if f.Marking.Level != 2 || !slices.Equal(f.Marking.RelTo, []string{"ITA", "JPN", "KOR"}) {
		t.Errorf("facets marked %+v; want the restricted hit's NATO RESTRICTED REL TO ITA, JPN, KOR", f.Marking)
	}
	for _, tc := range []struct {
		query  string
		status int
		want   string
	}{
		{"&source=wire", 200, `"total": 1`},
		{"&source=navy&month=2023-07", 200, `"total": 1`},
		{"&month=2023-06", 200, `"total": 0`},
		{"&month=July", 400, "month"},
	} {
		code, body := get(t, srv, "GET", "/api/v1/search?q=the"+tc.query, "")
		if code != tc.status || !strings.Contains(body, tc.want) {
			t.Errorf("search%s = %d %.200s; want %d with %s", tc.query, code, body, tc.status, tc.want)
		}
	}
}
