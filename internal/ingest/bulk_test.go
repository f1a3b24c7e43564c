package ingest

import (
	"context"
	"encoding/json"
	"fmt"
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
	for _, batch := range []bool{false, true} {
		for _, delay := range []time.Duration{0, 5 * time.Millisecond} {
			name := fmt.Sprintf("batch=%v/delay=%v", batch, delay)
			t.Run(name, func(t *testing.T) { testBulkLinks(t, delay, batch) })
		}
	}
}

// fakeBatch writes a batch through the fake's PutDocument, item by item.
type fakeBatch struct{ st liaison.DocumentStore }

func (b fakeBatch) PutDocuments(ctx context.Context, docs []*liaison.Document) ([]BatchResult, error) {
	out := make([]BatchResult, len(docs))
	for i, d := range docs {
		out[i].PutResult, out[i].Err = b.st.PutDocument(ctx, d)
	}
	return out, nil
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

func testBulkLinks(t *testing.T, delay time.Duration, batch bool) {
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
	cfg := Config{Store: slow, HostInterval: -1}
	if batch {
		cfg.Batch, cfg.BatchSize = fakeBatch{slow}, 4
	}
	sum, err := New(cfg).Run(ctx, []string{p})
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

// TestBatchFirstCopyNotWritten: a record links to an earlier one of its batch
// that the store then reports as a duplicate (by URL); the record is looked
// up again on its own instead of failing.
func TestBatchFirstCopyNotWritten(t *testing.T) {
	dir := t.TempDir()
	st := &fakeStore{}
	ctx := context.Background()
	old := write(t, dir, "old.jsonl", `{"url":"https://x.example/a","text":"`+story("Oslo")+`"}`+"\n")
	if s, _ := New(Config{Store: st, HostInterval: -1}).Run(ctx, []string{old}); s.Stored != 1 {
		t.Fatalf("setup %s", summaryCounts(s))
	}
	text := story("Vilnius") + " The summit closed on Wednesday evening."
	p := write(t, dir, "new.jsonl", `{"text":"`+story("Bergen")+`"}`+"\n"+ // written alone, slowly
		`{"url":"https://x.example/a","text":"`+text+`"}`+"\n"+
		`{"text":"`+strings.Replace(text, "Wednesday", "Tuesday", 1)+`"}`+"\n")
	slow := slowStore{st, 5 * time.Millisecond} // let both records reach one batch
	sum, err := New(Config{Store: slow, Batch: fakeBatch{slow}, HostInterval: -1}).Run(ctx, []string{p})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Duplicates != 1 || sum.Stored != 2 || sum.Failed != 0 {
		t.Fatalf("summary %s, errors %v", summaryCounts(sum), sum.Errors)
	}
}
