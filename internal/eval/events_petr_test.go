package eval

import (
	"os"
	"path/filepath"
	"strings"
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

// TestPETRXMLConfig checks that a <Config> between records applies to the
// records after it, as PETRARCH's validation runs apply it.
func TestPETRXMLConfig(t *testing.T) {
	const src = `<Sentences>
<Sentence date="20230101" id="A-1" category="X"><EventCoding noevents="True"></EventCoding>
<Text>Japan criticized the plan on Monday.</Text></Sentence>
<Config option="require_dyad" value="false"></Config>
<!-- <Config option="require_dyad" value="true"></Config> commented out -->
<Sentence date="20230101" id="A-2" category="X"><EventCoding sourcecode="JPN" targetcode="---" eventcode="111"></EventCoding>
<Text>Japan criticized the plan on Monday.</Text></Sentence>
<Config option="require_dyad" value="true" />
<Sentence date="20230101" id="A-3" category="X"><EventCoding noevents="True"></EventCoding>
<Text>Japan criticized the plan on Monday.</Text></Sentence>
<Sentence date="20230101" id="A-4" category="X" evaluate="false">
<EventCoding sourcecode='"NEW ACTOR"' targetcode="&quot;THE MINISTRY&quot;" eventcode="032"></EventCoding>
<Text>New Actor left for the Ministry.</Text></Sentence>
</Sentences>`
	recs, err := ParsePETRXML(strings.NewReader(src))
	if err != nil || len(recs) != 4 {
		t.Fatalf("%v %d records", err, len(recs))
	}
	if len(recs[0].Config) != 0 || len(recs[1].Config) != 1 || recs[1].Config[0] != [2]string{"require_dyad", "false"} ||
		len(recs[2].Config) != 1 || recs[2].Config[0][1] != "true" {
		t.Fatalf("configs: %v %v %v", recs[0].Config, recs[1].Config, recs[2].Config)
	}
	if want := (Triple{`"NEW ACTOR"`, `"THE MINISTRY"`, "032"}); len(recs[3].Expect) != 1 || recs[3].Expect[0] != want {
		t.Errorf("quoted new-actor codes: %v, want %v", recs[3].Expect, want)
	}
	c, err := event.NewBuiltin(event.Config{})
	if err != nil {
		t.Fatal(err)
	}
	sc := RunRecords("config", c, recs)
	if sc.Correct != 3 {
		t.Errorf("%d/3 correct: %v", sc.Correct, sc.Failures)
	}
	if c.Options().NullActors {
		t.Error("a record's config leaked into the coder's options")
	}
}
