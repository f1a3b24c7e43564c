package eval

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/liaison-project/liaison/internal/extract/dict"
	"github.com/liaison-project/liaison/internal/extract/event"
	"github.com/liaison-project/liaison/internal/shareddata"
)

// TestPETR2GSR codes the PETRARCH-2 wire sentences with the production
// CAMEO.2.0 and Phoenix dictionaries and reports agreement per triple and
// per root; it also times loading the full dictionaries (< 2 s).
func TestPETR2GSR(t *testing.T) {
	p := shareddata.Need(t, "data/eventcoding/petrarch2-gsr/PETR2_GSR_validation.xml")
	dir := shareddata.Need(t, "data/eventcoding/petrarch/CAMEO.2.0.txt")
	dir = filepath.Dir(dir)
	start := time.Now()
	d, err := dict.LoadPETRARCHFiles(filepath.Join(dir, "CAMEO.2.0.txt"),
		[]string{filepath.Join(dir, "Phoenix.Countries.actors.txt"), filepath.Join(dir, "Phoenix.International.actors.txt"), filepath.Join(dir, "Phoenix.MilNonState.actors.txt")},
		filepath.Join(dir, "Phoenix.agents.txt"), filepath.Join(dir, "Phoenix.discards.txt"))
	if err != nil {
		t.Fatal(err)
	}
	c := event.New(d, event.Config{})
	load := time.Since(start)
	t.Logf("full dictionaries loaded in %v: %s", load, c.Stats())
	if load > 2*time.Second && !testing.Short() && !raceEnabled {
		t.Errorf("loading took %v, want < 2s", load)
	}
	sc := RunRecords("PETR-2 GSR", c, loadRecords(t, p))
	t.Log("\n" + sc.Summary())
	if testing.Verbose() {
		for _, f := range sc.Failures {
			t.Log(f)
		}
	}
}
