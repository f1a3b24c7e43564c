package date

import (
	"fmt"
	"strings"
	"time"
)

// civil truncates t to its calendar date in UTC.
func civil(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func fmtDay(t time.Time) string { return t.Format("2006-01-02") }

func fmtMonth(y, m int) string {
	t := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
	return t.Format("2006-01")
}

func fmtYear(y int) string { return fmt.Sprintf("%04d", y) }

func fmtWeek(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

// validDay reports whether y-m-d is a real calendar date.
func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1 || y > 9999 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}

// nearestYear picks the year for a month and day given without one: the
// document's year, or the adjacent year when that puts the date nearer the
// document date (a January report mentioning "Dec. 30").
func nearestYear(dct time.Time, m, d int) int {
	best, bestDist := dct.Year(), time.Duration(1<<62)
	for _, y := range []int{dct.Year() - 1, dct.Year(), dct.Year() + 1} {
		if !validDay(y, m, d) {
			continue
		}
		dist := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Sub(dct)
		if dist < 0 {
			dist = -dist
		}
		if dist < bestDist {
			best, bestDist = y, dist
		}
	}
	return best
}

// tense is the time a bare weekday or month most likely refers to.
type tense int8

const (
	past   tense = -1
	future tense = 1
)

// tenseAt reads the nearest tense cue around token i within its sentence:
// will, plans, next → future; said, was, -ed verbs → past. Reports default
// to the past.
func (f *finder) tenseAt(i int) tense {
	s := f.sentOf[i]
	for d := 1; d <= 10; d++ {
		for _, j := range [2]int{i - d, i + d} {
			if j < 0 || j >= len(f.toks) || f.sentOf[j] != s || f.toks[j].kind != tWord {
				continue
			}
			if j > i && f.key(j) == "to" {
				continue // an infinitive after the date is about something else
			}
			if t, ok := f.cue(j); ok {
				return t
			}
		}
	}
	return past
}

// cue returns the tense token j signals, if any.
func (f *finder) cue(j int) (tense, bool) {
	if f.toks[j].key == "to" && f.infinitive(j) {
		return future, true // "the program to run through June"
	}
	return f.wordCue(j)
}

// wordCue is the tense a word signals by itself: a cue word or an -ed verb.
func (f *finder) wordCue(j int) (tense, bool) {
	k := f.toks[j].key
	if futureCues[k] {
		return future, true
	}
	if pastCues[k] {
		return past, true
	}
	t := f.toks[j]
	if t.end-t.start > 4 && !t.upper {
		w := strings.ToLower(string(f.r[t.end-2 : t.end]))
		if w == "ed" {
			if j > 0 && f.toks[j-1].kind == tWord && strings.EqualFold(string(f.r[f.toks[j-1].start:f.toks[j-1].end]), "be") {
				return future, true // "is due to be published in May"
			}
			return past, true
		}
	}
	return 0, false
}

// infinitive reports whether "to" at j opens an infinitive of purpose or
// plan ("to run", "to hold"): a lower-case word that is not a determiner
// follows, and no fixed phrase ("according to", "used to") nor past verb
// in the three words before it ("returned to work", "lost the nomination
// to") makes it a preposition.
func (f *finder) infinitive(j int) bool {
	if j+1 >= len(f.toks) || f.toks[j+1].kind != tWord || f.toks[j+1].upper || !f.adjacent(j) {
		return false
	}
	if notVerbs[f.lower(j+1)] || strings.HasSuffix(f.lower(j+1), "ing") {
		return false
	}
	if j > 0 && toPhrases[f.lower(j-1)] {
		return false
	}
	for k := j - 1; k >= 0 && k >= j-3 && f.toks[k].kind == tWord; k-- {
		if c, ok := f.wordCue(k); ok && c == past {
			return false // "reached out to", "lost the nomination to"
		}
	}
	return true
}

// notVerbs follow "to" as a preposition.
var notVerbs = map[string]bool{"the": true, "a": true, "an": true, "his": true, "her": true, "its": true,
	"their": true, "our": true, "my": true, "your": true, "this": true, "that": true, "these": true, "those": true,
	"some": true, "all": true, "any": true, "about": true, "around": true, "more": true, "less": true, "date": true,
	"be": false, "them": true, "him": true, "us": true, "me": true, "what": true, "which": true, "whom": true,
	"each": true, "other": true, "power": true, "office": true, "court": true, "school": true, "work": true}

// toPhrases end in a "to" that is a preposition.
var toPhrases = map[string]bool{"according": true, "due": true, "up": true, "compared": true, "close": true,
	"next": true, "prior": true, "related": true, "similar": true, "used": true, "back": true, "addition": true,
	"owing": true, "thanks": true, "as": true, "from": true, "attention": true, "access": true, "opposed": true}

// weekday resolves a bare weekday: the document's own day when it matches,
// else the last one before it or the next one after, by tense.
func (f *finder) weekday(wd int, i int) string {
	dw := int(f.dct.Weekday())
	if wd == dw {
		return fmtDay(f.dct)
	}
	if f.tenseAt(i) == future {
		return fmtDay(f.dct.AddDate(0, 0, (wd-dw+7)%7))
	}
	return fmtDay(f.dct.AddDate(0, 0, -((dw - wd + 7) % 7)))
}

// bareMonth resolves a month without a year by tense: the last such month
// up to the document's, or the next from it.
func (f *finder) bareMonth(m int, i int) string {
	y, dm := f.dct.Year(), int(f.dct.Month())
	if f.tenseAt(i) == future {
		if m < dm {
			y++
		}
	} else if m > dm {
		y--
	}
	return fmtMonth(y, m)
}

// shift applies a count of units to the document date and formats it at
// the unit's precision ("two years ago" → 2011).
func (f *finder) shift(unit string, n int) string {
	switch unit {
	case "day":
		return fmtDay(f.dct.AddDate(0, 0, n))
	case "week", "weekend":
		return fmtWeek(f.dct.AddDate(0, 0, 7*n))
	case "month":
		t := time.Date(f.dct.Year(), f.dct.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		return fmtMonth(t.Year(), int(t.Month()))
	case "year":
		return fmtYear(f.dct.Year() + n)
	case "decade":
		return fmt.Sprintf("%03d", (f.dct.Year()+10*n)/10)
	case "quarter":
		q := (int(f.dct.Month())-1)/3 + n
		y := f.dct.Year()
		for q < 0 {
			q += 4
			y--
		}
		return fmt.Sprintf("%04d-Q%d", y+q/4, q%4+1)
	}
	return ""
}
