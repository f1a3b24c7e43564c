package dict

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"regexp"
	"strings"
)

//go:embed builtin/*.txt
var builtinFS embed.FS

var reAnchor = regexp.MustCompile(`\*([^*]+)\*`)

// Builtin returns Liaison's own embedded dictionaries: the event patterns
// of builtin/patterns*.txt (patterns.txt, patterns_more.txt and
// patterns_cameo.txt, the last written code by code from the CAMEO
// codebook) and the actors and agents of builtin/actors.txt.
func Builtin() (*Dict, error) {
	d := &Dict{Synsets: map[string][][]Elem{}, Options: BuiltinOptions()}
	bp := newBuiltinParser()
	for _, n := range []string{"patterns.txt", "patterns_more.txt", "patterns_cameo.txt"} {
		f, err := builtinFS.Open("builtin/" + n)
		if err != nil {
			return nil, fmt.Errorf("builtin patterns: %w", err)
		}
		err = bp.parse(f, n)
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	d.Merge(bp.finish())
	if f, err := builtinFS.Open("builtin/discards.txt"); err == nil {
		dd, err := ParsePETRARCHDiscards(f, "discards.txt")
		f.Close()
		if err != nil {
			return nil, err
		}
		d.Merge(dd)
	}
	a, err := builtinFS.Open("builtin/actors.txt")
	if err == nil {
		defer a.Close()
		ad, err := ParseBuiltinActors(a, "actors.txt")
		if err != nil {
			return nil, err
		}
		d.Merge(ad)
	}
	return d, nil
}

// BuiltinOptions are the coder options for Liaison's own dictionaries:
// every clause coded, no length or complexity filter, comma phrases kept,
// passives without BY recognised, agents shared across compounds, and a
// pattern's words at most five words apart (chosen on Reuters and
// Wikinews text: the events longer gaps add are mostly spurious).
func BuiltinOptions() *Options {
	o := DefaultOptions()
	o.MinWords = 0
	o.CommaOff = true
	o.CrossCommas = true
	o.NoGreedySource = true
	o.DistributeAgents = true
	o.PassiveNoBy = true
	o.SkipIntro = true
	o.TargetOtherCountry = true
	o.CarryTarget = true
	o.ReportedSpeech = true
	o.LooseCompounds = true
	o.Subordinate = true
	o.DropAttribution = true
	o.NoSelfEvents = true
	o.PossessiveAgents = true
	o.SubjectOverCompound = true
	o.RelativeClauses = true
	o.AgentOnlyActors = true
	o.InfinitiveDefers = true
	o.MaxPatternGap = 5
	return o
}

// builtinVerb collects the lines of one anchor.
type builtinVerb struct {
	v    *Verb
	noun bool
}

// ParseBuiltinPatterns reads the project's pattern format (documented in
// doc.go and at the top of builtin/patterns.txt).
func ParseBuiltinPatterns(r io.Reader, name string) (*Dict, error) {
	bp := newBuiltinParser()
	if err := bp.parse(r, name); err != nil {
		return nil, err
	}
	return bp.finish(), nil
}

// builtinParser reads several pattern files into one dictionary; anchors
// repeated across files share their verb entry.
type builtinParser struct {
	d     *Dict
	o     ParseOpts
	verbs map[string]*builtinVerb
}

func newBuiltinParser() *builtinParser {
	d := &Dict{Synsets: map[string][][]Elem{}}
	return &builtinParser{d: d, o: ParseOpts{NoStem: true, Synsets: d.Synsets, SynsetLen: true}, verbs: map[string]*builtinVerb{}}
}

func (bp *builtinParser) parse(r io.Reader, name string) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	ln := 0
	for sc.Scan() {
		ln++
		t := stripHash(sc.Text())
		if t == "" {
			continue
		}
		src := fmt.Sprintf("%s:%d", name, ln)
		if strings.HasPrefix(t, "&") {
			if err := builtinSynset(bp.d, t, bp.o); err != nil {
				return fmt.Errorf("%s: %w", src, err)
			}
			continue
		}
		code, phrase, ok := strings.Cut(t, " ")
		if !ok {
			return fmt.Errorf("%s: line needs a code and a phrase: %w", src, errSyntax)
		}
		if err := builtinLine(bp.d, bp.verbs, strings.TrimSpace(code), strings.TrimSpace(phrase), src, bp.o); err != nil {
			return fmt.Errorf("%s: %w", src, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

func (bp *builtinParser) finish() *Dict {
	for _, v := range bp.d.Verbs {
		generateModal(v, bp.o)
		sortPatterns(v.Patterns)
		modalFirst(v.Patterns)
	}
	return bp.d
}

func builtinSynset(d *Dict, t string, o ParseOpts) error {
	name, list, ok := strings.Cut(t[1:], "=")
	if !ok {
		return fmt.Errorf("synonym set %q needs '=': %w", t, errSyntax)
	}
	name = strings.ToUpper(strings.TrimSpace(name))
	for _, m := range strings.Split(list, ",") {
		m = strings.TrimSpace(m)
		if m == "" {
			continue
		}
		es, err := ParsePhrase(m, o)
		if err != nil {
			return err
		}
		consecutive(es)
		d.Synsets[name] = append(d.Synsets[name], es)
	}
	return nil
}

func builtinLine(d *Dict, verbs map[string]*builtinVerb, code, phrase, src string, o ParseOpts) error {
	m := reAnchor.FindStringSubmatchIndex(phrase)
	if m == nil {
		return fmt.Errorf("phrase %q has no *anchor*: %w", phrase, errSyntax)
	}
	anchor := phrase[m[2]:m[3]]
	noun := strings.HasPrefix(anchor, "n:")
	anchor = strings.TrimPrefix(anchor, "n:")
	alts := strings.Split(anchor, "/")
	base := strings.ToUpper(strings.TrimSpace(alts[0]))
	if base == "" || strings.ContainsAny(base, "$+%^&{}|") {
		return fmt.Errorf("empty or malformed anchor in %q: %w", phrase, errSyntax)
	}
	key := base
	if noun {
		key = "N:" + base
	}
	bv := verbs[key]
	if bv == nil {
		v := &Verb{Code: VerbCode{Code: CodeNull}, Src: src, Noun: noun}
		forms, err := anchorForms(base, alts[1:], noun, src, o)
		if err != nil {
			return err
		}
		v.Forms = forms
		bv = &builtinVerb{v: v, noun: noun}
		verbs[key] = bv
		d.Verbs = append(d.Verbs, v)
	}
	if code == "=" {
		return nil
	}
	vc, err := ParseVerbCode(code)
	if err != nil {
		return err
	}
	rest := strings.TrimSpace(phrase[:m[0]] + "*" + phrase[m[1]:])
	rest = strings.TrimSpace(strings.TrimPrefix(rest, "$ ")) // the subject rule finds the source
	if rest == "*" {
		if bv.v.Code.Code == CodeNull {
			bv.v.Code, bv.v.Src = vc, src
		}
		return nil
	}
	p, err := parsePattern(rest+" ["+code+"]", src, o)
	if err != nil {
		return err
	}
	p.Text = phrase
	bv.v.Patterns = append(bv.v.Patterns, p)
	return nil
}

// anchorForms builds the anchor's forms: the base, its regular
// inflections (on the last word) and irregular forms replacing it.
func anchorForms(base string, irregular []string, noun bool, src string, o ParseOpts) ([]Phrase, error) {
	words := strings.Fields(base)
	head := strings.Join(words[:len(words)-1], " ")
	last := words[len(words)-1]
	var lasts []string
	lasts = append(lasts, last)
	if noun {
		if strings.HasSuffix(last, "S") || strings.HasSuffix(last, "SH") || strings.HasSuffix(last, "CH") || strings.HasSuffix(last, "X") {
			lasts = append(lasts, last+"ES")
		} else if strings.HasSuffix(last, "Y") && len(last) > 2 && !strings.ContainsRune("AEIOU", rune(last[len(last)-2])) {
			lasts = append(lasts, last[:len(last)-1]+"IES")
		} else {
			lasts = append(lasts, last+"S")
		}
	} else {
		lasts = append(lasts, RegularForms(last)...)
		for _, irr := range irregular {
			irr = strings.ToUpper(strings.TrimSpace(irr))
			if irr != "" {
				lasts = append(lasts, irr)
				lasts = append(lasts, strings.TrimSuffix(irr, "E")+"ING")
			}
		}
	}
	var out []Phrase
	seen := map[string]bool{}
	for _, l := range lasts {
		f := strings.TrimSpace(head + " " + l)
		if seen[f] {
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
		out = append(out, Phrase{Elems: es, Text: f, Src: src})
	}
	return out, nil
}

// generateModal adds the four modality patterns to an anchor (see
// ModalCode). A modal pattern's own code is the modality of the anchor's
// default code; it is empty when the anchor has none, and then the modal
// pattern only re-codes the anchor's own patterns.
func generateModal(v *Verb, o ParseOpts) {
	c := v.Code.Code
	switch c {
	case CodeDiscard, CodeComplex:
		return
	case CodeNull: // no default code: the modality only re-codes patterns
		c = ""
	}
	add := func(set, kind string) {
		code := ModalCode(kind, c)
		if code == "" && !anyModal(v.Patterns, kind) {
			return
		}
		p, err := parsePattern(set+" * [000]", v.Src, o)
		if err == nil {
			p.Code = VerbCode{Code: code}
			p.Text = set + " * (generated)"
			p.Modal = kind
			v.Patterns = append(v.Patterns, p)
		}
	}
	add("&INTENT_", ModalIntent)
	add("&APPEALV + TO_", ModalAppeal)
	add("&REFUSEV_", ModalRefuse)
	add("&THREATV_", ModalThreat)
}

// anyModal reports whether one of the patterns has a code the modality
// re-codes.
func anyModal(ps []Pattern, kind string) bool {
	for _, p := range ps {
		if ModalCode(kind, p.Code.Code) != "" {
			return true
		}
	}
	return false
}

// acronym: a one-word name of two to five capital letters.
func acronym(n string) bool {
	if len(n) < 2 || len(n) > 5 {
		return false
	}
	for _, r := range n {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// ParseBuiltinActors reads the project's actor format: "CODE: name, name"
// for actors (an optional " YYYYMMDD-YYYYMMDD" after the code limits it
// in time) and "~ROLE: word, word" / "ROLE~: ..." for agents.
func ParseBuiltinActors(r io.Reader, name string) (*Dict, error) {
	d := &Dict{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	ln := 0
	o := ParseOpts{NoStem: true}
	for sc.Scan() {
		ln++
		t := stripHash(sc.Text())
		if t == "" {
			continue
		}
		src := fmt.Sprintf("%s:%d", name, ln)
		head, list, ok := strings.Cut(t, ":")
		if !ok {
			return nil, fmt.Errorf("%s: line needs 'CODE: names': %w", src, errSyntax)
		}
		head = strings.TrimSpace(head)
		isAgent := strings.Contains(head, "~")
		var codes []DatedCode
		if !isAgent {
			cs, err := ParseActorCodes("[" + head + "]")
			if err != nil {
				return nil, fmt.Errorf("%s: %w", src, err)
			}
			codes = cs
		}
		for _, n := range strings.Split(list, ",") {
			n = strings.TrimSpace(n)
			if n == "" {
				continue
			}
			es, err := ParsePhrase(n, o)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", src, err)
			}
			consecutive(es)
			ph := Phrase{Elems: es, Text: n, Src: src}
			if isAgent {
				d.Agents = append(d.Agents, &Agent{Phrase: ph, Code: head})
			} else {
				d.Actors = append(d.Actors, &Actor{Phrase: ph, Parent: n, Codes: codes, Acronym: acronym(n)})
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return d, nil
}
