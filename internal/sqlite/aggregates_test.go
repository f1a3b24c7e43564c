package sqlite

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// refCombine is the reference for the aggregate markings: the highest
// level, the union of caveats, and the intersection of every restricted
// REL TO list (nil when all counted items are releasable to all).
func refCombine(ms []liaison.Marking) liaison.Marking {
	var out liaison.Marking
	var rel []string
	relSet := false
	for i, m := range ms {
		if i == 0 || m.Level > out.Level {
			out.Level, out.Classification = m.Level, m.Classification
		}
		for _, c := range m.Caveats {
			if !slices.Contains(out.Caveats, c) {
				out.Caveats = append(out.Caveats, c)
			}
		}
		if len(m.RelTo) == 0 {
			continue
		}
		if !relSet {
			rel, relSet = slices.Clone(m.RelTo), true
			continue
		}
		rel = slices.DeleteFunc(rel, func(c string) bool { return !slices.Contains(m.RelTo, c) })
	}
	slices.Sort(out.Caveats)
	if relSet {
		out.RelTo = rel
		if len(rel) == 0 {
			out.RelTo = []string{nobody}
		}
	}
	return out
}

// TestAggregateMarkings: the markings the actors, places and stats
// aggregates return are exactly the reference combination of the items
// each viewer may see (no more restricted, no less), for viewers of several
// nations, clearances and caveats.
func TestAggregateMarkings(t *testing.T) {
	db := openTest(t)
	sys := liaison.SystemContext(context.Background())
	when := time.Date(2023, 7, 12, 0, 0, 0, 0, time.UTC)
	parse := func(text string) liaison.Marking {
		m, err := marking.Parse(marking.Default(), marking.NewNations(marking.SeedNations(), when), text)
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		return m
	}
	// doc marking, own marking of its event ("" = the document's).
	items := []struct{ doc, event string }{
		{"PUBLIC", ""},
		{"NATO UNCLASSIFIED", "NATO RESTRICTED // REL TO NATO, IP4"},
		{"NATO RESTRICTED // REL TO NATO", ""},
		{"NATO RESTRICTED // REL TO NATO", "NATO SECRET // REL TO USA"},
		{"NATO CONFIDENTIAL // REL TO GBR, USA", ""},
		{"NATO UNCLASSIFIED // CRYPTO", ""},
		{"NATO RESTRICTED // REL TO JPN", ""},
	}
	var docMarks, eventMarks []liaison.Marking
	for i, it := range items {
		dm := parse(it.doc)
		d := &liaison.Document{Title: fmt.Sprint("Doc ", i), Text: fmt.Sprintf("Report %d on the summit.", i), Source: "t",
			Published: when.AddDate(0, 0, i), DateSource: liaison.DateFromInput, Fetched: when, Marking: dm}
		res, err := db.PutDocument(sys, d)
		if err != nil {
			t.Fatal(err)
		}
		var em liaison.Marking
		if it.event != "" {
			em = parse(it.event)
		}
		place := liaison.Place{Name: fmt.Sprint("Town", i), Country: "LTU", Kind: "city"}
		x := &liaison.Extraction{ID: res.ID, Sentences: []liaison.Span{{Start: 0, End: 10}},
			Places: []liaison.PlaceMention{{Text: "Report", Place: place, Start: 0, End: 6}},
			Events: []liaison.Event{{Source: fmt.Sprint("QZA", i), Target: "IGOWSTNAT", CAMEO: "042", Root: "04",
				Quad: 1, PLOVER: "CONSULT", Date: "2023-07-12", Marking: em}}}
		if err := db.PutExtraction(sys, res.ID, x); err != nil {
			t.Fatal(err)
		}
		docMarks = append(docMarks, dm)
		eventMarks = append(eventMarks, stricter(dm, em))
	}
	feedMark := parse("NATO SECRET // ATOMAL // REL TO USA")
	if err := db.PutFeed(sys, &liaison.Feed{URL: "https://feeds.example/a.xml", Every: time.Hour, Marking: feedMark}); err != nil {
		t.Fatal(err)
	}
	viewers := []liaison.Viewer{
		{Name: "usa", Nation: "USA", Clearance: 4, Caveats: []string{"CRYPTO", "ATOMAL"}},
		{Name: "usa-low", Nation: "USA", Clearance: 2},
		{Name: "gbr", Nation: "GBR", Clearance: 4},
		{Name: "jpn", Nation: "JPN", Clearance: 2},
		{Name: "jpn-public", Nation: "JPN", Clearance: 0},
		{Name: "deu", Nation: "DEU", Clearance: 3, Caveats: []string{"CRYPTO"}},
		{Name: "nothing", Nation: "KOR", Clearance: -1},
	}
	for _, v := range viewers {
		ctx := liaison.WithViewer(context.Background(), v)
		vis := func(ms []liaison.Marking) []liaison.Marking {
			var out []liaison.Marking
			for _, m := range ms {
				if marking.Visible(v, m) {
					out = append(out, m)
				}
			}
			return out
		}
		stats := append(append(vis(docMarks), vis(eventMarks)...), vis([]liaison.Marking{feedMark})...)
		for _, c := range []struct {
			name string
			get  func(context.Context) (liaison.Marking, error)
			want []liaison.Marking
		}{
			{"actors", db.ActorsMarking, vis(eventMarks)},
			{"places", db.PlacesMarking, vis(docMarks)},
			{"stats", db.StatsMarking, stats},
		} {
			got, err := c.get(ctx)
			if err != nil {
				t.Fatal(err)
			}
			want := refCombine(c.want)
			if len(c.want) == 0 {
				want = liaison.Marking{}
			}
			if got.Level != want.Level || got.Classification != want.Classification ||
				!slices.Equal(sortedClone(got.RelTo), sortedClone(want.RelTo)) || !slices.Equal(got.Caveats, want.Caveats) {
				t.Errorf("%s %s: %s %v %v; want %s %v %v", v.Name, c.name, got.Classification, got.RelTo, got.Caveats,
					want.Classification, want.RelTo, want.Caveats)
			}
		}
	}
	// One releasability throughout: the REL TO keeps the groups as written.
	ctx := liaison.WithViewer(context.Background(), liaison.Viewer{Nation: "DEU", Clearance: 2})
	got, err := db.PlacesMarking(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if marking.Format(got) != "NATO RESTRICTED // REL TO NATO" {
		t.Errorf("DEU places marking %q; want NATO RESTRICTED // REL TO NATO", marking.Format(got))
	}
	// Without a viewer nothing is counted: the zero marking.
	if got, err := db.StatsMarking(context.Background()); err != nil || got.Level != 0 || got.Classification != "" {
		t.Errorf("no viewer: %+v %v", got, err)
	}
}

func sortedClone(s []string) []string {
	c := slices.Clone(s)
	slices.Sort(c)
	return c
}
