package storetest

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
)

// searchCorpus stores a few documents for the search tests and returns
// their ids by key.
func searchCorpus(t *testing.T, s Store) map[string]string {
	docs := []struct{ key, title, text string }{
		{"vilnius", "Japan at the Vilnius summit", "Prime Minister Kishida attended the NATO summit in Vilnius with the IP4 partners."},
		{"yokosuka", "Patrol vessel visits Yokosuka", "The Italian patrol vessel Morosini arrived at Yokosuka for a port call."},
		{"tokyo", "Tokyo liaison office", "France objected to a NATO liaison office in Tokyo; the summit deferred the decision."},
		{"bahnhof", "Zürich Bahnhöfe", "Die Bahnhöfe in Zürich waren voll; Café und Crème brûlée."},
	}
	ids := map[string]string{}
	for i, d := range docs {
		ids[d.key] = put(t, s, doc(d.title, d.text, day0.AddDate(0, 0, i))).ID
	}
	return ids
}

func testSearch(t *testing.T, s Store) {
	ids := searchCorpus(t, s)
	tests := []struct {
		query string
		want  []string // in rank order when ordered is set
		order bool
	}{
		{"vilnius", []string{"vilnius"}, true},
		{"Vilnius", []string{"vilnius"}, true},
		{"summit", []string{"vilnius", "tokyo"}, true}, // title match ranks first
		{"NATO summit", []string{"vilnius", "tokyo"}, false},
		{`"liaison office"`, []string{"tokyo"}, true},
		{`"office liaison"`, nil, true},
		{"yoko*", []string{"yokosuka"}, true},
		{`"patrol ves"*`, []string{"yokosuka"}, true},
		{"summit OR Morosini", []string{"vilnius", "tokyo", "yokosuka"}, false},
		{"summit NOT France", []string{"vilnius"}, true},
		{"zurich", []string{"bahnhof"}, true}, // diacritics folded
		{"crème", []string{"bahnhof"}, true},
		{"nothingmatches", nil, true},
	}
	for _, tc := range tests {
		got, snips, total := allHits(t, sys(), s, liaison.SearchQuery{Query: tc.query})
		var want []string
		for _, k := range tc.want {
			want = append(want, ids[k])
		}
		ok := slices.Equal(got, want)
		if !tc.order {
			ok, _ = sameSet(got, want)
		}
		if !ok || total != len(want) {
			t.Errorf("Search(%q) = %v (total %d), want %v", tc.query, got, total, tc.want)
		}
		for _, sn := range snips {
			if !strings.Contains(sn, "[[") || !strings.Contains(sn, "]]") {
				t.Errorf("Search(%q): snippet %q has no [[highlight]]", tc.query, sn)
			}
		}
	}
	p, err := s.Search(sys(), liaison.SearchQuery{Query: "Morosini"})
	if err != nil || len(p.Items) != 1 || !strings.Contains(p.Items[0].Snippet, "[[Morosini]]") {
		t.Errorf("snippet for Morosini: %+v, %v", p, err)
	}
	if len(p.Items) == 1 && p.Items[0].Document.Text == "" {
		t.Error("search hit without its document")
	}
}

func testSearchSyntax(t *testing.T, s Store) {
	searchCorpus(t, s)
	invalid := []string{"", "   ", `"unbalanced`, "OR", "AND summit", "summit NOT", "summit OR OR vilnius",
		"NOT summit", "***", `""`, "()", strings.Repeat("x", 2000)}
	for _, q := range invalid {
		_, err := s.Search(sys(), liaison.SearchQuery{Query: q})
		if !errors.Is(err, liaison.ErrInvalid) {
			t.Errorf("Search(%.30q): err = %v, want ErrInvalid", q, err)
			continue
		}
		if len(q) < 100 && !strings.Contains(err.Error(), strconv.Quote(q)) {
			t.Errorf("Search(%.30q): error %q does not name the query", q, err)
		}
	}
	// Anything else a user may type is searched, never an SQL error.
	odd := []string{"summit;", "DROP TABLE documents", "title:summit", "summit^2", "a-b", "NEAR(summit vilnius)",
		"'quoted'", "{summit}", "summit:*", "*summit", "sum*mit", "and or not", "-vilnius", "+summit", "\x00",
		"日本", "summit\"", `\"`, "%", "_", "col:", "NATO + JPN"}
	for _, q := range odd {
		_, err := s.Search(sys(), liaison.SearchQuery{Query: q})
		if err != nil && !errors.Is(err, liaison.ErrInvalid) {
			t.Errorf("Search(%q): %v, want results or ErrInvalid", q, err)
		}
	}
}

func testSearchPaging(t *testing.T, s Store) {
	var want []string
	for i := range 9 {
		d := doc(fmt.Sprintf("Exercise %d", i), fmt.Sprintf("Maritime exercise number %d %s.", i, strings.Repeat(" maritime", i)), day0)
		want = append(want, put(t, s, d).ID)
	}
	all, _, total := allHits(t, sys(), s, liaison.SearchQuery{Query: "maritime", Limit: 50})
	if total != 9 || len(all) != 9 {
		t.Fatalf("one page: %d hits, total %d; want 9", len(all), total)
	}
	if ok, diff := sameSet(all, want); !ok {
		t.Fatalf("hits differ: %s", diff)
	}
	for _, limit := range []int{1, 2, 4} {
		got, _, total := allHits(t, sys(), s, liaison.SearchQuery{Query: "maritime", Limit: limit})
		if !slices.Equal(got, all) || total != 9 {
			t.Errorf("limit %d: %v (total %d), want %v", limit, got, total, all)
		}
	}
}
