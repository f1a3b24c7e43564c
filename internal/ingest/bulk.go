package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/liaison-project/liaison"
)

// Bulk inputs (JSONL, CSV) are read, parsed, normalised and checked for
// near-duplicates in a goroutine running ahead of the store writes, which
// stay in input order in the calling goroutine. Documents built but not yet
// written are kept in a window so near-duplicates among them are linked too.

// built is a document ready to write, or the reason its input failed.
type built struct {
	name string
	doc  *liaison.Document
	err  error
}

// emitFunc hands one raw record (or its failure) to the bulk pipeline; it
// reports false when the run is over.
type emitFunc func(name string, r *rawDoc, err error) bool

// bulkQueue is how many built documents may wait for the writer.
const bulkQueue = 64

// bulkWindow must exceed bulkQueue plus the one being written.
const bulkWindow = 2 * bulkQueue

// bulk runs produce ahead of the writes and writes what it emits in order.
func (in *Ingester) bulk(ctx context.Context, sum *Summary, produce func(ctx context.Context, emit emitFunc)) {
	if in.cfg.Store == nil {
		in.fail(sum, "ingest", errNoStore)
		return
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan built, bulkQueue)
	go func() {
		defer close(jobs)
		w := &window{}
		produce(ctx, func(name string, r *rawDoc, err error) bool {
			b := built{name: name, err: err}
			if err == nil {
				b.doc, b.err = in.link(ctx, r, w)
			}
			select {
			case jobs <- b:
				return true
			case <-ctx.Done():
				return false
			}
		})
	}()
	written := map[string]string{} // window ID → stored ID ("" when it failed)
	var order []string
	for j := range jobs {
		if j.err != nil {
			in.fail(sum, j.name, j.err)
			continue
		}
		d := j.doc
		if to, ok := written[d.DuplicateOf]; ok {
			d.DuplicateOf = to // the copy it links to was a duplicate, or failed
		}
		id := d.ID
		stored := in.write(ctx, j.name, d, sum)
		written[id] = ""
		if stored {
			written[id] = d.ID
		}
		if order = append(order, id); len(order) > bulkWindow {
			delete(written, order[0])
			order = order[1:]
		}
	}
}

// link builds a document and finds its first copy among the stored
// documents and the window of documents not yet written.
func (in *Ingester) link(ctx context.Context, r *rawDoc, w *window) (*liaison.Document, error) {
	d, err := in.build(r)
	if err != nil {
		return nil, err
	}
	cands, err := in.cfg.Store.NearDuplicateCandidates(liaison.SystemContext(ctx), d.SimHash, NearDuplicateDistance)
	if err != nil {
		return nil, inputErr(r.name, err)
	}
	cands = append(cands, w.near(d.SimHash)...)
	d.DuplicateOf = firstCopy(d, cands)
	w.add(d)
	return d, nil
}

// window is a ring of the last documents built, for near-duplicate links
// among documents not yet in the store.
type window struct {
	docs [bulkWindow]liaison.Document
	n    int
}

func (w *window) add(d *liaison.Document) {
	w.docs[w.n%bulkWindow] = liaison.Document{
		ID: d.ID, ContentHash: d.ContentHash, CanonicalURL: d.CanonicalURL, SimHash: d.SimHash, DuplicateOf: d.DuplicateOf,
	}
	w.n++
}

func (w *window) near(h uint64) []liaison.Document {
	var out []liaison.Document
	for i := range min(w.n, bulkWindow) {
		if Hamming(w.docs[i].SimHash, h) <= NearDuplicateDistance {
			out = append(out, w.docs[i])
		}
	}
	return out
}

// jsonl ingests a JSON Lines file record by record; each line is limited to
// MaxBytes, and a bad line fails alone.
func (in *Ingester) jsonl(ctx context.Context, p string, mk liaison.Marking, sum *Summary) {
	f, err := os.Open(p)
	if err != nil {
		in.fail(sum, p, errors.New(statReason(err)))
		return
	}
	defer f.Close()
	in.bulk(ctx, sum, func(ctx context.Context, emit emitFunc) {
		lr := &lineReader{r: bufio.NewReaderSize(f, 256<<10), max: in.cfg.MaxBytes}
		for n := 1; ctx.Err() == nil; n++ {
			line, tooLong, err := lr.next()
			if err != nil && !errors.Is(err, io.EOF) {
				emit(p, nil, badInput(p, "reading line %d: %v", n, err))
				return
			}
			name := fmt.Sprintf("%s:%d", p, n)
			ok := true
			switch {
			case tooLong:
				ok = emit(name, nil, badInput(name, "line too large (limit %d bytes)", in.cfg.MaxBytes))
			case len(bytes.TrimSpace(line)) > 0:
				r, perr := parseRecord(name, line)
				if perr == nil {
					r.marking = mk
				}
				ok = emit(name, r, perr)
			}
			if !ok || errors.Is(err, io.EOF) {
				return
			}
		}
	})
}
