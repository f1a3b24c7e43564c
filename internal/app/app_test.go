package app

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/memstore"
)

type memStore struct{ *memstore.Store }

func (memStore) Close() error { return nil }

type wordExtractor struct{}

// Extract finds "Japan" as an actor and codes one consult event per document.
func (wordExtractor) Extract(ctx context.Context, in liaison.ExtractInput) (*liaison.Extraction, error) {
	x := &liaison.Extraction{ID: in.ID, Sentences: []liaison.Span{{Start: 0, End: len([]rune(in.Text))}}}
	if i := strings.Index(in.Text, "Japan"); i >= 0 {
		x.Actors = append(x.Actors, liaison.ActorMention{Text: "Japan", Code: "JPN", Start: i, End: i + 5})
		x.Events = append(x.Events, liaison.Event{Source: "JPN", Target: "IGOWSTNAT", CAMEO: "040", Root: "04"})
	}
	return x, nil
}

func TestMainWithFakes(t *testing.T) {
	ctx := context.Background()
	m, err := New(Config{
		DataDir: t.TempDir(), Addr: "127.0.0.1:0",
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Viewer: &liaison.Viewer{Nation: "JPN", Role: liaison.RoleReader, Clearance: 1},
		OpenStore: func(context.Context, string, *slog.Logger) (Store, error) {
			return memStore{memstore.New()}, nil
		},
		Extractor: wordExtractor{}, NoScheduler: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	sys := liaison.SystemContext(ctx)
	d := &liaison.Document{Title: "Japan at Vilnius", Text: "Japan met NATO in Vilnius.", ContentHash: "x", Published: time.Now()}
	if _, err := m.Store().PutDocument(sys, d); err != nil {
		t.Fatal(err)
	}
	if err := m.Pipeline().Process(sys, d); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		"/healthz":                 "ok",
		"/api/v1/events":           "IGOWSTNAT",
		"/documents/" + d.ID:       `<mark class="actor"`,
		"/api/v1/search?q=vilnius": "[[",
	} {
		body := httpGet(t, m.URL()+path, 200)
		if !strings.Contains(body, want) {
			t.Errorf("GET %s lacks %q", path, want)
		}
	}
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := http.Get(m.URL() + "/healthz"); err == nil {
		t.Error("still serving after Close")
	}
}

func httpGet(t *testing.T, url string, want int) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != want {
		t.Fatalf("GET %s = %d; want %d: %s", url, resp.StatusCode, want, b)
	}
	return string(b)
}

// TestEndToEndFakeStore runs the end-to-end path over the memory store and
// a word extractor: ingest (web page + file) → pipeline → API and pages.
func TestEndToEndFakeStore(t *testing.T) {
	m := startNode(t, Config{
		OpenStore: func(context.Context, string, *slog.Logger) (Store, error) { return memStore{memstore.New()}, nil },
		Extractor: wordExtractor{},
	})
	checkReadBack(t, m, ingestSamples(t, m), true)
}

// TestLoadDemo loads the embedded corpus through the ingest path twice: the
// first run stores every report, marked; the second stores nothing.
func TestLoadDemo(t *testing.T) {
	m := startNode(t, Config{
		OpenStore: func(context.Context, string, *slog.Logger) (Store, error) { return memStore{memstore.New()}, nil },
		Extractor: wordExtractor{},
	})
	ctx := context.Background()
	sum, err := m.LoadDemo(ctx)
	if err != nil || sum.Failed != 0 || sum.Stored < 10 {
		t.Fatalf("load demo: %+v, %v", sum, err)
	}
	again, err := m.LoadDemo(ctx)
	if err != nil || again.Stored != 0 || again.Duplicates != sum.Stored+sum.NearDuplicates {
		t.Errorf("second load: %+v, %v", again, err)
	}
	page, err := m.Store().Documents(liaison.SystemContext(ctx), liaison.DocumentFilter{Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	marked := 0
	for _, d := range page.Items {
		if d.Marking.Classification == "" {
			t.Errorf("demo document %q unmarked", d.Title)
		}
		if len(d.Marking.RelTo) > 0 {
			marked++
		}
	}
	if marked == 0 {
		t.Error("no demo document has a releasability list")
	}
}
