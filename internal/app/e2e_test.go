package app

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
)

const pageHTML = `<!doctype html><html lang="en"><head><title>Japan joins NATO summit in Vilnius</title>
<meta property="article:published_time" content="2023-07-11T09:00:00Z">
<meta name="author" content="A. Reporter"></head><body><nav>Home | World</nav>
<article><h1>Japan joins NATO summit in Vilnius</h1>
<p>Japanese Prime Minister Fumio Kishida met NATO Secretary General Jens Stoltenberg in Vilnius on Tuesday, the two leaders agreeing to deepen cooperation on cyber defence and maritime security.</p>
<p>"Japan stands with its partners," Kishida said after the meeting, adding that the security of the Euro-Atlantic and the Indo-Pacific could not be separated.</p>
</article><footer>Copyright</footer></body></html>`

const fileText = `Italian patrol vessel calls at Yokosuka

Yokosuka, 10 July 2023 — The Italian Navy offshore patrol vessel Francesco Morosini arrived in Yokosuka on Monday for a port call, Japan's Maritime Self-Defense Force said. Japan and Italy will hold a joint exercise in the Pacific next week.`

// startNode starts a node on port 0 over a temporary data directory.
func startNode(t *testing.T, cfg Config) *Main {
	return startNodeFeeds(t, cfg, 0)
}

// startNodeFeeds starts a node that polls feeds every poll (0: no polling).
func startNodeFeeds(t *testing.T, cfg Config, poll time.Duration) *Main {
	t.Helper()
	cfg.DataDir = t.TempDir()
	cfg.Addr = "127.0.0.1:0"
	cfg.FetchHostInterval = -1
	cfg.NoScheduler, cfg.PollInterval = poll == 0, poll
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if cfg.Viewer == nil {
		cfg.Viewer = &liaison.Viewer{Name: "e2e", Nation: "JPN", Role: liaison.RoleAnalyst, Clearance: 4}
	}
	m, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	if err := m.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := m.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
	})
	return m
}

// ingestSamples ingests a web page from an httptest server and a text file.
func ingestSamples(t *testing.T, m *Main) []string {
	t.Helper()
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, pageHTML)
	}))
	t.Cleanup(site.Close)
	file := filepath.Join(t.TempDir(), "yokosuka.txt")
	if err := os.WriteFile(file, []byte(fileText), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	sum, err := m.Ingester(liaison.Marking{Classification: "PUBLIC"}).Run(ctx, []string{site.URL + "/vilnius", file})
	if err != nil || sum.Stored != 2 || sum.Failed != 0 {
		t.Fatalf("ingest: %+v, %v", sum, err)
	}
	again, err := m.Ingester(liaison.Marking{Classification: "PUBLIC"}).Run(ctx, []string{site.URL + "/vilnius", file})
	if err != nil || again.Stored != 0 || again.Duplicates != 2 {
		t.Errorf("second ingest stored again: %+v, %v", again, err)
	}
	return sum.IDs
}

func getJSON(t *testing.T, m *Main, path string, v any) {
	t.Helper()
	body := httpGet(t, m.URL()+path, http.StatusOK)
	if err := json.Unmarshal([]byte(body), v); err != nil {
		t.Fatalf("GET %s: %v\n%s", path, err, body)
	}
}

// checkReadBack reads the ingested documents back through the API and the
// HTML pages.
func checkReadBack(t *testing.T, m *Main, ids []string, wantEvents bool) {
	t.Helper()
	var docs liaison.Page[liaison.Document]
	getJSON(t, m, "/api/v1/documents", &docs)
	if docs.Total != 2 || len(docs.Items) != 2 {
		t.Fatalf("documents: total %d, %d items", docs.Total, len(docs.Items))
	}
	var p1, p2 liaison.Page[liaison.Document]
	getJSON(t, m, "/api/v1/documents?limit=1", &p1)
	if len(p1.Items) != 1 || p1.NextCursor == "" {
		t.Fatalf("first page: %+v", p1)
	}
	getJSON(t, m, "/api/v1/documents?limit=1&cursor="+url.QueryEscape(p1.NextCursor), &p2)
	if len(p2.Items) != 1 || p2.Items[0].ID == p1.Items[0].ID || p2.NextCursor != "" {
		t.Errorf("second page: %+v", p2)
	}
	var d liaison.Document
	getJSON(t, m, "/api/v1/documents/"+ids[0], &d)
	if d.Title != "Japan joins NATO summit in Vilnius" || !strings.Contains(d.Text, "Kishida") || strings.Contains(d.Text, "Copyright") {
		t.Errorf("page document: %q / %q", d.Title, d.Text)
	}
	if got := d.Published.UTC().Format(time.DateOnly); got != "2023-07-11" {
		t.Errorf("page published %s; want 2023-07-11", got)
	}
	var x liaison.Extraction
	getJSON(t, m, "/api/v1/documents/"+ids[0]+"/extraction", &x)
	if len(x.Sentences) == 0 || (wantEvents && (len(x.Actors) == 0 || len(x.Events) == 0)) {
		t.Errorf("extraction: %d sentences, %d actors, %d events", len(x.Sentences), len(x.Actors), len(x.Events))
	}
	var hits liaison.Page[liaison.SearchHit]
	getJSON(t, m, "/api/v1/search?q="+url.QueryEscape("Morosini"), &hits)
	if hits.Total != 1 || len(hits.Items) != 1 || !strings.Contains(hits.Items[0].Snippet, "[[") {
		t.Errorf("search Morosini: %+v", hits)
	}
	var evs liaison.Page[liaison.Event]
	getJSON(t, m, "/api/v1/events?actor=JPN", &evs)
	if wantEvents && evs.Total == 0 {
		t.Errorf("no events for actor JPN")
	}
	for _, e := range evs.Items {
		if e.DocID == "" || e.Marking.Classification != "PUBLIC" {
			t.Errorf("event without provenance or marking: %+v", e)
		}
	}
	for path, want := range map[string]string{
		"/":                    "Japan joins NATO summit in Vilnius",
		"/documents/" + ids[0]: `<mark class="actor"`,
		"/events?actor=JPN":    "JPN",
		"/search?q=Yokosuka":   "<mark>",
		"/feeds":               "Feeds",
		"/api/v1/openapi.json": `"openapi"`,
		"/healthz":             `"ok"`,
	} {
		if body := httpGet(t, m.URL()+path, http.StatusOK); !strings.Contains(body, want) {
			t.Errorf("GET %s lacks %q", path, want)
		}
	}
	httpGet(t, m.URL()+"/api/v1/documents/"+fmt.Sprint("01NOPE"), http.StatusNotFound)
	httpGet(t, m.URL()+"/metrics", http.StatusForbidden) // an analyst: metrics are for admins
}

// TestEndToEnd is the real path: SQLite in a temporary data directory, the
// extraction engine, ingest of a web page (httptest) and a file, then reads
// through the API and the pages.
func TestEndToEnd(t *testing.T) {
	m := startNode(t, Config{})
	ids := ingestSamples(t, m)
	checkReadBack(t, m, ids, true)
}

const rssFeed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Sample Wire</title><link>http://example.org/</link>
<item><title>Japan and NATO sign partnership programme</title><link>%s/story1</link><pubDate>Wed, 12 Jul 2023 08:00:00 GMT</pubDate>
<description>Japan and NATO signed an Individually Tailored Partnership Programme in Vilnius on Wednesday, covering cyber defence, space and maritime security, officials said after the summit.</description></item>
</channel></rss>`

// TestFeedPolling subscribes a feed through the API and waits for the
// scheduler to ingest its entry.
func TestFeedPolling(t *testing.T) {
	var site *httptest.Server
	site = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/rss" {
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, rssFeed, site.URL)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, pageHTML)
	}))
	defer site.Close()
	m := startNodeFeeds(t, Config{}, 50*time.Millisecond)
	resp, err := http.Post(m.URL()+"/api/v1/feeds", "application/json",
		strings.NewReader(`{"url":"`+site.URL+`/rss","every":"15m","marking":"NATO UNCLASSIFIED"}`))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("add feed = %d %s", resp.StatusCode, b)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		var docs liaison.Page[liaison.Document]
		getJSON(t, m, "/api/v1/documents", &docs)
		if docs.Total > 0 {
			if got := docs.Items[0].Marking.Classification; got != "NATO UNCLASSIFIED" {
				t.Errorf("feed document marked %q", got)
			}
			break
		}
		if time.Now().After(deadline) {
			var feeds liaison.Page[liaison.Feed]
			getJSON(t, m, "/api/v1/feeds", &feeds)
			t.Fatalf("feed never ingested: %+v", feeds.Items)
		}
		time.Sleep(50 * time.Millisecond)
	}
	for !strings.Contains(httpGet(t, m.URL()+"/feeds", http.StatusOK), "Sample Wire") {
		if time.Now().After(deadline) {
			t.Fatal("feeds page never showed the polled feed's title")
		}
		time.Sleep(20 * time.Millisecond)
	}
}
