// Package sentence splits report text into sentences, the unit every later
// extraction step (dates, quotes, events) attaches its findings to. It is a
// single pass over the code points with small embedded word lists: no
// regular expressions, so it keeps up with the engine's speed target.
package sentence

import (
	"strings"
	"unicode"

	"github.com/liaison-project/liaison"
)

// Split returns the sentences of text as code point spans, trimmed of
// surrounding white space, in order. Empty or blank text yields an empty,
// non-nil slice.
func Split(text string) []liaison.Span {
	return SplitRunes([]rune(text))
}

// SplitRunes is Split for text already decoded to code points.
func SplitRunes(r []rune) []liaison.Span {
	s := splitter{r: r, out: make([]liaison.Span, 0, len(r)/80+1)}
	s.run()
	return s.out
}

type splitter struct {
	r         []rune
	out       []liaison.Span
	start     int // start of the current sentence
	lineStart int // start of the current line
	firstLine bool
	seen      bool // any text seen yet
}

func (s *splitter) run() {
	r := s.r
	s.firstLine = true
	for i := 0; i < len(r); i++ {
		c := r[i]
		if !s.seen && !unicode.IsSpace(c) {
			s.seen = true
		}
		switch c {
		case '\n':
			if s.newlineBreaks(i) {
				s.emit(i)
				s.start = i + 1
			}
			s.lineStart = i + 1
			if s.seen {
				s.firstLine = false
			}
		case '.', '!', '?', '…':
			end := s.terminatorEnd(i)
			if s.periodBreaks(i, end) {
				s.emit(end)
				s.start = end
			}
			i = end - 1
		}
	}
	s.emit(len(r))
}

// emit closes the sentence [s.start, end) if it holds any text.
func (s *splitter) emit(end int) {
	a, b := s.start, end
	for a < b && unicode.IsSpace(s.r[a]) {
		a++
	}
	for b > a && unicode.IsSpace(s.r[b-1]) {
		b--
	}
	if a < b {
		s.out = append(s.out, liaison.Span{Start: a, End: b})
	}
}

func (s *splitter) hasText(a, b int) bool {
	for _, c := range s.r[a:b] {
		if !unicode.IsSpace(c) {
			return true
		}
	}
	return false
}

// terminatorEnd returns the end of the terminator run starting at i: more
// terminators (ellipses, "?!") and closing quotes and brackets, which belong
// to the sentence they close.
func (s *splitter) terminatorEnd(i int) int {
	r := s.r
	j := i + 1
	for j < len(r) && (r[j] == '.' || r[j] == '!' || r[j] == '?' || r[j] == '…') {
		j++
	}
	for j < len(r) && isCloser(r[j]) {
		j++
	}
	return j
}

func isCloser(c rune) bool {
	switch c {
	case '"', '\'', '”', '’', ')', ']', '»', '›':
		return true
	}
	return false
}

func isOpener(c rune) bool {
	switch c {
	case '"', '\'', '“', '‘', '(', '[', '«', '‹':
		return true
	}
	return false
}

// newlineBreaks decides whether the newline at i ends a sentence: a blank
// line always does; a single newline does when the next line does not simply
// continue a wrapped sentence (a headline or a short dateline line).
func (s *splitter) newlineBreaks(i int) bool {
	r := s.r
	if !s.hasText(s.start, i) {
		return false
	}
	j := i + 1
	for j < len(r) && r[j] != '\n' && unicode.IsSpace(r[j]) {
		j++
	}
	if j >= len(r) || r[j] == '\n' {
		return true // blank line or end: a paragraph break
	}
	next := r[j]
	if unicode.IsLower(next) {
		return false
	}
	last := lastWord(r[s.lineStart:i])
	if last == "" {
		return false
	}
	if functionWords[strings.ToLower(last)] {
		return false
	}
	// A wrapped line is long; a headline or dateline line is short or is the
	// document's first line.
	if j > i+1 {
		return true // an indented line opens a paragraph
	}
	if s.firstLine {
		return i-s.lineStart < 25 || !wrapped(r, j)
	}
	return i-s.lineStart < 50
}

// wrapped reports whether the line starting at j looks like the middle of a
// hard-wrapped paragraph: long, and not ending a sentence.
func wrapped(r []rune, j int) bool {
	e := j
	for e < len(r) && r[e] != '\n' {
		e++
	}
	if e-j < 45 {
		return false
	}
	k := e - 1
	for k > j && (unicode.IsSpace(r[k]) || isCloser(r[k])) {
		k--
	}
	return r[k] != '.' && r[k] != '!' && r[k] != '?'
}

// lastWord returns the last run of letters or digits of line.
func lastWord(line []rune) string {
	b := len(line)
	for b > 0 && !isWordRune(line[b-1]) {
		b--
	}
	a := b
	for a > 0 && isWordRune(line[a-1]) {
		a--
	}
	return string(line[a:b])
}

func isWordRune(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) }

// periodBreaks decides whether the terminator run [i, end) ends a sentence.
func (s *splitter) periodBreaks(i, end int) bool {
	r := s.r
	if end < len(r) && !unicode.IsSpace(r[end]) {
		return false // "3.5", "U.S.-led", "Yahoo!Inc"
	}
	// The next word.
	j := end
	for j < len(r) && unicode.IsSpace(r[j]) {
		j++
	}
	if j >= len(r) {
		return true
	}
	next := r[j]
	for k := j; k < len(r) && isOpener(r[k]); k++ {
		next = 0
		if k+1 < len(r) {
			next = r[k+1]
		}
	}
	if unicode.IsLower(next) {
		return false // "the U.S. and", "Help!" he said
	}
	if r[i] != '.' || end > i+1 && r[i+1] == '.' {
		return true // ! ? … and "..." before a capital
	}
	word, internal := wordBefore(r, i)
	if word == "" {
		return true
	}
	nextWord := wordAt(r, j)
	return s.abbrevBreaks(word, internal, next, nextWord)
}

// wordBefore returns the token ending at the period i (letters and internal
// periods, as in "U.S") and whether it has internal periods.
func wordBefore(r []rune, i int) (string, bool) {
	a := i
	internal := false
	for a > 0 && (unicode.IsLetter(r[a-1]) || r[a-1] == '.' && a-2 >= 0 && unicode.IsLetter(r[a-2])) {
		if r[a-1] == '.' {
			internal = true
		}
		a--
	}
	if a > 0 && unicode.IsDigit(r[a-1]) {
		return "", false // "in 2023." ends a sentence
	}
	return string(r[a:i]), internal
}

// wordAt returns the word starting at j, skipping opening quotes.
func wordAt(r []rune, j int) string {
	for j < len(r) && isOpener(r[j]) {
		j++
	}
	b := j
	for b < len(r) && unicode.IsLetter(r[b]) {
		b++
	}
	return string(r[j:b])
}

// abbrevBreaks decides a period after word followed by a capital or digit.
func (s *splitter) abbrevBreaks(word string, internal bool, next rune, nextWord string) bool {
	runes := []rune(word)
	if len(runes) == 1 && unicode.IsUpper(runes[0]) {
		return false // an initial: "J. Smith", "Kim Jong Un's W. Korea"
	}
	lw := strings.ToLower(word)
	if titles[lw] {
		return false // "Gen. Milley", "Dr. Jhung"
	}
	if months[lw] || lw == "no" || lw == "nos" || lw == "art" || lw == "vol" || lw == "fig" {
		// "Jul. 11", "No. 10": only a digit after keeps them together.
		return !unicode.IsDigit(next)
	}
	if internal || ambiguous[lw] {
		// "U.S.", "Inc.", "Pref.": a sentence ends only before a word that
		// typically starts one.
		return starters[strings.ToLower(nextWord)]
	}
	return true
}
