package httpapi

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/liaison-project/liaison"
)

// durationBuckets are the histogram upper bounds, in seconds.
var durationBuckets = []float64{0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5}

// metrics counts requests by route and status and times them by route. It
// writes the Prometheus text exposition format itself.
type metrics struct {
	start time.Time

	mu        sync.Mutex
	requests  map[reqKey]uint64
	durations map[string]*histogram
}

type reqKey struct {
	route  string
	status int
}

type histogram struct {
	counts []uint64 // per bucket, not cumulative
	sum    float64
	count  uint64
}

func newMetrics() *metrics {
	return &metrics{start: time.Now(), requests: map[reqKey]uint64{}, durations: map[string]*histogram{}}
}

// observe records one finished request.
func (m *metrics) observe(route string, status int, d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[reqKey{route, status}]++
	h := m.durations[route]
	if h == nil {
		h = &histogram{counts: make([]uint64, len(durationBuckets))}
		m.durations[route] = h
	}
	sec := d.Seconds()
	for i, b := range durationBuckets {
		if sec <= b {
			h.counts[i]++
			break
		}
	}
	h.sum += sec
	h.count++
}

// write renders the request metrics in the text exposition format.
func (m *metrics) write(w io.Writer) {
	m.mu.Lock()
	defer m.mu.Unlock()
	keys := make([]reqKey, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].route != keys[j].route {
			return keys[i].route < keys[j].route
		}
		return keys[i].status < keys[j].status
	})
	fmt.Fprintln(w, "# HELP liaison_http_requests_total HTTP requests served, by route and status code.")
	fmt.Fprintln(w, "# TYPE liaison_http_requests_total counter")
	for _, k := range keys {
		fmt.Fprintf(w, "liaison_http_requests_total{route=%s,code=\"%d\"} %d\n", quoteLabel(k.route), k.status, m.requests[k])
	}
	routes := make([]string, 0, len(m.durations))
	for r := range m.durations {
		routes = append(routes, r)
	}
	sort.Strings(routes)
	fmt.Fprintln(w, "# HELP liaison_http_request_duration_seconds Time to serve HTTP requests, by route.")
	fmt.Fprintln(w, "# TYPE liaison_http_request_duration_seconds histogram")
	for _, r := range routes {
		h := m.durations[r]
		var cum uint64
		for i, b := range durationBuckets {
			cum += h.counts[i]
			fmt.Fprintf(w, "liaison_http_request_duration_seconds_bucket{route=%s,le=\"%s\"} %d\n", quoteLabel(r), strconv.FormatFloat(b, 'g', -1, 64), cum)
		}
		fmt.Fprintf(w, "liaison_http_request_duration_seconds_bucket{route=%s,le=\"+Inf\"} %d\n", quoteLabel(r), h.count)
		fmt.Fprintf(w, "liaison_http_request_duration_seconds_sum{route=%s} %g\n", quoteLabel(r), h.sum)
		fmt.Fprintf(w, "liaison_http_request_duration_seconds_count{route=%s} %d\n", quoteLabel(r), h.count)
	}
}

// quoteLabel quotes a label value, escaping backslash, quote and newline.
func quoteLabel(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

// statusRecorder remembers the status code a handler wrote.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

// WriteHeader records the first status written.
func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

// Write records an implicit 200 before the first body bytes.
func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return s.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// instrument measures and logs every request of one route.
func (s *Server) instrument(route string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w}
		h.ServeHTTP(rec, r)
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		d := time.Since(start)
		s.metrics.observe(route, rec.status, d)
		s.log.Debug("request", "route", route, "path", r.URL.Path, "status", rec.status, "duration", d)
	})
}

// serveMetrics answers GET /metrics: request metrics, the counts of items the
// scraper may see, and a few process figures. Only administrators (a session
// or an API token of an admin user) may read it: the request counters cover
// every user's traffic — how often anyone met a 404 or 403 on which route —
// which is a side channel between users of different nations.
func (s *Server) serveMetrics(w http.ResponseWriter, r *http.Request) {
	if !isAdmin(r.Context()) {
		WriteError(w, r, s.log, liaison.Errorf(liaison.ErrForbidden, "/metrics: administrators only"))
		return
	}
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	bw := bufio.NewWriter(w)
	defer bw.Flush()
	s.metrics.write(bw)
	if st, err := s.cfg.Stats.Stats(r.Context()); err == nil {
		gauge(bw, "liaison_documents_total", "Documents stored (visible to the scraper).", float64(st.Documents))
		gauge(bw, "liaison_events_total", "Coded events stored (visible to the scraper).", float64(st.Events))
		gauge(bw, "liaison_feeds_total", "Subscribed feeds.", float64(st.Feeds))
	} else {
		s.log.Warn("metrics: stats", "err", err)
	}
	gauge(bw, "liaison_goroutines", "Goroutines running.", float64(runtime.NumGoroutine()))
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	gauge(bw, "liaison_heap_bytes", "Bytes of allocated heap objects.", float64(ms.HeapAlloc))
	gauge(bw, "liaison_start_time_seconds", "Start time of the server, Unix seconds.", float64(s.metrics.start.Unix()))
}

func gauge(w io.Writer, name, help string, v float64) {
	fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s gauge\n%s %g\n", name, help, name, name, v)
}

// isAdmin reports whether the request is an administrator's: the
// authenticated user's own role (an admin viewing as a nation is still an
// admin), or, without authentication configured, the fixed viewer's.
func isAdmin(ctx context.Context) bool {
	if u, ok := RealUser(ctx); ok {
		return u.Role == liaison.RoleAdmin
	}
	v, ok := liaison.ViewerFrom(ctx)
	return ok && (v.System || v.Role == liaison.RoleAdmin)
}
