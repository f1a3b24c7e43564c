package report

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// eventOf stores one coded event in the fixture document name and returns
// its id as the event listing shows it.
func (f *fixture) eventOf(t *testing.T, name string) string {
	t.Helper()
	sys := liaison.SystemContext(context.Background())
	x := &liaison.Extraction{Sentences: []liaison.Span{{Start: 0, End: 4}, {Start: 5, End: 10}},
		Events: []liaison.Event{{Source: "USAGOV", Target: "JPNGOV", CAMEO: "042", Root: "04", Quad: 1, Date: "2023-07-09", Sentence: 1}}}
	if err := f.db.PutExtraction(sys, f.docs[name], x); err != nil {
		t.Fatal(err)
	}
	page, err := f.db.Events(sys, liaison.EventFilter{DocID: f.docs[name]})
	if err != nil || len(page.Items) != 1 || page.Items[0].ID == "" {
		t.Fatalf("events of %s: %+v %v", name, page.Items, err)
	}
	return page.Items[0].ID
}

// TestCiteEvents: an event id as GET /api/v1/events shows it is citable,
// its marking counts in the required marking, an event the viewer may not
// see answers exactly like a missing id, and Cites tells each kind apart.
func TestCiteEvents(t *testing.T) {
	f := newFixture(t)
	jpnusa, fra := f.eventOf(t, "jpnusa"), f.eventOf(t, "fra")
	usa := as("USA", liaison.RoleAnalyst, 4, "u")

	tests := []struct {
		name  string
		ctx   context.Context
		cites []string
		want  string // required marking; "" = refused as no such item
	}{
		{"event alone", usa, []string{jpnusa}, "NATO CONFIDENTIAL // REL TO JPN, USA"},
		{"event with a document", usa, []string{f.docs["nato"], jpnusa}, "NATO CONFIDENTIAL // REL TO USA"},
		{"event invisible to the viewer", usa, []string{fra}, ""},
		{"missing id", usa, []string{"01HZZZZZZZZZZZZZZZZZZZZZZZ"}, ""},
		{"event seen by its nation", as("FRA", liaison.RoleAnalyst, 4, "f"), []string{fra}, "NATO SECRET // REL TO FRA"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := f.svc.RequiredMarking(tt.ctx, tt.cites)
			if tt.want == "" {
				if !errors.Is(err, liaison.ErrInvalid) || !strings.Contains(err.Error(), "no such document, event or report") {
					t.Fatalf("err = %v, want no such item", err)
				}
				return
			}
			if err != nil || marking.Format(req) != tt.want {
				t.Fatalf("required = %q, %v; want %q", marking.Format(req), err, tt.want)
			}
		})
	}
	// Invisible and missing read the same, but for the id.
	_, e1 := f.svc.RequiredMarking(usa, []string{fra})
	_, e2 := f.svc.RequiredMarking(usa, []string{"01HZZZZZZZZZZZZZZZZZZZZZZZ"})
	if e1 == nil || e2 == nil || strings.ReplaceAll(e1.Error(), fra, "ID") != strings.ReplaceAll(e2.Error(), "01HZZZZZZZZZZZZZZZZZZZZZZZ", "ID") {
		t.Errorf("invisible vs missing event: %v / %v", e1, e2)
	}

	r, err := f.svc.Create(usa, Draft{Title: "on an event", Cites: []string{jpnusa, f.docs["public"]}})
	if err != nil || marking.Format(r.Marking) != "NATO CONFIDENTIAL // REL TO JPN, USA" {
		t.Fatalf("report citing an event: %v %v", marking.Format(r.Marking), err)
	}
	if _, err := f.svc.Release(as("USA", liaison.RoleOfficer, 4, "o"), r.ID); err != nil {
		t.Fatal(err)
	}
	cites, err := f.svc.Cites(usa, []string{jpnusa, f.docs["public"], r.ID, fra, " " + jpnusa})
	if err != nil {
		t.Fatal(err)
	}
	got := []string{}
	for _, c := range cites {
		got = append(got, string(c.Kind))
	}
	if strings.Join(got, ",") != "event,document,report," {
		t.Fatalf("kinds %v, want event,document,report and an unseen one", got)
	}
	if c := cites[0]; c.DocID != f.docs["jpnusa"] || c.Sentence != 1 {
		t.Errorf("event cite %+v: want document %s, sentence 1", c, f.docs["jpnusa"])
	}
	if cites[3].ID != fra || cites[3].DocID != "" {
		t.Errorf("unseen event leaks: %+v", cites[3])
	}
}

// getterEvents is an event store with a lookup by id: Event answers the
// events of its map the viewer may see; it counts listings, which the
// lookup should make unnecessary.
type getterEvents struct {
	liaison.EventStore
	byID     map[string]liaison.Event
	listings int
}

func (g *getterEvents) Events(ctx context.Context, f liaison.EventFilter) (liaison.Page[liaison.Event], error) {
	g.listings++
	return g.EventStore.Events(ctx, f)
}

func (g *getterEvents) Event(ctx context.Context, id string) (*liaison.Event, error) {
	v, _ := liaison.ViewerFrom(ctx)
	if e, ok := g.byID[id]; ok && marking.Visible(v, e.Marking) {
		return &e, nil
	}
	return nil, liaison.Errorf(liaison.ErrNotFound, "event %s", id)
}

// TestCiteEventsByLookup: with a store that finds events by id, cites use
// the lookup, not a pass over the events, and visibility stays the store's.
func TestCiteEventsByLookup(t *testing.T) {
	f := newFixture(t)
	jpnusa, fra := f.eventOf(t, "jpnusa"), f.eventOf(t, "fra")
	sys := liaison.SystemContext(context.Background())
	g := &getterEvents{EventStore: f.db, byID: map[string]liaison.Event{}}
	for _, name := range []string{"jpnusa", "fra"} {
		page, err := f.db.Events(sys, liaison.EventFilter{DocID: f.docs[name]})
		if err != nil {
			t.Fatal(err)
		}
		g.byID[page.Items[0].ID] = page.Items[0]
	}
	svc, err := New(Config{Reports: f.db, Documents: f.db, Events: g, ParseMarking: f.svc.cfg.ParseMarking})
	if err != nil {
		t.Fatal(err)
	}
	cites, err := svc.Cites(as("USA", liaison.RoleAnalyst, 4, "u"), []string{jpnusa, fra})
	if err != nil {
		t.Fatal(err)
	}
	if cites[0].Kind != CiteEvent || cites[0].DocID != f.docs["jpnusa"] || cites[1].Kind != "" {
		t.Fatalf("cites %+v: want the USA-visible event resolved and the FRA one unseen", cites)
	}
	if g.listings != 0 { // ULIDs have no "-": no DOCID-n probe either
		t.Errorf("%d event listings: the lookup should replace the scan", g.listings)
	}
}
