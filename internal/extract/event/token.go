package event

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tok is one word of a sentence after TABARI-style filtering.
type tok struct {
	w     string // upper case
	cap   bool   // capitalised in the original
	start int    // rune offsets in the sentence
	end   int
}

// tokenize splits a sentence into upper-case words, separating commas
// (and semicolons, which become commas), dropping quotes, brackets and
// sentence-final periods while keeping abbreviations such as U.S.
func tokenize(s string, base int, splitNT bool) []tok {
	out := make([]tok, 0, len(s)/5+1)
	rs := []rune(s)
	n := len(rs)
	for i := 0; i < n; {
		r := rs[i]
		if r == ',' || r == ';' {
			out = append(out, tok{w: ",", start: base + i, end: base + i + 1})
			i++
			continue
		}
		if !isWordRune(r) {
			i++
			continue
		}
		j := i
		for j < n && (isWordRune(rs[j]) || (rs[j] == ',' && j > i && j+3 < n && unicode.IsDigit(rs[j-1]) && unicode.IsDigit(rs[j+1]) && unicode.IsDigit(rs[j+2]) && unicode.IsDigit(rs[j+3]))) {
			j++
		}
		w := rs[i:j]
		// trim trailing periods unless an abbreviation (U.S.) or initial
		end := j
		for len(w) > 0 && (w[len(w)-1] == '.' || w[len(w)-1] == '\'') {
			if w[len(w)-1] == '.' && strings.Count(string(w), ".") > 1 {
				break
			}
			if w[len(w)-1] == '.' && len(w) == 2 && unicode.IsUpper(w[0]) {
				break
			}
			w = w[:len(w)-1]
			end--
		}
		for len(w) > 0 && (w[0] == '\'' || w[0] == '.') {
			w = w[1:]
			i++
		}
		if len(w) > 0 {
			ws := strings.Map(normRune, string(w))
			ws = strings.ReplaceAll(ws, ",", "")
			up := strings.ToUpper(ws)
			if splitNT && len(up) > 3 && strings.HasSuffix(up, "N'T") {
				cut := end - 3
				out = append(out, tok{w: up[:len(up)-3], cap: unicode.IsUpper(w[0]), start: base + i, end: base + cut},
					tok{w: "N'T", start: base + cut, end: base + end})
			} else {
				out = append(out, tok{w: up, cap: unicode.IsUpper(w[0]), start: base + i, end: base + end})
			}
		}
		i = j
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '.' || r == '’' || r == '&' || r == '@' || r == '/'
}

// normRune folds typographic apostrophes and common diacritics.
func normRune(r rune) rune {
	switch r {
	case '’', '‘':
		return '\''
	case 'é', 'è', 'ê', 'ë', 'É':
		return 'e'
	case 'á', 'à', 'â', 'ä', 'ã', 'å':
		return 'a'
	case 'ó', 'ò', 'ô', 'ö', 'õ', 'ø':
		return 'o'
	case 'ú', 'ù', 'û', 'ü':
		return 'u'
	case 'í', 'ì', 'î', 'ï':
		return 'i'
	case 'ç':
		return 'c'
	case 'ñ':
		return 'n'
	}
	return r
}

// allCaps reports whether the text has no lower-case letters (old wire
// copy), which disables the capitalised-verb-is-a-noun rule.
func allCaps(s string) bool {
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		if unicode.IsLower(r) {
			return false
		}
		s = s[n:]
	}
	return true
}
