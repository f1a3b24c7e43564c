package extract_test

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/extract"
	"github.com/liaison-project/liaison/internal/extract/actor"
	"github.com/liaison-project/liaison/internal/extract/place"
	"github.com/liaison-project/liaison/internal/extract/sentence"
	"github.com/liaison-project/liaison/internal/shareddata"
)

// reuters loads the Reuters-21578 bodies with their dates.
func reuters(b *testing.B) []liaison.ExtractInput {
	b.Helper()
	f, err := os.Open(shareddata.Need(b, "data/news/reuters21578.jsonl.gz"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	sc := bufio.NewScanner(gz)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var docs []liaison.ExtractInput
	for sc.Scan() {
		var s struct {
			Date, Title, Body string
		}
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			b.Fatal(err)
		}
		if strings.TrimSpace(s.Body) == "" {
			continue
		}
		d := "1987-03-01"
		if t, err := time.Parse("2-Jan-2006", strings.Fields(s.Date + " x")[0]); err == nil {
			d = t.Format("2006-01-02")
		}
		docs = append(docs, liaison.ExtractInput{Text: s.Body, Title: s.Title, Date: d})
	}
	return docs
}

// benchEngine runs e over the corpus on one goroutine, one document per
// iteration, and reports sentences per second and memory obtained from the
// OS (an upper bound of the peak heap).
func benchEngine(b *testing.B, e *extract.Engine) {
	docs := reuters(b)
	sents := make([]int, len(docs))
	for i, d := range docs {
		sents[i] = len(sentence.Split(d.Text))
	}
	runtime.GC()
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		k := i % len(docs)
		if _, err := e.Extract(context.Background(), docs[k]); err != nil {
			b.Fatal(err)
		}
		n += sents[k]
	}
	b.StopTimer()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(ms.Sys)/(1<<20), "sys-MB")
}

// BenchmarkReutersText is this package's own steps: sentences, dates,
// quotes (no finders).
func BenchmarkReutersText(b *testing.B) { benchEngine(b, extract.New(extract.Config{})) }

// BenchmarkReutersUnderstanding is the understanding layer: sentences,
// actors, places, dates and quotes with the built-in dictionaries.
func BenchmarkReutersUnderstanding(b *testing.B) {
	af, err := actor.Default()
	if err != nil {
		b.Fatal(err)
	}
	pf, err := place.Default()
	if err != nil {
		b.Fatal(err)
	}
	benchEngine(b, extract.New(extract.Config{Actors: af, Places: pf}))
}

// BenchmarkReutersDefault is the whole engine, event coding included.
func BenchmarkReutersDefault(b *testing.B) {
	e, err := extract.Default()
	if err != nil {
		b.Fatal(err)
	}
	benchEngine(b, e)
}
