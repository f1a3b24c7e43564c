package sqlite

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
)

// BenchmarkSearchFacets measures Search latency over the Reuters corpus
// with and without facets, for the realistic queries of
// BenchmarkSearchLatency and its three viewers, reporting p50/p99 over all
// queries and viewers, the same for "said" (15,000 hits) alone, and "said"
// filtered to a month (with facets).
// Run: LIAISON_REUTERS_DB=… go test ./internal/sqlite -run X -bench SearchFacets -benchtime 3x
func BenchmarkSearchFacets(b *testing.B) {
	db := openReuters(b)
	defer db.Close()
	viewers := []context.Context{
		liaison.SystemContext(context.Background()),
		liaison.WithViewer(context.Background(), liaison.Viewer{Nation: "USA", Clearance: 9, Caveats: []string{"ATOMAL", "CRYPTO"}}),
		liaison.WithViewer(context.Background(), liaison.Viewer{Nation: "JPN", Clearance: 2}),
	}
	lat := map[string][]time.Duration{}
	for b.Loop() {
		for _, q := range reutersQueries {
			for _, v := range viewers {
				for _, facets := range []bool{false, true} {
					t0 := time.Now()
					p, err := db.Search(v, liaison.SearchQuery{Query: q, Limit: 20, Facets: facets})
					if err != nil {
						b.Fatal(err)
					}
					d := time.Since(t0)
					if facets != (p.Facets != nil) {
						b.Fatalf("%q: facets %v asked, got %v", q, facets, p.Facets)
					}
					key := map[bool]string{false: "plain", true: "facets"}[facets]
					lat[key] = append(lat[key], d)
					if q == "said" {
						lat["said-"+key] = append(lat["said-"+key], d)
					}
				}
				if q == "said" {
					// A followed month facet: the filter joins every hit too.
					t0 := time.Now()
					if _, err := db.Search(v, liaison.SearchQuery{Query: q, Limit: 20, Facets: true, Month: "1987-03"}); err != nil {
						b.Fatal(err)
					}
					lat["said-month"] = append(lat["said-month"], time.Since(t0))
				}
			}
		}
	}
	for _, key := range []string{"plain", "facets", "said-plain", "said-facets", "said-month"} {
		p50, p99 := percentiles(lat[key])
		b.ReportMetric(p50, key+"-p50-ms")
		b.ReportMetric(p99, key+"-p99-ms")
		fmt.Fprintf(os.Stderr, "%-12s p50 %5.1f ms  p99 %5.1f ms  (%d searches)\n", key, p50, p99, len(lat[key]))
	}
}
