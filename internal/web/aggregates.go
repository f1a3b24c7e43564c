package web

import (
	"context"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// AggregateMarkings gives, for the viewer in ctx, the combined marking of
// what each aggregate counts (highest level, every caveat, the REL TO every
// counted item shares), so that a page of counts carries the banner of the
// most sensitive item behind them. The zero marking means nothing is
// counted. The SQLite store implements it in its queries.
type AggregateMarkings interface {
	ActorsMarking(ctx context.Context) (liaison.Marking, error)
	PlacesMarking(ctx context.Context) (liaison.Marking, error)
	StatsMarking(ctx context.Context) (liaison.Marking, error)
}

// scanMarkings is the fallback AggregateMarkings for stores without one
// (the memory store of tests): it reads every visible document, event and
// feed. It may over-mark (places count only documents with places) but
// never under-marks. Slow for a large store, which should implement
// AggregateMarkings itself.
type scanMarkings struct{ cfg *Config }

// pageSize is the page the fallback reads the stores with.
const pageSize = 500

func (s scanMarkings) events(ctx context.Context) ([]liaison.Marking, error) {
	var out []liaison.Marking
	f := liaison.EventFilter{Limit: pageSize}
	for {
		p, err := s.cfg.Events.Events(ctx, f)
		if err != nil {
			return nil, err
		}
		out = append(out, eventMarkings(p.Items)...)
		if p.NextCursor == "" {
			return out, nil
		}
		f.Cursor = p.NextCursor
	}
}

func (s scanMarkings) documents(ctx context.Context) ([]liaison.Marking, error) {
	var out []liaison.Marking
	f := liaison.DocumentFilter{Limit: pageSize}
	for {
		p, err := s.cfg.Documents.Documents(ctx, f)
		if err != nil {
			return nil, err
		}
		out = append(out, docMarkings(p.Items)...)
		if p.NextCursor == "" {
			return out, nil
		}
		f.Cursor = p.NextCursor
	}
}

// combined is the banner combination of ms, or the zero marking for none.
func combined(ms []liaison.Marking, err error) (liaison.Marking, error) {
	if err != nil || len(ms) == 0 {
		return liaison.Marking{}, err
	}
	return marking.Combine(ms...), nil
}

// ActorsMarking combines the markings of the events the actors list counts.
func (s scanMarkings) ActorsMarking(ctx context.Context) (liaison.Marking, error) {
	return combined(s.events(ctx))
}

// PlacesMarking combines the markings of the documents the places list counts.
func (s scanMarkings) PlacesMarking(ctx context.Context) (liaison.Marking, error) {
	return combined(s.documents(ctx))
}

// StatsMarking combines the markings of everything the overview counts.
func (s scanMarkings) StatsMarking(ctx context.Context) (liaison.Marking, error) {
	docs, err := s.documents(ctx)
	if err != nil {
		return liaison.Marking{}, err
	}
	evs, err := s.events(ctx)
	if err != nil {
		return liaison.Marking{}, err
	}
	feeds, err := s.cfg.Feeds.Feeds(ctx)
	if err != nil {
		return liaison.Marking{}, err
	}
	return combined(append(append(docs, evs...), markingsOf(feeds, func(f liaison.Feed) liaison.Marking { return f.Marking })...), nil)
}

// counted is the aggregate marking as a banner input: none when nothing is
// counted.
func counted(m liaison.Marking) []liaison.Marking {
	if m.Classification == "" && m.Level == 0 && len(m.RelTo) == 0 && len(m.Caveats) == 0 {
		return nil
	}
	return []liaison.Marking{m}
}
