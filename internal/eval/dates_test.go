package eval

import (
	"context"
	"io"
	"os"
	"testing"

	"github.com/liaison-project/liaison"
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

func TestScoreDateDoc(t *testing.T) {
	// Text: "In 1957-58 and 2012, now, on Friday morning; also 1999."
	d := TimeMLDoc{Name: "x.tml", Timexs: []Timex{
		{Start: 3, End: 7, Type: "DATE", Value: "1957", Text: "1957"},
		{Start: 8, End: 10, Type: "DATE", Value: "1958", Text: "58"},
		{Start: 15, End: 19, Type: "DATE", Value: "2012", Text: "2012"},
		{Start: 21, End: 24, Type: "DATE", Value: "PRESENT_REF", Text: "now"},
		{Start: 29, End: 43, Type: "TIME", Value: "2013-03-22TMO", Text: "Friday morning"},
	}}
	pred := []liaison.DateMention{
		{Start: 3, End: 10, Value: "1957", EndValue: "1958"}, // one range for two gold timexes
		{Start: 15, End: 19, Value: "2011"},                  // found, wrong value
		{Start: 29, End: 35, Value: "2013-03-22"},            // on a TIME timex: left out
		{Start: 50, End: 54, Value: "1999"},                  // spurious
	}
	var c dateCounts
	var errs []string
	scoreDateDoc(d, pred, &c, &errs)
	want := dateCounts{Docs: 1, CalGold: 3, CalTP: 3, CalFP: 1, CalValueOK: 2, Gold: 4, Pred: 4, TP: 3, ValueOK: 2, LeftOutPred: 1}
	if c != want {
		t.Fatalf("counts %+v, want %+v", c, want)
	}
	if len(errs) != 3 { // wrong value, missed "now", spurious 1999
		t.Fatalf("errors %q", errs)
	}
	var s DateScore
	s.All, s.Dev = c, c
	res := s.Result()
	got := map[string]float64{}
	for _, m := range res.Metrics {
		got[m.Name] = m.Value
	}
	if got["all DATE: strict value accuracy"] != 0.5 || got["all DATE: value precision (TE3)"] != 0.5 ||
		got["calendar DATE: value accuracy over matched spans"] != 2.0/3 || got["all DATE: span recall (relaxed)"] != 0.75 {
		t.Fatalf("metrics %v", got)
	}
}

func TestDevTempEvalDoc(t *testing.T) {
	names := []string{"dir/b.tml", "dir/a.tml", "dir/d.tml", "dir/c.tml"}
	for name, want := range map[string]bool{"dir/a.tml": true, "dir/b.tml": false, "dir/c.tml": true, "dir/d.tml": false} {
		if got := DevTempEvalDoc(names, name); got != want {
			t.Errorf("%s: dev %v, want %v", name, got, want)
		}
	}
}
