package eval

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/liaison-project/liaison/internal/extract/event"
	"github.com/liaison-project/liaison/internal/shareddata"
)

func loadRecords(t *testing.T, path string) []EventRecord {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := ParsePETRXML(f)
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// TestPETRARCHUnitTests codes the PETRARCH unit-test records (raw text
// only) with their PETR.Validate dictionaries.
func TestPETRARCHUnitTests(t *testing.T) {
	p := shareddata.Need(t, "data/eventcoding/petrarch/PETR.UnitTest.records.xml")
	dir := filepath.Dir(p)
	d, err := loadPETRDict(dir, "PETR.Validate.", ".txt", false)
	if err != nil {
		t.Fatal(err)
	}
	sc := RunRecords("PETRARCH unit tests", event.New(d, event.Config{}), loadRecords(t, p))
	t.Log("\n" + sc.Summary())
	if testing.Verbose() {
		for _, f := range sc.Failures {
			t.Log(f)
		}
	}
	if sc.Pct() < MinPETRUnit {
		t.Errorf("PETRARCH unit tests %.1f%% below %.1f%%", sc.Pct(), MinPETRUnit)
	}
}

// TestUDPETRARCH codes the UD-PETRARCH validation records with their
// dictionaries: hit rate and extra events per record.
func TestUDPETRARCH(t *testing.T) {
	p := shareddata.Need(t, "data/eventcoding/udpetrarch-validate/PETR_Validate_records_2_02.xml")
	d, err := loadPETRDict(filepath.Dir(p), "PETR_Validate_", "_2_02.txt", true)
	if err != nil {
		t.Fatal(err)
	}
	sc := RunRecords("UD-PETRARCH validation", event.New(d, event.Config{}), loadRecords(t, p))
	t.Log("\n" + sc.Summary())
	if testing.Verbose() {
		for _, f := range sc.Failures {
			t.Log(f)
		}
	}
	if sc.HitRate() < MinUDHitRate || sc.ExtraRate() > MaxUDExtraRate {
		t.Errorf("UD-PETRARCH hit rate %.1f%% (min %.1f), extras %.1f%% (max %.1f)", sc.HitRate(), MinUDHitRate, sc.ExtraRate(), MaxUDExtraRate)
	}
}
