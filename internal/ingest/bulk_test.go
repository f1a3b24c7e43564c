package ingest

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
)

func jsonLine(t *testing.T, title, text string) string {
	t.Helper()
	b, err := json.Marshal(map[string]string{"title": title, "text": text})
	if err != nil {
		t.Fatal(err)
	}
	return string(b) + "\n"
}

// TestBulkLinksWithinAFile checks near-duplicate and duplicate handling
// among the records of one bulk file while the reader runs ahead of a slow
// writer.
func TestBulkLinksWithinAFile(t *testing.T) {
	for _, delay := range []time.Duration{0, 5 * time.Millisecond} {
		t.Run(delay.String(), func(t *testing.T) { testBulkLinks(t, delay) })
	}
}

// slowStore delays writes so that the reader runs ahead of the writer.
type slowStore struct {
	*fakeStore
	delay time.Duration
}

func (s slowStore) PutDocument(ctx context.Context, d *liaison.Document) (liaison.PutResult, error) {
	time.Sleep(s.delay)
	return s.fakeStore.PutDocument(ctx, d)
}

func testBulkLinks(t *testing.T, delay time.Duration) {
	dir := t.TempDir()
	orig := story("Vilnius") + " The summit closed on Wednesday evening."
	earlier := story("Madrid") + " The summit closed on Thursday."
	st := &fakeStore{}
	slow := slowStore{st, delay}
	ctx := context.Background()
	first, _ := testIngester(st, liaison.Marking{}).Run(ctx, []string{write(t, dir, "earlier.txt", earlier)})
	if first.Stored != 1 {
		t.Fatalf("setup: %s", summaryCounts(first))
	}
	lines := jsonLine(t, "orig", orig) +
		jsonLine(t, "edit1", strings.Replace(orig, "Wednesday", "Tuesday", 1)) +
		jsonLine(t, "exact", orig) +
		jsonLine(t, "edit2", strings.Replace(orig, "evening", "night", 1)) +
		jsonLine(t, "earlier-again", earlier) +
		jsonLine(t, "earlier-edit", strings.Replace(earlier, "Thursday", "Friday", 1))
	p := write(t, dir, "batch.jsonl", lines)
	sum, err := New(Config{Store: slow, HostInterval: -1}).Run(ctx, []string{p})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Stored != 1 || sum.NearDuplicates != 3 || sum.Duplicates != 2 || sum.Failed != 0 {
		t.Fatalf("summary %s, errors %v", summaryCounts(sum), sum.Errors)
	}
	ids := map[string]liaison.Document{}
	for _, d := range st.all() {
		ids[d.Title] = d
	}
	origID, earlierID := ids["orig"].ID, ids[titleFromText(earlier)].ID
	for title, want := range map[string]string{"edit1": origID, "edit2": origID, "earlier-edit": earlierID} {
		if got := ids[title].DuplicateOf; got != want || want == "" {
			t.Errorf("%s linked to %q, want %q", title, got, want)
		}
	}
}
