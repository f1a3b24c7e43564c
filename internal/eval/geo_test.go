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
