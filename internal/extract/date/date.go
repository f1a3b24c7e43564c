// Package date finds temporal expressions in report text and resolves them
// against the report's date, so events can carry their own dates. Values are
// ISO 8601 at the precision the text gives ("2022", "2022-06",
// "2023-07-11", weeks "2013-W12"), with TimeML's forms where ISO has none:
// seasons "2012-SU", quarters "2013-Q1", halves "2013-H2", and the vague
// PRESENT_REF ("now", "currently"), PAST_REF ("recently") and FUTURE_REF;
// ranges carry an end value. "The next day" and "two days later" count from
// the last day the text mentioned, not from the report's date. It works on
// a token stream with keyword tables, no regular expressions.
package date

import (
	"time"

	"github.com/liaison-project/liaison"
)

// Find returns the date mentions of text resolved against docDate (the
// anchor of relative expressions), in text order. sents gives each mention
// its sentence index and bounds the tense cues that place a bare weekday or
// month in the past or the future.
func Find(text string, sents []liaison.Span, docDate time.Time) []liaison.DateMention {
	return FindRunes([]rune(text), sents, docDate)
}

// FindRunes is Find for text already decoded to code points.
func FindRunes(r []rune, sents []liaison.Span, docDate time.Time) []liaison.DateMention {
	f := finder{r: r, toks: tokenize(r), dct: civil(docDate), sents: sents}
	f.sentOf = f.sentenceIndex()
	out := []liaison.DateMention{}
	for i := 0; i < len(f.toks); {
		m, next, ok := f.match(i)
		if !ok {
			i++
			continue
		}
		m.Start, m.End = f.toks[i].start, f.toks[next-1].end
		m.Text = string(r[m.Start:m.End])
		m.Sentence = f.sentOf[i]
		f.setAnchor(m, m.Sentence)
		out = append(out, m)
		i = next
	}
	return out
}

// finder holds one document's tokens and anchor.
type finder struct {
	// anchor is the last day mentioned and anchorSent its sentence: what
	// "the next day" counts from.
	anchor     time.Time
	anchorSent int
	r          []rune
	toks       []tok
	dct        time.Time
	sents      []liaison.Span
	sentOf     []int
}

func (f *finder) sentenceIndex() []int {
	out := make([]int, len(f.toks))
	s := 0
	for i, t := range f.toks {
		for s+1 < len(f.sents) && t.start >= f.sents[s].End {
			s++
		}
		out[i] = s
	}
	return out
}

// key returns the keyword of token i ("" for none or out of range).
func (f *finder) key(i int) string {
	if i < 0 || i >= len(f.toks) || f.toks[i].kind != tWord {
		return ""
	}
	return f.toks[i].key
}

// punct reports whether token i is the punctuation mark p.
func (f *finder) punct(i int, p string) bool {
	return i >= 0 && i < len(f.toks) && f.toks[i].kind == tPunct && f.toks[i].key == p
}

// adjacent reports whether tokens i and i+1 are separated by white space
// only (no newline) or nothing.
func (f *finder) adjacent(i int) bool {
	if i+1 >= len(f.toks) {
		return false
	}
	for k := f.toks[i].end; k < f.toks[i+1].start; k++ {
		if f.r[k] == '\n' {
			return false
		}
	}
	return true
}

// match tries every pattern at token i, longest forms first.
func (f *finder) match(i int) (liaison.DateMention, int, bool) {
	t := f.toks[i]
	if t.kind == tPunct {
		return f.apostropheYear(i)
	}
	if m, n, ok := f.absolute(i); ok {
		return f.rangeAfter(m, n)
	}
	if m, n, ok := f.vague(i); ok {
		return m, n, true
	}
	if m, n, ok := f.relative(i); ok {
		return m, n, true
	}
	return liaison.DateMention{}, 0, false
}

// rangeAfter extends a date with a second one joined by a comma, a dash,
// "to", "through" or "and" into a range ("Jul. 11, Jul. 12").
func (f *finder) rangeAfter(m liaison.DateMention, n int) (liaison.DateMention, int, bool) {
	if m.EndValue != "" || len(m.Value) != 10 {
		return m, n, true
	}
	sep := n
	if !(f.punct(sep, ",") || f.punct(sep, "-") || f.punct(sep, "–") || f.key(sep) == "to" || f.key(sep) == "through" || f.key(sep) == "and") {
		return m, n, true
	}
	if d := sep + 1; !f.punct(sep, ",") && d < len(f.toks) && f.toks[d].kind == tNum && f.toks[d].digits <= 2 && len(f.toks[d].parts) == 1 &&
		(d+1 >= len(f.toks) || f.toks[d+1].kind != tWord || monthNum[f.toks[d+1].key] == 0) {
		// "May 24 to 26": a bare day closes the range in the same month.
		start, _ := time.Parse("2006-01-02", m.Value)
		if day := f.toks[d].n; day > start.Day() && validDay(start.Year(), int(start.Month()), day) {
			m.EndValue = fmtDay(dayOf(start.Year(), int(start.Month()), day))
			return m, d + 1, true
		}
	}
	m2, n2, ok := f.absolute(sep + 1)
	if !ok || len(m2.Value) != 10 || m2.EndValue != "" || m2.Value <= m.Value {
		return m, n, true
	}
	d1, _ := time.Parse("2006-01-02", m.Value)
	d2, _ := time.Parse("2006-01-02", m2.Value)
	if d2.Sub(d1) > 31*24*time.Hour {
		return m, n, true
	}
	m.EndValue = m2.Value
	return m, n2, true
}
