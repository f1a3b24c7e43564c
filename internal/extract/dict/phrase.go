package dict

import (
	"fmt"
	"strings"
	"unicode"
)

// Kind says what a pattern element stands for.
type Kind uint8

// Element kinds: a literal word, the verb itself, the source, target,
// compound and skip-actor markers, a synonym set and a set of alternatives.
const (
	KWord     Kind = iota
	KVerb          // *
	KSource        // $
	KTarget        // +
	KCompound      // %
	KSkip          // ^
	KSynset        // &NAME
	KAlt           // { a | b }
)

// Elem is one element of a dictionary phrase. Words are upper case.
type Elem struct {
	Kind Kind
	Word string
	// Stem lets the word match any text word it begins (TABARI stems: no
	// trailing underscore). Otherwise the word matches exactly or with a
	// regular ending (S, ES, ED, EN, ING, 'S) unless Exact.
	Stem  bool
	Exact bool // "=" ending: no regular endings either
	// NoPlural: the word takes possessive endings but no plural (a
	// PETRARCH agent listing its plurals, or "{}" for none).
	NoPlural bool
	// Plural: the last word of a PETRARCH synonym, which takes the regular
	// plural endings (S, ES, IES) but no others.
	Plural bool
	// Next requires the following element to follow immediately
	// (connected by "_" or "~" in the dictionary).
	Next bool
	Alts [][]Elem // for KAlt and KSynset (resolved synonyms)
	// Weight is what a synonym-set element adds to its pattern's length
	// (ParseOpts.SynsetLen); 0 in TABARI and PETRARCH dictionaries.
	Weight int
}

// Phrase is a parsed dictionary phrase with where it came from.
type Phrase struct {
	Elems []Elem
	Text  string // the phrase as written
	Src   string // file:line
}

// Len is the TABARI pattern length: letters and digits of fixed text plus
// the longest alternative, so longer patterns are tried first.
func (p Phrase) Len() int { return elemsLen(p.Elems) }

func elemsLen(es []Elem) int {
	n := 0
	for _, e := range es {
		switch e.Kind {
		case KWord:
			n += len(e.Word)
		case KSynset:
			n += e.Weight
		case KAlt:
			best := 0
			for _, a := range e.Alts {
				if l := elemsLen(a); l > best {
					best = l
				}
			}
			n += best
		}
	}
	return n
}

// ParseOpts controls phrase parsing for a dictionary dialect.
type ParseOpts struct {
	// NoStem makes bare words match whole words (PETRARCH and built-in
	// dictionaries); TABARI treats bare words as stems.
	NoStem bool
	// Synsets resolves &NAME references; may be nil.
	Synsets map[string][][]Elem
	// Lenient turns an unknown synonym set into an element that never
	// matches instead of an error (published PETRARCH files have a few).
	Lenient bool
	// GlueHeads makes the last two words of a one-alternative "{...}"
	// group consecutive: PETRARCH-2 writes noun phrases so, and the
	// modifier next to the head must be the one the pattern names
	// ("{&TIETYPES MEMOS}" is not "cultural secret memos", while
	// "{NEW &TIETYPES RELATIONS}" is "new global economic relations").
	GlueHeads bool
	// SynsetLen counts a synonym set in a pattern's length as its shortest
	// member (built-in dictionaries), so "supply &MILAID to" ranks above
	// "supply to": the more specific pattern is tried first.
	SynsetLen bool
}

// ParsePhrase parses a phrase written in TABARI/PETRARCH notation:
// words joined by "_" must be consecutive, "~" marks a stem that must be
// followed immediately, "=" forbids endings, and * $ + % ^ &SET { a | b }
// are pattern markers.
func ParsePhrase(s string, o ParseOpts) ([]Elem, error) {
	toks := lexPhrase(s)
	es, rest, err := parseSeq(toks, o, 0)
	if err != nil {
		return nil, err
	}
	if len(rest) > 0 {
		return nil, fmt.Errorf("unexpected %q in phrase %q: %w", rest[0].s, s, errSyntax)
	}
	if len(es) == 0 {
		return nil, fmt.Errorf("empty phrase %q: %w", s, errSyntax)
	}
	return es, nil
}

type lexTok struct {
	s    string // word, or one of * $ + % ^ { | } &NAME
	next bool   // glued to the following token by _ or ~
	stem bool   // ended with ~
	und  bool   // ended with _ (exact)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '.' || r == '-' || r == '=' || r == '/' || r == ':' || r == '@' || r == ',' || r == '!' || r == '?' || r == '"' || r == '#'
}

// lexPhrase splits a phrase into tokens, recording underscore/tilde glue.
func lexPhrase(s string) []lexTok {
	var out []lexTok
	rs := []rune(strings.ToUpper(s))
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case r == '_' || r == '~':
			markGlue(out, r, i+1 < len(rs) && !unicode.IsSpace(rs[i+1]))
			i++
		case strings.ContainsRune("*$+%^{|}", r):
			out = append(out, lexTok{s: string(r)})
			i++
		case r == '&':
			j := i + 1
			for j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j]) || rs[j] == '_') {
				j++
			}
			out = append(out, lexTok{s: string(rs[i:j])})
			i = j
		case r == '(' || r == ')' || r == '[' || r == ']':
			i++ // PETRARCH phrase brackets: grouping only
		default:
			out, i = lexWord(out, rs, i)
		}
	}
	unglueEnds(out)
	return out
}

// markGlue applies a "_" or "~" to the token before it (if any): "~" marks
// a stem that the next word follows immediately, "_" an exact word that is
// glued to the next only when no blank follows (nextIsWord false).
func markGlue(out []lexTok, r rune, nextIsWord bool) {
	if len(out) == 0 {
		return
	}
	last := &out[len(out)-1]
	glued := nextIsWord
	if r == '~' {
		last.stem = true
		glued = true
	} else {
		last.und = true
	}
	if glued {
		last.next = true
	}
}

// lexWord appends the word starting at rs[i] and returns where it ends;
// internal hyphens split it into words glued as by "_" ("CEASE-FIRE" is
// CEASE_FIRE). A rune that can start no token is skipped.
func lexWord(out []lexTok, rs []rune, i int) ([]lexTok, int) {
	j := i
	for j < len(rs) && isWordRune(rs[j]) {
		j++
	}
	if j == i {
		return out, i + 1
	}
	parts := strings.Split(strings.ReplaceAll(string(rs[i:j]), "-", "_"), "_")
	for k, p := range parts {
		if p == "" {
			if len(out) > 0 {
				out[len(out)-1].next = true
				out[len(out)-1].und = true
			}
			continue
		}
		out = append(out, lexTok{s: p, next: k < len(parts)-1, und: k < len(parts)-1})
	}
	return out, j
}

// unglueEnds drops the glue of a token that ends the phrase or an
// alternative: a trailing underscore there means an exact word with
// nothing to join, while a stem's "~" keeps its glue.
func unglueEnds(out []lexTok) {
	for k := range out {
		if k == len(out)-1 || out[k+1].s == "}" || out[k+1].s == "|" {
			if out[k].next && !out[k].stem {
				out[k].next = false
			}
		}
	}
}

// parseSeq parses tokens up to "|" or "}" at depth > 0.
func parseSeq(toks []lexTok, o ParseOpts, depth int) ([]Elem, []lexTok, error) {
	var es []Elem
	for len(toks) > 0 {
		t := toks[0]
		switch {
		case t.s == "|" || t.s == "}":
			if depth == 0 {
				return nil, nil, fmt.Errorf("unbalanced %q: %w", t.s, errSyntax)
			}
			return es, toks, nil
		case t.s == "{":
			alt, rest, err := parseAlt(toks[1:], o, depth+1)
			if err != nil {
				return nil, nil, err
			}
			es = append(es, alt)
			toks = rest
			continue
		case t.s == "*":
			es = append(es, Elem{Kind: KVerb, Next: t.next})
		case t.s == "$":
			es = append(es, Elem{Kind: KSource, Next: t.next})
		case t.s == "+":
			es = append(es, Elem{Kind: KTarget, Next: t.next})
		case t.s == "%":
			es = append(es, Elem{Kind: KCompound, Next: t.next})
		case t.s == "^":
			es = append(es, Elem{Kind: KSkip, Next: t.next})
		case strings.HasPrefix(t.s, "&"):
			more, err := synsetElems(t, o)
			if err != nil {
				return nil, nil, err
			}
			es = append(es, more...)
		default:
			w := t.s
			exact := strings.HasSuffix(w, "=")
			w = strings.TrimRight(w, "=")
			if w == "" {
				break
			}
			stem := !o.NoStem && !t.und && !exact
			if t.stem {
				stem = true
			}
			es = append(es, Elem{Kind: KWord, Word: w, Stem: stem, Exact: exact, Next: t.next})
		}
		toks = toks[1:]
	}
	if depth > 0 {
		return nil, nil, fmt.Errorf("missing '}': %w", errSyntax)
	}
	return es, nil, nil
}

func parseAlt(toks []lexTok, o ParseOpts, depth int) (Elem, []lexTok, error) {
	e := Elem{Kind: KAlt}
	for {
		seq, rest, err := parseSeq(toks, o, depth)
		if err != nil {
			return e, nil, err
		}
		if len(seq) > 0 {
			e.Alts = append(e.Alts, seq)
		}
		if len(rest) == 0 {
			return e, nil, fmt.Errorf("missing '}': %w", errSyntax)
		}
		if rest[0].s == "}" {
			e.Next = rest[0].next
			if a := e.Alts; o.GlueHeads && len(a) == 1 && len(a[0]) >= 2 {
				a[0][len(a[0])-2].Next = true
			}
			return e, rest[1:], nil
		}
		toks = rest[1:] // skip "|"
	}
}

// synsetElems resolves &NAME, allowing the name to be glued to following
// words (TABARI "&TIETYPES_RELATIONS" = &TIETYPES then RELATIONS).
func synsetElems(t lexTok, o ParseOpts) ([]Elem, error) {
	name := strings.TrimPrefix(t.s, "&")
	parts := strings.Split(strings.TrimRight(name, "_"), "_")
	for k := len(parts); k > 0; k-- {
		c := strings.Join(parts[:k], "_")
		alts, ok := o.Synsets[c]
		if !ok {
			alts, ok = o.Synsets[c+"_"]
		}
		if !ok && !(o.Synsets == nil && k == len(parts)) {
			continue
		}
		out := []Elem{{Kind: KSynset, Word: c, Alts: alts, Next: t.next || k < len(parts)}}
		if o.SynsetLen {
			out[0].Weight = shortest(alts)
		}
		for j, w := range parts[k:] {
			last := j == len(parts)-k-1
			out = append(out, Elem{Kind: KWord, Word: w, Stem: !o.NoStem && last && !strings.HasSuffix(name, "_"), Next: !last || t.next})
		}
		return out, nil
	}
	if o.Lenient {
		return []Elem{{Kind: KSynset, Word: name, Next: t.next}}, nil
	}
	return nil, fmt.Errorf("unknown synonym set &%s: %w", name, errSyntax)
}

// shortest is the length of the shortest alternative (0 for none).
func shortest(alts [][]Elem) int {
	best := -1
	for _, a := range alts {
		if l := elemsLen(a); best < 0 || l < best {
			best = l
		}
	}
	return max(best, 0)
}

// ExactWords marks every non-stem word of es (recursively) as taking no
// regular endings: TABARI matches closed ("_") pattern and synonym words
// exactly.
func ExactWords(es []Elem) {
	for i := range es {
		if es[i].Kind == KWord && !es[i].Stem {
			es[i].Exact = true
		}
		if es[i].Kind == KAlt {
			for _, a := range es[i].Alts {
				ExactWords(a)
			}
		}
	}
}
