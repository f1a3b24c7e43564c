package eval

import (
	"archive/tar"
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/liaison-project/liaison"
)

// NERMention is one gold entity mention: type (person, organization,
// place), code point span, and whether it is a named mention (its head word
// is a proper noun).
type NERMention struct {
	Type       string
	Start, End int
	Named      bool
}

// NERDoc is one gold document: its text (rebuilt from the tokens) and its
// mentions.
type NERDoc struct {
	Name     string
	Text     string
	Mentions []NERMention
}

// nerTypes are the GUM entity types scored.
var nerTypes = map[string]bool{"person": true, "organization": true, "place": true}

// ReadGUMTar reads the GUM news archive (gum_news/dep/*.conllu inside a
// .tar.gz) into documents.
func ReadGUMTar(r io.Reader) ([]NERDoc, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("GUM archive: %w: %w", liaison.ErrInvalid, err)
	}
	tr := tar.NewReader(zr)
	var out []NERDoc
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("GUM archive: %w", err)
		}
		if !strings.HasSuffix(h.Name, ".conllu") {
			continue
		}
		d, err := ReadConllu(tr, h.Name)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

type conllTok struct {
	start, end int
	upos       string
	head       int // sentence-local, 0 root
	id         int
}

type openEnt struct {
	typ   string
	start int // token index in doc
	sent  int
}

// ReadConllu reads one GUM CoNLL-U document with its Entity annotations.
func ReadConllu(r io.Reader, name string) (NERDoc, error) {
	d := NERDoc{Name: name}
	var b strings.Builder
	var toks []conllTok
	sentStart := 0
	open := map[string][]openEnt{}
	cp := 0
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			sentStart = len(toks)
			continue
		}
		if line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 10 || strings.ContainsAny(f[0], "-.") {
			continue
		}
		id, _ := strconv.Atoi(f[0])
		head, _ := strconv.Atoi(f[6])
		n := utf8.RuneCountInString(f[1])
		toks = append(toks, conllTok{start: cp, end: cp + n, upos: f[3], head: head, id: id})
		b.WriteString(f[1])
		cp += n
		if !strings.Contains(f[9], "SpaceAfter=No") {
			b.WriteByte(' ')
			cp++
		}
		for _, ev := range entityEvents(f[9]) {
			ti := len(toks) - 1
			if ev.open {
				open[ev.id] = append(open[ev.id], openEnt{typ: ev.typ, start: ti, sent: sentStart})
			}
			if ev.close {
				st := open[ev.id]
				if len(st) == 0 {
					continue
				}
				o := st[len(st)-1]
				open[ev.id] = st[:len(st)-1]
				if nerTypes[o.typ] {
					d.Mentions = append(d.Mentions, NERMention{Type: o.typ, Start: toks[o.start].start, End: toks[ti].end,
						Named: headIsPropn(toks, o.sent, o.start, ti)})
				}
			}
		}
	}
	d.Text = b.String()
	return d, sc.Err()
}

type entEvent struct {
	id, typ     string
	open, close bool
}

// entityEvents parses a MISC Entity= value: "(12-place-new-...)" opens and
// closes, "(12-place-..." opens, "12)" closes.
func entityEvents(misc string) []entEvent {
	var val string
	for _, kv := range strings.Split(misc, "|") {
		if strings.HasPrefix(kv, "Entity=") {
			val = kv[len("Entity="):]
		}
	}
	var out []entEvent
	for i := 0; i < len(val); {
		switch {
		case val[i] == '(':
			j := i + 1
			for j < len(val) && val[j] != '(' && val[j] != ')' {
				j++
			}
			parts := strings.SplitN(val[i+1:j], "-", 3)
			ev := entEvent{open: true, id: parts[0]}
			if len(parts) > 1 {
				ev.typ = parts[1]
			}
			if j < len(val) && val[j] == ')' {
				ev.close = true
				j++
			}
			out = append(out, ev)
			i = j
		case val[i] >= '0' && val[i] <= '9':
			j := i
			for j < len(val) && val[j] >= '0' && val[j] <= '9' {
				j++
			}
			if j < len(val) && val[j] == ')' {
				out = append(out, entEvent{id: val[i:j], close: true})
				j++
			}
			i = j
		default:
			i++
		}
	}
	return out
}

// headIsPropn reports whether the syntactic head of tokens a..b (the first
// token whose head lies outside the span) is a proper noun.
func headIsPropn(toks []conllTok, sent, a, b int) bool {
	for i := a; i <= b; i++ {
		h := toks[i].head
		hi := sent + h - 1 // doc index of the head token
		if h == 0 || hi < a || hi > b {
			return toks[i].upos == "PROPN"
		}
	}
	return false
}
