package sqlite

import (
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// tlDates and tlCodes are the property test's event dates (some without a
// month) and actor codes.
var (
	tlDates = []string{"2022-12-31", "2023-01-01", "2023-01-20", "2023-02", "2023-03-05", "2023", "", "2023-03-31T23:00"}
	tlCodes = []string{"JPN", "JPNGOV", "FRA", "FRAMIL", "IGOWSTNAT", "USA"}
)

// referenceTimeline counts the stored events evs (read as the system) the
// way the timeline must for viewer v (has: a viewer at all) and filter f:
// through marking.Visible, the reference rule.
func referenceTimeline(evs []liaison.Event, v liaison.Viewer, has bool, f liaison.TimelineFilter) ([]liaison.TimelineBucket, []liaison.Marking) {
	sums := map[liaison.TimelineBucket]int{}
	var ms []liaison.Marking
	for _, e := range evs {
		m := liaison.TimelineMonth(e.Date)
		if !has || !marking.Visible(v, e.Marking) || m == "" ||
			f.Actor != "" && !strings.HasPrefix(e.Source, f.Actor) && !strings.HasPrefix(e.Target, f.Actor) ||
			!f.From.IsZero() && m < f.From.Format("2006-01") || !f.To.IsZero() && m > f.To.Format("2006-01") {
			continue
		}
		sums[liaison.TimelineBucket{Month: m, Quad: e.Quad}]++
		ms = append(ms, e.Marking)
	}
	out := []liaison.TimelineBucket{}
	for b, n := range sums {
		b.Events = n
		out = append(out, b)
	}
	slices.SortFunc(out, func(a, b liaison.TimelineBucket) int {
		return cmp.Or(strings.Compare(a.Month, b.Month), cmp.Compare(a.Quad, b.Quad))
	})
	return out, ms
}

// randomEvents draws 1 to 3 events, each with its own random marking
// (stored as the stricter of it and its document's).
func randomEvents(rng *rand.Rand, p *marking.Policy, r marking.Resolver) []liaison.Event {
	evs := make([]liaison.Event, 1+rng.IntN(3))
	for i := range evs {
		evs[i] = liaison.Event{Source: tlCodes[rng.IntN(len(tlCodes))], Target: tlCodes[rng.IntN(len(tlCodes))],
			Root: "04", CAMEO: "040", Quad: 1 + rng.IntN(4), Date: tlDates[rng.IntN(len(tlDates))]}
		if rng.IntN(3) == 0 {
			evs[i].Marking = randomMarking(rng, p, r)
		}
	}
	return evs
}

// TestPropertyTimelineMatchesReference stores events with random markings
// and checks, for random viewers, both visibility plans and with marking
// numbers past the bit set, that every timeline (overall, by actor, by
// months) counts exactly the events marking.Visible allows and carries
// their combined marking — before and after re-extraction replaces half
// the documents' events, so the trigger-kept counts go down as well as up.
func TestPropertyTimelineMatchesReference(t *testing.T) {
	for _, padding := range []int{0, 70} {
		t.Run(fmt.Sprintf("padding %d", padding), func(t *testing.T) { testTimelineMatchesReference(t, padding) })
	}
}

func testTimelineMatchesReference(t *testing.T, padding int) {
	db := openAccessTestDB(t)
	for i := range padding {
		if _, err := db.db.Exec(`INSERT INTO markings(mk_level, mk_rel, mk_caveats) VALUES (?, '["ZZZ"]', '[]')`, 100+i); err != nil {
			t.Fatal(err)
		}
	}
	sys := liaison.SystemContext(context.Background())
	rng := rand.New(rand.NewPCG(13, uint64(padding)))
	p := marking.Default()
	r := marking.NewNations(marking.SeedNations(), time.Date(2023, 7, 12, 0, 0, 0, 0, time.UTC))
	const docs = 40
	ids := make([]string, docs)
	for i := range ids {
		d := &liaison.Document{Source: "prop", Title: fmt.Sprintf("timeline %d", i), Text: fmt.Sprintf("Timeline report %d.", i),
			Published: time.Date(2023, 1, 1+i%28, 0, 0, 0, 0, time.UTC), Marking: randomMarking(rng, p, r)}
		if _, err := db.PutDocument(sys, d); err != nil {
			t.Fatal(err)
		}
		ids[i] = d.ID
		if err := db.PutExtraction(sys, d.ID, &liaison.Extraction{Events: randomEvents(rng, p, r)}); err != nil {
			t.Fatal(err)
		}
	}
	checkTimelineReference(t, db, rng)
	for i := 0; i < docs; i += 2 {
		evs := randomEvents(rng, p, r)[:1]
		if i%4 == 0 {
			evs = nil // every event of the document goes
		}
		if err := db.PutExtraction(sys, ids[i], &liaison.Extraction{Events: evs}); err != nil {
			t.Fatal(err)
		}
	}
	checkTimelineReference(t, db, rng)
}

// checkTimelineReference compares the timelines of random viewers with
// referenceTimeline over the events as stored.
func checkTimelineReference(t *testing.T, db *DB, rng *rand.Rand) {
	t.Helper()
	stored, err := db.Events(liaison.SystemContext(context.Background()), liaison.EventFilter{Limit: 500})
	if err != nil || stored.NextCursor != "" {
		t.Fatalf("stored events: %v (more than a page: %v)", err, stored.NextCursor != "")
	}
	month := func(y, m int) time.Time { return time.Date(y, time.Month(m), 9, 0, 0, 0, 0, time.UTC) }
	filters := []liaison.TimelineFilter{{}, {Actor: "JPN"}, {Actor: "FRAMIL"}, {Actor: "IGO"},
		{From: month(2023, 1)}, {To: month(2023, 2)}, {Actor: "JPN", From: month(2023, 1), To: month(2023, 3)}}
	counted := 0
	for j := 0; j < 20; j++ {
		v, has := randomViewer(rng)
		ctx := context.Background()
		if has {
			ctx = liaison.WithViewer(ctx, v)
		}
		for plan, name := range map[int]string{0: "numbers", -1: "per row"} {
			db.maxListedMarkings = plan
			for _, f := range filters {
				tl, err := db.Timeline(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				want, ms := referenceTimeline(stored.Items, v, has, f)
				if len(want) > 0 {
					counted++
				}
				if !slices.Equal(tl.Buckets, want) {
					t.Fatalf("viewer %+v (present %v), %s, %+v:\n got %v\nwant %v", v, has, name, f, tl.Buckets, want)
				}
				var wm liaison.Marking
				if len(ms) > 0 {
					wm = marking.Combine(ms...)
				}
				if tl.Marking.Level != wm.Level || !slices.Equal(tl.Marking.RelTo, wm.RelTo) || !slices.Equal(tl.Marking.Caveats, wm.Caveats) {
					t.Fatalf("viewer %+v, %s, %+v: marking %+v, want %+v", v, name, f, tl.Marking, wm)
				}
			}
		}
	}
	db.maxListedMarkings = 0
	if counted < 20 { // of 280 timelines: the viewers must see something
		t.Errorf("only %d timelines counted anything", counted)
	}
}

// TestMonthCountsFollowEvents: the counts the triggers keep equal a
// recount of the events, after writes, replacements and deletions, and
// the migration's backfill gives the same counts.
func TestMonthCountsFollowEvents(t *testing.T) {
	db := openAccessTestDB(t)
	sys := liaison.SystemContext(context.Background())
	rng := rand.New(rand.NewPCG(3, 3))
	p := marking.Default()
	r := marking.NewNations(marking.SeedNations(), time.Date(2023, 7, 12, 0, 0, 0, 0, time.UTC))
	var ids []string
	for i := range 20 {
		d := &liaison.Document{Title: fmt.Sprint("m", i), Text: fmt.Sprint("Month counts ", i), Published: time.Now(), Marking: randomMarking(rng, p, r)}
		if _, err := db.PutDocument(sys, d); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, d.ID)
		if err := db.PutExtraction(sys, d.ID, &liaison.Extraction{Events: randomEvents(rng, p, r)}); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range ids[:5] {
		if err := db.PutExtraction(sys, id, &liaison.Extraction{}); err != nil {
			t.Fatal(err)
		}
	}
	mig, err := migrationFiles.ReadFile("migrations/0012_event_months.sql")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ table, recount, kept string }{
		{"month_counts", `SELECT '', substr(date, 1, 7), quad, rowid & 1048575, count(*) FROM events
			WHERE date GLOB ` + monthGlob + ` GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
			`SELECT '', month, quad, mk, n FROM month_counts WHERE n <> 0 ORDER BY 1, 2, 3, 4`},
		{"actor_months", `SELECT code, substr(date, 1, 7), quad, rowid & 1048575, count(*) FROM (
				SELECT source AS code, date, quad, rowid FROM events WHERE source <> ''
				UNION ALL SELECT target, date, quad, rowid FROM events WHERE target <> '' AND target <> source)
			WHERE date GLOB ` + monthGlob + ` GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
			`SELECT code, month, quad, mk, n FROM actor_months WHERE n <> 0 ORDER BY 1, 2, 3, 4`},
	} {
		want, got := tlRows(t, db, c.recount), tlRows(t, db, c.kept)
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Fatalf("%s %v; the events recount %v", c.table, got, want)
		}
		// The backfill: empty the counts and run the migration's INSERT again.
		if _, err := db.db.Exec(`DELETE FROM ` + c.table); err != nil {
			t.Fatal(err)
		}
		ins := string(mig)[strings.Index(string(mig), "INSERT INTO "+c.table):]
		if _, err := db.db.Exec(ins[:strings.Index(ins, ";")+1]); err != nil {
			t.Fatal(err)
		}
		if got := tlRows(t, db, c.kept); !slices.Equal(got, want) {
			t.Errorf("backfilled %s %v; want %v", c.table, got, want)
		}
	}
}

func tlRows(t *testing.T, db *DB, q string) []string {
	t.Helper()
	rows, err := db.db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var code, m string
		var quad, mk, n int
		if err := rows.Scan(&code, &m, &quad, &mk, &n); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%s/%s/%d/%d:%d", code, m, quad, mk, n))
	}
	return out
}
