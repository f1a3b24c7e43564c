package event

import (
	"strings"

	"github.com/liaison-project/liaison/internal/extract/dict"
)

// matcher matches one verb pattern around a verb inside a clause.
type matcher struct {
	s      *sent
	lo, hi int // clause bounds
	src    int // bound unit indexes, -1 when unbound
	tgt    int
	cmp    int
	steps  int // work bound against pathological patterns
	chars  int // letters of the pattern words matched (alternative lengths)
	end    int // end of the matched text after the verb
	start  int // start of the matched text before the verb
}

const maxSteps = 20000

func (m *matcher) unitStarting(q int) int {
	for k := range m.s.units {
		if m.s.units[k].start == q {
			return k
		}
	}
	return -1
}

func (m *matcher) unitEnding(q int) int {
	for k := range m.s.units {
		if m.s.units[k].end == q {
			return k
		}
	}
	return -1
}

// bind records an actor element; it returns an undo function.
func (m *matcher) bind(e *dict.Elem, u int) (ok bool, undo func()) {
	un := &m.s.units[u]
	switch e.Kind {
	case dict.KSource:
		old := m.src
		m.src = u
		return true, func() { m.src = old }
	case dict.KTarget:
		old := m.tgt
		m.tgt = u
		return true, func() { m.tgt = old }
	case dict.KCompound:
		if !un.compound {
			return false, nil
		}
		old := m.cmp
		m.cmp = u
		return true, func() { m.cmp = old }
	}
	return true, func() {} // KSkip
}

func isActorElem(k dict.Kind) bool {
	return k == dict.KSource || k == dict.KTarget || k == dict.KCompound || k == dict.KSkip
}

// fwd matches es[k:] from position p onwards; anchored forces the first
// element to start exactly at p. done receives the end position.
func (m *matcher) fwd(es []dict.Elem, k, p int, anchored bool, done func(int) bool) bool {
	if k == len(es) {
		return done(p)
	}
	m.steps++
	if m.steps > maxSteps {
		return false
	}
	e := &es[k]
	gap, maxGap := 0, m.maxGap(e)
	for q := p; q < m.hi; q++ {
		if q > p && anchored {
			break
		}
		if q > p && maxGap > 0 && !m.inUnit(q-1) {
			if gap++; gap > maxGap {
				break
			}
		}
		if m.elemFwd(es, k, e, q, done) {
			return true
		}
		if m.s.toks[q].w == "," && !m.s.opts.CrossCommas {
			break
		}
	}
	return false
}

func (m *matcher) elemFwd(es []dict.Elem, k int, e *dict.Elem, q int, done func(int) bool) bool {
	switch {
	case e.Kind == dict.KWord:
		if !m.word(e, m.s.toks[q].w) {
			return false
		}
		m.chars += len(e.Word)
		if m.fwd(es, k+1, q+1, e.Next, done) {
			return true
		}
		m.chars -= len(e.Word)
	case e.Kind == dict.KAlt || e.Kind == dict.KSynset:
		var cont func(int) bool
		w := m.s.toks[q].w
		for _, alt := range e.Alts {
			if len(alt) > 0 && alt[0].Kind == dict.KWord && !m.word(&alt[0], w) {
				continue // cheap first-word check before recursing
			}
			if cont == nil {
				cont = func(end int) bool { return m.fwd(es, k+1, end, e.Next, done) }
			}
			if m.fwd(alt, 0, q, true, cont) {
				return true
			}
		}
	case isActorElem(e.Kind):
		u := m.unitStarting(q)
		if u < 0 && e.Kind == dict.KSkip && m.s.opts.SkipNounPhrase {
			for end := q + 1; end <= min(q+4, m.hi) && m.npWord(end-1); end++ {
				if !m.npEnd(end) {
					continue
				}
				if m.fwd(es, k+1, end, e.Next, done) {
					return true
				}
			}
			return false
		}
		if u < 0 || m.s.units[u].end > m.hi {
			return false
		}
		ok, undo := m.bind(e, u)
		if !ok {
			return false
		}
		if m.fwd(es, k+1, m.s.units[u].end, e.Next, done) {
			return true
		}
		undo()
	}
	return false
}

// bwd matches es[:k+1] backwards so that es[k] ends at or before p
// (exactly at p when anchored). done receives the start position.
func (m *matcher) bwd(es []dict.Elem, k, p int, anchored bool, done func(int) bool) bool {
	if k < 0 {
		return done(p)
	}
	m.steps++
	if m.steps > maxSteps {
		return false
	}
	e := &es[k]
	gap, maxGap := 0, m.maxGap(e)
	for q := p - 1; q >= m.lo; q-- {
		if q < p-1 && anchored {
			break
		}
		if q < p-1 && maxGap > 0 && !m.inUnit(q+1) {
			if gap++; gap > maxGap {
				break
			}
		}
		if m.s.opts.VerbPhrasePatterns && !isActorElem(e.Kind) && m.inUnit(q) {
			break // a literal word of the pattern cannot lie in or before the subject
		}
		if m.elemBwd(es, k, e, q, done) {
			return true
		}
		if m.s.toks[q].w == "," && !m.s.opts.CrossCommas {
			break
		}
	}
	return false
}

// maxGap is how many words may separate a literal pattern element from
// the element before it (0: no limit; actors are found anywhere).
func (m *matcher) maxGap(e *dict.Elem) int {
	if isActorElem(e.Kind) {
		return 0
	}
	return m.s.opts.MaxPatternGap
}

func prevNext(es []dict.Elem, k int) bool { return k > 0 && es[k-1].Next }

// elemBwd matches element e (es[k]) so that it ends at token q, then
// continues leftwards with the elements before it; it is elemFwd's mirror
// for the part of a pattern before the verb.
func (m *matcher) elemBwd(es []dict.Elem, k int, e *dict.Elem, q int, done func(int) bool) bool {
	switch {
	case e.Kind == dict.KWord:
		if !m.word(e, m.s.toks[q].w) {
			return false
		}
		m.chars += len(e.Word)
		if m.bwd(es, k-1, q, prevNext(es, k), done) {
			return true
		}
		m.chars -= len(e.Word)
	case e.Kind == dict.KAlt || e.Kind == dict.KSynset:
		return m.altBwd(es, k, e, q, done)
	case isActorElem(e.Kind):
		return m.actorBwd(es, k, e, q, done)
	}
	return false
}

// altBwd tries each alternative of a choice or synonym set ending at token
// q, checking an alternative's last word before recursing into it; a large
// list is narrowed first through its index by that word.
func (m *matcher) altBwd(es []dict.Elem, k int, e *dict.Elem, q int, done func(int) bool) bool {
	var cont func(int) bool
	w := m.s.toks[q].w
	try := func(alt []dict.Elem) bool {
		if n := len(alt); n > 0 && alt[n-1].Kind == dict.KWord && !m.word(&alt[n-1], w) {
			return false
		}
		if cont == nil {
			cont = func(st int) bool { return m.bwd(es, k-1, st, prevNext(es, k), done) }
		}
		return m.bwd(alt, len(alt)-1, q+1, true, cont)
	}
	if x := m.altIndex(e); x != nil {
		var arr [16]int32
		for _, i := range x.candidates(w, arr[:0]) {
			if try(e.Alts[i]) {
				return true
			}
		}
		return false
	}
	for _, alt := range e.Alts {
		if try(alt) {
			return true
		}
	}
	return false
}

// actorBwd binds an actor slot to the unit ending at token q, or, for a
// skip slot with no unit there, lets a short noun phrase ending at q fill
// it.
func (m *matcher) actorBwd(es []dict.Elem, k int, e *dict.Elem, q int, done func(int) bool) bool {
	u := m.unitEnding(q + 1)
	if u < 0 && e.Kind == dict.KSkip && m.s.opts.SkipNounPhrase {
		for st := q; st >= max(q-3, m.lo) && m.npWord(st); st-- {
			if !m.npEnd(q + 1) {
				break
			}
			if m.bwd(es, k-1, st, prevNext(es, k), done) {
				return true
			}
		}
		return false
	}
	if u < 0 || m.s.units[u].start < m.lo {
		return false
	}
	ok, undo := m.bind(e, u)
	if !ok {
		return false
	}
	if m.bwd(es, k-1, m.s.units[u].start, prevNext(es, k), done) {
		return true
	}
	undo()
	return false
}

// altIndex returns the index of a large alternative list (nil if none).
func (m *matcher) altIndex(e *dict.Elem) *altIndex {
	if len(e.Alts) < minIndexedAlts {
		return nil
	}
	return m.s.c.alts[&e.Alts[0]]
}

// matchPattern tries a pattern around the verb span [vs, ve).
func (m *matcher) matchPattern(es []dict.Elem, vs, ve int) bool {
	vi := -1
	for k := range es {
		if es[k].Kind == dict.KVerb {
			vi = k
			break
		}
	}
	if vi < 0 {
		return false
	}
	m.src, m.tgt, m.cmp, m.steps, m.chars = -1, -1, -1, 0, 0
	pre, post := es[:vi], es[vi+1:]
	return m.bwd(pre, len(pre)-1, vs, vi > 0 && es[vi-1].Next, func(st int) bool {
		m.start = st
		return m.fwd(post, 0, ve, es[vi].Next, func(end int) bool { m.end = end; return true })
	})
}

// word matches a pattern word with the endings the dictionary dialect allows.
func (m *matcher) word(e *dict.Elem, w string) bool {
	if e.Plural {
		return pluralMatch(e.Word, w)
	}
	if m.s.opts.PatternNounEndings {
		if m.s.opts.ExactPatternWords {
			return wordMatchEnd(e, w, possEndings)
		}
		return wordMatchEnd(e, w, nounEndings)
	}
	return wordMatch(e, w)
}

// pluralMatch: w is root or its regular plural (S, ES after SS, IES for
// a final Y), possibly possessive.
func pluralMatch(root, w string) bool {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'S"), "'")
	switch {
	case w == root || w == root+"S" || w == root+"ES":
		return true
	case strings.HasSuffix(root, "Y"):
		return w == root[:len(root)-1]+"IES"
	}
	return false
}

// inUnit reports whether token q lies in an actor unit.
func (m *matcher) inUnit(q int) bool {
	for _, u := range m.s.units {
		if u.start <= q && q < u.end {
			return true
		}
	}
	return false
}

// npWord reports whether token q can be part of an uncoded noun phrase
// that "^" skips (PETRARCH: "skip the next noun phrase"): a determiner,
// adjective or uncoded word that is not a function word.
func (m *matcher) npWord(q int) bool {
	if q < 0 || q >= len(m.s.toks) || m.inUnit(q) {
		return false
	}
	switch m.s.spanKind(q) {
	case kNull, kNoun, kAdj, kDeterm:
	default:
		return false
	}
	w := m.s.toks[q].w
	return isWordTok(w) && !stopModifier[w] && !notModifier[w]
}

// npEnd reports whether an uncoded noun phrase can end before token end:
// its last word is not a determiner and no actor follows it directly (it
// would be that actor's modifier: "the Gondor").
func (m *matcher) npEnd(end int) bool {
	if end <= 0 || m.s.spanKind(end-1) == kDeterm {
		return false
	}
	return end >= len(m.s.toks) || !m.inUnit(end)
}
