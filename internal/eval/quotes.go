package eval

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/extract/actor"
	"github.com/liaison-project/liaison/internal/extract/quote"
	"github.com/liaison-project/liaison/internal/extract/sentence"
)

// Quote floors enforced by the tests (they only rise) and the issue's
// targets. The floors sit under the test-split figures measured at 09:53
// UTC in session 2 by helper quotes2 (quote P 0.986 / R 0.883, speaker P
// 0.919 / R 0.747, named 0.943 / 0.810), with 0.013–0.02 of room on the
// speaker figures (speaker precision's floor is the target):
// speakers depend on the actor finder, which evolves separately.
const (
	MinQuotePrecision   = 0.98
	MinQuoteRecall      = 0.87
	MinSpeakerPrecision = 0.90
	MinSpeakerRecall    = 0.73

	MinNamedSpeakerPrecision = 0.93
	MinNamedSpeakerRecall    = 0.79

	TargetQuotePrecision   = 0.90
	TargetQuoteRecall      = 0.70
	TargetSpeakerPrecision = 0.90
	TargetSpeakerRecall    = 0.70
)

// QuoteScore counts the quote finder against PolNeAR attributions.
//
// Matching (overlap based): a predicted quote is correct when its span
// overlaps the content of any gold attribution (the quote is attributed
// speech); it is matched to the attribution it overlaps most. A gold
// attribution is a direct quote when its content holds a quoted stretch of
// at least three words; recall is over those. A speaker is right when it
// shares a name word (not a title or function word) with the gold source;
// a gold pronoun source stands for the nearest non-pronoun source before
// it (the corpus has no coreference; "who" and "which" count as pronouns),
// and a source that is only a cue word ("said", an annotation slip) is
// treated as absent. Possessive and object pronouns ("his", "you", "them")
// are pronouns too. Speaker precision is over correct quotes whose
// attribution has a source and to which the finder gave a speaker (a
// quote left without one claims nothing; it still counts for quote
// precision and, unattributed, against speaker recall); speaker recall is
// over direct gold quotes with a source. Because the pronoun stand-in is itself a guess, the
// speaker figures are also given over gold sources that name the speaker.
type QuoteScore struct {
	Docs, Pred, PredOK, Gold, GoldFound  int
	SpkScored, SpkOK, GoldSpk, GoldSpkOK int
	// The same restricted to gold sources that name the speaker (not a
	// pronoun the corpus leaves unresolved).
	NamedScored, NamedOK, GoldNamed, GoldNamedOK int
	Errors                                       []string
}

// FindQuotes is a quote finder under evaluation: text to quotes.
type FindQuotes func(text string, docDate time.Time) []liaison.Quote

// ActorFinder is the actor finder a quote evaluation resolves speakers
// with (extract.ActorFinder's method).
type ActorFinder interface {
	Find(text string, sents []liaison.Span, docDate time.Time) []liaison.ActorMention
}

// QuoteFinder returns the quote finder with speakers resolved through
// actors (nil: speaker phrases only).
func QuoteFinder(actors ActorFinder) FindQuotes {
	return func(text string, docDate time.Time) []liaison.Quote {
		sents := sentence.Split(text)
		var am []liaison.ActorMention
		if actors != nil {
			am = actors.Find(text, sents, docDate)
		}
		return quote.Find(text, sents, am)
	}
}

// ScoreQuotes runs find over docs.
func ScoreQuotes(docs []AttrDoc, find FindQuotes) QuoteScore {
	var s QuoteScore
	for _, d := range docs {
		s.Docs++
		s.scoreDoc(d, find(d.Text, polnearDate(d.Name)))
	}
	return s
}

func (s *QuoteScore) scoreDoc(d AttrDoc, pred []liaison.Quote) {
	sources := quoteSources(d.Attrs)
	direct := quoteDirect(d)
	found := make([]bool, len(d.Attrs))
	spkOK := make([]bool, len(d.Attrs))
	for _, q := range pred {
		s.Pred++
		best := quoteBest(q, d.Attrs)
		if best < 0 {
			s.Errors = append(s.Errors, fmt.Sprintf("%s: spurious quote %q (%s)", d.Name, quoteClip(q.Text), q.Speaker))
			continue
		}
		s.PredOK++
		found[best] = true
		if sources[best] == "" || q.Speaker == "" {
			continue // no gold source, or the finder named no speaker
		}
		s.SpkScored++
		named := !quoteIsPronoun(d.Attrs[best].Source)
		if named {
			s.NamedScored++
		}
		if quoteSameSpeaker(q.Speaker, sources[best]) {
			s.SpkOK++
			spkOK[best] = true
			if named {
				s.NamedOK++
			}
		} else {
			s.Errors = append(s.Errors, fmt.Sprintf("%s: speaker %q, want %q for %q", d.Name, q.Speaker, sources[best], quoteClip(q.Text)))
		}
	}
	for i := range d.Attrs {
		if !direct[i] {
			continue
		}
		s.Gold++
		if sources[i] != "" {
			s.GoldSpk++
			if spkOK[i] {
				s.GoldSpkOK++
			}
			if !quoteIsPronoun(d.Attrs[i].Source) {
				s.GoldNamed++
				if spkOK[i] {
					s.GoldNamedOK++
				}
			}
		}
		if found[i] {
			s.GoldFound++
		} else {
			c := d.Attrs[i].Content[0]
			s.Errors = append(s.Errors, fmt.Sprintf("%s: missed %q", d.Name, quoteClip(string([]rune(d.Text)[c[0]:c[1]]))))
		}
	}
}

// quoteBest returns the attribution a predicted quote overlaps most, or
// -1.
func quoteBest(q liaison.Quote, attrs []Attribution) int {
	best, bestOv := -1, 0
	for i, a := range attrs {
		if ov := quoteOverlap(q.Start, q.End, a.Content); ov > bestOv {
			best, bestOv = i, ov
		}
	}
	return best
}

func quoteClip(s string) string {
	r := []rune(s)
	if len(r) > 70 {
		return string(r[:70]) + "…"
	}
	return s
}

func quoteOverlap(a, b int, spans [][2]int) int {
	n := 0
	for _, sp := range spans {
		if lo, hi := max(a, sp[0]), min(b, sp[1]); hi > lo {
			n += hi - lo
		}
	}
	return n
}

// directQuotes marks attributions whose content holds a quoted stretch of
// three words or more.
func quoteDirect(d AttrDoc) []bool {
	r := []rune(d.Text)
	out := make([]bool, len(d.Attrs))
	open := -1
	for i, c := range r {
		switch {
		case c == '“' || c == '"' && open < 0:
			open = i
		case (c == '”' || c == '"') && open >= 0:
			if quoteWords(r[open+1:i]) >= 3 {
				for k, a := range d.Attrs {
					if quoteOverlap(open+1, i, a.Content) > (i-open-1)/2 {
						out[k] = true
					}
				}
			}
			open = -1
		}
	}
	return out
}

func quoteWords(r []rune) int { return len(strings.Fields(string(r))) }

// quoteSlip are cue words some annotations mark as the source; such a
// source is treated as absent.
var quoteSlip = map[string]bool{"said": true, "says": true, "told": true, "added": true}

// resolvedSources gives each attribution its source, a pronoun replaced by
// the nearest non-pronoun source before it.
func quoteSources(attrs []Attribution) []string {
	out := make([]string, len(attrs))
	for i, a := range attrs {
		out[i] = a.Source
		if quoteSlip[strings.ToLower(strings.TrimSpace(a.Source))] {
			out[i] = "" // an annotation slip: the cue marked as source
			continue
		}
		if !quoteIsPronoun(a.Source) {
			continue
		}
		best := -1
		for j, b := range attrs {
			if b.Source != "" && !quoteIsPronoun(b.Source) && b.SourceStart < a.SourceStart && (best < 0 || b.SourceStart > attrs[best].SourceStart) {
				best = j
			}
		}
		if best >= 0 {
			out[i] = attrs[best].Source
		}
	}
	return out
}

func quoteIsPronoun(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "he", "she", "they", "we", "i", "it", "him", "her", "who", "which", "that",
		"his", "hers", "its", "their", "them", "my", "me", "our", "us", "you", "your", "himself", "herself":
		return true
	}
	return false
}

// sameSpeaker reports whether two speaker phrases share a content word.
func quoteSameSpeaker(got, want string) bool {
	w := map[string]bool{}
	for _, t := range quoteNameWords(want, true) {
		w[t] = true
	}
	g := quoteNameWords(got, true)
	if len(w) == 0 || len(g) == 0 {
		// Only titles and roles ("the Republican nominee"): compare those.
		w = map[string]bool{}
		for _, t := range quoteNameWords(want, false) {
			w[t] = true
		}
		g = quoteNameWords(got, false)
	}
	for _, t := range g {
		if w[t] {
			return true
		}
	}
	return false
}

func quoteNameWords(s string, names bool) []string {
	var out []string
	for _, f := range strings.FieldsFunc(strings.ToLower(s), func(c rune) bool { return !unicode.IsLetter(c) && c != '\'' }) {
		f = strings.TrimSuffix(strings.TrimSuffix(f, "'s"), "’s")
		if len(f) > 1 && (!names && !quoteFunctionWords[f] || names && !quoteSpeakerStop[f]) {
			out = append(out, f)
		}
	}
	return out
}

var quoteFunctionWords = map[string]bool{"the": true, "a": true, "an": true, "of": true, "his": true, "her": true, "their": true, "its": true}

var quoteSpeakerStop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`the a an of for and in on at to his her their its mr mrs ms dr president former
		senator sen rep governor gov secretary minister prime chief director spokesman spokeswoman new says said
		candidate nominee democratic republican presidential vice general state states united u s`) {
		m[w] = true
	}
	return m
}()

// Result turns the score into suite metrics.
func (s QuoteScore) Result() Result {
	return Result{Suite: "quotes/polnear", Items: s.Gold, Metrics: []Metric{
		{Name: "quote precision", Value: ratio(s.PredOK, s.Pred), Min: MinQuotePrecision, Target: TargetQuotePrecision},
		{Name: "quote recall", Value: ratio(s.GoldFound, s.Gold), Min: MinQuoteRecall, Target: TargetQuoteRecall},
		{Name: "speaker precision", Value: ratio(s.SpkOK, s.SpkScored), Min: MinSpeakerPrecision, Target: TargetSpeakerPrecision},
		{Name: "speaker recall", Value: ratio(s.GoldSpkOK, s.GoldSpk), Min: MinSpeakerRecall, Target: TargetSpeakerRecall},
		{Name: "speaker precision (named gold sources)", Value: ratio(s.NamedOK, s.NamedScored), Min: MinNamedSpeakerPrecision},
		{Name: "speaker recall (named gold sources)", Value: ratio(s.GoldNamedOK, s.GoldNamed), Min: MinNamedSpeakerRecall},
	}, Note: fmt.Sprintf("%d docs, %d predicted, %d direct gold quotes", s.Docs, s.Pred, s.Gold)}
}

// QuotesSuite scores the quote finder on the PolNeAR test split.
func QuotesSuite() Suite {
	return Suite{Name: "quotes/polnear", Run: func(ctx context.Context, w io.Writer) (Result, error) {
		docs, err := loadPolNeAR("test")
		if err != nil {
			return Result{}, err
		}
		af, err := actor.Default()
		if err != nil {
			return Result{}, err
		}
		s := ScoreQuotes(docs, QuoteFinder(af))
		for _, e := range s.Errors {
			fmt.Fprintln(w, e)
		}
		return s.Result(), nil
	}}
}
