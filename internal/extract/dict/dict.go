package dict

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

var errSyntax = errors.New("dictionary syntax error")

// Special event/actor codes shared by the TABARI and PETRARCH formats.
const (
	CodeNull    = "---" // the phrase is not coded
	CodeDiscard = "###" // the whole sentence is discarded (sports, ...)
	CodeComplex = "+++" // the sentence is too complex to code
)

// VerbCode is the code attached to a verb root or pattern: one event code
// or a pair "032:033" (the second coded with source and target swapped),
// flagged subordinate ("?": only if nothing else codes) or dominant ("!").
type VerbCode struct {
	Code   string // event code, or CodeNull/CodeDiscard/CodeComplex
	Paired string // second code of a pair, "" if none
	Sub    bool
	Dom    bool
}

// ParseVerbCode reads the inside of a [...] verb code block.
func ParseVerbCode(s string) (VerbCode, error) {
	s = strings.TrimSpace(strings.ReplaceAll(s, " ", ""))
	var vc VerbCode
	if strings.HasSuffix(s, "?") {
		vc.Sub = true
		s = strings.TrimSuffix(s, "?")
	}
	if strings.HasSuffix(s, "!") {
		vc.Dom = true
		s = strings.TrimSuffix(s, "!")
	}
	if s == "" {
		return vc, fmt.Errorf("empty code: %w", errSyntax)
	}
	a, b, ok := strings.Cut(s, ":")
	vc.Code = a
	if ok {
		vc.Paired = b
	}
	return vc, nil
}

// DatedCode is an actor code valid between From and To (YYYYMMDD, 0 = open).
type DatedCode struct {
	Codes []string // coded compounds "A/B" give several codes
	From  int
	To    int
}

// Actor is an actor dictionary entry: phrases (synonyms) and codes.
type Actor struct {
	Phrase
	Parent string // the first phrase of a synonym group
	Codes  []DatedCode
	// Acronym: a built-in name written in capitals ("US", "UN") that
	// matches only a capitalised word (not the pronoun "us").
	Acronym bool
}

// CodesAt resolves the date restrictions for a date YYYYMMDD: the first
// restriction satisfied, else the unrestricted default, else null.
func (a *Actor) CodesAt(date int) []string {
	var def []string
	hasDef := false
	for _, c := range a.Codes {
		if c.From == 0 && c.To == 0 {
			if !hasDef {
				def, hasDef = c.Codes, true
			}
			continue
		}
		if date == 0 {
			continue
		}
		if (c.From == 0 || date >= c.From) && (c.To == 0 || date <= c.To) {
			return c.Codes
		}
	}
	if hasDef {
		return def
	}
	if date == 0 && len(a.Codes) > 0 {
		return a.Codes[len(a.Codes)-1].Codes
	}
	return []string{CodeNull}
}

// Agent is a common noun that adds a role to an actor: "~GOV" appends,
// "NGO~" prepends.
type Agent struct {
	Phrase
	Code string
}

// Pattern is a verb phrase pattern ("- * DIPLOMATIC TIES [064]").
type Pattern struct {
	Phrase
	Code VerbCode
	// Modal marks a generated modality pattern of the built-in
	// dictionaries (ModalIntent, ...): its match re-codes the anchor's
	// most specific pattern through ModalCode.
	Modal string
}

// Verb is a verb root with its forms, default code and patterns (sorted
// longest first).
type Verb struct {
	Noun     bool     // a noun anchor ("opposition to"): never shifted to a noun
	Forms    []Phrase // root first, then irregular/inflected forms
	Code     VerbCode
	Patterns []Pattern
	Src      string
}

// Dict is a set of coding dictionaries in one internal model, whatever
// format they were read from.
type Dict struct {
	Actors     []*Actor
	Agents     []*Agent
	Verbs      []*Verb
	Nouns      []Phrase
	Adjectives []Phrase
	Discards   []*Discard
	Synsets    map[string][][]Elem
	Options    *Options
	// Negations maps a code to the code a negated verb of it is coded as,
	// from a PETRARCH coding ontology (LoadOntology); nil flags negated
	// events instead.
	Negations map[string]string
	// Issues and time phrases are not used.
}

// Merge appends the entries of o under d (d's entries take precedence
// where both match the same text because they are tried first).
func (d *Dict) Merge(o *Dict) {
	if o == nil {
		return
	}
	d.Actors = append(d.Actors, o.Actors...)
	d.Agents = append(d.Agents, o.Agents...)
	d.Verbs = append(d.Verbs, o.Verbs...)
	d.Nouns = append(d.Nouns, o.Nouns...)
	d.Adjectives = append(d.Adjectives, o.Adjectives...)
	d.Discards = append(d.Discards, o.Discards...)
	if d.Synsets == nil {
		d.Synsets = map[string][][]Elem{}
	}
	for k, v := range o.Synsets {
		if _, ok := d.Synsets[k]; !ok {
			d.Synsets[k] = v
		}
	}
	if d.Options == nil {
		d.Options = o.Options
	}
	if d.Negations == nil {
		d.Negations = o.Negations
	}
}

// PatternCounts counts the verb and noun patterns: written are the
// patterns and default codes read from dictionary lines, generated the
// modality variants the built-in loader adds to each anchor
// (Pattern.Modal). They are reported apart so that generated variants
// never pass for written ones.
func (d *Dict) PatternCounts() (written, generated int) {
	for _, v := range d.Verbs {
		if v.Code.Code != CodeNull {
			written++
		}
		for _, p := range v.Patterns {
			if p.Modal != "" {
				generated++
			} else {
				written++
			}
		}
	}
	return written, generated
}

// ParseDate reads a TABARI YYMMDD date (00-30 = 2000s) or YYYYMMDD.
func ParseDate(s string) (int, error) {
	s = strings.TrimSpace(s)
	n, err := strconv.Atoi(s)
	if err != nil || (len(s) != 6 && len(s) != 8) {
		return 0, fmt.Errorf("bad date %q: %w", s, errSyntax)
	}
	if len(s) == 6 {
		yy := n / 10000
		if yy <= 30 {
			n += 20000000
		} else {
			n += 19000000
		}
	}
	m, d := n/100%100, n%100
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, fmt.Errorf("bad date %q: %w", s, errSyntax)
	}
	return n, nil
}

// ParseActorCodes reads "[USAGOV 991201-010114] [---]" style code blocks.
func ParseActorCodes(s string) ([]DatedCode, error) {
	var out []DatedCode
	for {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], ']')
		if j < 0 {
			return nil, fmt.Errorf("missing ']' in %q: %w", s, errSyntax)
		}
		dc, err := parseOneCode(s[i+1 : i+j])
		if err != nil {
			return nil, err
		}
		out = append(out, dc)
		s = s[i+j+1:]
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no code block in %q: %w", s, errSyntax)
	}
	return out, nil
}

func parseOneCode(s string) (DatedCode, error) {
	s = strings.TrimSpace(s)
	var dc DatedCode
	code, rest := s, ""
	if k := strings.IndexAny(s, " \t<>0123456789"); k >= 0 {
		// code may itself contain digits; split at first blank or < >
		if b := strings.IndexAny(s, " \t<>"); b >= 0 {
			code, rest = s[:b], strings.TrimSpace(s[b:])
		} else if isAllDateish(s) {
			code, rest = "", s
		}
	}
	if strings.HasPrefix(code, "-") && strings.Trim(code, "- ") == "" {
		code = CodeNull
	}
	if code == "" || !validCode(code) {
		return dc, fmt.Errorf("bad code block [%s]: %w", s, errSyntax)
	}
	rest = strings.ReplaceAll(rest, " ", "")
	switch {
	case rest == "":
	case strings.HasPrefix(rest, "<"):
		d, err := ParseDate(rest[1:])
		if err != nil {
			return dc, err
		}
		dc.To = d
	case strings.HasPrefix(rest, ">"):
		d, err := ParseDate(rest[1:])
		if err != nil {
			return dc, err
		}
		dc.From = d
	default:
		a, b, ok := strings.Cut(rest, "-")
		if !ok {
			return dc, fmt.Errorf("bad date restriction [%s]: %w", s, errSyntax)
		}
		f, err := ParseDate(a)
		if err != nil {
			return dc, err
		}
		t, err := ParseDate(b)
		if err != nil {
			return dc, err
		}
		dc.From, dc.To = f, t
	}
	dc.Codes = strings.Split(code, "/")
	return dc, nil
}

func isAllDateish(s string) bool {
	return strings.Trim(s, "0123456789-<> ") == ""
}

func validCode(c string) bool {
	if c == CodeNull || c == CodeDiscard || c == CodeComplex {
		return true
	}
	for _, r := range c {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '/' || r == '~' || r == '_') {
			return false
		}
	}
	return true
}
