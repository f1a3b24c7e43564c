package storetest

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// matrixMarkings are the markings of the visibility matrix's items.
var matrixMarkings = []liaison.Marking{
	{Classification: "PUBLIC", Level: 0},
	{Classification: "NATO UNCLASSIFIED", Level: 1},
	{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"FRA", "JPN", "USA"}},
	{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"JPN", "KOR"}},
	{Classification: "NATO CONFIDENTIAL", Level: 3, RelTo: []string{"FRA", "USA"}},
	{Classification: "NATO CONFIDENTIAL", Level: 3, RelTo: []string{"FRA", "USA"}, Caveats: []string{"ATOMAL"}},
	{Classification: "NATO SECRET", Level: 4, RelTo: []string{"USA"}},
	{Classification: "NATO RESTRICTED", Level: 2, Caveats: []string{"CRYPTO"}},
	{Classification: "NATO UNCLASSIFIED", Level: 1, RelTo: []string{"GBR", "USA"}, Caveats: []string{"ATOMAL", "CRYPTO"}},
}

// strictEvent is the own marking of an extra event on item 1: stricter than
// its document, so only USA sees it.
var strictEvent = liaison.Marking{Classification: "NATO UNCLASSIFIED", Level: 1, RelTo: []string{"USA"}}

// matrixViewer is one row of the viewer axis; ok false means no viewer.
type matrixViewer struct {
	name string
	v    liaison.Viewer
	ok   bool
}

func (mv matrixViewer) ctx() context.Context {
	if !mv.ok {
		return context.Background()
	}
	return liaison.WithViewer(context.Background(), mv.v)
}

func (mv matrixViewer) sees(m liaison.Marking) bool { return mv.ok && marking.Visible(mv.v, m) }

func matrixViewers() []matrixViewer {
	v := func(nation string, clearance int, caveats ...string) liaison.Viewer {
		return liaison.Viewer{Nation: nation, Role: liaison.RoleReader, Clearance: clearance, Caveats: caveats}
	}
	return []matrixViewer{
		{"none", liaison.Viewer{}, false},
		{"system", liaison.Viewer{System: true}, true},
		{"USA-4-ATOMAL", v("USA", 4, "ATOMAL"), true},
		{"USA-2", v("USA", 2), true},
		{"FRA-3", v("FRA", 3), true},
		{"JPN-2", v("JPN", 2), true},
		{"JPN-0", v("JPN", 0), true},
		{"KOR-1", v("KOR", 1), true},
		{"CHN-4", v("CHN", 4), true},
		{"GBR-4-CRYPTO", v("GBR", 4, "CRYPTO"), true},
		{"GBR-4-both", v("GBR", 4, "CRYPTO", "ATOMAL"), true},
		{"usa-lower", v("usa", 4, "ATOMAL"), true},
		{"empty-nation", v("", 4), true},
	}
}

// matrix is the stored side of the visibility test.
type matrix struct {
	docs, feeds []string // by marking index
	words       []string // a word only item i's text has
	strictID    string   // the extra event of item 1
}

var alphabet = []string{"alfa", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett"}

// actorOf and placeOf name item i's actor and place.
func actorOf(i int) string { return fmt.Sprintf("A%dXGOV", i) }
func placeOf(i int) string { return fmt.Sprintf("Place %s", alphabet[i]) }

func storeMatrix(t *testing.T, s Store) matrix {
	var mx matrix
	for i, m := range matrixMarkings {
		w := alphabet[i]
		d := doc("Marked "+w, fmt.Sprintf("Matrix report %s about the %s exercise.", w, w), day0.AddDate(0, 0, i))
		d.Marking, d.SimHash = m, 0xff00ff00ff00ff00^uint64(1<<i)
		id := put(t, s, d).ID
		mx.docs, mx.words = append(mx.docs, id), append(mx.words, w)
		x := &liaison.Extraction{
			Actors: []liaison.ActorMention{{Text: w, Name: "Actor " + w, Code: actorOf(i), Kind: "government"}},
			Places: []liaison.PlaceMention{{Text: w, Place: liaison.Place{Name: placeOf(i), Country: "LTU"}}},
			Events: []liaison.Event{{Source: actorOf(i), Target: "IGOWSTNAT", CAMEO: "040", Root: "04",
				Date: fmt.Sprintf("2023-07-%02d", 10+i), Place: &liaison.Place{Name: placeOf(i), Country: fmt.Sprintf("C%02d", i)}}},
		}
		if i == 1 {
			x.Events = append(x.Events, liaison.Event{Source: "STRICTX", Target: "USA", Root: "04", CAMEO: "040",
				Date: "2023-07-01", Marking: strictEvent})
		}
		if err := s.PutExtraction(sys(), id, x); err != nil {
			t.Fatal(err)
		}
		f := &liaison.Feed{URL: "https://example.org/feed-" + w, Marking: m}
		if err := s.PutFeed(sys(), f); err != nil {
			t.Fatal(err)
		}
		mx.feeds = append(mx.feeds, f.ID)
	}
	x, err := s.Extraction(sys(), mx.docs[1])
	if err != nil || len(x.Events) != 2 {
		t.Fatalf("Extraction(item 1) = %+v, %v", x, err)
	}
	mx.strictID = x.Events[1].ID
	return mx
}

// testVisibility runs every read path for every viewer of the matrix and
// checks it returns exactly the visible items, and that invisible ones read
// like missing ones.
func testVisibility(t *testing.T, s Store) {
	mx := storeMatrix(t, s)
	for _, mv := range matrixViewers() {
		t.Run(mv.name, func(t *testing.T) {
			t.Parallel() // viewers only read (their writes are refused)
			checkViewer(t, s, mx, mv)
		})
	}
}

// expected lists what mv may see of the matrix.
type expected struct {
	docs, events, actors, places, feeds []string
	hidden                              []int // invisible item indexes
}

func expect(mx matrix, mv matrixViewer) expected {
	var e expected
	for i, m := range matrixMarkings {
		if !mv.sees(m) {
			e.hidden = append(e.hidden, i)
			continue
		}
		e.docs = append(e.docs, mx.docs[i])
		e.feeds = append(e.feeds, mx.feeds[i])
		e.actors = append(e.actors, actorOf(i))
		e.places = append(e.places, placeOf(i))
		e.events = append(e.events, fmt.Sprintf("doc %d", i))
	}
	if len(e.docs) > 0 {
		e.actors = append(e.actors, "IGOWSTNAT")
	}
	if mv.sees(matrixMarkings[1]) && mv.sees(strictEvent) {
		e.events = append(e.events, "strict")
		e.actors = append(e.actors, "STRICTX", "USA")
	}
	return e
}

func checkSet(t *testing.T, what string, got, want []string, total int) {
	t.Helper()
	if ok, diff := sameSet(got, want); !ok {
		t.Errorf("%s: visible set differs (+ leaked, - missing): %s", what, diff)
	}
	if total != len(want) {
		t.Errorf("%s: total %d, want %d", what, total, len(want))
	}
}

func checkViewer(t *testing.T, s Store, mx matrix, mv matrixViewer) {
	ctx, want := mv.ctx(), expect(mx, mv)
	ids, total := allDocs(t, ctx, s, liaison.DocumentFilter{Limit: 2})
	checkSet(t, "Documents", ids, want.docs, total)
	// Filtered lists take other count paths: they must agree.
	ids, total = allDocs(t, ctx, s, liaison.DocumentFilter{Source: "test", From: day0.AddDate(-1, 0, 0), Limit: 3})
	checkSet(t, "Documents(filtered)", ids, want.docs, total)
	hits, snips, total := allHits(t, ctx, s, liaison.SearchQuery{Query: "matrix", Limit: 2})
	checkSet(t, "Search", hits, want.docs, total)
	for _, i := range want.hidden {
		for _, sn := range snips {
			if strings.Contains(strings.ToLower(sn), mx.words[i]) {
				t.Errorf("a snippet shows hidden item %d's word: %q", i, sn)
			}
		}
		for _, q := range []string{mx.words[i], mx.words[i][:3] + "*", `"` + mx.words[i] + ` exercise"`} {
			h, _, n := allHits(t, ctx, s, liaison.SearchQuery{Query: q})
			if len(h) != 0 || n != 0 {
				t.Errorf("Search(%q) for hidden item %d: %d hits, total %d", q, i, len(h), n)
			}
		}
		checkHidden(t, ctx, s, mx, i)
	}
	checkEvents(t, ctx, s, mx, want)
	checkAggregates(t, ctx, s, want)
	cands, err := s.NearDuplicateCandidates(ctx, 0xff00ff00ff00ff00, 3)
	if err != nil {
		t.Fatal(err)
	}
	var cids []string
	for _, d := range cands {
		cids = append(cids, d.ID)
	}
	checkSet(t, "NearDuplicateCandidates", cids, want.docs, len(cands))
	feeds, err := s.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var fids []string
	for _, f := range feeds {
		fids = append(fids, f.ID)
	}
	checkSet(t, "Feeds", fids, want.feeds, len(feeds))
}

// checkEvents checks the event list, unfiltered and filtered, for one viewer.
func checkEvents(t *testing.T, ctx context.Context, s Store, mx matrix, want expected) {
	t.Helper()
	evs, total := allEvents(t, ctx, s, liaison.EventFilter{Limit: 3})
	var got []string
	for _, e := range evs {
		if e.ID == mx.strictID {
			got = append(got, "strict")
		} else {
			got = append(got, fmt.Sprintf("doc %d", slices.Index(mx.docs, e.DocID)))
		}
	}
	checkSet(t, "Events", got, want.events, total)
	filtered, total := allEvents(t, ctx, s, liaison.EventFilter{Root: "04", From: day0.AddDate(-1, 0, 0), Limit: 2})
	if len(filtered) != len(want.events) || total != len(want.events) {
		t.Errorf("Events(filtered): %d items, total %d; want %d", len(filtered), total, len(want.events))
	}
	var actorEvents []string
	for i := range matrixMarkings {
		evs, n := allEvents(t, ctx, s, liaison.EventFilter{Actor: actorOf(i)[:2]})
		if len(evs) != n {
			t.Errorf("Events(actor %s): %d items, total %d", actorOf(i)[:2], len(evs), n)
		}
		for _, e := range evs {
			actorEvents = append(actorEvents, e.DocID)
		}
	}
	checkSet(t, "Events(actor prefixes)", actorEvents, want.docs, len(actorEvents))
}

func checkAggregates(t *testing.T, ctx context.Context, s Store, want expected) {
	t.Helper()
	ap, err := s.Actors(ctx, "", 1000)
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, a := range ap.Items {
		codes = append(codes, a.Code)
		if strings.HasPrefix(a.Code, "IGO") && a.Events != len(want.docs) {
			t.Errorf("Actors: IGOWSTNAT counted in %d events, want %d visible", a.Events, len(want.docs))
		}
	}
	checkSet(t, "Actors", codes, want.actors, ap.Total)
	pp, err := s.Places(ctx, "", 1000)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range pp.Items {
		names = append(names, p.Name)
	}
	checkSet(t, "Places", names, want.places, pp.Total)
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantSt := liaison.Stats{Documents: len(want.docs), Events: len(want.events), Actors: len(want.actors),
		Places: len(want.places), Feeds: len(want.feeds)}
	if st != wantSt {
		t.Errorf("Stats = %+v, want %+v", st, wantSt)
	}
}

// checkHidden asserts that hidden item i answers every get like a missing
// one, with the same message, and leaves no trace in filtered lists.
func checkHidden(t *testing.T, ctx context.Context, s Store, mx matrix, i int) {
	t.Helper()
	const missing = "01ARZ3NDEKTSV4RRFFQ69G5FAV"
	same := func(what string, errHidden, errMissing error, id string) {
		t.Helper()
		wantErr(t, what+" of hidden item", errHidden, liaison.ErrNotFound)
		wantErr(t, what+" of missing item", errMissing, liaison.ErrNotFound)
		if h, m := strings.ReplaceAll(errHidden.Error(), id, "ID"), strings.ReplaceAll(errMissing.Error(), missing, "ID"); h != m {
			t.Errorf("%s: hidden item answers %q, a missing one %q", what, h, m)
		}
	}
	_, eh := s.Document(ctx, mx.docs[i])
	_, em := s.Document(ctx, missing)
	same("Document", eh, em, mx.docs[i])
	_, eh = s.Extraction(ctx, mx.docs[i])
	_, em = s.Extraction(ctx, missing)
	same("Extraction", eh, em, mx.docs[i])
	_, eh = s.Feed(ctx, mx.feeds[i])
	_, em = s.Feed(ctx, missing)
	same("Feed", eh, em, mx.feeds[i])
	same("DeleteFeed", s.DeleteFeed(ctx, mx.feeds[i]), s.DeleteFeed(ctx, missing), mx.feeds[i])
	if _, err := s.Feed(sys(), mx.feeds[i]); err != nil {
		t.Errorf("DeleteFeed by a viewer who cannot see feed %d removed it: %v", i, err)
	}
	url := "https://example.org/feed-" + mx.words[i]
	if err := s.PutFeed(ctx, &liaison.Feed{URL: url, Title: "overwritten"}); err == nil {
		t.Errorf("PutFeed by a viewer who cannot see feed %d overwrote it", i)
	}
	if f, err := s.Feed(sys(), mx.feeds[i]); err != nil || f.Title == "overwritten" || f.Marking.Level != matrixMarkings[i].Level {
		t.Errorf("feed %d after a hidden viewer's PutFeed: %+v, %v", i, f, err)
	}
	for _, f := range []liaison.EventFilter{{DocID: mx.docs[i]}, {Actor: actorOf(i)}, {Country: fmt.Sprintf("C%02d", i)}} {
		p, err := s.Events(ctx, f)
		if err != nil || len(p.Items) != 0 || p.Total != 0 {
			t.Errorf("Events(%+v) for hidden item %d: %d items, total %d, %v", f, i, len(p.Items), p.Total, err)
		}
	}
}

// testEventsNeverLessRestricted checks that an event marked less
// restrictively than its document keeps the document's restrictions.
func testEventsNeverLessRestricted(t *testing.T, s Store) {
	d := doc("Secret", "A secret document with an event.", day0)
	d.Marking = liaison.Marking{Level: 3, RelTo: []string{"USA"}, Caveats: []string{"ATOMAL"}}
	id := put(t, s, d).ID
	x := &liaison.Extraction{Events: []liaison.Event{{Source: "USA", Target: "FRA", Root: "04", CAMEO: "040",
		Date: "2023-07-11", Marking: liaison.Marking{Level: 0}}}}
	if err := s.PutExtraction(sys(), id, x); err != nil {
		t.Fatal(err)
	}
	for _, ctx := range []context.Context{as("FRA", 9, "ATOMAL"), as("USA", 2, "ATOMAL"), as("USA", 9)} {
		p, err := s.Events(ctx, liaison.EventFilter{})
		if err != nil || p.Total != 0 || len(p.Items) != 0 {
			t.Errorf("an event less marked than its document leaked: %+v, %v", p, err)
		}
	}
	p, err := s.Events(as("USA", 3, "ATOMAL"), liaison.EventFilter{})
	if err != nil || p.Total != 1 {
		t.Fatalf("cleared viewer sees %+v, %v; want the event", p, err)
	}
	if m := p.Items[0].Marking; m.Level != 3 || !slices.Equal(m.RelTo, []string{"USA"}) || !slices.Equal(m.Caveats, []string{"ATOMAL"}) {
		t.Errorf("event marking = %+v, want the document's", m)
	}
}

// testSearchLeavesNoTrace checks that what a viewer gets from a search —
// hits, ranks, snippets, totals, cursors — does not change when documents
// they may not see are added.
func testSearchLeavesNoTrace(t *testing.T, s Store) {
	viewer := as("JPN", 2)
	for i := range 3 {
		d := doc(fmt.Sprintf("Zeta %d", i), fmt.Sprintf("Zeta report %d%s about the exercise.", i, strings.Repeat(" zeta", i)), day0)
		d.Marking = liaison.Marking{Level: 1}
		put(t, s, d)
	}
	snapshot := func() string {
		var out []string
		for _, q := range []string{"zeta", "zeta exercise", "zet*", `"zeta report"`} {
			for c := ""; ; {
				p, err := s.Search(viewer, liaison.SearchQuery{Query: q, Limit: 2, Cursor: c})
				if err != nil {
					t.Fatal(err)
				}
				for _, h := range p.Items {
					out = append(out, fmt.Sprintf("%s|%s|%v|%s", q, h.Document.ID, h.Rank, h.Snippet))
				}
				out = append(out, fmt.Sprintf("%s|total %d|next %s", q, p.Total, p.NextCursor))
				if c = p.NextCursor; c == "" {
					break
				}
			}
		}
		return strings.Join(out, "\n")
	}
	before := snapshot()
	for i := range 20 {
		d := doc(fmt.Sprintf("Hidden zeta %d", i), fmt.Sprintf("Secret zeta zeta zeta exercise %d, zeta.", i), day0.AddDate(0, 0, 1))
		d.Marking = liaison.Marking{Level: 3, RelTo: []string{"USA"}}
		put(t, s, d)
	}
	if after := snapshot(); after != before {
		t.Errorf("invisible documents changed a viewer's search results:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}
