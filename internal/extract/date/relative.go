package date

import (
	"fmt"
	"time"
)

func dayOf(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// modOffset is the direction of a relative modifier.
// "the following day" and "the previous week" are relative to another event,
// not to the document date, and are left alone.
var modOffset = map[string]int{"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1}

// relative matches expressions resolved against the document date:
// "yesterday", "last year", "the last week", "next Monday", "last May",
// "two days ago", "early this year", a bare weekday.
func (f *finder) relative(i int) (mention, int, bool) {
	t := f.toks[i]
	if t.kind == tNum {
		return f.ago(i)
	}
	switch t.key {
	case "yesterday":
		return mention{Value: fmtDay(f.dct.AddDate(0, 0, -1))}, i + 1, true
	case "today", "tonight":
		return mention{Value: fmtDay(f.dct)}, i + 1, true
	case "tomorrow":
		return mention{Value: fmtDay(f.dct.AddDate(0, 0, 1))}, i + 1, true
	case "the":
		if _, ok := modOffset[f.key(i+1)]; ok {
			if m, n, ok := f.modified(i + 1); ok {
				return m, n, true
			}
		}
		return mention{}, 0, false
	case "early", "late", "mid":
		j := i + 1
		if f.punct(j, "-") {
			j++
		}
		if m, n, ok := f.absolute(j); ok && m.EndValue == "" {
			return m, n, true
		}
		if m, n, ok := f.relative(j); ok && j < len(f.toks) && f.key(j) != "early" && f.key(j) != "late" && f.key(j) != "mid" {
			return m, n, true
		}
		return mention{}, 0, false
	}
	if _, ok := modOffset[t.key]; ok {
		return f.modified(i)
	}
	if _, ok := numberWords[t.key]; ok {
		return f.ago(i)
	}
	if wd, ok := weekdayNum[t.key]; ok && f.isWeekday(i) && t.upper {
		n := i + 1
		if t.end-t.start < len(t.key) {
			n++ // the abbreviation's period
		}
		return mention{Value: f.weekday(wd, i)}, n, true
	}
	return mention{}, 0, false
}

// modified matches a modifier (last, next, this, coming, past) and what it
// modifies: a unit, a weekday, a month, a season, "fiscal year".
func (f *finder) modified(i int) (mention, int, bool) {
	off := modOffset[f.key(i)]
	j := i + 1
	if f.key(j) == "fiscal" {
		j++
	}
	k := f.key(j)
	if k == "day" && f.key(i-1) == "the" {
		return mention{}, 0, false // "the next day", "the last day": relative to an event, not the report
	}
	if units[k] && f.toks[j].end-f.toks[j].start == len(k) { // singular only: "last year", not "past years"
		return mention{Value: f.shift(k, off)}, j + 1, true
	}
	if wd, ok := weekdayNum[k]; ok && off != 0 {
		dw := int(f.dct.Weekday())
		var d time.Time
		if off < 0 {
			back := (dw - wd + 7) % 7
			if back == 0 {
				back = 7
			}
			d = f.dct.AddDate(0, 0, -back)
		} else {
			fwd := (wd - dw + 7) % 7
			if fwd == 0 {
				fwd = 7
			}
			d = f.dct.AddDate(0, 0, fwd)
		}
		return mention{Value: fmtDay(d)}, j + 1, true
	}
	if m, ok := monthNum[k]; ok && f.toks[j].upper {
		y, dm := f.dct.Year(), int(f.dct.Month())
		switch {
		case off < 0 && m >= dm:
			y--
		case off > 0 && m <= dm:
			y++
		}
		return mention{Value: fmtMonth(y, m)}, j + 1, true
	}
	if code, ok := seasons[k]; ok {
		return mention{Value: fmt.Sprintf("%04d-%s", f.seasonYear(code, off), code)}, j + 1, true
	}
	return mention{}, 0, false
}

// seasonYear picks the year of "last/this/next summer".
func (f *finder) seasonYear(code string, off int) int {
	first := seasonStart[code]
	y, dm := f.dct.Year(), int(f.dct.Month())
	switch {
	case off < 0 && dm < first+3:
		y--
	case off > 0 && dm >= first:
		y++
	}
	return y
}

// ago matches "two days ago", "a year ago", "5 weeks ago".
func (f *finder) ago(i int) (mention, int, bool) {
	n := 0
	t := f.toks[i]
	switch {
	case t.kind == tNum && len(t.parts) == 1 && t.suffix == "" && t.digits <= 3:
		n = t.n
	case t.kind == tWord:
		n = numberWords[t.key]
	}
	if n <= 0 {
		return mention{}, 0, false
	}
	u := f.key(i + 1)
	if !units[u] || f.key(i+2) != "ago" {
		return mention{}, 0, false
	}
	return mention{Value: f.shift(u, -n)}, i + 3, true
}
