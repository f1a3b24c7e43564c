package event

import (
	"strings"
	"unicode"

	"github.com/liaison-project/liaison/internal/extract/dict"
)

// span is a classified stretch of words: a dictionary match or a single
// special word.
type span struct {
	start, end int // token indexes, end exclusive
	kind       kind
	e          *entry
	codes      []string // actor codes (date resolved), agent code
}

// unit is an actor as the coder sees it: a single actor (with agents
// folded in), a parsed compound, or a pronoun standing for one.
type unit struct {
	start, end int
	codes      []string
	base       []string // codes before agents were added
	compound   bool
	text       string
	src        string // dictionary entry
}

// sent is the working state for one sentence.
type sent struct {
	c       *Coder
	opts    *dict.Options
	text    []rune
	toks    []tok
	spans   []span
	tokSpan []int // span index per token, -1 if none
	units   []unit
	active  []bool
	date    int
	prev    *Antecedent
	// lastTarget is the target of the last event, for CarryTarget.
	lastTarget *actorRef
	sorted     []string     // the sentence's words, sorted, for pattern pre-checks
	ownSubject map[int]bool // clause starts that open a subordinate clause
	relSubject map[int]int  // clause starts inside/after a relative clause: its antecedent unit
	speaker    map[int]int  // reported clauses opening with a pronoun: the speaker's unit
	reportOwn  map[int]bool // reported clauses with a subject of their own: it carries on to their conjuncts
	reportCut  map[int]bool // clause ends where a reported clause follows
	attrStart  int          // first token of a closing attribution clause, -1 if none
	attrTok    int          // the same after compaction
	// extActors: the understanding layer supplied the actors (and its own
	// pronoun resolution).
	extActors bool
	ext       []extSpan // the understanding layer's actors, in tokens
	discard   bool
	story     bool
	complex   bool
	why       string
}

var specials = map[string]kind{
	"THE": kDeterm, "A": kDeterm, "AN": kDeterm,
	"HE": kPronoun, "SHE": kPronoun, "IT": kPronoun, "THEY": kPronoun, "THEM": kPronoun,
	"THEIR": kPronoun, "ITS": kPronoun, "HIS": kPronoun, "HER": kPronoun, "HIM": kPronoun,
	"AND": kConj, "BUT": kConj, "OR": kConj, "NOR": kConj,
	",": kComma, "WAS": kAuxil, "WERE": kAuxil, "BEEN": kAuxil, "BY": kBy,
}

// classify assigns every word a type: the longest dictionary match wins
// (actor over agent over verb over noun/adjective on ties); function
// words are recognised unless a longer phrase starts with them.
func (s *sent) classify() {
	n := len(s.toks)
	s.tokSpan = make([]int, n)
	for i := range s.tokSpan {
		s.tokSpan[i] = -1
	}
	var buf []*entry
	for i := 0; i < n; {
		w := s.toks[i].w
		buf = s.c.idx.candidates(w, buf[:0])
		best, bestEnd, bestGaps := (*entry)(nil), 0, 0
		for _, e := range buf {
			end, gaps, ok := s.matchPhrase(e.elems, i, e.kind)
			if !ok {
				continue
			}
			if best == nil || end > bestEnd || (end == bestEnd && better(e, gaps, best, bestGaps)) {
				best, bestEnd, bestGaps = e, end, gaps
			}
		}
		sk, isSpecial := specials[w]
		if best != nil && !(isSpecial && bestEnd == i+1) {
			s.addSpan(span{start: i, end: bestEnd, kind: best.kind, e: best})
			i = bestEnd
			continue
		}
		switch {
		case isSpecial:
			s.addSpan(span{start: i, end: i + 1, kind: sk})
		case w[0] >= '0' && w[0] <= '9':
			s.addSpan(span{start: i, end: i + 1, kind: kNumber})
		}
		i++
	}
}

func better(e *entry, gaps int, b *entry, bgaps int) bool {
	if gaps != bgaps {
		return gaps < bgaps
	}
	if e.kind != b.kind {
		return e.kind < b.kind
	}
	if e.chars != b.chars {
		return e.chars > b.chars
	}
	return e.order < b.order
}

func (s *sent) addSpan(sp span) {
	for k := sp.start; k < sp.end; k++ {
		s.tokSpan[k] = len(s.spans)
	}
	s.spans = append(s.spans, sp)
}

// matchPhrase matches a root phrase (actor, agent, verb form, noun)
// starting at token i; words not joined by "_" may have up to three
// words between them. It returns the end and the number of gaps.
func (s *sent) matchPhrase(es []dict.Elem, i int, kd kind) (end, gaps int, ok bool) {
	p := i
	for k := range es {
		e := &es[k]
		ends := noEndings
		if k == len(es)-1 {
			ends = nounEndings
			if kd == kVerb {
				ends = verbEndings
			} else if e.NoPlural {
				ends = possEndings
			}
		}
		if p >= len(s.toks) {
			return 0, 0, false
		}
		anchored := k == 0 || es[k-1].Next
		lim := p
		if !anchored {
			lim = min(p+3, len(s.toks)-1)
		}
		found := false
		for q := p; q <= lim; q++ {
			if s.toks[q].w == "," && !(e.Kind == dict.KWord && e.Word == ",") {
				break
			}
			if e.Kind == dict.KWord && wordMatchEnd(e, s.toks[q].w, ends) {
				gaps += q - p
				p, found = q+1, true
				break
			}
			if e.Kind == dict.KAlt || e.Kind == dict.KSynset {
				if m := s.matchAltAt(e, q); m > 0 {
					gaps += q - p
					p, found = m, true
					break
				}
			}
		}
		if !found {
			return 0, 0, false
		}
	}
	return p, gaps, true
}

// matchAltAt matches one of the alternatives of e starting exactly at q.
func (s *sent) matchAltAt(e *dict.Elem, q int) int {
	for _, alt := range e.Alts {
		if end, g, ok := s.matchPhrase(alt, q, kNull); ok && g == 0 {
			return end
		}
	}
	return 0
}

// resolve turns actor spans into codes at the sentence date, applies
// null/discard/complex codes and the noun-shift rules for verbs.
func (s *sent) resolve(caps bool) {
	for k := range s.spans {
		sp := &s.spans[k]
		switch sp.kind {
		case kActor:
			if sp.e.actor.Acronym && !caps && !s.toks[sp.start].cap {
				sp.kind = kNull // "us", not US
				continue
			}
			codes := sp.e.actor.CodesAt(s.date)
			switch {
			case len(codes) == 1 && codes[0] == dict.CodeNull:
				sp.kind = kNoun
			case len(codes) == 1 && codes[0] == dict.CodeDiscard:
				s.setDiscard("actor " + sp.e.actor.Text)
			case len(codes) == 1 && codes[0] == dict.CodeComplex:
				s.setComplex("actor " + sp.e.actor.Text)
			case len(codes) > 1 && s.opts.KeepCodedCompounds:
				sp.codes = []string{strings.Join(codes, "/")}
			default:
				sp.codes = codes
			}
		case kAgent:
			sp.codes = []string{sp.e.agent.Code}
		case kDiscard:
			s.setDiscard("discard phrase " + sp.e.disc.Text)
			s.story = s.story || sp.e.disc.Story
		case kVerb:
			if s.hyphenated(sp.start) {
				// "Al Qaeda-linked", "government-held": an adjective, and the
				// actor it is glued to modifies the head, it is not the actor
				sp.kind = kAdj
				if p := s.tokSpan[sp.start-1]; p >= 0 && s.spans[p].kind == kActor {
					s.spans[p].kind = kNull
				}
				continue
			}
			if s.verbAsNoun(sp, caps) {
				sp.kind = kNoun
				continue
			}
			v := sp.e.verb
			if len(v.Patterns) == 0 {
				switch v.Code.Code {
				case dict.CodeDiscard:
					s.setDiscard("verb " + v.Forms[0].Text)
				case dict.CodeComplex:
					s.setComplex("verb " + v.Forms[0].Text)
				case dict.CodeNull:
					sp.kind = kNull
				}
			}
		}
	}
}

// verbAsNoun reports whether a verb form is used as a noun (after a
// determiner or adjectives, capitalised mid-sentence, or in a noun
// position: nounPosition); a noun anchor
// spelled the same then takes the span ("an exchange of intelligence
// with": the noun's own patterns) and it stays an event word.
func (s *sent) verbAsNoun(sp *span, caps bool) bool {
	if sp.start == 0 || sp.e.verb.Noun {
		return false
	}
	prev := s.toks[sp.start-1].w
	if prev != "THE" && prev != "A" && prev != "AN" && (caps || !s.toks[sp.start].cap) && !s.afterDetAdj(sp.start) && !s.nounPosition(sp) {
		return false
	}
	if e := s.nounAnchor(sp); e != nil {
		sp.e = e
		return false
	}
	return true
}

// nounAnchor returns the noun anchor (an n: entry) spelled like the verb
// span sp, for a verb form used as a noun after a determiner; nil if the
// dictionaries have none.
func (s *sent) nounAnchor(sp *span) *entry {
	for _, e := range s.c.idx.candidates(s.toks[sp.start].w, nil) {
		if e.kind != kVerb || e.verb == nil || !e.verb.Noun {
			continue
		}
		if end, _, ok := s.matchPhrase(e.elems, sp.start, e.kind); ok && end == sp.end {
			return e
		}
	}
	return nil
}

// afterDetAdj: a verb form after a determiner and one or two adjectives
// is a noun ("the chemical attacks", "a deadly attack").
func (s *sent) afterDetAdj(i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		w := s.toks[k].w
		if w == "THE" || w == "A" || w == "AN" {
			return k < i-1
		}
		if (s.spanKind(k) != kNull && s.spanKind(k) != kAdj) || !adjectiveLike(w) {
			return false
		}
	}
	return false
}

var adjSuffixes = []string{"AL", "IC", "IVE", "OUS", "FUL", "LESS", "ARY", "ABLE", "IBLE", "IEST"}

var adjWords = map[string]bool{"NEW": true, "LATEST": true, "MAJOR": true, "FRESH": true, "BIG": true, "LARGE": true, "MASSIVE": true,
	"DEADLY": true, "BLOODY": true, "FIRST": true, "SECOND": true, "LAST": true, "RECENT": true, "DIRECT": true, "JOINT": true, "FULL": true}

func adjectiveLike(w string) bool {
	if adjWords[w] {
		return true
	}
	for _, x := range adjSuffixes {
		if len(w) > len(x)+2 && strings.HasSuffix(w, x) {
			return true
		}
	}
	return false
}

// hyphenated reports whether token i is glued by a hyphen to the word
// before it ("Russian-backed"), which makes a participle an adjective.
func (s *sent) hyphenated(i int) bool {
	if i <= 0 || i >= len(s.toks) {
		return false
	}
	p := s.toks[i].start - 1
	return p >= 1 && p < len(s.text) && s.text[p] == '-' && unicode.IsLetter(s.text[p-1])
}

func (s *sent) setDiscard(why string) {
	if !s.discard {
		s.discard, s.why = true, "discard: "+why
	}
}

func (s *sent) setComplex(why string) {
	if !s.complex {
		s.complex, s.why = true, "complex: "+why
	}
}

func (s *sent) spanKind(i int) kind {
	if i < 0 || i >= len(s.toks) || s.tokSpan[i] < 0 {
		return kNull
	}
	return s.spans[s.tokSpan[i]].kind
}

func (s *sent) textOf(a, b int) string {
	if a >= b || a >= len(s.toks) {
		return ""
	}
	st, en := s.toks[a].start, s.toks[b-1].end
	if st < 0 || en > len(s.text) || st > en {
		return ""
	}
	return strings.TrimSpace(string(s.text[st:en]))
}
