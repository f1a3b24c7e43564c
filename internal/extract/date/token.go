package date

import (
	"unicode"
)

// tokKind classifies a token.
type tokKind uint8

const (
	tWord tokKind = iota
	tNum
	tPunct
)

// tok is one token of the text: a word, a number (possibly a range
// "11-12", an ISO date "2023-07-11", an ordinal "11th" or a decade
// "1990s") or one punctuation mark.
type tok struct {
	kind       tokKind
	start, end int // code point offsets
	key        string
	upper      bool // word starts with a capital
	// numbers
	n, n2  int   // first and (for ranges) second number
	digits int   // digits of the first number
	parts  []int // hyphen-separated numbers (ISO dates)
	suffix string
}

// tokenize splits r into tokens. Words are lower-cased into a scratch
// buffer to look up keywords without allocating per token (Go's map lookups
// on string(bytes) do not allocate); only ASCII words can be keywords.
func tokenize(r []rune) []tok {
	out := make([]tok, 0, len(r)/5+1)
	var buf []byte
	for i := 0; i < len(r); {
		c := r[i]
		switch {
		case unicode.IsSpace(c):
			i++
		case c >= '0' && c <= '9':
			t, j := number(r, i)
			out = append(out, t)
			i = j
		case unicode.IsLetter(c):
			j := i
			buf = buf[:0]
			ascii := true
			for j < len(r) && unicode.IsLetter(r[j]) {
				if r[j] > 127 {
					ascii = false
				}
				buf = append(buf, byte(unicode.ToLower(r[j])))
				j++
			}
			t := tok{kind: tWord, start: i, end: j, upper: unicode.IsUpper(c)}
			if ascii && j-i <= 12 {
				if k, ok := keywords[string(buf)]; ok {
					t.key = k.canon
				}
			}
			out = append(out, t)
			i = j
		default:
			out = append(out, tok{kind: tPunct, start: i, end: i + 1, key: string(c)})
			i++
		}
	}
	return out
}

// number reads a number token at i: digits, optionally hyphen-joined
// digit groups, optionally a letter suffix (th, s).
func number(r []rune, i int) (tok, int) {
	t := tok{kind: tNum, start: i}
	j := i
	for {
		v, d := 0, 0
		for j < len(r) && r[j] >= '0' && r[j] <= '9' {
			if d < 9 {
				v = v*10 + int(r[j]-'0')
			}
			d++
			j++
		}
		t.parts = append(t.parts, v)
		if len(t.parts) == 1 {
			t.digits = d
		}
		if j+1 < len(r) && (r[j] == '-' || r[j] == '–') && r[j+1] >= '0' && r[j+1] <= '9' && len(t.parts) < 3 {
			j++
			continue
		}
		break
	}
	s := j
	for j < len(r) && unicode.IsLetter(r[j]) && j-s < 3 {
		j++
	}
	if j < len(r) && unicode.IsLetter(r[j]) {
		j = s // a word glued to a number ("2day") is no suffix
	}
	t.suffix = string(r[s:j])
	switch t.suffix {
	case "", "st", "nd", "rd", "th", "s":
	default:
		j = s
		t.suffix = ""
	}
	t.end = j
	t.n = t.parts[0]
	if len(t.parts) == 2 {
		t.n2 = t.parts[1]
	}
	return t, j
}
