package sqlite

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/shareddata"
)

// readReuters reads the Reuters-21578 stories that have a body.
func readReuters(b *testing.B) []*liaison.Document {
	f, err := os.Open(shareddata.Need(b, "data/news/reuters21578.jsonl.gz"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(5, 6))
	var out []*liaison.Document
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var r struct {
			NewID int    `json:"newid"`
			Title string `json:"title"`
			Body  string `json:"body"`
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil || strings.TrimSpace(r.Body) == "" {
			continue
		}
		pub := time.Date(1987, 2, 26, 0, 0, 0, 0, time.UTC).Add(time.Duration(r.NewID) * time.Minute)
		out = append(out, &liaison.Document{Source: "reuters", Title: r.Title, Text: r.Body,
			URL: fmt.Sprintf("reuters:%d", r.NewID), Published: pub, Fetched: pub, SimHash: rng.Uint64(),
			Marking: benchMarkings[rng.IntN(len(benchMarkings))]})
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	return out
}

// BenchmarkReuters stores the Reuters-21578 stories (store + FTS index, in
// batches of 500) and then measures search latency with enforcement off and
// on, reporting docs/s and p50/p99 per query.
func BenchmarkReuters(b *testing.B) {
	docs := readReuters(b)
	db, err := Open(context.Background(), filepath.Join(b.TempDir(), "reuters.db"), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	sys := liaison.SystemContext(context.Background())
	start := time.Now()
	for i := 0; i < len(docs); i += 500 {
		if _, err := db.PutDocuments(sys, docs[i:min(len(docs), i+500)]); err != nil {
			b.Fatal(err)
		}
	}
	el := time.Since(start)
	b.Logf("stored %d stories in %s: %.0f docs/s", len(docs), el.Round(time.Millisecond), float64(len(docs))/el.Seconds())
	queries := []string{"said", "oil", "cocoa", `"interest rates"`, "bank*", "opec OR saudi", "trade NOT japan", "zzzz"}
	viewers := []struct {
		name string
		ctx  context.Context
	}{
		{"off", sys},
		{"on-cleared", liaison.WithViewer(context.Background(), liaison.Viewer{Nation: "USA", Clearance: 9, Caveats: []string{"ATOMAL", "CRYPTO"}})},
		{"on-partner", liaison.WithViewer(context.Background(), liaison.Viewer{Nation: "JPN", Clearance: 2})},
	}
	for _, q := range queries {
		b.Run(strings.Trim(strings.ReplaceAll(q, " ", "_"), `"*`), func(b *testing.B) {
			lat := make([][]time.Duration, len(viewers))
			for b.Loop() {
				for j, v := range viewers {
					t0 := time.Now()
					if _, err := db.Search(v.ctx, liaison.SearchQuery{Query: q, Limit: 20}); err != nil {
						b.Fatal(err)
					}
					lat[j] = append(lat[j], time.Since(t0))
				}
			}
			for j, v := range viewers {
				p50, p99 := percentiles(lat[j])
				b.ReportMetric(p50, v.name+"-p50-ms")
				b.ReportMetric(p99, v.name+"-p99-ms")
			}
		})
	}
}
