package dict

import (
	"fmt"
	"io"
	"strings"
)

// ParseTABARIVerbs reads a TABARI .verbs file: <SYNSETS>, <TIME> and other
// sections, verb roots with codes, irregular forms "{ ... }" and patterns
// "- ... * ... [code]".
func ParseTABARIVerbs(r io.Reader, name string) (*Dict, error) {
	p := &tabariVerbs{d: &Dict{Synsets: map[string][][]Elem{}}, lr: newLineReader(r, name)}
	for p.lr.next() {
		if err := p.line(strings.TrimSpace(p.lr.line)); err != nil {
			return nil, err
		}
	}
	if err := p.lr.sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	for _, v := range p.d.Verbs {
		sortPatterns(v.Patterns)
	}
	return p.d, nil
}

// tabariVerbs is the state of reading a TABARI .verbs file, which is
// line-oriented but not context-free: the section a line is in, the verb
// that following {forms} and patterns belong to, and the synonym set
// being filled.
type tabariVerbs struct {
	d       *Dict
	lr      *lineReader
	section string
	cur     *Verb
	syn     string
}

// opts are the phrase options of the file: its synonym sets, no others.
func (p *tabariVerbs) opts() ParseOpts { return ParseOpts{Synsets: p.d.Synsets} }

// line handles one trimmed line: it skips comments, tracks <SECTION>
// markers, fills synonym sets, and reads verb lines outside any section
// (<TIME>, <ISSUES>, <ATTRIB> ... are not used).
func (p *tabariVerbs) line(t string) error {
	if t == "" || strings.HasPrefix(t, "#") || strings.HasPrefix(t, "//") {
		return nil
	}
	if strings.HasPrefix(t, "</") {
		p.section = ""
		return nil
	}
	if strings.HasPrefix(t, "<") && strings.HasSuffix(t, ">") {
		p.section = strings.ToUpper(strings.Trim(t, "<>"))
		return nil
	}
	switch p.section {
	case "SYNSETS", "SYNSET":
		if err := addSynsetLine(p.d, &p.syn, splitComment(t, false), p.opts()); err != nil {
			return p.lr.errf("%w", err)
		}
		return nil
	case "":
		return p.verbLine(splitComment(t, false))
	default:
		return nil
	}
}

// verbLine reads a line of the verb list: "{ forms }" and "- pattern"
// lines add to the current verb, anything else starts a new verb.
func (p *tabariVerbs) verbLine(body string) error {
	switch {
	case strings.HasPrefix(body, "{"):
		if p.cur == nil {
			return p.lr.errf("verb forms before any verb: %w", errSyntax)
		}
		for _, f := range strings.Fields(strings.Trim(body, "{} ")) {
			es, err := ParsePhrase(f, p.opts())
			if err != nil {
				return p.lr.errf("%w", err)
			}
			p.cur.Forms = append(p.cur.Forms, Phrase{Elems: es, Text: f, Src: p.lr.src()})
		}
	case strings.HasPrefix(body, "-"):
		if p.cur == nil {
			return p.lr.errf("pattern before any verb: %w", errSyntax)
		}
		pat, err := parsePattern(strings.TrimPrefix(body, "-"), p.lr.src(), p.opts())
		if err != nil {
			return p.lr.errf("%w", err)
		}
		ExactWords(pat.Elems)
		p.cur.Patterns = append(p.cur.Patterns, pat)
	default:
		return p.verb(body)
	}
	return nil
}

// verb starts a new verb from "ROOT [code]"; the code is required.
func (p *tabariVerbs) verb(body string) error {
	ph, code, ok := splitCode(body)
	if !ok {
		return p.lr.errf("verb %q has no [code]: %w", body, errSyntax)
	}
	vc, err := ParseVerbCode(code)
	if err != nil {
		return p.lr.errf("%w", err)
	}
	es, err := ParsePhrase(ph, p.opts())
	if err != nil {
		return p.lr.errf("%w", err)
	}
	p.cur = &Verb{Forms: []Phrase{{Elems: es, Text: ph, Src: p.lr.src()}}, Code: vc, Src: p.lr.src()}
	p.d.Verbs = append(p.d.Verbs, p.cur)
	return nil
}
