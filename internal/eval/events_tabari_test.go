package eval

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/liaison-project/liaison/internal/extract/dict"
	"github.com/liaison-project/liaison/internal/extract/event"
	"github.com/liaison-project/liaison/internal/shareddata"
)

// TestTABARIValidate runs TABARI's own validation suite with its own
// dictionaries. The threshold only rises.
func TestTABARIValidate(t *testing.T) {
	p := shareddata.Need(t, "data/eventcoding/tabari/Validate.project")
	proj, err := dict.LoadTABARIProject(p)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(filepath.Dir(p), "Validate.text"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := ParseTABARIValidation(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := RunTABARIValidation(event.New(proj.Dict, event.Config{}), recs)
	t.Log("\n" + sc.Table())
	if testing.Verbose() {
		for _, f := range sc.Failures {
			t.Log(f)
		}
	}
	if sc.Pct() < MinTABARIValidate {
		t.Errorf("TABARI validation %.1f%% below threshold", sc.Pct())
	}
}
