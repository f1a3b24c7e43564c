package app

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"testing"

	"github.com/liaison-project/liaison"
)

// BenchmarkServePages loads the demo corpus into SQLite and measures the
// full HTTP round trip of the overview, a document page, a search and the
// events API.
func BenchmarkServePages(b *testing.B) {
	v := DemoViewer()
	m, err := New(Config{DataDir: b.TempDir(), Addr: "127.0.0.1:0", NoScheduler: true, Viewer: &v,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	if err := m.Start(ctx); err != nil {
		b.Fatal(err)
	}
	defer m.Close()
	sum, err := m.LoadDemo(ctx)
	if err != nil || len(sum.IDs) == 0 {
		b.Fatalf("load demo: %+v %v", sum, err)
	}
	docs, err := m.Store().Documents(liaison.SystemContext(ctx), liaison.DocumentFilter{Limit: 1})
	if err != nil {
		b.Fatal(err)
	}
	for _, p := range []struct{ name, path string }{
		{"overview", "/"},
		{"document", "/documents/" + docs.Items[0].ID},
		{"search", "/search?q=Japan"},
		{"events-api", "/api/v1/events?limit=50"},
	} {
		b.Run(p.name, func(b *testing.B) {
			for b.Loop() {
				resp, err := http.Get(m.URL() + p.path)
				if err != nil {
					b.Fatal(err)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					b.Fatal(resp.Status)
				}
			}
		})
	}
}
