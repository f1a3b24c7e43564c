package eval

import (
	"context"
	"strings"
	"testing"

	"github.com/liaison-project/liaison/internal/extract"
	"github.com/liaison-project/liaison/internal/extract/event"
	"github.com/liaison-project/liaison/internal/shareddata"
)

// TestPETR2GSRBuiltin codes the PETRARCH-2 wire sentences with the
// built-in dictionaries through the default engine and holds the exact
// records, triple hit rate and precision at their floors; the coder alone
// is logged for reference.
func TestPETR2GSRBuiltin(t *testing.T) {
	p := shareddata.Need(t, gsrRecords)
	recs := loadRecords(t, p)
	eng, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	sc, err := RunRecordsEngine(context.Background(), "PETR-2 GSR built-in (engine)", eng, recs)
	if err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + sc.Summary())
	c, err := event.NewBuiltin(event.Config{})
	if err != nil {
		t.Fatal(err)
	}
	alone := RunRecords("PETR-2 GSR built-in (coder alone)", c, recs)
	t.Log("\n" + alone.Summary())
	if testing.Verbose() {
		for _, f := range sc.Failures {
			t.Log("engine " + f)
		}
		for _, f := range alone.Failures {
			t.Log("alone " + f)
		}
	}
	if sc.Pct() < MinGSRBuiltinRecords || sc.HitRate() < MinGSRBuiltinHit || sc.Precision() < MinGSRBuiltinPrecision {
		t.Errorf("GSR built-in: records %.1f%% (min %.1f), hit %.1f%% (min %.1f), precision %.1f%% (min %.1f)",
			sc.Pct(), MinGSRBuiltinRecords, sc.HitRate(), MinGSRBuiltinHit, sc.Precision(), MinGSRBuiltinPrecision)
	}
}

// TestRecordDate checks the YYYYMMDD → YYYY-MM-DD rendering the engine
// needs.
func TestRecordDate(t *testing.T) {
	for in, want := range map[int]string{20080804: "2008-08-04", 0: "", 19991231: "1999-12-31"} {
		if got := recordDate(in); got != want {
			t.Errorf("recordDate(%d) = %q, want %q", in, got, want)
		}
	}
}

// TestGSRBuiltinSuitePatternCount: the suite reports the written built-in
// patterns and the generated modality variants apart, and the written
// ones reach the 2,000.
func TestGSRBuiltinSuitePatternCount(t *testing.T) {
	shareddata.Need(t, gsrRecords)
	var b strings.Builder
	res, err := GSRBuiltinSuite().Run(context.Background(), &b)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "written patterns") || !strings.Contains(b.String(), "generated modality variants") {
		t.Errorf("suite output lacks the pattern counts:\n%s", b.String())
	}
	var written, generated float64 = -1, -1
	for _, m := range res.Metrics {
		switch {
		case m.Name == "written built-in patterns":
			written = m.Value
		case strings.HasPrefix(m.Name, "generated modality variants"):
			generated = m.Value
		}
	}
	t.Logf("written %.0f, generated %.0f", written, generated)
	if written < MinBuiltinWritten || generated < 0 {
		t.Errorf("written %.0f (min %d), generated %.0f", written, MinBuiltinWritten, generated)
	}
}
