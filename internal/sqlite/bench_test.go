package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
)

// benchMarkings are the markings spread over the benchmark corpus.
var benchMarkings = []liaison.Marking{
	{Level: 0},
	{Level: 1},
	{Level: 2, RelTo: []string{"FRA", "GBR", "JPN", "USA"}},
	{Level: 2, RelTo: []string{"AUS", "JPN", "KOR", "NZL"}},
	{Level: 3, RelTo: []string{"FRA", "GBR", "USA"}},
	{Level: 3, RelTo: []string{"GBR", "USA"}, Caveats: []string{"ATOMAL"}},
	{Level: 4, RelTo: []string{"USA"}},
	{Level: 2, Caveats: []string{"CRYPTO"}},
}

// benchActors are the countries of the benchmark's events.
var benchActors = []string{"JPN", "USA", "FRA", "GBR", "DEU", "ITA", "KOR", "AUS", "NZL", "CAN",
	"CHN", "RUS", "PRK", "IND", "LTU", "POL", "ESP", "NLD", "NOR", "SWE"}

// loadBenchCorpus writes n marked documents (each with one event) in
// batches, with a vocabulary where "common" is in ~10% of texts and
// "rareNN" words in ~0.1%.
func loadBenchCorpus(b testing.TB, db *DB, n int) []string {
	rng := rand.New(rand.NewPCG(1, 2))
	ctx := context.Background()
	ids := make([]string, 0, n)
	for start := 0; start < n; start += 2000 {
		err := db.tx(ctx, func(tx *sql.Tx) error {
			for i := start; i < min(n, start+2000); i++ {
				var sb strings.Builder
				for range 60 {
					fmt.Fprintf(&sb, "w%d ", rng.IntN(5000))
				}
				if rng.IntN(10) == 0 {
					sb.WriteString("common ")
				}
				fmt.Fprintf(&sb, "rare%d.", rng.IntN(1000))
				pub := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(rng.IntN(700*24)) * time.Hour)
				d := &liaison.Document{ID: liaison.NewID(pub), Source: "bench", Title: fmt.Sprintf("Report %d", i),
					Text: sb.String(), Published: pub, Fetched: pub, SimHash: rng.Uint64(),
					Marking: benchMarkings[rng.IntN(len(benchMarkings))]}
				d.ContentHash = ContentHash(d.Text + d.Title)
				if _, err := db.putDocument(ctx, tx, d, liaison.PutResult{}); err != nil {
					return err
				}
				ev := liaison.Event{Source: benchActors[rng.IntN(len(benchActors))] + "GOV", Target: benchActors[rng.IntN(len(benchActors))],
					Root: "04", CAMEO: "040", Quad: 1 + i%4, Date: pub.Format(time.DateOnly)}
				if err := insertEvent(ctx, tx, d.ID, 0, d.Marking, ev); err != nil {
					return err
				}
				ids = append(ids, d.ID)
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	if _, err := db.db.ExecContext(ctx, `ANALYZE`); err != nil {
		b.Fatal(err)
	}
	return ids
}

// BenchmarkVisibility measures read latency with enforcement off (the
// system viewer) and on (a cleared viewer who sees everything, and a
// partner who sees a part) over LIAISON_BENCH_DOCS marked documents
// (default 2000). It reports p50 and p99 per query.
func BenchmarkVisibility(b *testing.B) {
	n := 2000
	if s := os.Getenv("LIAISON_BENCH_DOCS"); s != "" {
		if v, err := strconv.Atoi(s); err == nil && v > 0 {
			n = v
		}
	}
	db, err := Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	start := time.Now()
	ids := loadBenchCorpus(b, db, n)
	b.Logf("loaded %d documents in %s", n, time.Since(start).Round(time.Millisecond))
	viewers := []struct {
		name string
		ctx  context.Context
	}{
		{"off", liaison.SystemContext(context.Background())},
		{"on-cleared", liaison.WithViewer(context.Background(), liaison.Viewer{Nation: "USA", Clearance: 9, Caveats: []string{"ATOMAL", "CRYPTO"}})},
		{"on-partner", liaison.WithViewer(context.Background(), liaison.Viewer{Nation: "JPN", Clearance: 2})},
	}
	queries := []struct {
		name string
		run  func(ctx context.Context, i int) error
	}{
		{"get", func(ctx context.Context, i int) error {
			_, err := db.Document(ctx, ids[i%len(ids)])
			if err != nil && !strings.Contains(err.Error(), "not found") {
				return err
			}
			return nil
		}},
		{"list", func(ctx context.Context, _ int) error {
			_, err := db.Documents(ctx, liaison.DocumentFilter{Limit: 50})
			return err
		}},
		{"search-rare", func(ctx context.Context, i int) error {
			_, err := db.Search(ctx, liaison.SearchQuery{Query: fmt.Sprintf("rare%d", i%1000), Limit: 20})
			return err
		}},
		{"search-common", func(ctx context.Context, _ int) error {
			_, err := db.Search(ctx, liaison.SearchQuery{Query: "common", Limit: 20})
			return err
		}},
		{"search-prefix", func(ctx context.Context, i int) error {
			_, err := db.Search(ctx, liaison.SearchQuery{Query: fmt.Sprintf("w%d*", 100+i%400), Limit: 20})
			return err
		}},
		{"events", func(ctx context.Context, _ int) error {
			_, err := db.Events(ctx, liaison.EventFilter{Limit: 50})
			return err
		}},
		{"events-actor", func(ctx context.Context, i int) error {
			_, err := db.Events(ctx, liaison.EventFilter{Actor: benchActors[i%len(benchActors)], Limit: 50})
			return err
		}},
		{"timeline", func(ctx context.Context, _ int) error {
			_, err := db.Timeline(ctx, liaison.TimelineFilter{})
			return err
		}},
		{"timeline-actor", func(ctx context.Context, i int) error {
			_, err := db.Timeline(ctx, liaison.TimelineFilter{Actor: benchActors[i%len(benchActors)]})
			return err
		}},
		{"stats", func(ctx context.Context, _ int) error {
			_, err := db.Stats(ctx)
			return err
		}},
	}
	for _, q := range queries {
		// Viewers alternate within each iteration, so load changes on a
		// shared machine hit all of them alike.
		b.Run(q.name, func(b *testing.B) {
			lat := make([][]time.Duration, len(viewers))
			i := 0
			for b.Loop() {
				for j, v := range viewers {
					t0 := time.Now()
					if err := q.run(v.ctx, i); err != nil {
						b.Fatal(err)
					}
					lat[j] = append(lat[j], time.Since(t0))
				}
				i++
			}
			var p50off, p99off float64
			for j, v := range viewers {
				p50, p99 := percentiles(lat[j])
				b.ReportMetric(p50, v.name+"-p50-ms")
				b.ReportMetric(p99, v.name+"-p99-ms")
				if j == 0 {
					p50off, p99off = p50, p99
				} else if p50off > 0 && p99off > 0 {
					b.ReportMetric(100*(p50-p50off)/p50off, v.name+"-p50-overhead-%")
					b.ReportMetric(100*(p99-p99off)/p99off, v.name+"-p99-overhead-%")
				}
			}
		})
	}
}

// percentiles returns the 50th and 99th percentiles of lat in milliseconds.
func percentiles(lat []time.Duration) (p50, p99 float64) {
	slices.Sort(lat)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	return ms(lat[len(lat)/2]), ms(lat[len(lat)*99/100])
}

// BenchmarkPutDocument measures one-document-per-transaction ingest of
// Reuters-sized texts (store + FTS index), as `liaison ingest` does it.
func BenchmarkPutDocument(b *testing.B) {
	db, err := Open(context.Background(), filepath.Join(b.TempDir(), "put.db"), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	sys := liaison.SystemContext(context.Background())
	rng := rand.New(rand.NewPCG(3, 4))
	i := 0
	for b.Loop() {
		var sb strings.Builder
		for range 150 {
			fmt.Fprintf(&sb, "w%d ", rng.IntN(20000))
		}
		d := &liaison.Document{Title: fmt.Sprintf("Report %d", i), Text: sb.String(), Published: time.Now(),
			SimHash: rng.Uint64(), Marking: benchMarkings[i%len(benchMarkings)]}
		if _, err := db.PutDocument(sys, d); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkPutDocuments measures batched ingest (100 documents per
// transaction).
func BenchmarkPutDocuments(b *testing.B) {
	db, err := Open(context.Background(), filepath.Join(b.TempDir(), "put.db"), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	sys := liaison.SystemContext(context.Background())
	rng := rand.New(rand.NewPCG(3, 4))
	i := 0
	for b.Loop() {
		batch := make([]*liaison.Document, 100)
		for j := range batch {
			var sb strings.Builder
			for range 150 {
				fmt.Fprintf(&sb, "w%d ", rng.IntN(20000))
			}
			batch[j] = &liaison.Document{Title: fmt.Sprintf("Report %d", i), Text: sb.String(), Published: time.Now(),
				SimHash: rng.Uint64(), Marking: benchMarkings[i%len(benchMarkings)]}
			i++
		}
		if _, err := db.PutDocuments(sys, batch); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(i)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkNearDuplicateCandidates measures the per-document lookup ingest
// makes before each write (distance 3: the indexed bands), over 20,000
// fingerprints.
func BenchmarkNearDuplicateCandidates(b *testing.B) {
	db, err := Open(context.Background(), filepath.Join(b.TempDir(), "nd.db"), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	loadBenchCorpus(b, db, 20000)
	sys := liaison.SystemContext(context.Background())
	rng := rand.New(rand.NewPCG(8, 9))
	for b.Loop() {
		if _, err := db.NearDuplicateCandidates(sys, rng.Uint64(), 3); err != nil {
			b.Fatal(err)
		}
	}
}
