package dict

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// petrOpts: PETRARCH words are whole words (no stems) and actor/agent
// phrase words must be consecutive.
var petrOpts = ParseOpts{NoStem: true, Lenient: true}

var reXMLComment = regexp.MustCompile(`(?s)<!\s*--.*?-->`)

// readClean reads a PETRARCH file, dropping <!-- --> comment blocks but
// keeping line numbers.
func readClean(r io.Reader) (io.Reader, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	b = reXMLComment.ReplaceAllFunc(b, func(m []byte) []byte {
		return bytes.Repeat([]byte("\n"), bytes.Count(m, []byte("\n")))
	})
	return bytes.NewReader(b), nil
}

// stripHash removes a "#" comment, leaving "#" inside [...] codes alone.
func stripHash(s string) string {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			depth++
		case ']':
			depth--
		case '#':
			if depth <= 0 {
				return strings.TrimSpace(s[:i])
			}
		}
	}
	return strings.TrimSpace(s)
}

// petrSynonym gives the synonym just added to a set PETRARCH's meaning:
// its words are consecutive, and its last word takes the regular plurals
// unless the phrase or the set's label ends with "_".
func petrSynonym(set [][]Elem, line string, noPlural bool) {
	if len(set) == 0 {
		return
	}
	es := set[len(set)-1]
	consecutive(es)
	if n := len(es); n > 0 && es[n-1].Kind == KWord && !noPlural && !strings.HasSuffix(strings.TrimSpace(line), "_") {
		es[n-1].Exact, es[n-1].Plural = false, true
	}
}

// consecutive glues all top-level words of a phrase together.
func consecutive(es []Elem) {
	for i := 0; i+1 < len(es); i++ {
		es[i].Next = true
	}
}

// ParsePETRARCHActors reads a PETRARCH/Phoenix actor dictionary (TABARI
// actor syntax with "#" comments, +synonyms and indented dated codes).
func ParsePETRARCHActors(r io.Reader, name string) (*Dict, error) {
	cr, err := readClean(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	d, err := parseActors(hashFilter(cr), name, petrOpts)
	if err != nil {
		return nil, err
	}
	for _, a := range d.Actors {
		consecutive(a.Elems) // coded compounds A/B: see Options.KeepCodedCompounds
	}
	return d, nil
}

// hashFilter turns "#" comments into TABARI ";" comments.
func hashFilter(r io.Reader) io.Reader {
	b, _ := io.ReadAll(r)
	lines := strings.Split(string(b), "\n")
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "#") {
			lines[i] = ""
			continue
		}
		if strings.IndexByte(l, '#') >= 0 {
			ind := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
			lines[i] = ind + stripHash(l)
		}
	}
	return strings.NewReader(strings.Join(lines, "\n"))
}

var reMacro = regexp.MustCompile(`^!([A-Z]+)!\s*=\s*(.*)$`)

// ParsePETRARCHAgents reads a PETRARCH agents file: !MACRO! = a, b lines,
// "PHRASE {plurals} [~CODE]" entries.
func ParsePETRARCHAgents(r io.Reader, name string) (*Dict, error) {
	cr, err := readClean(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	d := &Dict{}
	lr := newLineReader(cr, name)
	macros := map[string][]string{}
	for lr.next() {
		t := stripHash(lr.line)
		if t == "" {
			continue
		}
		if m := reMacro.FindStringSubmatch(t); m != nil {
			for _, v := range strings.Split(m[2], ",") {
				if v = strings.TrimSpace(v); v != "" {
					macros[m[1]] = append(macros[m[1]], v)
				}
			}
			continue
		}
		ph, code, ok := splitCode(t)
		if !ok {
			continue
		}
		code = strings.ReplaceAll(strings.TrimSpace(code), " ", "")
		if !strings.Contains(code, "~") {
			return nil, lr.errf("agent code [%s] has no '~': %w", code, errSyntax)
		}
		var forms []string
		listed := false // "{plurals}" (or "{}"): no regular plural
		if i := strings.IndexByte(ph, '{'); i >= 0 {
			j := strings.IndexByte(ph, '}')
			if j > i {
				forms = strings.Fields(ph[i+1 : j])
				listed = true
			}
			ph = strings.TrimSpace(ph[:i])
		}
		for _, f := range append([]string{ph}, forms...) {
			for _, x := range expandMacros(f, macros) {
				es, err := ParsePhrase(x, petrOpts)
				if err != nil {
					return nil, lr.errf("%w", err)
				}
				consecutive(es)
				if listed && len(es) > 0 {
					es[len(es)-1].NoPlural = true
				}
				d.Agents = append(d.Agents, &Agent{Phrase: Phrase{Elems: es, Text: x, Src: lr.src()}, Code: code})
			}
		}
	}
	return d, nil
}

func expandMacros(s string, macros map[string][]string) []string {
	i := strings.IndexByte(s, '!')
	if i < 0 {
		return []string{s}
	}
	j := strings.IndexByte(s[i+1:], '!')
	if j < 0 {
		return []string{strings.ReplaceAll(s, "!", "")}
	}
	name := s[i+1 : i+1+j]
	vals := macros[name]
	if len(vals) == 0 {
		vals = []string{""}
	}
	var out []string
	for _, v := range vals {
		out = append(out, expandMacros(s[:i]+v+s[i+2+j:], macros)...)
	}
	return out
}

// Discard is a phrase that discards a sentence (or, with Story, the whole
// report) — sports results, weather and the like.
type Discard struct {
	Phrase
	Story bool
}

// ParsePETRARCHDiscards reads a discards file: one phrase a line, "+" for
// story-level discards.
func ParsePETRARCHDiscards(r io.Reader, name string) (*Dict, error) {
	cr, err := readClean(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	d := &Dict{}
	lr := newLineReader(cr, name)
	for lr.next() {
		t := stripHash(lr.line)
		if i := strings.IndexByte(t, ';'); i >= 0 {
			t = strings.TrimSpace(t[:i])
		}
		if t == "" || strings.HasPrefix(t, "<") {
			continue
		}
		story := strings.HasPrefix(t, "+")
		t = strings.TrimSpace(strings.TrimPrefix(t, "+"))
		es, err := ParsePhrase(t, petrOpts)
		if err != nil {
			continue // numbers-only and odd lines are tolerated
		}
		consecutive(es)
		d.Discards = append(d.Discards, &Discard{Phrase: Phrase{Elems: es, Text: t, Src: lr.src()}, Story: story})
	}
	return d, nil
}

// petrVerb parses "WORD {FORMS} [code]" (a "+" marks the verb inside a
// multi-word verb and is dropped).
func petrVerb(t string, def VerbCode, src string, o ParseOpts) (*Verb, error) {
	t = strings.TrimPrefix(t, "+")
	ph, code, hasCode := splitCode(t)
	vc := def
	if hasCode {
		c, err := ParseVerbCode(code)
		if err != nil {
			return nil, err
		}
		vc = c
	}
	var forms []string
	if i := strings.IndexByte(ph, '{'); i >= 0 {
		j := strings.IndexByte(ph, '}')
		if j > i {
			forms = strings.Fields(strings.ReplaceAll(ph[i+1:j], "+", ""))
		}
		ph = strings.TrimSpace(ph[:i])
	}
	ph = strings.ReplaceAll(ph, "+", "")
	v := &Verb{Code: vc, Src: src}
	words := strings.Fields(strings.ReplaceAll(ph, "_", " "))
	all := append([]string{ph}, forms...)
	if len(words) == 1 {
		all = append(all, RegularForms(words[0])...)
	}
	seen := map[string]bool{}
	for _, f := range all {
		if f == "" || seen[f] {
			continue
		}
		seen[f] = true
		es, err := ParsePhrase(f, o)
		if err != nil {
			return nil, err
		}
		consecutive(es)
		for i := range es {
			es[i].Exact = true
		}
		v.Forms = append(v.Forms, Phrase{Elems: es, Text: f, Src: src})
	}
	if len(v.Forms) == 0 {
		return nil, fmt.Errorf("empty verb line %q: %w", t, errSyntax)
	}
	return v, nil
}

// RegularForms generates the regular inflections of an English verb:
// -S/-ES, -ED/-D, -ING, with y→ies/ied, e-dropping and doubling.
func RegularForms(w string) []string {
	w = strings.ToUpper(w)
	n := len(w)
	if n < 2 {
		return nil
	}
	last := w[n-1]
	vowel := func(c byte) bool { return strings.IndexByte("AEIOU", c) >= 0 }
	var out []string
	switch {
	case last == 'E':
		out = append(out, w+"S", w+"D", w[:n-1]+"ING")
	case last == 'Y' && !vowel(w[n-2]):
		out = append(out, w[:n-1]+"IES", w[:n-1]+"IED", w+"ING")
	case strings.HasSuffix(w, "S") || strings.HasSuffix(w, "SH") || strings.HasSuffix(w, "CH") || strings.HasSuffix(w, "X") || strings.HasSuffix(w, "Z"):
		out = append(out, w+"ES", w+"ED", w+"ING")
	default:
		out = append(out, w+"S", w+"ED", w+"ING")
		if n >= 3 && n <= 6 && !vowel(last) && vowel(w[n-2]) && !vowel(w[n-3]) && strings.IndexByte("WXY", last) < 0 {
			out = append(out, w+string(last)+"ED", w+string(last)+"ING")
		}
	}
	return out
}

// LoadPETRARCH loads the PETRARCH-format dictionaries in dir, found by
// their usual names: a verbs file (CAMEO*.txt or *verbs*), actor files
// (*actors*), agents (*agents*), discards (*discards*) and an optional
// UD-PETRARCH coding ontology (*ontology*, see ParseOntology).
func LoadPETRARCH(dir string) (*Dict, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("petrarch dictionaries: %w", err)
	}
	var verbs, agents, discards, ontology string
	var actors []string
	for _, e := range ents {
		n := e.Name()
		l := strings.ToLower(n)
		switch {
		case e.IsDir() || !strings.HasSuffix(l, ".txt"):
		case strings.Contains(l, "actors"):
			actors = append(actors, filepath.Join(dir, n))
		case strings.Contains(l, "agents"):
			agents = filepath.Join(dir, n)
		case strings.Contains(l, "discards"):
			discards = filepath.Join(dir, n)
		case strings.Contains(l, "ontology"):
			ontology = filepath.Join(dir, n)
		case l == "cameo.2.0.txt" || (verbs == "" && strings.Contains(l, "verbs")):
			verbs = filepath.Join(dir, n)
		}
	}
	if verbs == "" {
		return nil, fmt.Errorf("petrarch dictionaries in %s: no verbs file: %w", dir, ErrMissing)
	}
	sort.Strings(actors)
	d, err := LoadPETRARCHFiles(verbs, actors, agents, discards)
	if err != nil || ontology == "" {
		return d, err
	}
	if err := d.LoadOntology(ontology); err != nil {
		return nil, err
	}
	d.Options = UDPETRARCHOptions() // an ontology marks UD-PETRARCH dictionaries
	return d, nil
}

// ErrMissing says a required dictionary file was not found.
var ErrMissing = fmt.Errorf("dictionary file missing")

// LoadPETRARCHFiles loads named PETRARCH-format files ("" skips one).
func LoadPETRARCHFiles(verbs string, actors []string, agents, discards string) (*Dict, error) {
	d := &Dict{Synsets: map[string][][]Elem{}, Options: PETRARCHOptions()}
	add := func(path string, parse func(io.Reader, string) (*Dict, error)) error {
		if path == "" {
			return nil
		}
		sub, err := loadFile(path, parse)
		if err != nil {
			return fmt.Errorf("petrarch %s: %w", path, err)
		}
		d.Merge(sub)
		return nil
	}
	if err := add(verbs, ParsePETRARCHVerbs); err != nil {
		return nil, err
	}
	for _, a := range actors {
		if err := add(a, ParsePETRARCHActors); err != nil {
			return nil, err
		}
	}
	if err := add(agents, ParsePETRARCHAgents); err != nil {
		return nil, err
	}
	if err := add(discards, ParsePETRARCHDiscards); err != nil {
		return nil, err
	}
	return d, nil
}

// PETRARCHOptions are the coder options used with PETRARCH dictionaries:
// no minimum length, no complexity filter, comma clauses kept whole.
func PETRARCHOptions() *Options {
	o := DefaultOptions()
	o.MinWords = 0
	o.SplitContractions, o.DistributeAgents = true, true
	o.LooseCompounds = true
	o.Subordinate = true
	o.PatternNounEndings = true
	o.DropAttribution = true
	o.PossessiveAgents = true
	o.SubjectOverCompound = true
	o.RelativeClauses = true
	o.StackAgents = true
	o.SkipNounPhrase = true
	o.AgentOnlyActors = true
	o.SpecificSynsets = true
	o.ExactPatternWords = true
	o.ModalDefers = true
	return o
}

// UDPETRARCHOptions are PETRARCHOptions with UD-PETRARCH's conventions,
// used with its dictionaries (recognised by their coding ontology): coded
// compound actors stay one code, pattern words before the verb lie in the
// verb phrase (it matches in the verb's dependency subtree), and a passive
// without BY swaps source and target (its parses mark passive subjects).
func UDPETRARCHOptions() *Options {
	o := PETRARCHOptions()
	o.KeepCodedCompounds, o.VerbPhrasePatterns, o.PassiveNoBy = true, true, true
	o.SilentAttribution = true
	o.ExactPatternWords = false // UD-PETRARCH matches lemmas
	return o
}
