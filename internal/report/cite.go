package report

import (
	"context"
	"errors"
	"strings"

	"github.com/liaison-project/liaison"
)

// CiteKind is what a cited id names.
type CiteKind string

// The kinds of cited item; the empty kind is an id the viewer cannot see
// (or that names nothing, which the viewer cannot tell apart).
const (
	CiteDocument CiteKind = "document"
	CiteEvent    CiteKind = "event"
	CiteReport   CiteKind = "report"
)

// Cite is one cited id resolved as the viewer sees it, so that a page can
// link it to where it lives: a document, a report, or an event in its
// document (DocID, at sentence Sentence).
type Cite struct {
	ID       string
	Kind     CiteKind
	DocID    string // the event's document
	Sentence int    // the event's sentence in DocID
	Draft    bool   // a cited report not yet released
	Marking  liaison.Marking
}

// eventScanPage is the page size of the scan that finds cited events by id.
const eventScanPage = 1000

// Cites resolves ids (trimmed, duplicates dropped, in order) through the
// stores with the viewer's visibility: documents and reports by id; events
// by the id GET /api/v1/events shows, or the "DOCID-n" form of stores that
// number events within their document. An id the viewer may not see comes
// back with an empty Kind, exactly as one that names nothing.
func (s *Service) Cites(ctx context.Context, ids []string) ([]Cite, error) {
	out := []Cite{}
	pending := map[string]int{} // unresolved id → index in out
	for _, id := range cleanCites(ids) {
		c, err := s.citeByID(ctx, id)
		if err != nil {
			return nil, err
		}
		if c.Kind == "" {
			pending[id] = len(out)
		}
		out = append(out, c)
	}
	if len(pending) == 0 {
		return out, nil
	}
	if g, ok := s.cfg.Events.(EventGetter); ok {
		return out, lookupEvents(ctx, g, pending, out)
	}
	err := s.scanEvents(ctx, func(e liaison.Event) bool {
		if i, ok := pending[e.ID]; ok {
			out[i] = eventCite(e)
			delete(pending, e.ID)
		}
		return len(pending) > 0
	})
	return out, err
}

// EventGetter is an event store that also finds one event by id with the
// viewer's visibility (ErrNotFound for one the viewer may not see). Cites
// uses it when Config.Events offers it, instead of paging through every
// visible event.
type EventGetter interface {
	Event(ctx context.Context, id string) (*liaison.Event, error)
}

// lookupEvents resolves the pending ids (id → index in out) through g.
func lookupEvents(ctx context.Context, g EventGetter, pending map[string]int, out []Cite) error {
	for id, i := range pending {
		e, err := g.Event(ctx, id)
		if errors.Is(err, liaison.ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		out[i] = eventCite(*e)
	}
	return nil
}

// citeByID finds a cited document or report, or an event named
// "DOCID-n"; Kind is empty when it is none the viewer may see.
func (s *Service) citeByID(ctx context.Context, id string) (Cite, error) {
	d, err := s.cfg.Documents.Document(ctx, id)
	if err == nil {
		return Cite{ID: id, Kind: CiteDocument, Marking: d.Marking}, nil
	}
	if !errors.Is(err, liaison.ErrNotFound) {
		return Cite{}, err
	}
	r, err := s.cfg.Reports.Report(ctx, id)
	if err == nil {
		return Cite{ID: id, Kind: CiteReport, Draft: r.State != liaison.ReportReleased, Marking: r.Marking}, nil
	}
	if !errors.Is(err, liaison.ErrNotFound) {
		return Cite{}, err
	}
	if i := strings.LastIndexByte(id, '-'); i > 0 {
		page, err := s.cfg.Events.Events(ctx, liaison.EventFilter{DocID: id[:i], Limit: eventScanPage})
		if err != nil && !errors.Is(err, liaison.ErrNotFound) && !errors.Is(err, liaison.ErrInvalid) {
			return Cite{}, err
		}
		for _, e := range page.Items {
			if e.ID == id {
				return eventCite(e), nil
			}
		}
	}
	return Cite{ID: id}, nil
}

func eventCite(e liaison.Event) Cite {
	return Cite{ID: e.ID, Kind: CiteEvent, DocID: e.DocID, Sentence: e.Sentence, Marking: e.Marking}
}

// scanEvents pages through every event the viewer may see, calling more
// with each until it answers false. Without an EventGetter a cited event
// id costs one pass over the visible events (once for all the cites of a
// request), and only for ids that are not a document or a report.
func (s *Service) scanEvents(ctx context.Context, more func(liaison.Event) bool) error {
	cursor := ""
	for {
		page, err := s.cfg.Events.Events(ctx, liaison.EventFilter{Cursor: cursor, Limit: eventScanPage})
		if err != nil {
			return err
		}
		for _, e := range page.Items {
			if !more(e) {
				return nil
			}
		}
		if page.NextCursor == "" || page.NextCursor == cursor {
			return nil
		}
		cursor = page.NextCursor
	}
}
