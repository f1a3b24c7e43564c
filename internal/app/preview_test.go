package app

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"testing"
)

// TestPreview serves the demo corpus over SQLite with a fixed viewer for a
// manual look (LIAISON_PREVIEW=1).
func TestPreview(t *testing.T) {
	if os.Getenv("LIAISON_PREVIEW") == "" {
		t.Skip("manual")
	}
	v := DemoViewer()
	m := startNode(t, Config{Viewer: &v})
	if _, err := m.LoadDemo(context.Background()); err != nil {
		t.Fatal(err)
	}
	fmt.Fprintln(os.Stderr, "PREVIEW", m.URL())
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt)
	<-ch
}
