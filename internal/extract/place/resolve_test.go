package place

import (
	"strings"
	"sync"
	"testing"

	"github.com/liaison-project/liaison"
)

// findAll renders Find's output (no sentences, no actors) as
// "Text/ISO3/kind" words.
func findAll(t *testing.T, f *Finder, text string) string {
	t.Helper()
	var got []string
	for _, m := range f.Find(text, nil, nil) {
		got = append(got, m.Text+"/"+m.Country+"/"+m.Kind)
	}
	return strings.Join(got, " ")
}

func TestBodyNames(t *testing.T) {
	// Without actor spans (ingest, callers without an actor finder) the
	// place finder itself must see that a word inside a body's name is no
	// place; one that opens it may locate the body.
	f := mustFinder(t)
	for _, tc := range []struct{ text, want string }{
		{"Japan's Maritime Self-Defense Force sent a destroyer.", "Japan/JPN/country"},
		{"The Japan Maritime Self-Defense Force sent a destroyer to Manila.", "Japan/JPN/country Manila/PHL/capital"},
		{"The Maritime Self-Defense Force held drills.", ""},
		{"Officials of the Kenya Revenue Authority said.", "Kenya/KEN/country"},
		{"The Tokyo Metropolitan Police Department said.", "Tokyo/JPN/capital"},
		// an area opening a body's name needs support from the rest of the document
		{"The Lombardy Regional Council met on Monday.", ""},
		{"The Lombardy Regional Council met in Milan, Italy.", "Lombardy/ITA/admin Milan/ITA/city Italy/ITA/country"},
		// no body: the region is a place
		{"The Maritime Region of Togo was flooded.", "Maritime/TGO/admin Togo/TGO/country"},
	} {
		if got := findAll(t, f, tc.text); got != tc.want {
			t.Errorf("Find(%q)\n got  %s\n want %s", tc.text, got, tc.want)
		}
	}
}

func TestLocalNouns(t *testing.T) {
	// A name used as "a X man", "X police" is a town, not a country (a
	// country takes its demonym there); the cue holds for every mention.
	f := mustFinder(t)
	for _, tc := range []struct{ text, want string }{
		{"A Palestine man was arrested. Palestine officers said he fled.", "Palestine/USA/city Palestine/USA/city"},
		{"Palestine asked the assembly for a vote.", "Palestine/PSE/country"},
	} {
		if got := findAll(t, f, tc.text); got != tc.want {
			t.Errorf("Find(%q)\n got  %s\n want %s", tc.text, got, tc.want)
		}
	}
}

func TestOneSensePerName(t *testing.T) {
	// Repeating an ambiguous name adds no evidence for its own reading, and
	// every mention takes the reading of its most telling one.
	f := mustFinder(t)
	text := "Alexandria police said the fire in Alexandria spread. Alexandria, Va., is near Washington. Alexandria firefighters came."
	for _, m := range f.Find(text, nil, nil) {
		if m.Text == "Alexandria" && (m.Country != "USA" || m.Lon > -76 || m.Lon < -78) {
			t.Errorf("%s at %d resolved to %+v, want Alexandria, Virginia", m.Text, m.Start, m.Place)
		}
	}
}

func TestProximity(t *testing.T) {
	// A town near the document's other towns wins over a bigger, distant
	// namesake, across a state line too (Phenix City, Alabama faces
	// Columbus, Georgia; Columbus, Ohio is bigger).
	f := mustFinder(t)
	for _, m := range f.Find("Floods closed the bridges between Columbus and Phenix City on Monday.", nil, nil) {
		if m.Text == "Columbus" && km(m.Lat, m.Lon, 32.46, -84.99) > 30 {
			t.Errorf("Columbus resolved to %+v, want Columbus, Georgia", m.Place)
		}
	}
}

func TestAreaDistance(t *testing.T) {
	g, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	find := func(name, kind string) liaison.Place {
		for _, e := range g.Lookup(name) {
			if e.Kind == kind {
				return e.place()
			}
		}
		t.Fatalf("%s/%s not in the gazetteer", name, kind)
		return liaison.Place{}
	}
	for _, tc := range []struct {
		name, kind string
		lat, lon   float64
		lo, hi     float64 // km
		ok         bool
	}{
		{"United States", KindCountry, 31.3, -99.3, 0, 0, true}, // a point in Texas is in the USA
		{"Canada", KindCountry, 60.1, -113.6, 0, 0, true},       // wherever Canada's point is
		{"Germany", KindCountry, 48.86, 2.35, 250, 600, true},   // Paris is outside Germany
		{"Texas", KindAdmin, 29.76, -95.37, 0, 0, true},         // Houston
		{"Texas", KindAdmin, 35.47, -97.52, 1, 400, true},       // Oklahoma City: outside, near
		{"Africa", KindRegion, 0, 20, 0, 0, true},
		{"Africa", KindRegion, 48.86, 2.35, 1000, 1500, true},
		{"Vilnius", KindCapital, 54.7, 25.3, 0, 0, false}, // a town is no area
	} {
		km, ok := g.AreaDistance(find(tc.name, tc.kind), tc.lat, tc.lon)
		if ok != tc.ok || km < tc.lo || km > tc.hi {
			t.Errorf("AreaDistance(%s, %v,%v) = %.0f km, %v; want %v..%v km, %v", tc.name, tc.lat, tc.lon, km, ok, tc.lo, tc.hi, tc.ok)
		}
	}
}

func TestSourceLexicon(t *testing.T) {
	// An Ohio paper: once it has named Ohio places in a few stories, a
	// bare "Newark" in its next story is Newark, Ohio; without the source,
	// or before it has read sourceMinDocs stories, it is the bigger
	// Newark, New Jersey.
	f := mustFinder(t)
	story := "Newark police said the road was closed."
	isOhio := func(ms []liaison.PlaceMention) bool {
		return len(ms) == 1 && km(ms[0].Lat, ms[0].Lon, 40.06, -82.40) < 30
	}
	stories := []string{
		"The council in Columbus, Ohio met on Monday.",
		"Flooding hit Zanesville and Lancaster, Ohio.",
		"Ohio lawmakers met in Columbus.",
	}
	young, src := NewSource(), NewSource()
	for i, text := range stories {
		f.FindFrom(src, text, nil, nil)
		if i < sourceMinDocs-1 {
			f.FindFrom(young, text, nil, nil)
		}
	}
	if got := f.FindFrom(young, story, nil, nil); isOhio(got) {
		t.Errorf("after %d stories: %+v, want the lexicon unused yet", sourceMinDocs-1, got)
	}
	if got := f.FindFrom(src, story, nil, nil); !isOhio(got) {
		t.Errorf("with the source's lexicon: %+v, want Newark, Ohio", got)
	}
	if got := f.Find(story, nil, nil); isOhio(got) {
		t.Errorf("without a source: %+v, want Newark, New Jersey", got)
	}
}

func TestSourceConcurrent(t *testing.T) {
	f := mustFinder(t)
	src := NewSource()
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 5 {
				f.FindFrom(src, "Police in Columbus, Ohio and Newark searched the area.", nil, nil)
			}
		}()
	}
	wg.Wait()
	if src.docs != 20 || src.country["USA"] != 20 {
		t.Fatalf("source read %d documents, USA in %d; want 20, 20", src.docs, src.country["USA"])
	}
}

func TestCountyAtItsTown(t *testing.T) {
	// A county whose namesake town lies in another state is placed at the
	// town of the document's state named nearest to it.
	f := mustFinder(t)
	text := "The burn ban for Walker County was lifted on Monday, the fire chief of Huntsville, Texas said."
	found := false
	for _, m := range f.Find(text, nil, nil) {
		if m.Text == "Walker County" {
			found = true
			if km(m.Lat, m.Lon, 30.72, -95.55) > 30 || m.Kind != KindAdmin {
				t.Errorf("Walker County at %+v, want Huntsville, Texas's point", m.Place)
			}
		}
	}
	if !found {
		t.Error("Walker County not found")
	}
}
