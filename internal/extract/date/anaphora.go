package date

import "time"

// anchorWindow is how many sentences back the day an anaphoric expression
// counts from may have been mentioned.
const anchorWindow = 3

// setAnchor records a day-precision mention (its last day for a range) as
// the anchor of later anaphoric days.
func (f *finder) setAnchor(m mention, sent int) {
	v := m.Value
	if m.EndValue != "" {
		v = m.EndValue
	}
	if len(v) != 10 {
		return
	}
	if t, err := time.Parse("2006-01-02", v); err == nil {
		f.anchor, f.anchorSent = t, sent
	}
}

// singular reports whether token i is the keyword k itself, not a plural
// or other form of it.
func (f *finder) singular(i int, k string) bool {
	return f.key(i) == k && f.toks[i].end-f.toks[i].start == len(k)
}

// anaphoric matches days counted from the last day the text mentioned, not
// from the report's date: "the next day", "the following day", "the
// previous day", "the day before.", "two days later", "a day earlier". With
// no day mentioned in the last few sentences it matches nothing: news uses
// these for the day after an event, which the report's date does not give.
func (f *finder) anaphoric(i int) (mention, int, bool) {
	if f.anchor.IsZero() || f.sentOf[i]-f.anchorSent > anchorWindow {
		return mention{}, 0, false
	}
	off, n := 0, 0
	switch {
	case f.key(i) == "the" && f.singular(i+2, "day") && (f.key(i+1) == "next" || f.key(i+1) == "following"):
		off, n = 1, i+3
	case f.key(i) == "the" && f.singular(i+2, "day") && f.key(i+1) == "previous":
		off, n = -1, i+3
	case f.key(i) == "the" && f.singular(i+1, "day") && !f.wordAt(i+3) && (f.key(i+2) == "before" || f.key(i+2) == "after"):
		off, n = 1, i+3 // "the day after." but not "the day after the vote"
		if f.key(i+2) == "before" {
			off = -1
		}
	default:
		count := 0
		if t := f.toks[i]; t.kind == tNum && len(t.parts) == 1 && t.suffix == "" && t.digits <= 2 {
			count = t.n
		} else if t.kind == tWord {
			count = numberWords[t.key]
		}
		if count <= 0 || f.key(i+1) != "day" || (f.key(i+2) != "later" && f.key(i+2) != "earlier") {
			return mention{}, 0, false
		}
		off, n = count, i+3
		if f.key(i+2) == "earlier" {
			off = -count
		}
	}
	return mention{Value: fmtDay(f.anchor.AddDate(0, 0, off))}, n, true
}
