package eval

import (
	"context"
	"io"
	"os"
	"testing"

	"github.com/liaison-project/liaison/internal/shareddata"
)

func TestDatesTempEval(t *testing.T) {
	shareddata.Need(t, TempEvalPath)
	var w io.Writer = io.Discard
	if testing.Verbose() && os.Getenv("EVAL_DETAIL") != "" {
		w = os.Stdout
	}
	res, err := DatesSuite().Run(context.Background(), w)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range res.Metrics {
		t.Logf("%s %-16s %.3f (min %.2f)", res.Suite, m.Name, m.Value, m.Min)
	}
	if !res.Pass() {
		t.Error(res.Failures())
	}
}

func TestParseTimeML(t *testing.T) {
	d, err := ParseTimeML("x.tml", `<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22">March 22</TIMEX3></DCT><TEXT>It rose &amp; fell <TIMEX3 tid="t1" type="DATE" value="2012">last year</TIMEX3>.</TEXT>`)
	if err != nil {
		t.Fatal(err)
	}
	if d.Text != "It rose & fell last year." || len(d.Timexs) != 1 || d.Timexs[0].Text != "last year" || d.DCT.Day() != 22 {
		t.Fatalf("got %+v", d)
	}
}
