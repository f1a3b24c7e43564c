package quote

import (
	"sort"
	"strings"
	"unicode"
)

// tok is a word or a punctuation mark of a cue window.
type tok struct {
	start, end int
	low        string // lower-cased word; "" for punctuation
	punct      rune
	upper      bool
	caps       bool // two or more letters, all capitals ("WASHINGTON")
}

func (f *finder) tokens(a, b int) []tok {
	var out []tok
	r := f.r
	for i := a; i < b; {
		c := r[i]
		switch {
		case unicode.IsSpace(c):
			i++
		case unicode.IsLetter(c) || unicode.IsDigit(c):
			j := i
			for j < b && (unicode.IsLetter(r[j]) || unicode.IsDigit(r[j]) || (r[j] == '\'' || r[j] == '’' || r[j] == '-' || r[j] == '.') && j+1 < b && unicode.IsLetter(r[j+1])) {
				j++
			}
			out = append(out, tok{start: i, end: j, low: strings.ToLower(string(r[i:j])), upper: unicode.IsUpper(c), caps: allCaps(r[i:j])})
			i = j
		case c == '(':
			// A parenthetical ("(D-Wis.)") is skipped: it never holds the
			// cue and its periods are not sentence ends.
			j := i + 1
			for j < b && j < i+40 && f.r[j] != ')' && f.r[j] != '\n' {
				j++
			}
			if j < b && f.r[j] == ')' {
				i = j + 1
				continue
			}
			out = append(out, tok{start: i, end: i + 1, punct: c})
			i++
		default:
			out = append(out, tok{start: i, end: i + 1, punct: c})
			i++
		}
	}
	return out
}

// allCaps reports whether a word has two or more letters, all capitals.
func allCaps(w []rune) bool {
	n := 0
	for _, c := range w {
		if unicode.IsLower(c) {
			return false
		}
		if unicode.IsLetter(c) {
			n++
		}
	}
	return n > 1
}

// sentence returns the index of the sentence holding offset off.
func (f *finder) sentence(off int) int {
	lo, hi := 0, len(f.sents)
	for lo < hi {
		m := (lo + hi) / 2
		if f.sents[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo >= len(f.sents) && lo > 0 {
		return len(f.sents) - 1
	}
	return lo
}

// bounds returns the sentence span holding off, or the whole text.
func (f *finder) bounds(off int) (int, int) {
	i := f.sentence(off)
	if i < len(f.sents) && f.sents[i].Start <= off {
		return f.sents[i].Start, f.sents[i].End
	}
	return 0, len(f.r)
}

// opensSentence reports whether the quote mark at off starts its sentence.
func (f *finder) opensSentence(off, si int) bool {
	if si < len(f.sents) {
		return f.sents[si].Start == off
	}
	return false
}

// sentStart returns where the text read before off for its cue begins: its
// sentence's start, bounded so a huge sentence stays linear.
func (f *finder) sentStart(off int) int {
	a, _ := f.bounds(off)
	if a > off || a < off-maxWindow {
		a = max(0, off-maxWindow)
	}
	return a
}

// abbrevDot reports whether token j is the period of a title abbreviation
// ("Mr.", "Dr.", "Gen."), which does not end a speaker phrase.
func abbrevDot(ts []tok, j int) bool {
	if j <= 0 || j >= len(ts) || ts[j].punct != '.' {
		return false
	}
	p := ts[j-1]
	if p.punct != 0 || !p.upper || p.end != ts[j].start {
		return false
	}
	return titles[p.low] || p.end-p.start == 1 || strings.Contains(p.low, ".") ||
		strings.Contains(p.low, "-") && p.end-p.start <= 6 // "R-Ky.", "D-S.C."
}

// quoted reports whether offset off lies inside a quoted stretch.
func (f *finder) quoted(off int) bool {
	lo, hi := 0, len(f.segs)
	for lo < hi {
		m := (lo + hi) / 2
		if f.segs[m].close <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(f.segs) && f.segs[lo].open < off
}

// nextWord returns the offset of the first letter after off on the same
// line, or -1.
func (f *finder) nextWord(off int) int {
	for i := off; i < len(f.r) && i < off+6; i++ {
		switch c := f.r[i]; {
		case c == '\n':
			return -1
		case unicode.IsLetter(c):
			return i
		}
	}
	return -1
}

// actorsBefore returns how many actor mentions start before off (the
// mentions are in text order).
func (f *finder) actorsBefore(off int) int {
	return sort.Search(len(f.actors), func(i int) bool { return f.actors[i].Start >= off })
}
