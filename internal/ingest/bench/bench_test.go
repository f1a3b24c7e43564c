//go:build unix

package bench

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/liaison-project/liaison/internal/extract"
	"github.com/liaison-project/liaison/internal/ingest"
	"github.com/liaison-project/liaison/internal/ingest/sqlitebatch"
	"github.com/liaison-project/liaison/internal/pipeline"
	"github.com/liaison-project/liaison/internal/shareddata"
	"github.com/liaison-project/liaison/internal/sqlite"
)

// reutersToJSONL converts the shared Reuters-21578 corpus into ingest's JSONL
// input (text = body, or the title when a story has no body) and returns the
// path and the number of records.
func reutersToJSONL(tb testing.TB, dir string) (string, int) {
	tb.Helper()
	src := shareddata.Need(tb, "data/news/reuters21578.jsonl.gz")
	f, err := os.Open(src)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	out := filepath.Join(dir, "reuters.jsonl")
	w, err := os.Create(out)
	if err != nil {
		tb.Fatal(err)
	}
	defer w.Close()
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	sc := bufio.NewScanner(gz)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	n := 0
	for sc.Scan() {
		var s struct {
			NewID    int    `json:"newid"`
			Date     string `json:"date"`
			Title    string `json:"title"`
			Dateline string `json:"dateline"`
			Body     string `json:"body"`
		}
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			tb.Fatalf("reuters line %d: %v", n+1, err)
		}
		text := s.Body
		if text == "" {
			text = s.Title
		}
		rec := map[string]string{"title": s.Title, "date": s.Date, "text": text, "source": "Reuters"}
		if err := enc.Encode(rec); err != nil {
			tb.Fatal(err)
		}
		n++
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	if err := bw.Flush(); err != nil {
		tb.Fatal(err)
	}
	return out, n
}

// peakMemory samples the heap while a benchmark runs.
type peakMemory struct {
	mu   sync.Mutex
	heap uint64
	rss  uint64 // bytes, from /proc/self/status where there is one
	stop chan struct{}
	done chan struct{}
}

func watchMemory() *peakMemory {
	p := &peakMemory{stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(p.done)
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			p.mu.Lock()
			p.heap = max(p.heap, ms.HeapInuse)
			p.rss = max(p.rss, currentRSS())
			p.mu.Unlock()
			select {
			case <-p.stop:
				return
			case <-t.C:
			}
		}
	}()
	return p
}

func (p *peakMemory) finish() (heap, rss uint64) {
	close(p.stop)
	<-p.done
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.heap, p.rss
}

// currentRSS reads the resident set size of the process (Linux), or 0.
func currentRSS() uint64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// BenchmarkIngestReuters ingests the 21,578 Reuters stories into a fresh
// SQLite store (store + full-text index; no extraction) and reports
// documents per second, peak Go heap and the process's peak RSS.
func BenchmarkIngestReuters(b *testing.B) {
	benchReuters(b, nil)
}

// BenchmarkIngestReutersExtract is the same with the extraction pipeline run
// over every new document (the engine as wired by internal/app today).
func BenchmarkIngestReutersExtract(b *testing.B) {
	benchReuters(b, func(db *sqlite.DB) ingest.Pipeline {
		p, err := pipeline.New(extract.New(extract.Config{}), db, nil)
		if err != nil {
			b.Fatal(err)
		}
		return p
	})
}

func benchReuters(b *testing.B, newPipeline func(*sqlite.DB) ingest.Pipeline) {
	dir := b.TempDir()
	input, n := reutersToJSONL(b, dir)
	ctx := context.Background()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		db, err := sqlite.Open(ctx, filepath.Join(dir, "bench.db"+string(rune('a'+i%26))), nil)
		if err != nil {
			b.Fatal(err)
		}
		cfg := ingest.Config{Store: db, Batch: sqlitebatch.New(db), MaxBytes: ingest.DefaultMaxBytes, HostInterval: -1}
		if newPipeline != nil {
			cfg.Pipeline = newPipeline(db)
		}
		in := ingest.New(cfg)
		runtime.GC()
		mem := watchMemory()
		b.StartTimer()
		start := time.Now()
		sum, err := in.Run(ctx, []string{input})
		el := time.Since(start)
		b.StopTimer()
		heap, rss := mem.finish()
		if err != nil {
			b.Fatal(err)
		}
		var ru0 syscall.Rusage
		if syscall.Getrusage(syscall.RUSAGE_SELF, &ru0) == nil {
			cpu := time.Duration(ru0.Utime.Nano() + ru0.Stime.Nano())
			b.ReportMetric(cpu.Seconds(), "cpu-s")
		}
		db.Close()
		b.ReportMetric(float64(n)/el.Seconds(), "docs/s")
		b.ReportMetric(float64(heap)/(1<<20), "peak-heap-MB")
		if rss > 0 {
			b.ReportMetric(float64(rss)/(1<<20), "peak-rss-MB")
		}
		var ru syscall.Rusage
		if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
			b.ReportMetric(float64(ru.Maxrss)/1024, "maxrss-MB")
		}
		b.ReportMetric(float64(sum.Stored), "stored")
		b.ReportMetric(float64(sum.Duplicates), "duplicates")
		b.ReportMetric(float64(sum.NearDuplicates), "near-dups")
		b.ReportMetric(float64(sum.Failed), "failed")
		b.StartTimer()
	}
}
