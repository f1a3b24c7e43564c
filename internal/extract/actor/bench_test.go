package actor

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/liaison-project/liaison/internal/extract/place"
	"github.com/liaison-project/liaison/internal/extract/sentence"
	"github.com/liaison-project/liaison/internal/shareddata"
)

// BenchmarkReutersEntities runs the actor and place finders over Reuters
// bodies and reports sentences per second (one core) and heap in use.
func BenchmarkReutersEntities(b *testing.B) {
	p := shareddata.Need(b, "data/news/reuters21578.jsonl.gz")
	f, err := os.Open(p)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	var bodies []string
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() && len(bodies) < 5000 {
		var r struct {
			Body string `json:"body"`
		}
		if json.Unmarshal(sc.Bytes(), &r) == nil && r.Body != "" {
			bodies = append(bodies, r.Body)
		}
	}
	af := mustFinder(b)
	pf, err := place.Default()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	sents, start := 0, time.Now()
	for b.Loop() {
		for _, body := range bodies {
			ss := sentence.Split(body)
			sents += len(ss)
			acts := af.Find(body, ss, time.Time{})
			pf.Find(body, ss, acts)
		}
	}
	b.ReportMetric(float64(sents)/time.Since(start).Seconds(), "sents/s")
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heapMB")
}
