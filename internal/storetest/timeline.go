package storetest

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// tlEvent is one stored event of the timeline test, with its document's
// marking (the event has none of its own).
type tlEvent struct {
	date, src, tgt string
	quad           int
	m              liaison.Marking
}

// timelineDates are the events' dates: days, a date at month precision,
// and a year alone and a month without a day, which no month holds.
var timelineDates = []string{"2023-05-31", "2023-06-01", "2023-06-15", "2023-07", "2023-07-11", "2023-08-02", "2023", "2024-01-09"}

// timelineCodes are the events' actor codes: JPN and JPNGOV share a prefix.
var timelineCodes = []string{"JPN", "JPNGOV", "FRA", "IGOWSTNAT", "USAMIL"}

// wantTimeline counts evs as the timeline must for viewer mv and filter f:
// the visible events with a month, matching the actor prefix, in the
// window's months.
func wantTimeline(evs []tlEvent, mv matrixViewer, f liaison.TimelineFilter) ([]liaison.TimelineBucket, []liaison.Marking) {
	type key struct {
		month string
		quad  int
	}
	sums := map[key]int{}
	var ms []liaison.Marking
	actor := strings.ToUpper(f.Actor)
	for _, e := range evs {
		m := liaison.TimelineMonth(e.date)
		if !mv.sees(e.m) || m == "" || actor != "" && !strings.HasPrefix(e.src, actor) && !strings.HasPrefix(e.tgt, actor) ||
			!f.From.IsZero() && m < f.From.Format("2006-01") || !f.To.IsZero() && m > f.To.Format("2006-01") {
			continue
		}
		sums[key{m, e.quad}]++
		ms = append(ms, e.m)
	}
	out := []liaison.TimelineBucket{}
	for k, n := range sums {
		out = append(out, liaison.TimelineBucket{Month: k.month, Quad: k.quad, Events: n})
	}
	slices.SortFunc(out, func(a, b liaison.TimelineBucket) int {
		return cmp.Or(strings.Compare(a.Month, b.Month), cmp.Compare(a.Quad, b.Quad))
	})
	return out, ms
}

// putTimelineDoc stores a document marked m with evs as its extraction
// (replacing any earlier one when id is set) and returns its id.
func putTimelineDoc(t *testing.T, s Store, id string, i int, m liaison.Marking, evs []tlEvent) string {
	t.Helper()
	if id == "" {
		d := doc(fmt.Sprintf("Timeline %d", i), fmt.Sprintf("Timeline report %d.", i), day0.AddDate(0, 0, i))
		d.Marking = m
		id = put(t, s, d).ID
	}
	x := &liaison.Extraction{}
	for _, e := range evs {
		x.Events = append(x.Events, liaison.Event{Source: e.src, Target: e.tgt, Root: "04", CAMEO: "040", Quad: e.quad, Date: e.date})
	}
	if err := s.PutExtraction(sys(), id, x); err != nil {
		t.Fatal(err)
	}
	return id
}

// testTimeline stores events of random dates, quads, actors and markings
// and checks, for every matrix viewer and several filters, that the
// timeline counts exactly the visible events per month and quad and
// carries their combined marking; then replaces half the extractions
// (deleting events) and checks again.
func testTimeline(t *testing.T, s Store) {
	rng := rand.New(rand.NewPCG(23, 5))
	const docs = 30
	ids := make([]string, docs)
	byDoc := make([][]tlEvent, docs)
	draw := func(m liaison.Marking) []tlEvent {
		evs := make([]tlEvent, 1+rng.IntN(3))
		for j := range evs {
			evs[j] = tlEvent{date: timelineDates[rng.IntN(len(timelineDates))], src: timelineCodes[rng.IntN(len(timelineCodes))],
				tgt: timelineCodes[rng.IntN(len(timelineCodes))], quad: 1 + rng.IntN(4), m: m}
		}
		return evs
	}
	for i := range docs {
		m := matrixMarkings[rng.IntN(len(matrixMarkings))]
		byDoc[i] = draw(m)
		ids[i] = putTimelineDoc(t, s, "", i, m, byDoc[i])
	}
	checkTimelines(t, s, slices.Concat(byDoc...))
	for i := 0; i < docs; i += 2 { // re-extraction: the old events go, new ones come
		byDoc[i] = draw(byDoc[i][0].m)[:1]
		putTimelineDoc(t, s, ids[i], i, byDoc[i][0].m, byDoc[i])
	}
	checkTimelines(t, s, slices.Concat(byDoc...))
	for _, a := range []string{"JP*", "J'N"} {
		_, err := s.Timeline(sys(), liaison.TimelineFilter{Actor: a})
		wantErr(t, "Timeline actor "+a, err, liaison.ErrInvalid)
	}
}

// checkTimelines compares every matrix viewer's timelines with wantTimeline.
func checkTimelines(t *testing.T, s Store, evs []tlEvent) {
	t.Helper()
	month := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	filters := []liaison.TimelineFilter{{}, {Actor: "JPN"}, {Actor: "jpngov"}, {Actor: "IGO"}, {Actor: "RUS"},
		{From: month(2023, 6, 20)}, {To: month(2023, 7, 1)}, {Actor: "FRA", From: month(2023, 6, 1), To: month(2023, 7, 31)}}
	for _, mv := range matrixViewers() {
		for _, f := range filters {
			tl, err := s.Timeline(mv.ctx(), f)
			if err != nil {
				t.Fatalf("%s: Timeline(%+v): %v", mv.name, f, err)
			}
			want, ms := wantTimeline(evs, mv, f)
			if !slices.Equal(tl.Buckets, want) {
				t.Fatalf("%s: Timeline(%+v) = %v, want %v", mv.name, f, tl.Buckets, want)
			}
			var wm liaison.Marking
			if len(ms) > 0 {
				wm = marking.Combine(ms...)
			}
			if tl.Marking.Level != wm.Level || !slices.Equal(tl.Marking.RelTo, wm.RelTo) || !slices.Equal(tl.Marking.Caveats, wm.Caveats) {
				t.Errorf("%s: Timeline(%+v) marking %+v, want %+v", mv.name, f, tl.Marking, wm)
			}
		}
	}
}

// RunTimeline runs the timeline test alone, for a store that does not run
// the whole suite (the memory store, whose search and extraction are
// simpler than the suite asks) but implements liaison.EventStore.
func RunTimeline(t *testing.T, open func(t *testing.T) Store) {
	testTimeline(t, open(t))
}
