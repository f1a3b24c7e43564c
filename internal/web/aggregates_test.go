package web

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/httpapi"
	"github.com/liaison-project/liaison/internal/memstore"
)

// fakeAggregates answers fixed aggregate markings.
type fakeAggregates struct{ actors, places, stats liaison.Marking }

func (f fakeAggregates) ActorsMarking(context.Context) (liaison.Marking, error) { return f.actors, nil }
func (f fakeAggregates) PlacesMarking(context.Context) (liaison.Marking, error) { return f.places, nil }
func (f fakeAggregates) StatsMarking(context.Context) (liaison.Marking, error)  { return f.stats, nil }

// TestAggregateBanners: the pages of counts carry the combined marking of
// what they count (as the store reports it), not only of the rows shown —
// an empty actors page counting a NATO SECRET event is NATO SECRET.
func TestAggregateBanners(t *testing.T) {
	st := memstore.New()
	v := liaison.Viewer{Name: "ann", Nation: "USA", Role: liaison.RoleReader, Clearance: 4}
	srv, err := httpapi.New(httpapi.Config{Documents: st, Extractions: st, Events: st, Feeds: st, Stats: st, Viewer: &v})
	if err != nil {
		t.Fatal(err)
	}
	agg := fakeAggregates{
		actors: liaison.Marking{Classification: "NATO SECRET", Level: 4, RelTo: []string{"USA"}},
		places: liaison.Marking{Classification: "NATO CONFIDENTIAL", Level: 3, Caveats: []string{"ATOMAL"}},
		stats:  liaison.Marking{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"GBR", "USA"}, Groups: []string{"GBR", "USA"}},
	}
	ui, err := New(Config{Documents: st, Extractions: st, Events: st, Feeds: st, Stats: st, Aggregates: agg})
	if err != nil {
		t.Fatal(err)
	}
	ui.Register(srv)
	for path, want := range map[string]string{
		"/actors": "NATO SECRET // REL TO USA",
		"/places": "NATO CONFIDENTIAL // ATOMAL",
		"/":       "NATO RESTRICTED // REL TO GBR, USA",
		// lists show their items' markings: nothing listed, the floor
		"/documents": "PUBLIC",
	} {
		code, body := fetch(t, srv, path)
		if code != http.StatusOK || strings.Count(body, `aria-label="classification">`+want+`</div>`) != 2 {
			t.Errorf("GET %s = %d; want the banner %q twice:\n%.1500s", path, code, want, body)
		}
	}
	// Nothing counted (the zero marking): the floor.
	ui2, err := New(Config{Documents: st, Extractions: st, Events: st, Feeds: st, Stats: st, Aggregates: fakeAggregates{}})
	if err != nil {
		t.Fatal(err)
	}
	srv2, _ := httpapi.New(httpapi.Config{Documents: st, Extractions: st, Events: st, Feeds: st, Stats: st, Viewer: &v})
	ui2.Register(srv2)
	if _, body := fetch(t, srv2, "/actors"); !strings.Contains(body, `aria-label="classification">PUBLIC</div>`) {
		t.Errorf("empty aggregate: banner is not the floor")
	}
}

// TestAggregateBannersFallback: without store support the UI derives the
// aggregate banners from every visible item (the fixture's actors come from
// a NATO UNCLASSIFIED report; its places page counts both reports).
func TestAggregateBannersFallback(t *testing.T) {
	h := fixture(t, japan)
	for path, want := range map[string]string{
		"/actors": "NATO UNCLASSIFIED",
		"/places": "NATO RESTRICTED // REL TO ITA, JPN",
		"/":       "NATO RESTRICTED // REL TO ITA, JPN",
	} {
		if _, body := fetch(t, h, path); !strings.Contains(body, `aria-label="classification">`+want+`</div>`) {
			t.Errorf("GET %s: banner is not %q", path, want)
		}
	}
}

// TestStaticServesOnlyAssets: /static answers the embedded files by name
// and 404 for anything else (no directory listing).
func TestStaticServesOnlyAssets(t *testing.T) {
	h := fixture(t, japan)
	for path, want := range map[string]int{
		"/static/liaison.css": 200, "/static/proposal.css": 200,
		"/static/": 404, "/static/nope.css": 404, "/static/liaison.css/": 404,
	} {
		code, body := fetch(t, h, path)
		if code != want {
			t.Errorf("GET %s = %d; want %d", path, code, want)
		}
		if code == 200 && !strings.Contains(body, "{") {
			t.Errorf("GET %s: %.100q is not a stylesheet", path, body)
		}
		if path == "/static/" && strings.Contains(body, "liaison.css") {
			t.Errorf("GET /static/ lists the directory")
		}
	}
}
