package report

import (
	"context"
	"reflect"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/sqlite"
)

// The SQLite store offers the lookup Cites prefers to a scan.
var _ EventGetter = (*sqlite.DB)(nil)

// countingDB is the SQLite store counting its event listings; its Event
// lookup is the store's own (promoted).
type countingDB struct {
	*sqlite.DB
	listings int
}

func (c *countingDB) Events(ctx context.Context, f liaison.EventFilter) (liaison.Page[liaison.Event], error) {
	c.listings++
	return c.DB.Events(ctx, f)
}

// listOnly hides the store's lookup: only liaison.EventStore's methods.
type listOnly struct{ liaison.EventStore }

// TestCitesUseStoreLookup: on the SQLite store, event cites are resolved by
// its Event lookup with no pass over the events, and they come out exactly
// as the scan (what a store without the lookup gets) resolves them:
// visible event found with its document and sentence, an invisible one
// like a missing one.
func TestCitesUseStoreLookup(t *testing.T) {
	f := newFixture(t)
	jpnusa, fra := f.eventOf(t, "jpnusa"), f.eventOf(t, "fra")
	ids := []string{jpnusa, fra, "01HZZZZZZZZZZZZZZZZZZZZZZZ", f.docs["public"]}
	usa := as("USA", liaison.RoleAnalyst, 4, "u")

	counted := &countingDB{DB: f.db}
	scanned := &countingDB{DB: f.db}
	cites := map[string][]Cite{}
	for name, events := range map[string]liaison.EventStore{"lookup": counted, "scan": listOnly{scanned}} {
		svc, err := New(Config{Reports: f.db, Documents: f.db, Events: events, ParseMarking: f.svc.cfg.ParseMarking})
		if err != nil {
			t.Fatal(err)
		}
		if cites[name], err = svc.Cites(usa, ids); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	if counted.listings != 0 {
		t.Errorf("%d event listings with the store's lookup, want none", counted.listings)
	}
	if scanned.listings == 0 {
		t.Errorf("no event listing without the lookup: the scan fallback did not run")
	}
	c := cites["lookup"]
	if len(c) != 4 || c[0].Kind != CiteEvent || c[0].DocID != f.docs["jpnusa"] || c[0].Sentence != 1 ||
		!reflect.DeepEqual(c[1], Cite{ID: fra}) || !reflect.DeepEqual(c[2], Cite{ID: ids[2]}) || c[3].Kind != CiteDocument {
		t.Fatalf("cites by lookup %+v: want the USA event, two unseen ids alike, a document", c)
	}
	if !reflect.DeepEqual(cites["lookup"], cites["scan"]) {
		t.Errorf("lookup and scan disagree:\n%+v\n%+v", cites["lookup"], cites["scan"])
	}
}
