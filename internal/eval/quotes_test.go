package eval

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
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

// TestQuotesPolNeARDev scores a tuning split (EVAL_DEV=1 for dev,
// EVAL_SPLIT=train for train); the test split is for the reported figures
// only, so it is refused here.
func TestQuotesPolNeARDev(t *testing.T) {
	split := os.Getenv("EVAL_SPLIT")
	if split == "" && os.Getenv("EVAL_DEV") != "" {
		split = "dev"
	}
	if split != "dev" && split != "train" {
		t.Skip("set EVAL_DEV=1 or EVAL_SPLIT=train|dev to score a PolNeAR tuning split")
	}
	docs, err := loadPolNeAR(split)
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
		t.Logf("%s %-18s %.3f", split, m.Name, m.Value)
	}
	t.Logf("%s: %d/%d predicted quotes right, speakers %d/%d", split, s.PredOK, s.Pred, s.SpkOK, s.SpkScored)
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

// TestScoreQuotesSpeakerless checks the speaker rules: a quote without a
// speaker is not scored for speaker precision but misses speaker recall,
// and a possessive pronoun source stands for the named source before it.
func TestScoreQuotesSpeakerless(t *testing.T) {
	text := `Trump spoke. "We will build it," Trump said. "It will be big," his aide said.`
	ann := "T1\tSource 33 38\tTrump\nT2\tContent 14 31\tWe will build it,\n" +
		"T3\tSource 63 66\this\nT4\tContent 46 61\tIt will be big,\n" +
		"E1\tAttribution:T9 Content:T2 Source:T1\nE2\tAttribution:T8 Content:T4 Source:T3\n"
	attrs, err := quoteParseBrat(ann, text)
	if err != nil {
		t.Fatal(err)
	}
	doc := AttrDoc{Name: "x_2016-01-01_y", Text: text, Attrs: attrs}
	find := func(speakers ...string) FindQuotes {
		return func(string, time.Time) []liaison.Quote {
			return []liaison.Quote{{Speaker: speakers[0], Start: 14, End: 31}, {Speaker: speakers[1], Start: 46, End: 61}}
		}
	}
	s := ScoreQuotes([]AttrDoc{doc}, find("Donald Trump", ""))
	if s.PredOK != 2 || s.SpkScored != 1 || s.SpkOK != 1 || s.GoldSpk != 2 || s.GoldSpkOK != 1 {
		t.Errorf("speakerless quote: %+v", s)
	}
	s = ScoreQuotes([]AttrDoc{doc}, find("Donald Trump", "Donald Trump"))
	if s.SpkScored != 2 || s.SpkOK != 2 || s.NamedScored != 1 {
		t.Errorf("\"his\" should stand for Trump and not count as named: %+v", s)
	}
}
