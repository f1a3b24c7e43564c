package eval

import (
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/shareddata"
)

func TestGeoCorpora(t *testing.T) {
	// Thresholds live in the suites (GeoVirusSuite, LGLSuite) and only rise.
	for _, tc := range []struct {
		name  string
		suite Suite
		rel   string
	}{
		{"GeoVirus", GeoVirusSuite(), "data/gold/geo/GeoVirus.xml"},
		{"LGL", LGLSuite(), "data/gold/geo/LGL_lgl.xml"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			shareddata.Need(t, tc.rel)
			r, err := tc.suite.Run(t.Context(), nil)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: %s", tc.name, r.Note)
			if !r.Pass() {
				t.Error(r.Failures())
			}
		})
	}
}

func TestHaversine(t *testing.T) {
	// Tokyo to Yokosuka is about 45 km.
	if d := Haversine(35.690, 139.692, 35.281, 139.672); d < 40 || d > 50 {
		t.Fatalf("Haversine = %.1f km", d)
	}
}

func geoFinder(t testing.TB) func(string) []liaison.PlaceMention {
	ent, err := newEntities()
	if err != nil {
		t.Fatal(err)
	}
	return func(text string) []liaison.PlaceMention { _, p := ent.find(text, zeroTime); return p }
}

var zeroTime time.Time

func TestScoreGeoAreaAware(t *testing.T) {
	// One toponym resolved to an area whose point is far from the gold
	// point but which holds it: wrong point-to-point, right area-aware.
	// One resolved to a far town: wrong both ways.
	docs := []GeoDoc{{Text: "Texas and Paris.", Toponyms: []GeoGold{
		{Name: "Texas", Start: 0, End: 5, Lat: 29.76, Lon: -95.37, HasCoord: true},
		{Name: "Paris", Start: 10, End: 15, Lat: 33.66, Lon: -95.56, HasCoord: true},
	}}}
	find := func(GeoDoc) []liaison.PlaceMention {
		return []liaison.PlaceMention{
			{Text: "Texas", Start: 0, End: 5, Place: liaison.Place{Name: "Texas", Kind: "admin", Lat: 31.0, Lon: -100.0}},
			{Text: "Paris", Start: 10, End: 15, Place: liaison.Place{Name: "Paris", Kind: "capital", Lat: 48.86, Lon: 2.35}},
		}
	}
	area := func(p liaison.Place, lat, lon float64) (float64, bool) {
		if p.Kind != "admin" {
			return 0, false
		}
		return 0, true
	}
	s := ScoreGeo(docs, find, area)
	if s.TP != 2 || s.Within161 != 0 || s.WithinArea161 != 1 || s.AccArea161() != 0.5 {
		t.Fatalf("score %+v, area-aware %.2f", s, s.AccArea161())
	}
	if s2 := ScoreGeo(docs, find, nil); s2.WithinArea161 != 0 {
		t.Fatalf("no area function: %+v", s2)
	}
}
