package ingest

import (
	"context"
	"errors"

	"github.com/liaison-project/liaison"
)

// writeBatches writes bulk documents through Config.Batch: it gathers what
// the reader has ready (up to BatchSize), links each document to its first
// copy among the stored documents and the earlier ones of the batch, writes
// the batch in one transaction, then counts and runs the pipeline in order.
func (in *Ingester) writeBatches(ctx context.Context, jobs <-chan built, sum *Summary) {
	var batch []built
	for j := range jobs {
		batch = append(batch[:0], j)
	gather:
		for len(batch) < in.cfg.BatchSize {
			select {
			case j, ok := <-jobs:
				if !ok {
					break gather
				}
				batch = append(batch, j)
			default:
				break gather
			}
		}
		in.writeBatch(ctx, batch, sum)
	}
}

// writeBatch links, writes and accounts one batch.
func (in *Ingester) writeBatch(ctx context.Context, batch []built, sum *Summary) {
	docs, names := in.linkBatch(ctx, batch, sum)
	if len(docs) == 0 {
		return
	}
	results, err := in.cfg.Batch.PutDocuments(liaison.SystemContext(ctx), docs)
	if err == nil && len(results) != len(docs) {
		err = errors.New("batch write answered for a different number of documents")
	}
	if err != nil {
		for _, name := range names {
			in.fail(sum, name, inputErr(name, err))
		}
		return
	}
	for i, d := range docs {
		r := results[i]
		if r.Err != nil {
			if d.DuplicateOf != "" && errors.Is(r.Err, liaison.ErrInvalid) {
				// Its first copy was not written after all (say, a duplicate
				// by URL): look it up again on its own.
				in.store(ctx, names[i], d, sum)
				continue
			}
			in.fail(sum, names[i], r.Err)
			continue
		}
		in.account(ctx, names[i], d, r.PutResult, sum)
	}
}

// linkBatch links each document of a batch to its first copy among the
// stored documents and the earlier documents of the batch (under the id
// each will have once written), and returns the documents to write.
func (in *Ingester) linkBatch(ctx context.Context, batch []built, sum *Summary) ([]*liaison.Document, []string) {
	sys := liaison.SystemContext(ctx)
	var docs []*liaison.Document
	var names []string
	var window []liaison.Document // the batch so far, as link candidates
	for _, j := range batch {
		if j.err != nil {
			in.fail(sum, j.name, j.err)
			continue
		}
		d := j.doc
		cands, err := in.cfg.Store.NearDuplicateCandidates(sys, d.SimHash, NearDuplicateDistance)
		if err != nil {
			in.fail(sum, j.name, err)
			continue
		}
		alias := d.ID // the id this content will have once written
		for _, c := range cands {
			if c.ContentHash == d.ContentHash {
				alias = c.ID
			}
		}
		for _, w := range window {
			if w.ContentHash == d.ContentHash && alias == d.ID {
				alias = w.ID
			}
		}
		d.DuplicateOf = firstCopy(d, append(cands, window...))
		window = append(window, liaison.Document{ID: alias, ContentHash: d.ContentHash,
			CanonicalURL: d.CanonicalURL, SimHash: d.SimHash, DuplicateOf: d.DuplicateOf})
		docs, names = append(docs, d), append(names, j.name)
	}
	return docs, names
}
