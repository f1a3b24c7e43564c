package date

import (
	"fmt"
	"strings"
	"unicode"
)

// TimeML's vague references: the present, the past and the future have no
// calendar value; TempEval-style gold gives them these values. Event dating
// ignores them (they are not calendar dates).
const (
	presentRef = "PRESENT_REF"
	pastRef    = "PAST_REF"
	futureRef  = "FUTURE_REF"
)

// reference matches "now", "currently", "nowadays", "at present",
// "recently", "in the past" and "in the future".
func (f *finder) reference(i int) (mention, int, bool) {
	switch f.key(i) {
	case "now":
		if f.key(i+1) == "that" { // "now that" is a conjunction
			return mention{}, 0, false
		}
		return mention{Value: presentRef}, i + 1, true
	case "currently", "nowadays":
		return mention{Value: presentRef}, i + 1, true
	case "recently":
		return mention{Value: pastRef}, i + 1, true
	case "at":
		if f.key(i+1) == "present" && !f.wordAt(i+2) {
			return mention{Value: presentRef}, i + 2, true
		}
	case "the":
		// "in the past", "in the future" standing alone: not "the past
		// two years" (a duration) nor "the future president".
		v := ""
		switch f.key(i + 1) {
		case "past":
			v = pastRef
		case "future":
			v = futureRef
		}
		if v != "" && f.key(i-1) == "in" && (!f.wordAt(i+2) || clauseWords[f.lower(i+2)]) {
			return mention{Value: v}, i + 2, true
		}
	}
	return mention{}, 0, false
}

// vague tries anaphoric days, references, period parts and quarters at
// token i.
func (f *finder) vague(i int) (mention, int, bool) {
	if m, n, ok := f.anaphoric(i); ok {
		return m, n, true
	}
	switch f.key(i) {
	case "the", "end", "beginning", "start", "middle":
		if m, n, ok := f.periodPart(i); ok {
			return m, n, true
		}
	}
	switch f.key(i) {
	case "the", "fiscal", "first", "second", "third", "fourth":
		if m, n, ok := f.quarter(i); ok {
			return m, n, true
		}
	}
	return f.reference(i)
}

// clauseWords may follow a fronted "in the past" / "in the future" that
// stands alone ("in the future it will"), unlike "the past two years".
var clauseWords = map[string]bool{"it": true, "he": true, "she": true, "they": true, "we": true, "i": true,
	"you": true, "there": true, "and": true, "or": true, "but": true, "when": true, "as": true, "is": true,
	"was": true, "will": true, "would": true, "has": true, "have": true, "had": true, "the": true, "this": true}

// lower returns token i's text in lower case ("" when out of range).
func (f *finder) lower(i int) string {
	if i < 0 || i >= len(f.toks) {
		return ""
	}
	return strings.ToLower(string(f.r[f.toks[i].start:f.toks[i].end]))
}

// wordAt reports whether token i is a word or a number on the same line
// (so the phrase before it goes on).
func (f *finder) wordAt(i int) bool {
	return i < len(f.toks) && f.toks[i].kind != tPunct && f.adjacent(i-1)
}

// periodParts are the parts of a period "the end of the year" names.
var periodParts = map[string]bool{"end": true, "beginning": true, "start": true, "middle": true}

// periodPart matches "the end of the year", "the beginning of next month",
// "the end of 2012", "the start of March": the period the part belongs to,
// at the period's precision (TimeML leaves the part to a modifier). A bare
// unit ("the end of the year") takes its period from the tense: a past end
// is the last period's, a future beginning the next one's.
func (f *finder) periodPart(i int) (mention, int, bool) {
	j := i
	if f.key(j) == "the" {
		j++
	}
	part := f.key(j)
	if !periodParts[part] || f.key(j+1) != "of" {
		return mention{}, 0, false
	}
	j += 2
	if _, ok := modOffset[f.key(j)]; ok {
		if m, n, ok := f.modified(j); ok {
			return m, n, true
		}
	}
	if m, n, ok := f.absolute(j); ok {
		return m, n, true
	}
	if f.key(j) == "the" {
		j++
	}
	u := f.key(j)
	if (u != "year" && u != "month" && u != "week") || f.toks[j].end-f.toks[j].start != len(u) {
		return mention{}, 0, false
	}
	off := 0
	switch past := f.tenseAt(i) == past; {
	case past && part == "end":
		off = -1
	case !past && (part == "beginning" || part == "start"):
		off = 1
	}
	return mention{Value: f.shift(u, off)}, j + 1, true
}

// seasonStart is the first month of each season.
var seasonStart = map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}

// seasonPreps introduce a season without a year ("in the spring").
var seasonPreps = map[string]bool{"in": true, "during": true, "by": true, "until": true, "since": true,
	"through": true, "over": true, "this": false}

// season matches a season with its year ("summer 2012", "the fall of
// 1989") or, after a preposition ("in the spring", "during winter"), alone:
// the last one begun when the sentence is in the past, else the next one
// not yet over. "The fall of Rome" and "a hot spring" are not seasons.
func (f *finder) season(i int) (mention, int, bool) {
	code := seasons[f.key(i)]
	j := i + 1
	if f.key(j) == "of" {
		j++
	}
	if y, n, ok := f.year(j); ok {
		return mention{Value: fmt.Sprintf("%04d-%s", y, code)}, n, true
	}
	p := i - 1
	if f.key(p) == "the" {
		p--
	}
	if j > i+1 || !seasonPreps[f.lower(p)] || f.wordAt(i+1) && f.toks[i+1].kind == tWord && !clauseWords[f.lower(i+1)] && f.key(i+1) == "" {
		return mention{}, 0, false
	}
	first := seasonStart[code]
	y, dm := f.dct.Year(), int(f.dct.Month())
	if f.tenseAt(i) == future {
		if dm >= first+3 {
			y++
		}
	} else if dm < first {
		y--
	}
	return mention{Value: fmt.Sprintf("%04d-%s", y, code)}, i + 1, true
}

// ordinals of quarters and halves.
var ordinals = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4}

// quarter matches "the first quarter", "the fourth quarter of 2012", "the
// second half of last year", "fiscal third quarter": TimeML's 2013-Q1 and
// 2013-H2. Without a year the quarter is this year's, or last year's when
// the sentence is in the past and the quarter has not begun yet (and the
// reverse for the future).
func (f *finder) quarter(i int) (mention, int, bool) {
	j := i
	if f.key(j) == "the" {
		j++
	}
	if f.key(j) == "fiscal" {
		j++
	}
	n, ok := ordinals[f.key(j)]
	unit := f.key(j + 1)
	if !ok || (unit != "quarter" && unit != "half") || f.toks[j+1].end-f.toks[j+1].start != len(unit) || (unit == "half" && n > 2) {
		return mention{}, 0, false
	}
	per, code := 3, "Q"
	if unit == "half" {
		per, code = 6, "H"
	}
	end := j + 2
	k := end
	if f.key(k) == "of" {
		k++
	}
	if f.key(k) == "fiscal" {
		k++ // "of fiscal 1986"
	}
	y, cur := f.dct.Year(), (int(f.dct.Month())-1)/per+1
	explicit := true
	if yy, n2, ok := f.year(k); ok {
		y, end = yy, n2
	} else if off, ok := f.yearModifier(k); ok {
		y, end = y+off, k+2
	} else if f.key(k) == "the" && f.key(k+1) == "year" && k > end {
		end = k + 2 // "of the year": this year's, by tense below
		explicit = false
	} else {
		explicit = false
		if unit == "half" || f.wordAt(end) && measureWords[f.lower(end)] {
			return mention{}, 0, false // "the first half" of a match, "a quarter century"
		}
	}
	if explicit {
		return mention{Value: fmt.Sprintf("%04d-%s%d", y, code, n)}, end, true
	}
	if !f.businessNear(i) {
		return mention{}, 0, false // "a touchdown in the fourth quarter"
	}
	if f.tenseAt(i) == past && n > cur {
		y--
	} else if f.tenseAt(i) == future && n < cur {
		y++
	}
	return mention{Value: fmt.Sprintf("%04d-%s%d", y, code, n)}, end, true
}

// businessNear reports whether a word of business or economic reporting
// ("profit", "sales", "GDP", "$", "%") stands within 25 tokens of token i in
// its sentence: a quarter without a year in sports reporting is a part of
// a game, not of a year.
func (f *finder) businessNear(i int) bool {
	s := f.sentOf[i]
	for j := max(0, i-25); j < len(f.toks) && j <= i+25; j++ {
		if f.sentOf[j] != s {
			continue
		}
		t := f.toks[j]
		if t.kind == tPunct && (t.key == "$" || t.key == "%" || t.key == "€" || t.key == "£") || t.kind == tWord && businessWords[f.lower(j)] {
			return true
		}
	}
	return false
}

// businessWords mark business and economic reporting.
var businessWords = map[string]bool{"profit": true, "profits": true, "earnings": true, "sales": true,
	"revenue": true, "revenues": true, "results": true, "growth": true, "gdp": true, "economy": true,
	"economic": true, "dividend": true, "income": true, "net": true, "shares": true, "share": true, "pct": true,
	"percent": true, "dlrs": true, "dollars": true, "billion": true, "million": true, "mln": true, "output": true,
	"production": true, "quarterly": true, "inflation": true, "deficit": true, "surplus": true, "exports": true,
	"imports": true, "company": true, "companies": true, "firm": true, "deal": true, "market": true,
	"prices": true, "demand": true, "investment": true, "spending": true, "loss": false, "operating": true}

// measureWords after "quarter" make it a quantity, not a period.
var measureWords = map[string]bool{"century": true, "hour": true, "mile": true, "inch": true, "dozen": true,
	"point": true, "pound": true, "note": true, "final": true, "finals": true}

// apostropheYear matches a year written with two digits after an
// apostrophe ("'58", "’90s"): the nearest century that keeps it no more than
// ten years after the document date.
func (f *finder) apostropheYear(i int) (mention, int, bool) {
	t := f.toks[i]
	if t.kind != tPunct || (t.key != "'" && t.key != "’") || i+1 >= len(f.toks) {
		return mention{}, 0, false
	}
	if t.start > 0 && (unicode.IsLetter(f.r[t.start-1]) || unicode.IsDigit(f.r[t.start-1])) {
		return mention{}, 0, false // "rock'n'roll", "5'10"
	}
	d := f.toks[i+1]
	if d.kind != tNum || d.start != t.end || d.digits != 2 || len(d.parts) != 1 || (d.suffix != "" && d.suffix != "s") {
		return mention{}, 0, false
	}
	if i+2 < len(f.toks) && f.toks[i+2].kind == tPunct && f.toks[i+2].start == d.end && (f.toks[i+2].key == "'" || f.toks[i+2].key == "’") {
		return mention{}, 0, false // a quoted number: '58'
	}
	if f.countNoun(i + 2) {
		return mention{}, 0, false // "'58 people"
	}
	y := f.dct.Year()/100*100 + d.n
	if y > f.dct.Year()+10 {
		y -= 100
	}
	if d.suffix == "s" {
		if d.n%10 != 0 {
			return mention{}, 0, false
		}
		return mention{Value: fmt.Sprintf("%03d", y/10)}, i + 2, true
	}
	return mention{Value: fmtYear(y)}, i + 2, true
}
