package sqlite

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
)

// reutersQueries are realistic searches over Reuters-21578: single words
// from near-stopword ("said", in ~80% of stories) to rare, phrases,
// prefixes of several lengths and boolean combinations.
var reutersQueries = []string{
	// single words, most to least frequent
	"said", "mln", "pct", "year", "company", "bank", "oil", "trade", "market", "shares",
	"japan", "dollar", "opec", "gold", "wheat", "coffee", "cocoa", "bundesbank", "zinc", "rubber",
	// phrases
	`"interest rates"`, `"central bank"`, `"stock exchange"`, `"crude oil"`, `"trade deficit"`,
	`"federal reserve"`, `"said it"`,
	// prefixes
	"bank*", "oil*", "comp*", "exp*", "in*", "s*", "yen*", `"interest rate"*`,
	// booleans
	"opec OR saudi", "trade NOT japan", "oil AND prices", "dollar yen",
}

// openReuters opens a store holding the Reuters-21578 stories: the file
// named by LIAISON_REUTERS_DB when it exists (for repeated runs), else a
// fresh one (written there when the variable is set).
func openReuters(b *testing.B) *DB {
	path := os.Getenv("LIAISON_REUTERS_DB")
	fresh := path == ""
	if fresh {
		path = filepath.Join(b.TempDir(), "reuters.db")
	} else if _, err := os.Stat(path); err != nil {
		fresh = true
	}
	db, err := Open(context.Background(), path, nil)
	if err != nil {
		b.Fatal(err)
	}
	if fresh {
		docs := readReuters(b)
		sys := liaison.SystemContext(context.Background())
		start := time.Now()
		for i := 0; i < len(docs); i += 500 {
			if _, err := db.PutDocuments(sys, docs[i:min(len(docs), i+500)]); err != nil {
				b.Fatal(err)
			}
		}
		el := time.Since(start)
		fmt.Fprintf(os.Stderr, "stored %d stories (store + FTS index) in %s: %.0f docs/s\n",
			len(docs), el.Round(time.Millisecond), float64(len(docs))/el.Seconds())
	}
	return db
}

// BenchmarkSearchLatency measures Search latency over the Reuters corpus
// for ≥ 30 realistic queries and three viewers (system, a user cleared for
// everything, a partner who sees about a third), reporting p50/p99 over all
// queries per viewer and each query's worst-viewer p50 in the log.
// Run: go test ./internal/sqlite -run X -bench SearchLatency -benchtime 10x
func BenchmarkSearchLatency(b *testing.B) {
	db := openReuters(b)
	defer db.Close()
	viewers := []struct {
		name string
		ctx  context.Context
	}{
		{"system", liaison.SystemContext(context.Background())},
		{"cleared", liaison.WithViewer(context.Background(), liaison.Viewer{Nation: "USA", Clearance: 9, Caveats: []string{"ATOMAL", "CRYPTO"}})},
		{"partner", liaison.WithViewer(context.Background(), liaison.Viewer{Nation: "JPN", Clearance: 2})},
	}
	all := make([][]time.Duration, len(viewers))
	perQuery := make([][]time.Duration, len(reutersQueries))
	totals := make([]int, len(reutersQueries))
	for b.Loop() {
		for qi, q := range reutersQueries {
			for j, v := range viewers {
				t0 := time.Now()
				p, err := db.Search(v.ctx, liaison.SearchQuery{Query: q, Limit: 20})
				if err != nil {
					b.Fatal(err)
				}
				d := time.Since(t0)
				all[j] = append(all[j], d)
				perQuery[qi] = append(perQuery[qi], d)
				if j == 0 {
					totals[qi] = p.Total
				}
			}
		}
	}
	for j, v := range viewers {
		p50, p99 := percentiles(all[j])
		b.ReportMetric(p50, v.name+"-p50-ms")
		b.ReportMetric(p99, v.name+"-p99-ms")
	}
	var pooled []time.Duration
	for j := range all {
		pooled = append(pooled, all[j]...)
	}
	p50, p99 := percentiles(pooled)
	b.ReportMetric(p50, "all-p50-ms")
	b.ReportMetric(p99, "all-p99-ms")
	var lines []string
	for qi, q := range reutersQueries {
		lat := slices.Clone(perQuery[qi])
		p50, p99 := percentiles(lat)
		lines = append(lines, strings.TrimSpace(strings.Join([]string{q, itoa(totals[qi]) + " hits",
			ftoa(p50) + "/" + ftoa(p99) + " ms"}, "  ")))
	}
	fmt.Fprintf(os.Stderr, "per query (system hits, p50/p99 over viewers):\n%s\n", strings.Join(lines, "\n"))
}

func itoa(n int) string { return strconv.Itoa(n) }

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }
