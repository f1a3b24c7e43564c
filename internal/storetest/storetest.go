// Package storetest is the behaviour suite every Liaison store runs: the
// SQLite store today, a PostgreSQL one later. It pins down what the
// interfaces promise — exact and near duplicates, ordering and cursors,
// search syntax and snippets, idempotent extractions, feeds — and above all
// visibility: every read answers exactly the items the viewer may see, and an
// invisible item answers like a missing one.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
)

// Store is the union of the store interfaces the suite exercises.
type Store interface {
	liaison.DocumentStore
	liaison.ExtractionStore
	liaison.EventStore
	liaison.FeedStore
	Stats(ctx context.Context) (liaison.Stats, error)
}

// Run runs the whole suite; open must return a fresh, empty store (closed by
// the caller's t.Cleanup). Tests run in parallel, so open must be safe to
// call concurrently.
func Run(t *testing.T, open func(t *testing.T) Store) {
	tests := []struct {
		name string
		fn   func(*testing.T, Store)
	}{
		{"PutAndGet", testPutAndGet},
		{"Duplicates", testDuplicates},
		{"WritesNeedSystem", testWritesNeedSystem},
		{"ListOrderAndCursor", testListOrderAndCursor},
		{"ListFilters", testListFilters},
		{"BadCursor", testBadCursor},
		{"NearDuplicates", testNearDuplicates},
		{"Search", testSearch},
		{"SearchSyntax", testSearchSyntax},
		{"SearchPaging", testSearchPaging},
		{"Extraction", testExtraction},
		{"ExtractionIdempotent", testExtractionIdempotent},
		{"EventFilters", testEventFilters},
		{"EventPaging", testEventPaging},
		{"Aggregates", testAggregates},
		{"Timeline", testTimeline},
		{"Feeds", testFeeds},
		{"Visibility", testVisibility},
		{"EventsNeverLessRestricted", testEventsNeverLessRestricted},
		{"VisibilityRandom", testVisibilityRandom},
		{"SearchLeavesNoTrace", testSearchLeavesNoTrace},
		{"Concurrent", testConcurrent},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel() // each test has its own store
			tc.fn(t, open(t))
		})
	}
}

// sys is the node's own viewer.
func sys() context.Context { return liaison.SystemContext(context.Background()) }

// as returns a context for a viewer of nation at clearance with caveats.
func as(nation string, clearance int, caveats ...string) context.Context {
	return liaison.WithViewer(context.Background(), liaison.Viewer{
		Nation: nation, Role: liaison.RoleAnalyst, Clearance: clearance, Caveats: caveats})
}

var day0 = time.Date(2023, 7, 11, 9, 0, 0, 0, time.UTC)

// doc builds a minimal valid document.
func doc(title, text string, published time.Time) *liaison.Document {
	return &liaison.Document{
		Source: "test", Title: title, Text: text, Published: published,
		DateSource: liaison.DateFromInput, Fetched: published.Add(time.Hour), Lang: "en",
		ContentHash: fmt.Sprintf("hash-%s-%s", title, text),
	}
}

// put stores d with the system viewer and fails the test on error.
func put(t *testing.T, s Store, d *liaison.Document) liaison.PutResult {
	t.Helper()
	res, err := s.PutDocument(sys(), d)
	if err != nil {
		t.Fatalf("PutDocument(%q): %v", d.Title, err)
	}
	return res
}

// wantErr fails unless err wraps sentinel.
func wantErr(t *testing.T, what string, err, sentinel error) {
	t.Helper()
	if !errors.Is(err, sentinel) {
		t.Fatalf("%s: err = %v, want one wrapping %v", what, err, sentinel)
	}
}

// allDocs walks every page of Documents and returns the ids in order.
func allDocs(t *testing.T, ctx context.Context, s Store, f liaison.DocumentFilter) ([]string, int) {
	t.Helper()
	var ids []string
	total := -1
	for page := 0; ; page++ {
		p, err := s.Documents(ctx, f)
		if err != nil {
			t.Fatalf("Documents(%+v): %v", f, err)
		}
		if total >= 0 && p.Total != total {
			t.Fatalf("Documents: total changed between pages: %d then %d", total, p.Total)
		}
		total = p.Total
		for _, d := range p.Items {
			ids = append(ids, d.ID)
		}
		if p.NextCursor == "" || page > 1000 {
			return ids, total
		}
		f.Cursor = p.NextCursor
	}
}

// allHits walks every page of a search and returns the ids and snippets.
func allHits(t *testing.T, ctx context.Context, s Store, q liaison.SearchQuery) ([]string, []string, int) {
	t.Helper()
	var ids, snips []string
	total := -1
	for page := 0; ; page++ {
		p, err := s.Search(ctx, q)
		if err != nil {
			t.Fatalf("Search(%q): %v", q.Query, err)
		}
		total = p.Total
		for _, h := range p.Items {
			ids = append(ids, h.Document.ID)
			snips = append(snips, h.Snippet)
		}
		if p.NextCursor == "" || page > 1000 {
			return ids, snips, total
		}
		q.Cursor = p.NextCursor
	}
}

// allEvents walks every page of Events.
func allEvents(t *testing.T, ctx context.Context, s Store, f liaison.EventFilter) ([]liaison.Event, int) {
	t.Helper()
	var out []liaison.Event
	total := -1
	for page := 0; ; page++ {
		p, err := s.Events(ctx, f)
		if err != nil {
			t.Fatalf("Events(%+v): %v", f, err)
		}
		total = p.Total
		out = append(out, p.Items...)
		if p.NextCursor == "" || page > 1000 {
			return out, total
		}
		f.Cursor = p.NextCursor
	}
}

// sameSet reports whether a and b hold the same strings, ignoring order,
// and describes the difference otherwise.
func sameSet(a, b []string) (bool, string) {
	count := map[string]int{}
	for _, x := range a {
		count[x]++
	}
	for _, x := range b {
		count[x]--
	}
	var diff []string
	for k, n := range count {
		if n != 0 {
			diff = append(diff, fmt.Sprintf("%s:%+d", k, n))
		}
	}
	return len(diff) == 0, strings.Join(diff, " ")
}
