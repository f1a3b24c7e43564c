package eval

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/liaison-project/liaison/internal/extract/actor"
	"github.com/liaison-project/liaison/internal/shareddata"
)

func TestQuotesPolNeAR(t *testing.T) {
	shareddata.Need(t, PolNeARPath)
	var w io.Writer = io.Discard
	if os.Getenv("EVAL_DETAIL") != "" {
		w = os.Stdout
	}
	res, err := QuotesSuite().Run(context.Background(), w)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range res.Metrics {
		t.Logf("%s %-18s %.3f (min %.2f) %s", res.Suite, m.Name, m.Value, m.Min, res.Note)
	}
	if !res.Pass() {
		t.Error(res.Failures())
	}
}

// TestQuotesPolNeARDev scores the dev split, the one to tune on
// (EVAL_DEV=1); the test split is for the reported figures only.
func TestQuotesPolNeARDev(t *testing.T) {
	if os.Getenv("EVAL_DEV") == "" {
		t.Skip("set EVAL_DEV=1 to score the PolNeAR dev split")
	}
	docs, err := loadPolNeAR("dev")
	if err != nil {
		t.Fatal(err)
	}
	var af ActorFinder
	if os.Getenv("EVAL_NOACTORS") == "" {
		f, err := actor.Default()
		if err != nil {
			t.Fatal(err)
		}
		af = f
	}
	s := ScoreQuotes(docs, QuoteFinder(af))
	if os.Getenv("EVAL_DETAIL") != "" {
		fmt.Println(strings.Join(s.Errors, "\n"))
	}
	for _, m := range s.Result().Metrics {
		t.Logf("dev %-18s %.3f", m.Name, m.Value)
	}
}

func TestParseBrat(t *testing.T) {
	text := "Obama says Trump modeling policies on Putin."
	ann := "T1\tSource 0 5\tObama\nT2\tCue 6 10\tsays\nT3\tContent 11 43\tTrump modeling policies on Putin\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
	attrs, err := quoteParseBrat(ann, text)
	if err != nil {
		t.Fatal(err)
	}
	if len(attrs) != 1 || attrs[0].Source != "Obama" || attrs[0].Content[0] != [2]int{11, 43} {
		t.Fatalf("got %+v", attrs)
	}
}
