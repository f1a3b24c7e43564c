package dict

import (
	"fmt"
	"io"
	"strings"
)

// ParsePETRARCHVerbs reads a PETRARCH verb dictionary (CAMEO.2.0 style):
// synonym sets, "--- NAME [code] ---" blocks of verbs with optional
// {forms} and [codes], and "- pattern [code]" lines shared by the block.
func ParsePETRARCHVerbs(r io.Reader, name string) (*Dict, error) {
	cr, err := readClean(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	d := &Dict{Synsets: map[string][][]Elem{}}
	p := &petrVerbs{d: d, lr: newLineReader(cr, name),
		o: ParseOpts{NoStem: true, Lenient: true, GlueHeads: true, Synsets: d.Synsets}}
	for p.lr.next() {
		t := stripHash(p.lr.line)
		if t == "" {
			continue
		}
		if err := p.line(t); err != nil {
			return nil, p.lr.errf("%w", err)
		}
	}
	p.flush()
	return d, nil
}

// petrVerbs is the state of reading a PETRARCH verb dictionary: patterns
// come after the verbs of their "---" block and apply to all of them, and
// "+" synonym lines continue the "&" set above them.
type petrVerbs struct {
	d         *Dict
	lr        *lineReader
	o         ParseOpts
	block     []*Verb
	pats      []Pattern
	blockCode VerbCode
	syn       string
	inSyn     bool // the last line was part of a synonym set
	noPlural  bool // the open synonym set's head ends in "_": no plurals
}

// flush gives the block's patterns, longest first, to each verb of the
// block and starts a new block.
func (p *petrVerbs) flush() {
	sortPatterns(p.pats)
	for _, v := range p.block {
		v.Patterns = p.pats
	}
	p.block, p.pats = nil, nil
}

// line reads one non-blank line: a "--- NAME [code] ---" block header, a
// synonym set "&NAME" or its "+WORD" members, a "- pattern" of the block,
// or a verb. Its errors are those of the line's content, without position.
func (p *petrVerbs) line(t string) error {
	switch {
	case strings.HasPrefix(t, "---"):
		p.flush()
		p.inSyn = false
		_, code, _ := splitCode(strings.Trim(t, "- "))
		p.blockCode, _ = ParseVerbCode(code)
		if p.blockCode.Code == "" {
			p.blockCode.Code = CodeNull
		}
	case strings.HasPrefix(t, "&"):
		p.inSyn, p.noPlural = true, strings.HasSuffix(strings.TrimSpace(t), "_")
		return addSynsetLine(p.d, &p.syn, t, p.o)
	case strings.HasPrefix(t, "+") && p.inSyn:
		if err := addSynsetLine(p.d, &p.syn, t, p.o); err != nil {
			return err
		}
		petrSynonym(p.d.Synsets[p.syn], t, p.noPlural)
	case strings.HasPrefix(t, "- "):
		p.inSyn = false
		pat, err := parsePattern(t[2:], p.lr.src(), p.o)
		if err != nil {
			return err
		}
		p.pats = append(p.pats, pat)
	default:
		p.inSyn = false
		v, err := petrVerb(t, p.blockCode, p.lr.src(), p.o)
		if err != nil {
			return err
		}
		p.block = append(p.block, v)
		p.d.Verbs = append(p.d.Verbs, v)
	}
	return nil
}
