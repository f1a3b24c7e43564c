package storetest

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
)

// EventGetter is a store's lookup of one event by id (report.EventGetter:
// what a report's cites use instead of paging through every event).
type EventGetter interface {
	Event(ctx context.Context, id string) (*liaison.Event, error)
}

// RunEventGet checks a store's Event lookup against its own listing: for
// random markings (the document's and, stricter or not, the event's own)
// and random viewers, Event answers exactly the events Events lists for
// that viewer, the same as listed, and an event the viewer may not see
// answers exactly like an id that names nothing. It runs alone so that a
// store not running the whole suite (the memory store) is held to it too;
// a store without the lookup fails it.
func RunEventGet(t *testing.T, open func(t *testing.T) Store) {
	s := open(t)
	g, ok := s.(EventGetter)
	if !ok {
		t.Fatalf("%T has no Event(ctx, id) lookup", s)
	}
	ids := putEventGetCorpus(t, s)
	rng := rand.New(rand.NewPCG(23, 5))
	viewers := matrixViewers()
	for i := range 30 {
		mv := randomViewer(rng)
		if i%5 == 0 { // an admin viewing as mv: only narrows
			as := mv.v
			mv.v = liaison.Viewer{Nation: "USA", Role: liaison.RoleAdmin, Clearance: 4,
				Caveats: eventGetCaveats, Within: &as}
		}
		viewers = append(viewers, mv)
	}
	var shown, hidden int
	for _, mv := range viewers {
		found, hid := checkEventGet(t, g, s, mv, ids)
		shown, hidden = shown+found, hidden+hid
	}
	if shown == 0 || hidden == 0 {
		t.Fatalf("%d lookups found, %d hidden: the corpus should exercise both", shown, hidden)
	}
}

// eventGetNations and eventGetCaveats are what random markings and viewers
// draw from.
var (
	eventGetNations = []string{"USA", "FRA", "JPN", "KOR", "GBR", "SWE"}
	eventGetCaveats = []string{"ATOMAL", "CRYPTO", "BOHEMIA"}
)

func randomMarking(rng *rand.Rand) liaison.Marking {
	return liaison.Marking{Level: rng.IntN(5), RelTo: randomSubset(rng, eventGetNations, 3),
		Caveats: randomSubset(rng, eventGetCaveats, 4)}
}

func randomViewer(rng *rand.Rand) matrixViewer {
	nation := append([]string{"CHN", ""}, eventGetNations...)[rng.IntN(len(eventGetNations)+2)]
	return matrixViewer{name: "random", ok: rng.IntN(20) != 0,
		v: liaison.Viewer{Nation: nation, Role: liaison.RoleReader, Clearance: rng.IntN(6) - 1,
			Caveats: randomSubset(rng, eventGetCaveats, 2)}}
}

// putEventGetCorpus stores documents with random markings, each with two
// events, one of them with its own random marking, and returns every
// event's id as the system viewer's listing shows it.
func putEventGetCorpus(t *testing.T, s Store) []string {
	t.Helper()
	rng := rand.New(rand.NewPCG(7, 29))
	for i := range 30 {
		d := doc(fmt.Sprintf("Lookup %d", i), fmt.Sprintf("Event lookup report %d.", i), day0.AddDate(0, 0, i))
		d.Marking = randomMarking(rng)
		id := put(t, s, d).ID
		x := &liaison.Extraction{Events: []liaison.Event{
			{Source: fmt.Sprintf("L%02dGOV", i), Target: "IGOWSTNAT", Root: "04", CAMEO: "040", Date: "2023-07-11",
				Place: &liaison.Place{Name: fmt.Sprintf("LP%d", i), Country: "LTU"}},
			{Source: "IGOWSTNAT", Target: fmt.Sprintf("L%02dGOV", i), Root: "19", CAMEO: "190", Date: "2023-07-12",
				Marking: randomMarking(rng)},
		}}
		if err := s.PutExtraction(sys(), id, x); err != nil {
			t.Fatal(err)
		}
	}
	evs, _ := allEvents(t, sys(), s, liaison.EventFilter{Limit: 9})
	if len(evs) != 60 {
		t.Fatalf("system lists %d events, want 60", len(evs))
	}
	ids := make([]string, len(evs))
	for i, e := range evs {
		ids[i] = e.ID
	}
	return ids
}

// missingID names no event in any store.
const missingID = "01ZZZZZZZZZZZZZZZZZZZZZZZZ"

// checkEventGet looks up every id for mv and compares with mv's listing;
// it returns how many lookups found an event and how many were hidden.
func checkEventGet(t *testing.T, g EventGetter, s Store, mv matrixViewer, ids []string) (shown, hidden int) {
	t.Helper()
	ctx := mv.ctx()
	evs, _ := allEvents(t, ctx, s, liaison.EventFilter{Limit: 7})
	listed := map[string]liaison.Event{}
	for _, e := range evs {
		listed[e.ID] = e
	}
	_, missErr := g.Event(ctx, missingID)
	if !errors.Is(missErr, liaison.ErrNotFound) {
		t.Fatalf("%s %+v: Event(missing) err = %v, want ErrNotFound", mv.name, mv.v, missErr)
	}
	for _, id := range ids {
		e, err := g.Event(ctx, id)
		want, ok := listed[id]
		switch {
		case ok && err != nil:
			t.Errorf("%s %+v: Event(%s) = %v; the listing shows it", mv.name, mv.v, id, err)
		case ok && !reflect.DeepEqual(*e, want):
			t.Errorf("%s %+v: Event(%s) = %+v, listed as %+v", mv.name, mv.v, id, *e, want)
		case ok:
			shown++
		case err == nil:
			t.Errorf("%s %+v: Event(%s) = %+v; the listing hides it", mv.name, mv.v, id, *e)
		case err.Error() != strings.ReplaceAll(missErr.Error(), missingID, id) || !errors.Is(err, liaison.ErrNotFound):
			t.Errorf("%s %+v: hidden Event(%s) err %q, missing id err %q: must read alike", mv.name, mv.v, id, err, missErr)
		default:
			hidden++
		}
	}
	return shown, hidden
}
