// Package phrase is the shared lexical layer of the actor and place finders:
// one allocation-light tokenizer that reports Unicode code point offsets, and
// a token trie that finds the longest dictionary phrase starting at a token.
// Both finders build their dictionaries once into tries, so matching a
// sentence costs one map lookup per token instead of a regexp per entry.
package phrase

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one word or punctuation mark of a text.
type Token struct {
	Text  string // as written
	Lower string // lower-cased, typographic apostrophes normalised
	Start int    // code point offset, inclusive
	End   int    // code point offset, exclusive
	Word  bool   // letters or digits (not punctuation)
	Cap   bool   // first rune is upper case
	Upper bool   // every letter is upper case (acronyms: NATO, US)
}

// Tokenize splits text into tokens. Hyphens and whitespace separate words
// and are dropped, so "Self-Defense" and "Self Defense" match alike;
// dotted initialisms ("U.S.") stay one token; a possessive "'s" is its own
// token. It never fails: any byte string yields tokens.
func Tokenize(text string) []Token {
	toks := make([]Token, 0, len(text)/5+1)
	cp := 0 // code point index of byte offset i
	i := 0
	for i < len(text) {
		r, sz := utf8.DecodeRuneInString(text[i:])
		switch {
		case isWordRune(r):
			j, n := scanWord(text, i)
			toks = append(toks, makeWord(text[i:j], cp, cp+n))
			i, cp = j, cp+n
		case isApos(r) && len(toks) > 0 && toks[len(toks)-1].End == cp:
			// possessive 's / ’s, or a bare trailing apostrophe
			j := i + sz
			if j < len(text) && (text[j] == 's' || text[j] == 'S') && (j+1 == len(text) || !isWordByte(text[j+1])) {
				toks = append(toks, Token{Text: text[i : j+1], Lower: "'s", Start: cp, End: cp + 2})
				i, cp = j+1, cp+2
				continue
			}
			toks = append(toks, Token{Text: text[i:j], Lower: "'", Start: cp, End: cp + 1})
			i, cp = j, cp+1
		case unicode.IsSpace(r) || r == '-' || r == '‐' || r == '‑' || r == utf8.RuneError:
			i, cp = i+sz, cp+1
		default:
			toks = append(toks, Token{Text: text[i : i+sz], Lower: text[i : i+sz], Start: cp, End: cp + 1})
			i, cp = i+sz, cp+1
		}
	}
	return toks
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
}

func isApos(r rune) bool { return r == '\'' || r == '’' }

// scanWord returns the byte end and rune count of the word starting at i:
// letters, digits, inner apostrophes (O'Brien) and dotted initials (U.S.).
func scanWord(text string, i int) (end, n int) {
	j := i
	letters := 0
	for j < len(text) {
		r, sz := utf8.DecodeRuneInString(text[j:])
		if isWordRune(r) {
			j += sz
			n++
			letters++
			continue
		}
		if isApos(r) && letters > 0 && j+sz < len(text) {
			r2, sz2 := utf8.DecodeRuneInString(text[j+sz:])
			// keep O'Brien, not Japan's
			if isWordRune(r2) && !((r2 == 's' || r2 == 'S') && (j+sz+sz2 == len(text) || !isWordByte(text[j+sz+sz2]))) {
				j += sz
				n++
				continue
			}
		}
		if r == '.' && letters == 1 && j+1 < len(text) {
			// initialism: U.S. / U.K. / U.S.A.
			r2, sz2 := utf8.DecodeRuneInString(text[j+1:])
			if unicode.IsLetter(r2) && j+1+sz2 < len(text) && text[j+1+sz2] == '.' {
				j += 1 + sz2 + 1
				n += 3
				letters = 1
				for j+1 < len(text) {
					r3, sz3 := utf8.DecodeRuneInString(text[j:])
					if !unicode.IsLetter(r3) || j+sz3 >= len(text) || text[j+sz3] != '.' {
						break
					}
					j += sz3 + 1
					n += 2
				}
				return j, n
			}
		}
		break
	}
	return j, n
}

func makeWord(s string, start, end int) Token {
	t := Token{Text: s, Start: start, End: end, Word: true}
	first, _ := utf8.DecodeRuneInString(s)
	t.Cap = unicode.IsUpper(first)
	up, letters := true, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				up = false
			}
		}
	}
	t.Upper = up && letters > 0
	t.Lower = lower(s)
	return t
}

// lower lower-cases s cheaply for ASCII and normalises apostrophes.
func lower(s string) string {
	ascii := true
	hasUpper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			ascii = false
			break
		}
		if c >= 'A' && c <= 'Z' {
			hasUpper = true
		}
	}
	if ascii {
		if !hasUpper {
			return s
		}
		return strings.ToLower(s)
	}
	return strings.ReplaceAll(strings.ToLower(s), "’", "'")
}

// Key returns the lower-case token sequence of a dictionary phrase as it
// will be matched, joined by single spaces.
func Key(p string) string {
	toks := Tokenize(p)
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.Lower
	}
	return strings.Join(parts, " ")
}
