// Package pipeline runs the extraction engine over a stored document and
// stores what it found. Ingest calls it for every new document (through its
// own small Pipeline interface), so `liaison ingest`, `serve` and `demo` all
// take the same path.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/liaison-project/liaison"
)

// Pipeline extracts and stores. It is safe for concurrent use when its
// Extractor and store are.
type Pipeline struct {
	x     liaison.Extractor
	store liaison.ExtractionStore
	log   *slog.Logger
}

// New returns a pipeline running x and writing to store.
func New(x liaison.Extractor, store liaison.ExtractionStore, logger *slog.Logger) (*Pipeline, error) {
	if x == nil || store == nil {
		return nil, errors.New("pipeline: an extractor and an extraction store are required")
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Pipeline{x: x, store: store, log: logger.With("part", "pipeline")}, nil
}

// Process extracts d and stores the extraction. Events get the document's
// id and marking (never less restricted than their document) and, when the
// coder gave none, the document's date. Storing is idempotent: running it
// again replaces the extraction.
func (p *Pipeline) Process(ctx context.Context, d *liaison.Document) error {
	if d == nil || d.ID == "" {
		return liaison.Errorf(liaison.ErrInvalid, "pipeline: document without id")
	}
	start := time.Now()
	in := liaison.ExtractInput{ID: d.ID, Text: d.Text, Title: d.Title}
	if !d.Published.IsZero() {
		in.Date = d.Published.UTC().Format(time.DateOnly)
	}
	x, err := p.x.Extract(ctx, in)
	if err != nil {
		return fmt.Errorf("extract %s (%q): %w", d.ID, d.Title, err)
	}
	if x == nil {
		return fmt.Errorf("extract %s: extractor returned no extraction", d.ID)
	}
	Inherit(d, x)
	if err := p.store.PutExtraction(liaison.SystemContext(ctx), d.ID, x); err != nil {
		return fmt.Errorf("store extraction of %s: %w", d.ID, err)
	}
	p.log.Debug("extracted", "doc", d.ID, "actors", len(x.Actors), "places", len(x.Places),
		"events", len(x.Events), "took", time.Since(start))
	return nil
}

// Inherit stamps x's events with the document's id, marking and date.
func Inherit(d *liaison.Document, x *liaison.Extraction) {
	x.ID = d.ID
	for i := range x.Events {
		e := &x.Events[i]
		e.DocID = d.ID
		e.Marking = d.Marking
		if e.Date == "" && !d.Published.IsZero() {
			e.Date = d.Published.UTC().Format(time.DateOnly)
		}
	}
}
