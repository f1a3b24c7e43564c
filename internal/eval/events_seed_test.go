package eval

import (
	"context"
	"io"
	"os"
	"testing"

	"github.com/liaison-project/liaison/internal/shareddata"
)

// TestSeedEvents codes the seed report with the built-in dictionaries
// through the full engine: all 12 required events, at most 3 false
// positives, dates and places where the gold gives them.
func TestSeedEvents(t *testing.T) {
	shareddata.Need(t, "data/seed/seed-gold.json")
	var w io.Writer = io.Discard
	if testing.Verbose() {
		w = os.Stderr
	}
	sc, err := RunSeedEvents(context.Background(), w)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(sc)
	if sc.Found < MinSeedRequired || sc.FalsePositives > MaxSeedFalsePos || sc.WithDate < sc.DatesWanted || sc.WithPlace < sc.PlacesWanted {
		t.Errorf("seed events below target: %v", sc)
	}
}
