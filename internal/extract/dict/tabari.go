package dict

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// lineReader yields trimmed-right lines with their numbers, stopping at
// TABARI's "~~FINISH" end mark.
type lineReader struct {
	sc   *bufio.Scanner
	name string
	n    int
	line string
}

func newLineReader(r io.Reader, name string) *lineReader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4<<20)
	return &lineReader{sc: sc, name: name}
}

func (l *lineReader) next() bool {
	if !l.sc.Scan() {
		return false
	}
	l.n++
	l.line = strings.TrimRight(l.sc.Text(), " \t\r")
	return !strings.HasPrefix(strings.TrimSpace(l.line), "~~")
}

func (l *lineReader) src() string { return fmt.Sprintf("%s:%d", filepath.Base(l.name), l.n) }

func (l *lineReader) errf(format string, a ...any) error {
	return fmt.Errorf("%s:%d: "+format, append([]any{l.name, l.n}, a...)...)
}

// splitComment removes a ";" comment (TABARI) or "#" comment (PETRARCH).
func splitComment(s string, hash bool) string {
	if i := strings.IndexByte(s, ';'); i >= 0 {
		s = s[:i]
	}
	if hash {
		if i := strings.Index(s, " #"); i >= 0 {
			s = s[:i]
		}
	}
	return strings.TrimSpace(s)
}

// splitCode separates "PHRASE [CODE]" into phrase and code text.
func splitCode(s string) (phrase, code string, ok bool) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		return strings.TrimSpace(s), "", false
	}
	j := strings.LastIndexByte(s, ']')
	if j < i {
		return strings.TrimSpace(s[:i]), "", false
	}
	return strings.TrimSpace(s[:i]), s[i+1 : j], true
}

func sortPatterns(ps []Pattern) {
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Len() > ps[j].Len() })
}

func parsePattern(body, src string, o ParseOpts) (Pattern, error) {
	ph, code, ok := splitCode(body)
	if !ok {
		return Pattern{}, fmt.Errorf("pattern %q has no [code]: %w", body, errSyntax)
	}
	vc, err := ParseVerbCode(code)
	if err != nil {
		return Pattern{}, err
	}
	es, err := ParsePhrase(ph, o)
	if err != nil {
		return Pattern{}, err
	}
	hasVerb := false
	for _, e := range es {
		if e.Kind == KVerb {
			hasVerb = true
		}
	}
	if !hasVerb {
		return Pattern{}, fmt.Errorf("pattern %q has no '*': %w", ph, errSyntax)
	}
	return Pattern{Phrase: Phrase{Elems: es, Text: strings.TrimSpace(body), Src: src}, Code: vc}, nil
}

// addSynsetLine handles "&NAME" (start a set) and "+PHRASE" (a member).
func addSynsetLine(d *Dict, cur *string, t string, o ParseOpts) error {
	if t == "" {
		return nil
	}
	switch t[0] {
	case '&':
		name := strings.TrimSpace(t[1:])
		*cur = strings.TrimRight(name, "_")
		if _, ok := d.Synsets[*cur]; !ok {
			d.Synsets[*cur] = nil
		}
	case '+':
		if *cur == "" {
			return fmt.Errorf("synonym %q outside a set: %w", t, errSyntax)
		}
		es, err := ParsePhrase(t[1:], o)
		if err != nil {
			return err
		}
		ExactWords(es)
		d.Synsets[*cur] = append(d.Synsets[*cur], es)
	}
	return nil
}

// ParseTABARIActors reads a TABARI .actors file: <NOUN>/<ADJECTIVE>
// sections, "PHRASE [CODE]" lines, synonym groups ("+PHRASE") and indented
// date-restricted code lines.
func ParseTABARIActors(r io.Reader, name string) (*Dict, error) {
	return parseActors(r, name, ParseOpts{})
}

func parseActors(r io.Reader, name string, o ParseOpts) (*Dict, error) {
	ap := &actorParser{d: &Dict{}, o: o}
	lr := newLineReader(r, name)
	for lr.next() {
		if err := ap.line(lr); err != nil {
			return nil, err
		}
	}
	ap.flush()
	if err := lr.sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return ap.d, nil
}

// actorParser holds the synonym group being read: its phrases and codes.
type actorParser struct {
	d       *Dict
	o       ParseOpts
	section string
	group   []*Actor
	codes   []DatedCode
}

func (ap *actorParser) flush() {
	for _, a := range ap.group {
		a.Codes = ap.codes
		a.Parent = ap.group[0].Text
		if len(ap.codes) > 0 {
			ap.d.Actors = append(ap.d.Actors, a)
		}
	}
	ap.group, ap.codes = nil, nil
}

// fail returns the error for a bad line, or nil (skip it) when lenient.
func (ap *actorParser) fail(lr *lineReader, err error) error {
	if ap.o.Lenient {
		return nil // published files have a few malformed lines
	}
	return lr.errf("%w", err)
}

func (ap *actorParser) line(lr *lineReader) error {
	raw := lr.line
	t := strings.TrimSpace(raw)
	switch {
	case t == "" || strings.HasPrefix(t, "#") || strings.HasPrefix(t, "//"):
		return nil
	case strings.HasPrefix(t, "</"):
		ap.section = ""
		return nil
	case strings.HasPrefix(t, "<"):
		if tag := strings.ToUpper(strings.Trim(t, "<> ")); isWord(tag) {
			ap.flush()
			ap.section = tag
		}
		return nil
	}
	body := splitComment(t, ap.o.NoStem)
	if body == "" {
		return nil
	}
	if ap.section != "" {
		return ap.nounLine(lr, body)
	}
	indented := raw[0] == ' ' || raw[0] == '\t'
	switch {
	case indented && strings.HasPrefix(body, "["):
		cs, err := ParseActorCodes(body)
		if err != nil {
			return ap.fail(lr, err)
		}
		ap.codes = append(ap.codes, cs...)
		return nil
	case strings.HasPrefix(body, "+"):
		if len(ap.group) == 0 {
			return lr.errf("synonym %q before any actor: %w", body, errSyntax)
		}
		ph, _, _ := splitCode(body[1:])
		a, err := newActor(ph, lr.src(), ap.o)
		if err != nil {
			return ap.fail(lr, err)
		}
		ap.group = append(ap.group, a)
		return nil
	}
	ap.flush()
	ph, _, ok := splitCode(body)
	a, err := newActor(ph, lr.src(), ap.o)
	if err != nil {
		return ap.fail(lr, err)
	}
	ap.group = []*Actor{a}
	if ok {
		cs, err := ParseActorCodes(body[strings.IndexByte(body, '['):])
		if err != nil {
			return ap.fail(lr, err)
		}
		ap.codes = cs
	}
	return nil
}

// nounLine reads a <NOUN> or <ADJECTIVE> entry.
func (ap *actorParser) nounLine(lr *lineReader, body string) error {
	if ap.section != "NOUN" && ap.section != "ADJECTIVE" && ap.section != "ADJ" {
		return nil
	}
	es, err := ParsePhrase(body, ap.o)
	if err != nil {
		return lr.errf("%w", err)
	}
	p := Phrase{Elems: es, Text: body, Src: lr.src()}
	if ap.section == "NOUN" {
		ap.d.Nouns = append(ap.d.Nouns, p)
	} else {
		ap.d.Adjectives = append(ap.d.Adjectives, p)
	}
	return nil
}

func newActor(ph, src string, o ParseOpts) (*Actor, error) {
	es, err := ParsePhrase(ph, o)
	if err != nil {
		return nil, err
	}
	return &Actor{Phrase: Phrase{Elems: es, Text: ph, Src: src}}, nil
}

// ParseTABARIAgents reads a TABARI .agents file: "PHRASE [~CODE]" lines.
func ParseTABARIAgents(r io.Reader, name string) (*Dict, error) {
	return parseAgents(r, name, ParseOpts{})
}

func parseAgents(r io.Reader, name string, o ParseOpts) (*Dict, error) {
	d := &Dict{}
	lr := newLineReader(r, name)
	var pending []Phrase
	for lr.next() {
		t := strings.TrimSpace(lr.line)
		if t == "" || strings.HasPrefix(t, "#") || strings.HasPrefix(t, "//") || strings.HasPrefix(t, "<") {
			continue
		}
		body := splitComment(t, o.NoStem)
		if body == "" {
			continue
		}
		plus := strings.HasPrefix(body, "+")
		ph, code, ok := splitCode(strings.TrimPrefix(body, "+"))
		if ph != "" {
			es, err := ParsePhrase(ph, o)
			if err != nil {
				return nil, lr.errf("%w", err)
			}
			if !plus && !ok {
				pending = pending[:0]
			}
			pending = append(pending, Phrase{Elems: es, Text: ph, Src: lr.src()})
		}
		if !ok {
			continue
		}
		code = strings.ReplaceAll(strings.TrimSpace(code), " ", "")
		if !strings.Contains(code, "~") {
			return nil, lr.errf("agent code [%s] has no '~': %w", code, errSyntax)
		}
		for _, p := range pending {
			d.Agents = append(d.Agents, &Agent{Phrase: p, Code: code})
		}
		pending = pending[:0]
	}
	if err := lr.sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return d, nil
}

// Project is a TABARI .project file: the dictionaries it names, loaded.
type Project struct {
	Dict     *Dict
	TextFile string // <textfile>, absolute
}

// LoadTABARIProject reads a .project file and loads the actors, verbs,
// agents and options files it names (paths relative to the project).
func LoadTABARIProject(path string) (*Project, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("tabari project: %w", err)
	}
	dir := filepath.Dir(path)
	p := &Project{Dict: &Dict{Synsets: map[string][][]Elem{}}}
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "<") {
			continue
		}
		i := strings.IndexByte(line, '>')
		if i < 0 {
			continue
		}
		key, val := strings.ToLower(line[1:i]), strings.TrimSpace(line[i+1:])
		if val == "" {
			continue
		}
		file := filepath.Join(dir, val)
		var sub *Dict
		switch key {
		case "actorsfile":
			sub, err = loadFile(file, ParseTABARIActors)
		case "verbsfile":
			sub, err = loadFile(file, ParseTABARIVerbs)
		case "agentsfile":
			sub, err = loadFile(file, ParseTABARIAgents)
		case "optionsfile":
			var f *os.File
			if f, err = os.Open(file); err == nil {
				p.Dict.Options, err = ParseOptions(f, file)
				f.Close()
			}
		case "textfile":
			p.TextFile = file
		}
		if err != nil {
			return nil, fmt.Errorf("tabari project %s: %w", path, err)
		}
		p.Dict.Merge(sub)
	}
	if p.Dict.Options == nil {
		p.Dict.Options = DefaultOptions()
	}
	return p, nil
}

func loadFile(path string, parse func(io.Reader, string) (*Dict, error)) (*Dict, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parse(bufio.NewReaderSize(f, 1<<16), path)
}

func isWord(s string) bool {
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return s != ""
}
