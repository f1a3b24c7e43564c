package memstore

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// allEvents returns the visible events with their document's id and marking,
// newest first.
func (s *Store) allEvents(ctx context.Context) []liaison.Event {
	var out []liaison.Event
	for _, d := range s.visibleDocs(ctx) {
		for _, e := range s.docEvents(d) {
			if Visible(ctx, e.Marking) { // an event may be stricter than its document
				out = append(out, e)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date > out[j].Date })
	return out
}

// docEvents returns the events of d as the listing shows them: with d's id,
// a marking never less restricted than d's (d's own, combined with the
// event's when it has one, as the SQLite store stores it), an id
// ("DOCID-n") and a date (d's day) where they have none.
func (s *Store) docEvents(d liaison.Document) []liaison.Event {
	x, ok := s.xs[d.ID]
	if !ok {
		return nil
	}
	out := make([]liaison.Event, 0, len(x.Events))
	for i, e := range x.Events {
		e.DocID = d.ID
		if e.ID == "" {
			e.ID = fmt.Sprintf("%s-%d", d.ID, i)
		}
		own := e.Marking
		e.Marking = d.Marking
		if own.Classification != "" || own.Level != 0 || len(own.RelTo) > 0 || len(own.Caveats) > 0 {
			e.Marking = marking.Combine(d.Marking, own)
		}
		if e.Date == "" {
			e.Date = d.Published.Format("2006-01-02")
		}
		out = append(out, e)
	}
	return out
}

// Event returns the visible event with id, as Events lists it. One the
// viewer may not see answers exactly like a missing one (ErrNotFound), so
// the lookup a report's cites use reveals nothing the listing hides.
func (s *Store) Event(ctx context.Context, id string) (*liaison.Event, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.docs {
		if !Visible(ctx, d.Marking) {
			continue
		}
		for _, e := range s.docEvents(d) {
			if e.ID == id && Visible(ctx, e.Marking) {
				return &e, nil
			}
		}
	}
	return nil, liaison.Errorf(liaison.ErrNotFound, "event %q", id)
}

// Events lists visible events matching f.
func (s *Store) Events(ctx context.Context, f liaison.EventFilter) (liaison.Page[liaison.Event], error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []liaison.Event
	for _, e := range s.allEvents(ctx) {
		if matchEvent(e, f) {
			out = append(out, e)
		}
	}
	return paginate(out, f.Cursor, f.Limit)
}

func matchEvent(e liaison.Event, f liaison.EventFilter) bool {
	if f.Actor != "" && !strings.HasPrefix(e.Source, f.Actor) && !strings.HasPrefix(e.Target, f.Actor) {
		return false
	}
	if f.Root != "" && e.Root != f.Root {
		return false
	}
	if f.DocID != "" && e.DocID != f.DocID {
		return false
	}
	if f.Country != "" && (e.Place == nil || e.Place.Country != f.Country) {
		return false
	}
	if !f.From.IsZero() && e.Date < f.From.Format(time.DateOnly) {
		return false
	}
	if !f.To.IsZero() && e.Date > f.To.Format(time.DateOnly) {
		return false
	}
	return true
}

// Actors counts visible events per actor code.
func (s *Store) Actors(ctx context.Context, cursor string, limit int) (liaison.Page[liaison.ActorCount], error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	counts := map[string]int{}
	for _, e := range s.allEvents(ctx) {
		for _, c := range []string{e.Source, e.Target} {
			if c != "" {
				counts[c]++
			}
		}
	}
	out := make([]liaison.ActorCount, 0, len(counts))
	for c, n := range counts {
		out = append(out, liaison.ActorCount{Code: c, Name: c, Events: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Events != out[j].Events {
			return out[i].Events > out[j].Events
		}
		return out[i].Code < out[j].Code
	})
	return paginate(out, cursor, limit)
}

// Places counts visible place mentions per place name.
func (s *Store) Places(ctx context.Context, cursor string, limit int) (liaison.Page[liaison.PlaceCount], error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	idx := map[string]int{}
	var out []liaison.PlaceCount
	for _, d := range s.visibleDocs(ctx) {
		x, ok := s.xs[d.ID]
		if !ok {
			continue
		}
		for _, p := range x.Places {
			key := p.Name + "|" + p.Country
			if i, ok := idx[key]; ok {
				out[i].Mentions++
				continue
			}
			idx[key] = len(out)
			out = append(out, liaison.PlaceCount{Place: p.Place, Mentions: 1})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Mentions > out[j].Mentions })
	return paginate(out, cursor, limit)
}

// Stats counts what the viewer may see.
func (s *Store) Stats(ctx context.Context) (liaison.Stats, error) {
	s.mu.Lock()
	docs := len(s.visibleDocs(ctx))
	events := len(s.allEvents(ctx))
	feeds := len(s.feeds)
	s.mu.Unlock()
	a, _ := s.Actors(ctx, "", 1<<20)
	p, _ := s.Places(ctx, "", 1<<20)
	return liaison.Stats{Documents: docs, Events: events, Actors: a.Total, Places: p.Total, Feeds: feeds}, nil
}

// paginate cuts items by an offset cursor.
func paginate[T any](items []T, cursor string, limit int) (liaison.Page[T], error) {
	off := 0
	if cursor != "" {
		n, err := strconv.Atoi(cursor)
		if err != nil || n < 0 {
			return liaison.Page[T]{}, liaison.Errorf(liaison.ErrInvalid, "cursor %q: malformed", cursor)
		}
		off = n
	}
	if limit <= 0 {
		limit = 50
	}
	p := liaison.Page[T]{Items: []T{}, Total: len(items)}
	if off < len(items) {
		end := min(len(items), off+limit)
		p.Items = append(p.Items, items[off:end]...)
		if end < len(items) {
			p.NextCursor = strconv.Itoa(end)
		}
	}
	return p, nil
}
