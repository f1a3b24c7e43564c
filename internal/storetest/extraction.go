package storetest

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
)

// sampleExtraction is a small but complete extraction of one document.
func sampleExtraction() *liaison.Extraction {
	bbox := [4]float64{20.9, 54.5, 26.8, 56.5}
	return &liaison.Extraction{
		Sentences: []liaison.Span{{Start: 0, End: 40}, {Start: 41, End: 90}},
		Actors: []liaison.ActorMention{
			{Text: "Kishida", Name: "Fumio Kishida", Code: "JPNGOV", Kind: "person", Start: 0, End: 7, Sentence: 0},
			{Text: "NATO", Name: "NATO", Code: "IGOWSTNAT", Kind: "organisation", Start: 20, End: 24, Sentence: 0},
		},
		Places: []liaison.PlaceMention{
			{Text: "Vilnius", Place: liaison.Place{Name: "Vilnius", Country: "LTU", Lat: 54.69, Lon: 25.28, Kind: "capital"}, Start: 30, End: 37},
			{Text: "Baltic", Place: liaison.Place{Name: "Baltic states", Country: "", Kind: "region", BBox: &bbox}, Start: 50, End: 56, Sentence: 1},
		},
		Dates:  []liaison.DateMention{{Text: "July 2023", Value: "2023-07", Start: 60, End: 69, Sentence: 1}},
		Quotes: []liaison.Quote{{Speaker: "Kishida", SpeakerCode: "JPNGOV", Text: "We stand together", Start: 70, End: 89, Sentence: 1}},
		Events: []liaison.Event{
			{Source: "JPNGOV", Target: "IGOWSTNAT", CAMEO: "040", CAMEOName: "Consult", Root: "04", Quad: 1,
				Goldstein: 1, PLOVER: "CONSULT", Date: "2023-07-11",
				Place:      &liaison.Place{Name: "Vilnius", Country: "LTU", Lat: 54.69, Lon: 25.28, Kind: "capital"},
				SourceText: "Kishida", TargetText: "NATO", VerbText: "attended", Sentence: 0, Explain: "pattern 42"},
			{Source: "IGOWSTNAT", Target: "JPN", CAMEO: "057", CAMEOName: "Sign formal agreement", Root: "05", Quad: 1,
				Goldstein: 8, PLOVER: "AGREE", Date: "2023-07-12", Sentence: 1, Negated: true},
		},
	}
}

func testExtraction(t *testing.T, s Store) {
	id := put(t, s, doc("Vilnius", "Kishida attended the NATO summit in Vilnius.", day0)).ID
	_, err := s.Extraction(sys(), id)
	wantErr(t, "Extraction before PutExtraction", err, liaison.ErrNotFound)
	x := sampleExtraction()
	if err := s.PutExtraction(sys(), id, x); err != nil {
		t.Fatal(err)
	}
	got, err := s.Extraction(sys(), id)
	if err != nil {
		t.Fatal(err)
	}
	want := sampleExtraction()
	want.ID = id
	for i := range want.Events {
		want.Events[i].DocID = id
		want.Events[i].ID = got.Events[i].ID
		if got.Events[i].ID == "" {
			t.Errorf("event %d has no id", i)
		}
	}
	for _, c := range []struct {
		name      string
		got, want any
	}{
		{"sentences", got.Sentences, want.Sentences}, {"actors", got.Actors, want.Actors},
		{"places", got.Places, want.Places}, {"dates", got.Dates, want.Dates},
		{"quotes", got.Quotes, want.Quotes}, {"events", got.Events, want.Events},
	} {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s round trip:\n got %+v\nwant %+v", c.name, c.got, c.want)
		}
	}
	err = s.PutExtraction(sys(), "01ARZ3NDEKTSV4RRFFQ69G5FAV", sampleExtraction())
	wantErr(t, "PutExtraction(missing document)", err, liaison.ErrNotFound)
	if err := s.PutExtraction(sys(), id, nil); err == nil {
		t.Error("PutExtraction(nil) accepted")
	}
	for name, bad := range map[string]*liaison.Extraction{
		"negative start":    {Actors: []liaison.ActorMention{{Text: "x", Start: -1, End: 2}}},
		"end before start":  {Places: []liaison.PlaceMention{{Text: "x", Start: 5, End: 2}}},
		"negative sentence": {Quotes: []liaison.Quote{{Text: "x", Start: 0, End: 2, Sentence: -1}}},
	} {
		wantErr(t, "PutExtraction("+name+")", s.PutExtraction(sys(), id, bad), liaison.ErrInvalid)
	}
	if again, err := s.Extraction(sys(), id); err != nil || len(again.Events) != len(want.Events) {
		t.Errorf("a refused extraction changed the stored one: %v, %v", again, err)
	}
}

func testExtractionIdempotent(t *testing.T, s Store) {
	id := put(t, s, doc("Vilnius", "Kishida attended the NATO summit in Vilnius.", day0)).ID
	for range 3 {
		if err := s.PutExtraction(sys(), id, sampleExtraction()); err != nil {
			t.Fatal(err)
		}
	}
	evs, total := allEvents(t, sys(), s, liaison.EventFilter{})
	if len(evs) != 2 || total != 2 {
		t.Errorf("after 3 identical PutExtraction: %d events (total %d), want 2", len(evs), total)
	}
	st, err := s.Stats(sys())
	if err != nil {
		t.Fatal(err)
	}
	if want := (liaison.Stats{Documents: 1, Events: 2, Actors: 3, Places: 2}); st != want {
		t.Errorf("Stats = %+v, want %+v", st, want)
	}
	// Replacing with a smaller extraction removes the old rows.
	if err := s.PutExtraction(sys(), id, &liaison.Extraction{Events: sampleExtraction().Events[:1]}); err != nil {
		t.Fatal(err)
	}
	x, err := s.Extraction(sys(), id)
	if err != nil || len(x.Events) != 1 || len(x.Actors) != 0 || len(x.Places) != 0 {
		t.Errorf("after replacement: %+v, %v; want 1 event and no mentions", x, err)
	}
}

// eventCorpus stores three documents with events for the filter tests.
func eventCorpus(t *testing.T, s Store) []string {
	specs := []struct {
		date, src, tgt, root, country string
	}{
		{"2023-07-11", "JPNGOV", "IGOWSTNAT", "04", "LTU"},
		{"2023-07-12", "FRAGOV", "JPN", "11", "FRA"},
		{"2023-07-24", "ITAMIL", "JPNMIL", "04", "JPN"},
		{"2023-06-01", "CHN", "JPN", "17", ""},
		{"2023-07", "KORGOV", "USAGOV", "05", "USA"},
	}
	var ids []string
	for i, sp := range specs {
		id := put(t, s, doc(fmt.Sprintf("Event doc %d", i), fmt.Sprintf("Event text %d.", i), day0.AddDate(0, 0, i))).ID
		ids = append(ids, id)
		e := liaison.Event{Source: sp.src, Target: sp.tgt, CAMEO: sp.root + "0", Root: sp.root, Date: sp.date}
		if sp.country != "" {
			e.Place = &liaison.Place{Name: "P" + sp.country, Country: sp.country}
		}
		if err := s.PutExtraction(sys(), id, &liaison.Extraction{Events: []liaison.Event{e}}); err != nil {
			t.Fatal(err)
		}
	}
	return ids
}

func testEventFilters(t *testing.T, s Store) {
	ids := eventCorpus(t, s)
	date := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name string
		f    liaison.EventFilter
		want []string // dates, newest first
	}{
		{"all", liaison.EventFilter{}, []string{"2023-07-24", "2023-07-12", "2023-07-11", "2023-07", "2023-06-01"}},
		{"actor JPN", liaison.EventFilter{Actor: "JPN"}, []string{"2023-07-24", "2023-07-12", "2023-07-11", "2023-06-01"}},
		{"actor lower case", liaison.EventFilter{Actor: "jpngov"}, []string{"2023-07-11"}},
		{"actor IGO", liaison.EventFilter{Actor: "IGO"}, []string{"2023-07-11"}},
		{"root 04", liaison.EventFilter{Root: "04"}, []string{"2023-07-24", "2023-07-11"}},
		{"country", liaison.EventFilter{Country: "LTU"}, []string{"2023-07-11"}},
		{"doc", liaison.EventFilter{DocID: ids[1]}, []string{"2023-07-12"}},
		{"from", liaison.EventFilter{From: date(2023, 7, 12)}, []string{"2023-07-24", "2023-07-12"}},
		{"to inclusive", liaison.EventFilter{To: date(2023, 7, 12)}, []string{"2023-07-12", "2023-07-11", "2023-07", "2023-06-01"}},
		{"from-to", liaison.EventFilter{From: date(2023, 7, 1), To: date(2023, 7, 11)}, []string{"2023-07-11"}},
		{"combined", liaison.EventFilter{Actor: "JPN", Root: "04", Country: "JPN"}, []string{"2023-07-24"}},
		{"nothing", liaison.EventFilter{Actor: "RUS"}, nil},
	}
	for _, tc := range tests {
		evs, total := allEvents(t, sys(), s, tc.f)
		var got []string
		for _, e := range evs {
			got = append(got, e.Date)
		}
		if !reflect.DeepEqual(got, tc.want) || total != len(tc.want) {
			t.Errorf("%s: %v (total %d), want %v", tc.name, got, total, tc.want)
		}
	}
	for _, f := range []liaison.EventFilter{{Actor: "JP*"}, {Actor: "J'N"}, {Root: "4"}, {Root: "xx"}} {
		_, err := s.Events(sys(), f)
		wantErr(t, fmt.Sprintf("Events(%+v)", f), err, liaison.ErrInvalid)
	}
}

func testEventPaging(t *testing.T, s Store) {
	eventCorpus(t, s)
	all, _ := allEvents(t, sys(), s, liaison.EventFilter{Limit: 100})
	for _, limit := range []int{1, 2, 3} {
		got, total := allEvents(t, sys(), s, liaison.EventFilter{Limit: limit})
		if !reflect.DeepEqual(got, all) || total != len(all) {
			t.Errorf("limit %d: %d events, want %d in the same order", limit, len(got), len(all))
		}
	}
}

func testAggregates(t *testing.T, s Store) {
	eventCorpus(t, s)
	id := put(t, s, doc("Mentions", "Kishida in Vilnius.", day0)).ID
	if err := s.PutExtraction(sys(), id, sampleExtraction()); err != nil {
		t.Fatal(err)
	}
	p, err := s.Actors(sys(), "", 100)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, a := range p.Items {
		counts[a.Code] = a.Events
	}
	if counts["JPN"] != 3 || counts["JPNGOV"] != 2 || counts["IGOWSTNAT"] != 3 || p.Total != len(p.Items) {
		t.Errorf("Actors = %+v", p)
	}
	for _, a := range p.Items {
		if a.Code == "JPNGOV" && a.Name != "Fumio Kishida" {
			t.Errorf("JPNGOV named %q, want the mention's name", a.Name)
		}
	}
	if p.Items[0].Events < p.Items[len(p.Items)-1].Events {
		t.Errorf("Actors not most-named first: %+v", p.Items)
	}
	var walked []liaison.ActorCount
	for c := ""; ; {
		pg, err := s.Actors(sys(), c, 2)
		if err != nil {
			t.Fatal(err)
		}
		walked = append(walked, pg.Items...)
		if c = pg.NextCursor; c == "" {
			break
		}
	}
	if !reflect.DeepEqual(walked, p.Items) {
		t.Errorf("Actors paged by 2 = %v, want %v", walked, p.Items)
	}
	pl, err := s.Places(sys(), "", 100)
	if err != nil {
		t.Fatal(err)
	}
	if pl.Total != 2 || len(pl.Items) != 2 || pl.Items[0].Name != "Baltic states" && pl.Items[0].Name != "Vilnius" {
		t.Errorf("Places = %+v", pl)
	}
	for _, pc := range pl.Items {
		if pc.Mentions != 1 {
			t.Errorf("place %s: %d mentions, want 1", pc.Name, pc.Mentions)
		}
		if pc.Name == "Baltic states" && (pc.BBox == nil || pc.Kind != "region") {
			t.Errorf("region lost its bbox or kind: %+v", pc)
		}
	}
}
