package date

import (
	"fmt"
	"strings"

	"github.com/liaison-project/liaison"
)

type mention = liaison.DateMention

// absolute matches calendar expressions at token i: ISO dates, day-month,
// month-day, month-year, years, decades, centuries, and a weekday before
// any of these.
func (f *finder) absolute(i int) (mention, int, bool) {
	if i >= len(f.toks) {
		return mention{}, 0, false
	}
	t := f.toks[i]
	if t.kind == tNum {
		return f.fromNumber(i)
	}
	if t.kind != tWord {
		return mention{}, 0, false
	}
	if _, ok := weekdayNum[t.key]; ok && f.isWeekday(i) {
		j := i + 1
		if f.punct(j, ",") {
			j++
		}
		if m, n, ok := f.monthFirst(j); ok && len(m.Value) == 10 {
			return m, n, true
		}
		if m, n, ok := f.fromNumber(j); ok && len(m.Value) == 10 {
			return m, n, true
		}
		return mention{}, 0, false
	}
	if _, ok := monthNum[t.key]; ok {
		return f.monthFirst(i)
	}
	if _, ok := seasons[t.key]; ok {
		return f.season(i)
	}
	return mention{}, 0, false
}

// year matches a four-digit year token at i (optionally after a comma).
func (f *finder) year(i int) (int, int, bool) {
	if f.punct(i, ",") {
		i++
	}
	if i >= len(f.toks) {
		return 0, 0, false
	}
	t := f.toks[i]
	if t.kind == tNum && t.digits == 4 && len(t.parts) == 1 && t.suffix == "" && t.n >= 1000 && t.n <= 2200 && f.adjacent(i-1) {
		return t.n, i + 1, true
	}
	return 0, 0, false
}

// isWeekday checks a weekday word: full names, or a capitalised
// abbreviation with its period ("Wed.").
func (f *finder) isWeekday(i int) bool {
	t := f.toks[i]
	if t.end-t.start == len(t.key) {
		return true
	}
	return t.upper && f.punct(i+1, ".")
}

// isMonth checks a month word: "May" and "March" need a date context,
// abbreviations a capital and a period or a day after them.
func (f *finder) isMonth(i int) bool {
	t := f.toks[i]
	if !t.upper {
		return false
	}
	next := i + 1
	if f.punct(next, ".") {
		next++
	}
	dayAfter := next < len(f.toks) && f.toks[next].kind == tNum
	if t.end-t.start < len(t.key) {
		return f.punct(i+1, ".") || dayAfter
	}
	if t.key == "may" || t.key == "march" {
		switch f.key(i - 1) {
		case "in", "since", "until", "by", "of", "early", "late", "mid", "last", "next", "this", "from",
			"during", "through", "end", "to", "before", "after", "coming", "past":
			return true
		}
		return dayAfter
	}
	return true
}

// monthFirst matches "July 11", "Jul. 11, 2023", "July 11-12", "June 2022",
// "June last year" and a bare month.
func (f *finder) monthFirst(i int) (mention, int, bool) {
	if i >= len(f.toks) || f.toks[i].kind != tWord {
		return mention{}, 0, false
	}
	m, ok := monthNum[f.toks[i].key]
	if !ok || !f.isMonth(i) {
		return mention{}, 0, false
	}
	j := i + 1
	if f.punct(j, ".") {
		j++
	}
	if j < len(f.toks) && f.toks[j].kind == tNum && f.adjacent(j-1) {
		d := f.toks[j]
		if d.digits <= 2 && len(d.parts) <= 2 && d.n >= 1 && d.n <= 31 && d.suffix != "s" {
			y, n, hasYear := f.year(j + 1)
			if !hasYear {
				y, n = nearestYear(f.dct, m, d.n), j+1
				if off, ok := f.yearModifier(n); ok { // "March 20 last year"
					y, n = f.dct.Year()+off, n+2
				}
			}
			if !validDay(y, m, d.n) {
				return mention{}, 0, false
			}
			out := mention{Value: fmtDay(dayOf(y, m, d.n))}
			if len(d.parts) == 2 && d.n2 > d.n && validDay(y, m, d.n2) {
				out.EndValue = fmtDay(dayOf(y, m, d.n2))
			}
			return out, n, true
		}
	}
	if f.key(j) == "of" {
		_, _, isYear := f.year(j + 1)
		if _, isMod := f.yearModifier(j + 1); isYear || isMod {
			j++ // "June of this year", "May of 2019"
		}
	}
	if y, n, ok := f.year(j); ok {
		return mention{Value: fmtMonth(y, m)}, n, true
	}
	if off, ok := f.yearModifier(j); ok {
		return mention{Value: fmtMonth(f.dct.Year()+off, m)}, j + 2, true
	}
	if f.toks[i].end-f.toks[i].start < len(f.toks[i].key) {
		return mention{}, 0, false // "Jul." alone is too weak
	}
	return mention{Value: f.bareMonth(m, i)}, i + 1, true
}

// fromNumber matches expressions opening with a number: ISO dates, "11
// July 2023", "11-12 July", years, year ranges, decades, centuries.
func (f *finder) fromNumber(i int) (mention, int, bool) {
	if i >= len(f.toks) || f.toks[i].kind != tNum {
		return mention{}, 0, false
	}
	t := f.toks[i]
	if len(t.parts) == 3 && t.digits == 4 && t.suffix == "" {
		if validDay(t.parts[0], t.parts[1], t.parts[2]) {
			return mention{Value: fmtDay(dayOf(t.parts[0], t.parts[1], t.parts[2]))}, i + 1, true
		}
		return mention{}, 0, false
	}
	if t.digits <= 2 && len(t.parts) <= 2 && t.n >= 1 && t.n <= 31 && f.adjacent(i) {
		j := i + 1
		if f.key(j) == "of" {
			j++
		}
		if j < len(f.toks) && f.toks[j].kind == tWord {
			if m, ok := monthNum[f.toks[j].key]; ok && f.toks[j].upper {
				n := j + 1
				if f.punct(n, ".") {
					n++
				}
				y, n2, hasYear := f.year(n)
				if !hasYear {
					y, n2 = nearestYear(f.dct, m, t.n), j+1
				}
				if !validDay(y, m, t.n) {
					return mention{}, 0, false
				}
				out := mention{Value: fmtDay(dayOf(y, m, t.n))}
				if len(t.parts) == 2 && t.n2 > t.n && validDay(y, m, t.n2) {
					out.EndValue = fmtDay(dayOf(y, m, t.n2))
				}
				return out, n2, true
			}
		}
	}
	return f.yearish(i)
}

// yearish matches "2022", "2009-2010", "2009-10", "1990s", "20th century".
func (f *finder) yearish(i int) (mention, int, bool) {
	t := f.toks[i]
	if t.suffix == "th" && t.digits <= 2 && f.key(i+1) == "century" && t.n >= 1 && t.n <= 22 {
		return mention{Value: fmt.Sprintf("%02d", t.n-1)}, i + 2, true
	}
	if t.digits != 4 || t.n < 1000 || t.n > 2200 || len(t.parts) > 2 {
		return mention{}, 0, false
	}
	if i > 0 && f.toks[i-1].kind == tPunct && (f.toks[i-1].key == "$" || f.toks[i-1].key == "#" || f.toks[i-1].key == "£" || f.toks[i-1].key == "€") && f.toks[i-1].end == t.start {
		return mention{}, 0, false
	}
	if f.punct(i+1, "%") || f.punct(i+1, ",") && i+2 < len(f.toks) && f.toks[i+2].kind == tNum && f.toks[i+1].end == f.toks[i+2].start {
		return mention{}, 0, false // "2010%", "2,010,000"
	}
	if f.countNoun(i + 1) {
		return mention{}, 0, false // "2000 tonnes", "1500 troops"
	}
	if t.suffix == "s" && t.n%10 == 0 {
		return mention{Value: fmt.Sprintf("%03d", t.n/10)}, i + 1, true
	}
	if t.suffix != "" {
		return mention{}, 0, false
	}
	if len(t.parts) == 1 && !f.yearContext(i) {
		return mention{}, 0, false // "1720 had been discharged", "(1430 UTC)"
	}
	out := mention{Value: fmtYear(t.n)}
	if len(t.parts) == 2 {
		e := t.n2
		if e < 100 {
			e += t.n / 100 * 100
		}
		if e <= t.n || e-t.n > 50 {
			return mention{}, 0, false
		}
		out.EndValue = fmtYear(e)
	}
	return out, i + 1, true
}

// countNoun reports whether token i is a word that makes the number before
// it a quantity: a unit or a plural noun ("tonnes", "troops").
func (f *finder) countNoun(i int) bool {
	if i >= len(f.toks) || f.toks[i].kind != tWord || f.toks[i].upper || !f.adjacent(i-1) {
		return false
	}
	w := strings.ToLower(string(f.r[f.toks[i].start:f.toks[i].end]))
	if quantityWords[w] {
		return true
	}
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "is") &&
		!strings.HasSuffix(w, "us") && !notPlural[w]
}

// quantityWords follow a number that counts something.
var quantityWords = map[string]bool{"people": true, "mln": true, "million": true, "billion": true, "pct": true,
	"percent": true, "per": true, "men": true, "women": true, "children": true, "personnel": true, "feet": true,
	"km": true, "kg": true, "mw": true, "times": true, "dlr": true, "stg": true, "yen": true, "crore": true}

// notPlural are words ending in s that may follow a year.
var notPlural = map[string]bool{"was": true, "has": true, "this": true, "thus": true, "plus": true, "versus": true,
	"its": true, "his": true, "as": true, "is": true, "does": true, "whereas": true, "across": true, "towards": true,
	"afterwards": true, "unless": true, "always": true, "perhaps": true, "sales": false}

// yearModifier reads "last year", "this year", "next year" at token i.
func (f *finder) yearModifier(i int) (int, bool) {
	if f.key(i+1) != "year" || f.toks[i+1].end-f.toks[i+1].start != 4 {
		return 0, false
	}
	switch f.key(i) {
	case "last":
		return -1, true
	case "this":
		return 0, true
	case "next":
		return 1, true
	}
	return 0, false
}

// yearContext decides whether a bare four-digit number at i is a year: a
// temporal preposition before it, or punctuation, a conjunction or a noun
// after it; and within 1800-2100 unless "in", "since" or "year" precede.
func (f *finder) yearContext(i int) bool {
	n := f.toks[i].n
	prev := ""
	if i > 0 && f.toks[i-1].kind == tWord {
		prev = strings.ToLower(string(f.r[f.toks[i-1].start:f.toks[i-1].end]))
	}
	if yearPreps[prev] {
		return n >= 1000
	}
	if n < 1800 || n > 2100 {
		return false
	}
	if i+1 >= len(f.toks) {
		return true
	}
	next := f.toks[i+1]
	switch next.kind {
	case tPunct:
		return next.key != "%" && next.key != "-"
	case tWord:
		w := strings.ToLower(string(f.r[next.start:next.end]))
		if yearFollowers[w] {
			return true
		}
		return yearDets[prev] && !next.upper // "the 2019 season", "a 2005 study"
	}
	return false
}

// yearPreps introduce a year ("in 2019", "by 2025").
var yearPreps = map[string]bool{"in": true, "since": true, "by": true, "until": true, "till": true, "of": true,
	"from": true, "to": true, "through": true, "during": true, "before": true, "after": true, "early": true,
	"late": true, "mid": true, "around": true, "circa": true, "year": true, "years": true, "fiscal": true,
	"between": true, "and": true, "season": true, "summer": true, "winter": true, "spring": true, "autumn": true,
	"fall": true, "election": true, "than": true}

// yearDets may precede a year used as a modifier.
var yearDets = map[string]bool{"the": true, "a": true, "an": true, "his": true, "her": true, "its": true, "their": true,
	"our": true, "this": true, "that": true, "last": true, "next": true}

// yearFollowers may follow a year at the end of a phrase.
var yearFollowers = map[string]bool{"and": true, "or": true, "when": true, "while": true, "as": true, "after": true,
	"before": true, "to": true, "through": true, "until": true, "was": true, "is": true, "saw": true, "will": true,
	"marked": true, "marks": true, "has": true, "had": true}
