package ingest

import (
	"context"

	"github.com/liaison-project/liaison"
)

// PendingStore is a store that remembers documents stored without their
// extraction (a run killed between the two). When the store offers it and
// the Ingester has a pipeline, Run completes those documents, so re-running
// an interrupted ingest finishes its work.
type PendingStore interface {
	PendingExtraction(ctx context.Context, limit int) ([]liaison.Document, error)
}

// pendingPage is how many pending documents are read at a time.
const pendingPage = 100

// completePending runs the pipeline over documents still pending extraction,
// each at most once per run (attempted holds those already tried).
func (in *Ingester) completePending(ctx context.Context, sum *Summary) {
	ps, ok := in.cfg.Store.(PendingStore)
	if !ok || in.cfg.Pipeline == nil {
		return
	}
	attempted := make(map[string]bool, len(sum.IDs))
	for _, id := range sum.IDs {
		attempted[id] = true
	}
	sys := liaison.SystemContext(ctx)
	for ctx.Err() == nil {
		docs, err := ps.PendingExtraction(sys, pendingPage)
		if err != nil {
			in.fail(sum, "pending extraction", err)
			return
		}
		progressed := false
		for i := range docs {
			d := &docs[i]
			if attempted[d.ID] || ctx.Err() != nil {
				continue
			}
			attempted[d.ID], progressed = true, true
			if err := in.cfg.Pipeline.Process(ctx, d); err != nil {
				in.fail(sum, "document "+d.ID, err)
				continue
			}
			sum.Completed++
		}
		if !progressed || len(docs) < pendingPage {
			return
		}
	}
}
