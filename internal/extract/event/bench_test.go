package event

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/liaison-project/liaison/internal/extract/dict"
	"github.com/liaison-project/liaison/internal/extract/sentence"
	"github.com/liaison-project/liaison/internal/shareddata"
)

// reutersSentences reads up to max sentences of Reuters-21578 bodies.
func reutersSentences(b *testing.B, max int) []string { return reutersSentencesT(b, max) }

func reutersSentencesT(b testing.TB, max int) []string {
	p := shareddata.Need(b, "data/news/reuters21578.jsonl.gz")
	f, err := os.Open(p)
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
	var out []string
	for sc.Scan() && len(out) < max {
		var doc struct {
			Body string `json:"body"`
		}
		if json.Unmarshal(sc.Bytes(), &doc) != nil || doc.Body == "" {
			continue
		}
		rs := []rune(doc.Body)
		for _, sp := range sentence.Split(doc.Body) {
			out = append(out, string(rs[sp.Start:sp.End]))
		}
	}
	return out
}

func benchCoder(b *testing.B, c *Coder, sents []string) {
	runtime.GC()
	b.ResetTimer()
	start := time.Now()
	n, evs := 0, 0
	for i := 0; i < b.N; i++ {
		for _, s := range sents {
			evs += len(c.CodeSentence(s, 19870301, nil, nil).Events)
			n++
		}
	}
	el := time.Since(start)
	b.StopTimer()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(n)/el.Seconds(), "sentences/s")
	b.ReportMetric(float64(evs)/float64(n), "events/sentence")
	b.ReportMetric(float64(ms.Sys)/(1<<20), "MB-sys")
}

// BenchmarkReutersBuiltin codes Reuters-21578 sentences with the built-in
// dictionaries (one goroutine: sentences per second per core).
func BenchmarkReutersBuiltin(b *testing.B) {
	sents := reutersSentences(b, 20000)
	c, err := NewBuiltin(Config{})
	if err != nil {
		b.Fatal(err)
	}
	benchCoder(b, c, sents)
}

// BenchmarkReutersFull codes them with the full PETRARCH CAMEO.2.0 +
// Phoenix dictionaries.
func BenchmarkReutersFull(b *testing.B) {
	sents := reutersSentences(b, 20000)
	v := shareddata.Need(b, "data/eventcoding/petrarch/CAMEO.2.0.txt")
	dir := filepath.Dir(v)
	start := time.Now()
	d, err := dict.LoadPETRARCHFiles(v, []string{filepath.Join(dir, "Phoenix.Countries.actors.txt"), filepath.Join(dir, "Phoenix.International.actors.txt"), filepath.Join(dir, "Phoenix.MilNonState.actors.txt")},
		filepath.Join(dir, "Phoenix.agents.txt"), filepath.Join(dir, "Phoenix.discards.txt"))
	if err != nil {
		b.Fatal(err)
	}
	c := New(d, Config{})
	b.ReportMetric(time.Since(start).Seconds(), "load-s")
	benchCoder(b, c, sents)
}
