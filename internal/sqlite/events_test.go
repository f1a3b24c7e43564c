package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// actorTestCodes are the codes of the random events: prefixes of one
// another, the extra characters a code may hold, and empty (no actor).
var actorTestCodes = []string{"", "", "JPN", "JPNGOV", "JPNMIL", "JP", "J", "JPNJPN", "JPN-X", "JPN_Y",
	"USA", "USAGOV", "IGOWSTNAT", "KOR", "KORGOV"}

// refEvent is an event as stored, read straight from the table.
type refEvent struct {
	id, source, target, date string
	mk                       liaison.Marking
}

// loadActorCorpus stores documents with random markings and random events
// (some with markings of their own, some with source = target, 40 with
// distinct codes under Q, more than one merge takes), re-extracts some
// and deletes some, so that the per-marking counts went up and down.
func loadActorCorpus(t *testing.T, db *DB) {
	t.Helper()
	sys := liaison.SystemContext(context.Background())
	rng := rand.New(rand.NewPCG(3, 17))
	p := marking.Default()
	r := marking.NewNations(marking.SeedNations(), time.Date(2023, 7, 12, 0, 0, 0, 0, time.UTC))
	dates := []string{"2023-07-01", "2023-07-02", "2023-07-02", "2023-07-03", "2023-07", "2023-06-30T10:00", "2023-07-05"}
	code := func() string { return actorTestCodes[rng.IntN(len(actorTestCodes))] }
	extraction := func(q int) *liaison.Extraction {
		x := &liaison.Extraction{}
		for range rng.IntN(5) {
			e := liaison.Event{Source: code(), Target: code(), Root: "04", CAMEO: "040", Date: dates[rng.IntN(len(dates))]}
			switch rng.IntN(6) {
			case 0:
				e.Target = e.Source
			case 1:
				e.Marking = randomMarking(rng, p, r)
			}
			x.Events = append(x.Events, e)
		}
		if q >= 0 {
			x.Events = append(x.Events, liaison.Event{Source: fmt.Sprintf("Q%02d", q), Target: code(), Root: "04", CAMEO: "040",
				Date: dates[rng.IntN(len(dates))]})
		}
		return x
	}
	var ids []string
	for i := range 90 {
		d := &liaison.Document{Source: "actors", Title: fmt.Sprintf("actor report %d", i), Text: fmt.Sprintf("Actor report %d.", i),
			Published: time.Date(2023, 7, 1, 0, 0, 0, 0, time.UTC), Fetched: time.Now(), DateSource: liaison.DateFromInput,
			Marking: randomMarking(rng, p, r)}
		if _, err := db.PutDocument(sys, d); err != nil {
			t.Fatal(err)
		}
		q := -1
		if i < 40 {
			q = i
		}
		if err := db.PutExtraction(sys, d.ID, extraction(q)); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, d.ID)
	}
	for _, i := range rng.Perm(len(ids))[:15] {
		if err := db.PutExtraction(sys, ids[i], extraction(-1)); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range ids[45:50] {
		if _, err := db.db.Exec(`DELETE FROM documents WHERE id = ?`, id); err != nil {
			t.Fatal(err)
		}
	}
}

// storedEvents reads every stored event, bypassing the code under test.
func storedEvents(t *testing.T, db *DB) []refEvent {
	t.Helper()
	rows, err := db.db.Query(`SELECT id, source, target, date, mk_level, mk_rel, mk_caveats FROM events`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []refEvent
	for rows.Next() {
		var e refEvent
		var c markingCols
		if err := rows.Scan(&e.id, &e.source, &e.target, &e.date, &c.Level, &c.Rel, &c.Caveats); err != nil {
			t.Fatal(err)
		}
		e.mk = fromCols(c)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// refActorEvents is the brute-force answer to f: the events v may see
// (marking.Visible; none without a viewer) whose source or target starts
// with the upper-cased actor, within the date window, newest first.
func refActorEvents(evs []refEvent, v liaison.Viewer, has bool, f liaison.EventFilter) []string {
	prefix := strings.ToUpper(strings.TrimSpace(f.Actor))
	var keep []refEvent
	for _, e := range evs {
		switch {
		case !has || !marking.Visible(v, e.mk):
		case !strings.HasPrefix(e.source, prefix) && !strings.HasPrefix(e.target, prefix):
		case !f.From.IsZero() && e.date < f.From.Format(time.DateOnly):
		case !f.To.IsZero() && e.date >= f.To.AddDate(0, 0, 1).Format(time.DateOnly):
		default:
			keep = append(keep, e)
		}
	}
	slices.SortFunc(keep, func(a, b refEvent) int { return cmp.Or(cmp.Compare(b.date, a.date), cmp.Compare(b.id, a.id)) })
	out := []string{}
	for _, e := range keep {
		out = append(out, e.id)
	}
	return out
}

// walkEvents reads every page of f, checking each page's total.
func walkEvents(t *testing.T, db *DB, ctx context.Context, f liaison.EventFilter, wantTotal int) []string {
	t.Helper()
	got := []string{}
	for page := 0; ; page++ {
		p, err := db.Events(ctx, f)
		if err != nil {
			t.Fatalf("Events(%+v): %v", f, err)
		}
		if p.Total != wantTotal {
			t.Fatalf("Events(%+v) page %d: total %d, want %d", f, page, p.Total, wantTotal)
		}
		for _, e := range p.Items {
			got = append(got, e.ID)
		}
		if p.NextCursor == "" || page > 200 {
			return got
		}
		f.Cursor = p.NextCursor
	}
}

// TestEventsActorMatchesReference checks the actor filter (items, order,
// paging and the exact total) against a brute-force reference for random
// viewers, with both visibility plans and both list plans (runs merged,
// and a prefix with more codes than one merge takes).
func TestEventsActorMatchesReference(t *testing.T) {
	db := openAccessTestDB(t)
	loadActorCorpus(t, db)
	evs := storedEvents(t, db)
	sys := liaison.SystemContext(context.Background())
	for actor, wantMerged := range map[string]bool{"JPN": true, "Q": false} {
		err := db.read(sys, func(tx *sql.Tx) error {
			ar, _, _ := actorPrefix(actor)
			_, _, merged, err := db.actorCodes(sys, tx, ar)
			if merged != wantMerged {
				t.Errorf("actor %s: merged %v, want %v: the corpus no longer tests both list plans", actor, merged, wantMerged)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	rng := rand.New(rand.NewPCG(8, 4))
	actors := []string{"JPN", "jpn", " JP ", "J", "JPNGOV", "JPN-", "JPN_", "USA", "IGO", "Q", "Q1", "X"}
	day := func(d int) time.Time { return time.Date(2023, 7, d, 0, 0, 0, 0, time.UTC) }
	windows := [][2]time.Time{{}, {day(2), time.Time{}}, {time.Time{}, day(2)}, {day(1), day(3)}}
	viewers := []liaison.Viewer{{System: true}, {Nation: "JPN", Clearance: 2}, {Nation: "USA", Clearance: 9, Caveats: propCaveats}}
	for range 4 {
		v, _ := randomViewer(rng)
		viewers = append(viewers, v)
	}
	for _, plan := range []int{0, -1} {
		db.maxListedMarkings = plan
		for i, v := range append(viewers, liaison.Viewer{}) {
			ctx, has := liaison.WithViewer(context.Background(), v), i < len(viewers)
			if !has {
				ctx = context.Background()
			}
			some := actors // every actor for the system viewer, five others each
			if i > 0 {
				some = nil
				for _, k := range rng.Perm(len(actors))[:5] {
					some = append(some, actors[k])
				}
			}
			for _, actor := range some {
				w := windows[rng.IntN(len(windows))]
				f := liaison.EventFilter{Actor: actor, From: w[0], To: w[1], Limit: []int{4, 9, 50}[rng.IntN(3)]}
				want := refActorEvents(evs, v, has, f)
				if got := walkEvents(t, db, ctx, f, len(want)); !slices.Equal(got, want) {
					t.Fatalf("plan %d, viewer %+v (present %v), %+v: got %v, want %v", plan, v, has, f, got, want)
				}
			}
		}
	}
}

// queryPlan is SQLite's plan for q, one step a line.
func queryPlan(t *testing.T, db *DB, q string, args []any) string {
	t.Helper()
	rows, err := db.db.Query(`EXPLAIN QUERY PLAN `+q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		b.WriteString(detail + "\n")
	}
	return b.String()
}

// TestEventsActorPlans checks that an actor page merges the codes' runs
// in page order without sorting them (only the page's own rows are
// sorted), and that the total's correction seeks each target code.
func TestEventsActorPlans(t *testing.T) {
	db := openAccessTestDB(t)
	ar, _, _ := actorPrefix("JPN")
	var after where
	after.add("(e.date, e.id) < (?, ?)", "2023-07-02", "X")
	q, args := mergeActorQuery(ar, []string{"JPN", "JPNGOV"}, []string{"JPN", "JPNMIL"}, dateWhere(liaison.EventFilter{}), after,
		"((? >> (e.rowid & 1048575)) & 1)", []any{6}, 50)
	plan := queryPlan(t, db, q, args)
	if !strings.Contains(plan, "MERGE (UNION ALL)") || strings.Count(plan, "TEMP B-TREE") != 1 ||
		strings.Count(plan, "COVERING INDEX events_source_date (source=? AND") != 2 ||
		strings.Count(plan, "COVERING INDEX events_target_date (target=? AND") != 2 {
		t.Errorf("actor page plan: want 4 covering runs merged, one sort (of the page):\n%s", plan)
	}
}
