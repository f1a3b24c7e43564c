package event

import (
	"strings"

	"github.com/liaison-project/liaison/internal/extract/dict"
)

// kind classifies a sentence word or span.
type kind uint8

const (
	kNull kind = iota
	kActor
	kAgent
	kVerb
	kNoun
	kAdj
	kDeterm
	kPronoun
	kConj
	kComma
	kAuxil
	kBy
	kNumber
	kDiscard
)

// entry is one dictionary phrase ready for matching.
type entry struct {
	kind  kind
	elems []dict.Elem
	actor *dict.Actor
	agent *dict.Agent
	verb  *dict.Verb
	disc  *dict.Discard
	order int // dictionary order: earlier wins ties
	chars int // letters in the phrase: more specific wins ties
}

// index finds the dictionary phrases that can start at a word: by exact
// first word, by first word minus a regular ending, and by stem prefix.
type index struct {
	exact   map[string][]*entry
	stem    map[string][]*entry
	maxStem int
	other   []*entry // phrases starting with alternatives or synsets
}

func newIndex() *index {
	return &index{exact: map[string][]*entry{}, stem: map[string][]*entry{}}
}

func (x *index) add(e *entry) {
	if len(e.elems) == 0 {
		return
	}
	f := e.elems[0]
	for _, el := range e.elems {
		e.chars += len(el.Word)
	}
	switch {
	case f.Kind != dict.KWord:
		x.other = append(x.other, e)
	case f.Stem:
		x.stem[f.Word] = append(x.stem[f.Word], e)
		if len(f.Word) > x.maxStem {
			x.maxStem = len(f.Word)
		}
	default:
		x.exact[f.Word] = append(x.exact[f.Word], e)
	}
}

var endings = []string{"S", "ES", "ED", "EN", "ING", "'S", "D", "'"}

// candidates appends the entries whose first word may match w.
func (x *index) candidates(w string, buf []*entry) []*entry {
	buf = append(buf, x.exact[w]...)
	for _, suf := range endings {
		if len(w) > len(suf)+1 && strings.HasSuffix(w, suf) {
			for _, e := range x.exact[w[:len(w)-len(suf)]] {
				if !e.elems[0].Exact {
					buf = append(buf, e)
				}
			}
		}
	}
	if len(x.stem) > 0 {
		lim := min(len(w), x.maxStem)
		for l := 1; l <= lim; l++ {
			buf = append(buf, x.stem[w[:l]]...)
		}
	}
	return append(buf, x.other...)
}

// wordMatch reports whether a pattern word e matches text word w: stems
// by prefix, other words exactly or (unless Exact) with a verb ending.
func wordMatch(e *dict.Elem, w string) bool {
	return wordMatchEnd(e, w, verbEndings)
}

// Regular endings TABARI adds to the final word of verbs and of nouns
// (actors, agents, nouns).
var (
	verbEndings = []string{"S", "ES", "ED", "EN", "ING", "D"}
	nounEndings = []string{"S", "ES", "'S", "S'", "'"}
	possEndings = []string{"'S", "'"}
	noEndings   = []string{}
)

func wordMatchEnd(e *dict.Elem, w string, ends []string) bool {
	if e.Stem {
		return strings.HasPrefix(w, e.Word)
	}
	if w == e.Word {
		return true
	}
	if e.Exact || len(w) <= len(e.Word) || !strings.HasPrefix(w, e.Word) {
		return false
	}
	suf := w[len(e.Word):]
	for _, x := range ends {
		if suf == x {
			return true
		}
	}
	return false
}
