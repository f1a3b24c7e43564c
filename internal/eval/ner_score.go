package eval

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/shareddata"
)

// NERSpan is a predicted named-entity span.
type NERSpan struct {
	Type       string // person, organization, place
	Start, End int
}

// NERScore is the span score of named mentions. Recall counts the gold
// named mentions (proper-noun head) overlapped by a prediction of the same
// type; precision counts the predictions that overlap a gold mention of the
// same type (named or not: "the country 's military" is an organisation);
// a prediction overlapping only an unscored "misc" mention is not counted.
type NERScore struct {
	Docs            int
	Pred, PredOK    int
	Gold, GoldFound int
	ByType          map[string][4]int // pred, predOK, gold, goldFound
}

// Precision of predicted spans.
func (s NERScore) Precision() float64 { return ratio(s.PredOK, s.Pred) }

// Recall of gold named mentions.
func (s NERScore) Recall() float64 { return ratio(s.GoldFound, s.Gold) }

// F1 of the two.
func (s NERScore) F1() float64 { return f1(s.Precision(), s.Recall()) }

// String formats the score and the per-type F1.
func (s NERScore) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "docs=%d P=%.3f R=%.3f F1=%.3f", s.Docs, s.Precision(), s.Recall(), s.F1())
	for _, t := range []string{"person", "organization", "place"} {
		c := s.ByType[t]
		fmt.Fprintf(&b, " %s=%.3f", t, f1(ratio(c[1], c[0]), ratio(c[3], c[2])))
	}
	return b.String()
}

// ScoreNER scores predicted spans against gold documents.
func ScoreNER(docs []NERDoc, find func(text string) []NERSpan) NERScore {
	s := NERScore{ByType: map[string][4]int{}}
	for _, d := range docs {
		s.Docs++
		pred := find(d.Text)
		for _, p := range pred {
			ok, misc := false, false
			for _, g := range d.Mentions {
				if p.Start < g.End && g.Start < p.End {
					ok = ok || g.Type == p.Type
					misc = misc || g.Type == "misc"
				}
			}
			if misc && !ok {
				continue // overlaps an unscored (MISC) mention only: neutral
			}
			c := s.ByType[p.Type]
			s.Pred++
			c[0]++
			if ok {
				s.PredOK++
				c[1]++
			}
			s.ByType[p.Type] = c
		}
		for _, g := range d.Mentions {
			if !g.Named {
				continue
			}
			c := s.ByType[g.Type]
			s.Gold++
			c[2]++
			for _, p := range pred {
				if g.Type == p.Type && p.Start < g.End && g.Start < p.End {
					s.GoldFound++
					c[3]++
					break
				}
			}
			s.ByType[g.Type] = c
		}
	}
	return s
}

// NERSpans turns actor and place mentions into typed named-entity spans:
// pronoun and lower-case mentions and bare demonyms are dropped, a country
// is a place after a locative preposition and an organisation (a state
// acting) otherwise, and a place inside an actor span is not repeated.
func NERSpans(text string, actors []liaison.ActorMention, places []liaison.PlaceMention, isPlace func(string) bool) []NERSpan {
	var out []NERSpan
	runes := []rune(text)
	for _, a := range actors {
		if a.Text == "" || a.Text[0] < 'A' || a.Text[0] > 'Z' || isPronoun(a.Text) {
			continue
		}
		typ := "organization"
		switch a.Kind {
		case "person":
			typ = "person"
			if pre, ok := countryPrefix(a, isPlace); ok {
				out = append(out, pre) // "U.S. President Bill Clinton": a place, then a person
				a.Start = a.End - len([]rune(a.Name))
			}
		case "organisation", "group":
			if facilityName(a.Text) {
				typ = "place" // "Johnson Space Center", "Museum of Flight"
			}
		case "government", "military":
			if pre, ok := rolePrefix(a, isPlace); ok {
				out = append(out, pre) // "U.S. officials": the place is the only name
				continue
			}
		case "country":
			if !isPlace(a.Text) {
				continue // a demonym: "Italian", "Afghans"
			}
			if !agentive(runes, a.End) || locative(runes, a.Start) {
				typ = "place"
			}
		}
		out = append(out, NERSpan{Type: typ, Start: a.Start, End: a.End})
	}
	for _, p := range places {
		dup := false
		for _, o := range out {
			if p.Start < o.End && o.Start < p.End {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, NERSpan{Type: "place", Start: p.Start, End: p.End})
		}
	}
	return out
}

// countryPrefix splits the place that opens a titled person's mention
// ("U.S." of "U.S. President Bill Clinton", "Japan" of "Japan's Prime
// Minister Kishida Fumio"): the mention's text must end with the person's
// name and start with a gazetteer place of one to three words.
func countryPrefix(a liaison.ActorMention, isPlace func(string) bool) (NERSpan, bool) {
	if a.Name == "" || a.Name == a.Text || !strings.HasSuffix(a.Text, a.Name) {
		return NERSpan{}, false
	}
	words := strings.Fields(strings.TrimSuffix(a.Text, a.Name))
	for n := min(3, len(words)); n >= 1; n-- {
		w := strings.TrimSuffix(strings.TrimSuffix(strings.Join(words[:n], " "), "'s"), "’s")
		if w != "" && isPlace(w) {
			return NERSpan{Type: "place", Start: a.Start, End: a.Start + len([]rune(w))}, true
		}
	}
	return NERSpan{}, false
}

// rolePrefix returns the place that opens a body's mention whose other
// words are all lower case ("U.S. military", "Japan's government").
func rolePrefix(a liaison.ActorMention, isPlace func(string) bool) (NERSpan, bool) {
	words := strings.Fields(a.Text)
	for n := min(3, len(words)-1); n >= 1; n-- {
		rest := words[n:]
		lower := true
		for _, w := range rest {
			lower = lower && w[0] >= 'a' && w[0] <= 'z'
		}
		w := strings.TrimSuffix(strings.TrimSuffix(strings.Join(words[:n], " "), "'s"), "’s")
		if lower && w != "" && isPlace(w) {
			return NERSpan{Type: "place", Start: a.Start, End: a.Start + len([]rune(w))}, true
		}
	}
	return NERSpan{}, false
}

// agentive reports whether a verb follows offset end ("Belgium beat",
// "North Korea has placed", "Japan's military").
func agentive(runes []rune, end int) bool {
	b := end
	for b < len(runes) && runes[b] == ' ' {
		b++
	}
	e := b
	for e < len(runes) && runes[e] != ' ' && runes[e] != ',' && runes[e] != '.' {
		e++
	}
	w := strings.ToLower(string(runes[b:e]))
	if w != "" && w[0] >= '0' && w[0] <= '9' {
		return true // a score: "Belgium 3-0 Panama"
	}
	switch w {
	case "'s", "’s", "has", "have", "had", "will", "would", "is", "was", "said", "says", "beat", "won", "lost", "drew",
		"must", "should", "could", "can", "may", "did", "does", "took", "made", "wants", "plans", "announced", "agreed":
		return true
	}
	return len(w) > 4 && strings.HasSuffix(w, "ed")
}

// facilityName reports whether an organisation's name is a building's.
func facilityName(s string) bool {
	f := strings.Fields(strings.ToLower(s))
	if len(f) == 0 {
		return false
	}
	switch f[len(f)-1] {
	case "center", "centre", "museum", "stadium", "hall", "station", "airport", "hotel", "complex", "base", "factory", "mosque", "cathedral":
		return true
	}
	return len(f) > 1 && (f[0] == "museum" || f[0] == "port")
}

// locative reports whether the word before offset start is a locative
// preposition ("in Japan", "to Lithuania").
func locative(runes []rune, start int) bool {
	end := start
	for end > 0 && runes[end-1] == ' ' {
		end--
	}
	b := end
	for b > 0 && runes[b-1] != ' ' {
		b--
	}
	if w := strings.ToLower(string(runes[b:end])); w == "the" && b > 0 {
		return locative(runes, b)
	}
	switch strings.ToLower(string(runes[b:end])) {
	case "against", "beat", "versus", "vs", "vs.", "over", "defeated":
		return false
	}
	switch strings.ToLower(string(runes[b:end])) {
	case "in", "to", "from", "at", "across", "into", "near", "throughout", "inside", "outside", "within", "around", "of", "visit", "visited", "entered", "towards", "toward", "through", "and", ",":
		return true
	}
	return false
}

func isPronoun(s string) bool {
	switch strings.ToLower(s) {
	case "he", "she", "him", "they", "it", "the country", "the minister":
		return true
	}
	return strings.HasPrefix(strings.ToLower(s), "the ")
}

// GUMSuite scores person/organisation/place spans on GUM news.
func GUMSuite() Suite {
	return Suite{Name: "entities/gum-news", Run: func(ctx context.Context, w io.Writer) (Result, error) {
		p, err := shareddata.Path("data/gold/ner/gum_news_wikinews_24docs.tar.gz")
		if err != nil {
			return Result{}, fmt.Errorf("%w: %v", ErrNoData, err)
		}
		s, err := RunGUM(p)
		if err != nil {
			return Result{}, err
		}
		return Result{Suite: "entities/gum-news", Items: s.Docs, Note: s.String(), Metrics: []Metric{
			{Name: "precision", Value: s.Precision()},
			{Name: "recall", Value: s.Recall()},
			{Name: "f1", Value: s.F1(), Min: 0.75},
		}}, nil
	}}
}

// RunGUM reads the GUM archive and scores the built-in finders on it.
func RunGUM(path string) (NERScore, error) {
	f, err := os.Open(path)
	if err != nil {
		return NERScore{}, err
	}
	defer f.Close()
	docs, err := ReadGUMTar(f)
	if err != nil {
		return NERScore{}, err
	}
	ent, err := newEntities()
	if err != nil {
		return NERScore{}, err
	}
	return ScoreNER(docs, func(text string) []NERSpan {
		a, p := ent.find(text, time.Time{})
		return NERSpans(text, a, p, ent.isPlace)
	}), nil
}
