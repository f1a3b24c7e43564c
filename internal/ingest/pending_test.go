package ingest

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"

	"github.com/liaison-project/liaison"
)

// pendingStore is a fakeStore that tracks which documents have their
// extraction, as the SQLite store does.
type pendingStore struct {
	fakeStore
	mu        sync.Mutex
	extracted map[string]bool
}

var _ PendingStore = (*pendingStore)(nil)

func (s *pendingStore) PendingExtraction(ctx context.Context, limit int) ([]liaison.Document, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []liaison.Document{}
	for _, d := range s.all() {
		if !s.extracted[d.ID] && len(out) < limit {
			out = append(out, d)
		}
	}
	return out, nil
}

// markingPipeline marks documents extracted, or fails every one.
type markingPipeline struct {
	st   *pendingStore
	fail bool
}

func (p *markingPipeline) Process(ctx context.Context, d *liaison.Document) error {
	if p.fail {
		return errors.New("killed")
	}
	p.st.mu.Lock()
	defer p.st.mu.Unlock()
	p.st.extracted[d.ID] = true
	return nil
}

func TestRerunCompletesPendingExtraction(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", story("Vilnius"))
	b := write(t, dir, "b.txt", story("Yokosuka"))
	st := &pendingStore{extracted: map[string]bool{}}
	// First run: both documents stored, the pipeline dies on each.
	sum, _ := New(Config{Store: st, Pipeline: &markingPipeline{st: st, fail: true}, HostInterval: -1}).Run(context.Background(), []string{a, b})
	if sum.Stored != 2 || sum.Failed != 2 || sum.Completed != 0 {
		t.Fatalf("first run: %s completed=%d", summaryCounts(sum), sum.Completed)
	}
	// Re-run one input: nothing new is stored, both extractions complete.
	sum, _ = New(Config{Store: st, Pipeline: &markingPipeline{st: st}, HostInterval: -1}).Run(context.Background(), []string{filepath.Join(dir, "a.txt")})
	if sum.Stored != 0 || sum.Duplicates != 1 || sum.Completed != 2 || sum.Failed != 0 {
		t.Fatalf("re-run: %s completed=%d", summaryCounts(sum), sum.Completed)
	}
	if p, _ := st.PendingExtraction(context.Background(), 10); len(p) != 0 {
		t.Errorf("%d still pending", len(p))
	}
}
