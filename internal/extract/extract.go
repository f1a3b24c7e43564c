// Package extract is the extraction engine: it turns a report's text into
// sentences, actors, places, dates, quotes and coded events. The steps are
// small packages (sentence, date, quote) and pluggable finders (actors,
// places, the event coder) so the engine can be assembled from any of them.
// Programs outside this module embed the engine through the public package
// github.com/liaison-project/liaison/extract, a thin layer over this one.
package extract

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/extract/date"
	"github.com/liaison-project/liaison/internal/extract/quote"
	"github.com/liaison-project/liaison/internal/extract/sentence"
)

// MaxTextBytes bounds the text one Extract call accepts, so a single huge or
// hostile document cannot exhaust memory.
const MaxTextBytes = 8 << 20

// Doc is one document as the later steps see it: its text, date and the
// findings of the earlier steps. The event coder reads it.
type Doc struct {
	ID        string
	Text      string
	Runes     []rune // Text as code points, shared by the steps that index by offset
	Date      time.Time
	Title     string
	Sentences []liaison.Span
	Actors    []liaison.ActorMention
	Places    []liaison.PlaceMention
	Dates     []liaison.DateMention
	Quotes    []liaison.Quote
}

// ActorFinder finds and codes the actors of a document. docDate picks the
// office-holders in post at the time.
type ActorFinder interface {
	Find(text string, sents []liaison.Span, docDate time.Time) []liaison.ActorMention
}

// PlaceFinder finds and resolves the toponyms of a document; the actors help
// disambiguation.
type PlaceFinder interface {
	Find(text string, sents []liaison.Span, actors []liaison.ActorMention) []liaison.PlaceMention
}

// EventCoder codes the events of a document from the earlier findings.
type EventCoder interface {
	Code(d *Doc) []liaison.Event
}

// Config chooses the finders of an Engine. A nil finder yields nothing.
type Config struct {
	Actors ActorFinder
	Places PlaceFinder
	Events EventCoder
	Logger *slog.Logger
}

// Engine runs the extraction steps in order: split, actors, places, dates,
// quotes, events. It is safe for concurrent use when its finders are.
type Engine struct {
	cfg Config
	log *slog.Logger
}

var _ liaison.Extractor = (*Engine)(nil)

// New returns an engine with the given finders.
func New(cfg Config) *Engine {
	lg := cfg.Logger
	if lg == nil {
		lg = slog.New(slog.DiscardHandler)
	}
	return &Engine{cfg: cfg, log: lg}
}

// ParseDate reads a document date: YYYY-MM-DD, or an RFC 3339 timestamp
// whose calendar date is used.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, fmt.Errorf("missing date: %w", liaison.ErrInvalid)
	}
	for _, layout := range []string{"2006-01-02", time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
		}
	}
	return time.Time{}, fmt.Errorf("date %q is not YYYY-MM-DD: %w", s, liaison.ErrInvalid)
}

// Extract runs the engine over one document.
func (e *Engine) Extract(ctx context.Context, in liaison.ExtractInput) (*liaison.Extraction, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(in.Text) > MaxTextBytes {
		return nil, fmt.Errorf("document %q: text of %d bytes exceeds the %d byte limit: %w", in.ID, len(in.Text), MaxTextBytes, liaison.ErrInvalid)
	}
	d, err := ParseDate(in.Date)
	if err != nil {
		return nil, fmt.Errorf("document %q: %w", in.ID, err)
	}
	doc := e.Analyse(in.ID, in.Text, in.Title, d)
	x := &liaison.Extraction{
		ID:        in.ID,
		Sentences: doc.Sentences,
		Actors:    doc.Actors,
		Places:    doc.Places,
		Dates:     doc.Dates,
		Quotes:    doc.Quotes,
		Events:    []liaison.Event{},
	}
	if e.cfg.Events != nil {
		if evs := e.cfg.Events.Code(doc); evs != nil {
			x.Events = evs
		}
	}
	return x, nil
}

// Analyse runs every step except event coding and returns the Doc the event
// coder reads. Slices are never nil.
func (e *Engine) Analyse(id, text, title string, docDate time.Time) *Doc {
	doc := &Doc{ID: id, Text: text, Runes: []rune(text), Title: title, Date: docDate}
	doc.Sentences = sentence.SplitRunes(doc.Runes)
	doc.Actors = []liaison.ActorMention{}
	if e.cfg.Actors != nil {
		if a := e.cfg.Actors.Find(text, doc.Sentences, docDate); a != nil {
			doc.Actors = a
		}
	}
	doc.Places = []liaison.PlaceMention{}
	if e.cfg.Places != nil {
		if p := e.cfg.Places.Find(text, doc.Sentences, doc.Actors); p != nil {
			doc.Places = p
		}
	}
	doc.Dates = date.FindRunes(doc.Runes, doc.Sentences, docDate)
	doc.Quotes = quote.FindRunes(doc.Runes, doc.Sentences, doc.Actors)
	return doc
}
