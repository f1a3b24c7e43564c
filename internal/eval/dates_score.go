package eval

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/extract/date"
	"github.com/liaison-project/liaison/internal/extract/sentence"
)

// Date floors enforced by the tests (they only rise) and the target.
// The "calendar" floors are the first session's figures, over DATE timexes
// with a calendar value only; the TempEval-3 floors count every gold DATE
// timex, as the TempEval-3 value F1 does.
const (
	MinDateValueAccuracy    = 0.98 // matched spans, calendar-valued DATE
	MinDateSpanF1           = 0.97 // calendar-valued DATE
	MinDateValueF1          = 0.97 // calendar-valued DATE
	MinDateTE3SpanF1        = 0.94
	MinDateTE3ValueF1       = 0.92
	MinDateStrictAccuracy   = 0.90
	MinDateDevValueF1       = 0.93
	MinDateDevStrict        = 0.91
	MinDateHeldValueF1      = 0.87 // 36 gold timexes: one is 0.03
	MinDateHeldStrict       = 0.86
	TargetDateValueAccuracy = 0.80
)

// dateCounts are the tallies of one set of TempEval documents.
//
// Calendar scope (the first session's figures): gold DATE timexes with a
// calendar value (no PRESENT_REF/PAST_REF, no X, no durations); a
// prediction overlapping any other gold timex is neither a hit nor a false
// positive.
//
// TempEval-3 scope: every gold DATE timex. A prediction overlapping only
// gold TIME, DURATION or SET timexes is left out (we claim dates only); every
// other prediction counts. A prediction counts for value only when its span
// overlaps (relaxed match, one to one, in text order) a gold DATE timex and
// its value equals the gold value. A range prediction ("1957-58", value and
// end value) may match two gold timexes, its end value checked against the
// second; it then counts as two predictions.
type dateCounts struct {
	Docs                                 int
	CalGold, CalTP, CalFP, CalValueOK    int
	Gold, Pred, TP, ValueOK, LeftOutPred int
}

// DateScore counts the date finder against TempEval-3 DATE timexes over all
// documents and over the two fixed halves (see DevTempEvalDoc). Errors lists
// the dev half's mistakes only: the held-out half is counted, never shown.
type DateScore struct {
	All, Dev, Held dateCounts
	Errors         []string
}

// DevTempEvalDoc tells whether a document is in the dev half of TempEval-3
// platinum, which has no separate training or dev set in the shared data:
// the documents sorted by file name (byte order), every other one from the
// first is dev, the rest held out. Rules are chosen on dev only.
func DevTempEvalDoc(names []string, name string) bool {
	s := make([]string, len(names))
	for i, n := range names {
		s[i] = path.Base(n)
	}
	sort.Strings(s)
	i := sort.SearchStrings(s, path.Base(name))
	return i%2 == 0
}

// ScoreDates runs the date finder over docs.
func ScoreDates(docs []TimeMLDoc) DateScore {
	var s DateScore
	names := make([]string, len(docs))
	for i, d := range docs {
		names[i] = d.Name
	}
	for _, d := range docs {
		pred := date.Find(d.Text, sentence.Split(d.Text), d.DCT)
		var c dateCounts
		dev := DevTempEvalDoc(names, d.Name)
		var errs *[]string
		if dev {
			errs = &s.Errors
		}
		scoreDateDoc(d, pred, &c, errs)
		s.All.add(c)
		if dev {
			s.Dev.add(c)
		} else {
			s.Held.add(c)
		}
	}
	return s
}

// scoreDateDoc adds one document's counts to c and, when errs is not nil,
// its mistakes to errs.
func scoreDateDoc(d TimeMLDoc, pred []liaison.DateMention, c *dateCounts, errs *[]string) {
	report := func(format string, a ...any) {
		if errs != nil {
			*errs = append(*errs, d.Name+": "+fmt.Sprintf(format, a...))
		}
	}
	c.Docs++
	used, usedEnd := make([]bool, len(pred)), make([]bool, len(pred))
	for _, g := range d.Timexs {
		if g.Type != "DATE" {
			continue
		}
		cal := timexInScope(g)
		c.Gold++
		if cal {
			c.CalGold++
		}
		m := -1
		for i, p := range pred {
			if !used[i] && p.Start < g.End && g.Start < p.End {
				m = i
				break
			}
		}
		want := ""
		if m < 0 {
			m = rangeEnd(pred, used, usedEnd, g)
			if m < 0 {
				report("missed %q (%s)", g.Text, g.Value)
				continue
			}
			usedEnd[m] = true
			c.Pred++ // the range stands for two gold timexes: counted twice
			want = pred[m].EndValue
		} else {
			used[m] = true
			want = pred[m].Value
		}
		c.TP++
		ok := want == g.Value
		if ok {
			c.ValueOK++
		} else {
			report("%q value %s, want %q %s", pred[m].Text, want, g.Text, g.Value)
		}
		if cal {
			c.CalTP++
			if ok {
				c.CalValueOK++
			}
		}
	}
	countPredictions(d, pred, used, c, report)
}

// countPredictions counts the predictions of one document that matched no
// gold DATE timex: false positives, or left out when they overlap only gold
// TIME, DURATION or SET timexes.
func countPredictions(d TimeMLDoc, pred []liaison.DateMention, used []bool, c *dateCounts, report func(string, ...any)) {
	for i, p := range pred {
		switch {
		case used[i]:
			c.Pred++
		case timexOverlapsAny(p, d.Timexs, "DATE"):
			c.Pred++ // a second prediction on one gold DATE: a false positive here only
			report("extra %q (%s)", p.Text, p.Value)
		case timexOverlapsAny(p, d.Timexs, ""):
			c.LeftOutPred++
		default:
			c.Pred++
			c.CalFP++
			report("spurious %q (%s)", p.Text, p.Value)
		}
	}
}

// rangeEnd finds a range prediction already matched to an earlier gold
// timex whose span also overlaps g ("1957-58" against gold "1957" and "58"):
// TimeML annotates the two ends of a range as two timexes, the finder one
// mention with an end value, so the range's end stands for the second.
func rangeEnd(pred []liaison.DateMention, used, usedEnd []bool, g Timex) int {
	for i, p := range pred {
		if used[i] && !usedEnd[i] && p.EndValue != "" && p.Start < g.End && g.Start < p.End {
			return i
		}
	}
	return -1
}

func (c *dateCounts) add(o dateCounts) {
	c.Docs += o.Docs
	c.CalGold += o.CalGold
	c.CalTP += o.CalTP
	c.CalFP += o.CalFP
	c.CalValueOK += o.CalValueOK
	c.Gold += o.Gold
	c.Pred += o.Pred
	c.TP += o.TP
	c.ValueOK += o.ValueOK
	c.LeftOutPred += o.LeftOutPred
}

// timexInScope tells whether a gold timex is a DATE with a calendar value.
func timexInScope(g Timex) bool {
	return g.Type == "DATE" && g.Value != "" && !strings.HasPrefix(g.Value, "P") && !strings.ContainsAny(g.Value, "X") && !strings.HasSuffix(g.Value, "_REF")
}

// timexOverlapsAny tells whether p overlaps a gold timex of type typ (any
// type when typ is empty).
func timexOverlapsAny(p liaison.DateMention, gold []Timex, typ string) bool {
	for _, g := range gold {
		if (typ == "" || g.Type == typ) && p.Start < g.End && g.Start < p.End {
			return true
		}
	}
	return false
}

// te3 returns the TempEval-3 span and value precision and recall.
func (c dateCounts) te3() (sp, sr, vp, vr float64) {
	return ratio(c.TP, c.Pred), ratio(c.TP, c.Gold), ratio(c.ValueOK, c.Pred), ratio(c.ValueOK, c.Gold)
}

// Result turns the score into suite metrics.
func (s DateScore) Result() Result {
	a := s.All
	p, r := ratio(a.CalTP, a.CalTP+a.CalFP), ratio(a.CalTP, a.CalGold)
	cvp, cvr := ratio(a.CalValueOK, a.CalTP+a.CalFP), ratio(a.CalValueOK, a.CalGold)
	sp, sr, vp, vr := a.te3()
	_, _, dvp, dvr := s.Dev.te3()
	_, _, hvp, hvr := s.Held.te3()
	return Result{Suite: "dates/tempeval3", Items: a.Gold, Metrics: []Metric{
		{Name: "calendar DATE: span F1", Value: f1(p, r), Min: MinDateSpanF1},
		{Name: "calendar DATE: value accuracy over matched spans", Value: ratio(a.CalValueOK, a.CalTP), Min: MinDateValueAccuracy},
		{Name: "calendar DATE: value F1", Value: f1(cvp, cvr), Min: MinDateValueF1},
		{Name: "all DATE: span precision (relaxed)", Value: sp},
		{Name: "all DATE: span recall (relaxed)", Value: sr},
		{Name: "all DATE: span F1 (relaxed)", Value: f1(sp, sr), Min: MinDateTE3SpanF1},
		{Name: "all DATE: value precision (TE3)", Value: vp},
		{Name: "all DATE: value recall (TE3)", Value: vr},
		{Name: "all DATE: value F1 (TE3)", Value: f1(vp, vr), Min: MinDateTE3ValueF1, Target: TargetDateValueAccuracy},
		{Name: "all DATE: strict value accuracy", Value: ratio(a.ValueOK, a.Gold), Min: MinDateStrictAccuracy, Target: TargetDateValueAccuracy},
		{Name: "dev half: value F1 (TE3)", Value: f1(dvp, dvr), Min: MinDateDevValueF1, Target: TargetDateValueAccuracy},
		{Name: "dev half: strict value accuracy", Value: ratio(s.Dev.ValueOK, s.Dev.Gold), Min: MinDateDevStrict, Target: TargetDateValueAccuracy},
		{Name: "held-out half: value F1 (TE3)", Value: f1(hvp, hvr), Min: MinDateHeldValueF1, Target: TargetDateValueAccuracy},
		{Name: "held-out half: strict value accuracy", Value: ratio(s.Held.ValueOK, s.Held.Gold), Min: MinDateHeldStrict, Target: TargetDateValueAccuracy},
	}, Note: s.note()}
}

func (s DateScore) note() string {
	a := s.All
	return fmt.Sprintf("%d docs (dev %d, held-out %d: sorted file names, every other one from the first is dev), "+
		"%d gold DATE timexes (%d calendar-valued; dev %d, held-out %d), %d predictions counted, %d left out "+
		"(they overlap only TIME/DURATION/SET gold); value = span overlaps a gold DATE and value string equal; "+
		"strict value accuracy = value-correct / all gold DATE", a.Docs, s.Dev.Docs, s.Held.Docs, a.Gold, a.CalGold,
		s.Dev.Gold, s.Held.Gold, a.Pred, a.LeftOutPred)
}
