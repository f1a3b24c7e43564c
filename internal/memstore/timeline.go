package memstore

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// Timeline counts the visible events per month and quad class, oldest
// month first, with the combined marking of the events counted.
func (s *Store) Timeline(ctx context.Context, f liaison.TimelineFilter) (liaison.Timeline, error) {
	actor := liaison.EventFilter{Actor: strings.ToUpper(strings.TrimSpace(f.Actor))}
	if strings.Trim(actor.Actor, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") != "" {
		return liaison.Timeline{}, liaison.Errorf(liaison.ErrInvalid, "actor filter %q: want a CAMEO actor code prefix", f.Actor)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var from, to string
	if !f.From.IsZero() {
		from = f.From.UTC().Format("2006-01")
	}
	if !f.To.IsZero() {
		to = f.To.UTC().Format("2006-01")
	}
	type key struct {
		month string
		quad  int
	}
	sums := map[key]int{}
	var ms []liaison.Marking
	for _, e := range s.allEvents(ctx) {
		m := liaison.TimelineMonth(e.Date)
		if m == "" || !matchEvent(e, actor) || (from != "" && m < from) || (to != "" && m > to) {
			continue
		}
		sums[key{m, e.Quad}]++
		ms = append(ms, e.Marking)
	}
	tl := liaison.Timeline{Buckets: []liaison.TimelineBucket{}}
	for k, n := range sums {
		tl.Buckets = append(tl.Buckets, liaison.TimelineBucket{Month: k.month, Quad: k.quad, Events: n})
	}
	slices.SortFunc(tl.Buckets, func(a, b liaison.TimelineBucket) int {
		return cmp.Or(strings.Compare(a.Month, b.Month), cmp.Compare(a.Quad, b.Quad))
	})
	if len(ms) > 0 {
		tl.Marking = marking.Combine(ms...)
	}
	return tl, nil
}
