package event

import (
	"sort"
	"strings"

	"github.com/liaison-project/liaison/internal/extract/dict"
)

// actorRef is a resolved source or target: a unit, or a default code.
type actorRef struct {
	u     int // unit index, -1 for a default code
	codes []string
	text  string
}

func (s *sent) ref(u int) *actorRef {
	if u < 0 {
		return nil
	}
	return &actorRef{u: u, codes: s.units[u].codes, text: s.units[u].text}
}

// code runs the verbs of every clause and builds the events.
func (s *sent) code(o *dict.Options) []Raw {
	var out []Raw
	subject, mainSubject := -1, -1
	left := -2 // the subject a reported clause leaves (-2: none)
	var prev, cur [2]int
	for ci, cl := range s.clauses() {
		prev, cur = cur, cl
		saved := subject
		if left != -2 && s.auxOpens(cl) {
			subject = left // "X said Y was pressing Z and was talking with W"
		}
		left = -2
		if s.ownSubject[cl[0]] || s.reportOwn[cl[0]] {
			subject = -1 // a subordinate or reported clause has its own subject
		}
		if u, ok := s.speaker[cl[0]]; ok {
			subject = u // "X said it would ...": the speaker
		}
		if ci > 0 && subject >= 0 {
			subject = s.carriedSubject(cl, subject)
		}
		var relative, found, stop bool
		subject, mainSubject, relative = s.relativeSubject(cl, prev, ci, subject, mainSubject)
		if !relative { // a relative clause describes an actor; it is not coded
			var evs []Raw
			evs, subject, found, stop = s.codeClause(cl, ci, subject, o)
			if stop {
				return nil
			}
			out = append(out, evs...)
		}
		if !found && s.hasVerb(cl) {
			if u := s.firstUnitIn(cl[0], cl[1]); u >= 0 && subject < 0 {
				subject = u
			}
		}
		if s.reportOwn[cl[0]] {
			left = subject
			if left < 0 {
				left = s.unitAt(cl[0]) // its subject, though its verb coded nothing
			}
		}
		if s.ownSubject[cl[0]] || s.reportOwn[cl[0]] {
			subject = saved // "X said Y ... and accused Z": the speaker again
		}
		if found && o.CodeBy == dict.BySentence {
			break
		}
	}
	return filterPriority(out)
}

// filterPriority drops subordinate events when others exist and keeps
// only dominant events when there are any.
func filterPriority(evs []Raw) []Raw {
	hasMain, hasDom := false, false
	for _, e := range evs {
		hasMain = hasMain || !e.Sub
		hasDom = hasDom || e.Dom
	}
	out := evs[:0]
	for _, e := range evs {
		if (hasMain && e.Sub) || (hasDom && !e.Dom) {
			continue
		}
		out = append(out, e)
	}
	return out
}

func (s *sent) firstUnitIn(a, b int) int {
	for k, u := range s.units {
		if u.start >= a && u.start < b {
			return k
		}
	}
	return -1
}

// tryVerb codes one verb: its patterns longest first, else its root code.
// ok is false when the verb yields nothing (null code, no match).
func (s *sent) tryVerb(sp *span, cl [2]int, ci, subject int, o *dict.Options) ([]Raw, int, bool) {
	v := sp.e.verb
	wide := s.widenReported(sp, cl)
	m := &matcher{s: s, lo: wide[0], hi: wide[1]}
	pat, code, explicit := s.pickPattern(m, sp, v)
	if pat == nil && o.ModalDefers && s.modalBeforeVerb(sp) {
		return nil, -1, false // "should have acted": the event is the verb the modal governs
	}
	if evs, src, ok := s.deferToGoverned(pat, code, m, sp, cl, ci, subject, o); ok {
		return evs, src, ok
	}
	switch code.Code {
	case dict.CodeNull:
		return nil, -1, false
	case dict.CodeDiscard:
		s.setDiscard("verb pattern")
		return nil, -1, false
	case dict.CodeComplex:
		s.setComplex("verb pattern")
		return nil, -1, false
	}
	src, tgt, reflexive := s.boundActors(m, sp, cl, o)
	if n := o.NewActorLength; n > 0 && src == nil && subject < 0 && s.firstUnitIn(cl[0], sp.start) < 0 {
		src = s.newActorBefore(cl[0], sp.start, n) // "Gryffindor's head Minerva McGonagall left ..."
	}
	src, tgt = s.defaults(src, tgt, sp, cl, ci, subject, o)
	if n := o.NewActorLength; n > 0 && tgt == nil && src != nil {
		tgt = s.newActorAfter(max(sp.end, m.end), cl[1], n)
	}
	if !explicit && s.passive(sp, o) {
		src, tgt = tgt, src
		if src != nil && src.u >= 0 && s.placePrep(s.units[src.u].start) {
			return nil, -1, false // "was extradited to the United States": a destination, not the agent
		}
	}
	if src == nil || tgt == nil {
		return nil, -1, false
	}
	explain := v.Src + " " + v.Forms[0].Text
	if pat != nil {
		explain = pat.Src + " " + v.Forms[0].Text + " " + pat.Text
	}
	base := Raw{VerbText: s.textOf(min(m.start, sp.start), max(m.end, sp.end)), Negated: s.negated(sp.start, cl[0]),
		Sub: code.Sub, Dom: code.Dom, Explain: explain}
	if n, ok := s.c.d.Negations[code.Code]; ok && base.Negated {
		code.Code, code.Paired, base.Negated = n, "", false // the ontology's negation
	}
	evs := emitEvents(base, src, tgt, code, reflexive)
	if o.NoSelfEvents {
		evs = dropSelf(evs)
	}
	if len(evs) > 0 {
		s.lastTarget = tgt
	}
	return evs, src.u, true
}

// boundActors returns the source and target a pattern match bound, and
// whether a compound (%) pairs its members with each other.
func (s *sent) boundActors(m *matcher, sp *span, cl [2]int, o *dict.Options) (src, tgt *actorRef, reflexive bool) {
	src, tgt = s.ref(m.src), s.ref(m.tgt)
	if m.cmp < 0 {
		return src, tgt, false
	}
	if o.SubjectOverCompound && s.units[m.cmp].start >= sp.end && s.firstUnitIn(cl[0], sp.start) >= 0 {
		// "A agrees with B and C": a compound after the verb with a
		// subject before it is the target, not source and target.
		return src, s.ref(m.cmp), false
	}
	if k := s.directObject(max(sp.end, m.end), cl[1]); m.tgt < 0 && k >= 0 && k != m.cmp && s.units[m.cmp].start < sp.start {
		// "A and B met C": a compound subject acts on the verb's object;
		// the reciprocal reading is for a verb without one ("A and B met").
		return s.ref(m.cmp), s.ref(k), false
	}
	return s.ref(m.cmp), s.ref(m.cmp), true
}

// directObject returns the actor unit that is the verb's direct object:
// the first unit at most two determiners/quantifiers after from, with no
// preposition, verb or comma in between (-1 if none).
func (s *sent) directObject(from, hi int) int {
	for q := from; q < hi && q <= from+2; q++ {
		if k := s.unitAt(q); k >= 0 {
			return k
		}
		if w := s.toks[q].w; s.spanKind(q) != kDeterm && !quantifier(w) {
			return -1
		}
	}
	return -1
}

// unitAt returns the unit starting at token q (-1 if none).
func (s *sent) unitAt(q int) int {
	for k := range s.units {
		if s.units[k].start == q {
			return k
		}
	}
	return -1
}

// hasTriple reports whether evs already holds the event src/tgt/code.
func hasTriple(evs []Raw, src, tgt, code string) bool {
	for _, e := range evs {
		if e.Source == src && e.Target == tgt && e.Code == code {
			return true
		}
	}
	return false
}

// emitEvents expands source and target codes (compounds, coded compounds)
// into events, with the paired code reversed; a compound bound by % pairs
// its members with each other.
func emitEvents(base Raw, src, tgt *actorRef, code dict.VerbCode, compound bool) []Raw {
	var evs []Raw
	emit := func(a, b *actorRef, c string) {
		if c == "" {
			return // "[:173]": only the reversed event
		}
		for _, x := range a.codes {
			for _, y := range b.codes {
				if x == y || x == "" || y == "" {
					continue
				}
				if hasTriple(evs, x, y, c) {
					continue // an actor coded twice the same way ("ministers from the government")
				}
				e := base
				e.Source, e.Target, e.Code, e.SourceText, e.TargetText = x, y, c, a.text, b.text
				evs = append(evs, e)
			}
		}
	}
	if compound && code.Paired != "" {
		cs := src.codes
		for i := range cs {
			for j := i + 1; j < len(cs); j++ {
				emit(&actorRef{codes: cs[i : i+1], text: src.text}, &actorRef{codes: cs[j : j+1], text: src.text}, code.Code)
				emit(&actorRef{codes: cs[j : j+1], text: src.text}, &actorRef{codes: cs[i : i+1], text: src.text}, code.Paired)
			}
		}
		return evs
	}
	emit(src, tgt, code.Code)
	if code.Paired != "" {
		emit(tgt, src, code.Paired)
	}
	return evs
}

// defaults fills a missing source and target by TABARI's rules.
func (s *sent) defaults(src, tgt *actorRef, sp *span, cl [2]int, ci, subject int, o *dict.Options) (*actorRef, *actorRef) {
	if src == nil {
		src = s.defaultSource(tgt, sp, cl, ci, subject, o)
	}
	if tgt == nil && src != nil {
		tgt = s.defaultTarget(src, sp, cl, ci, o)
	}
	return src, tgt
}

// defaultSource: the clause subject — the first actor before the verb
// (carried over conjunctions), else a default code or (greedy) the first
// actor after the verb.
func (s *sent) defaultSource(tgt *actorRef, sp *span, cl [2]int, ci, subject int, o *dict.Options) *actorRef {
	var src *actorRef
	switch {
	case tgt != nil:
		for k, u := range s.units {
			if u.start < sp.start && !sameCodes(u.codes, tgt.codes) && (ci == 0 || u.start >= cl[0]) {
				src = s.ref(k)
				break
			}
		}
		if src == nil && subject >= 0 && !sameCodes(s.units[subject].codes, tgt.codes) {
			src = s.ref(subject)
		}
	case ci > 0 && subject >= 0:
		src = s.ref(subject) // the subject carries over conjunctions
	default:
		lo := 0
		if ci > 0 {
			lo = cl[0]
		} else if o.SkipIntro {
			lo = s.introEnd(sp.start)
		}
		if u := s.firstUnitIn(lo, sp.start); u >= 0 {
			src = s.ref(u)
		} else if subject >= 0 {
			src = s.ref(subject)
		}
	}
	if src == nil && o.DefSource != "" && o.DefSourcePrior {
		src = &actorRef{u: -1, codes: []string{o.DefSource}}
	}
	if src == nil && !o.NoGreedySource {
		if u := s.firstUnitIn(sp.end, cl[1]); u >= 0 && (tgt == nil || !sameCodes(s.units[u].codes, tgt.codes)) {
			src = s.ref(u)
		}
	}
	if src == nil && o.DefSource != "" {
		src = &actorRef{u: -1, codes: []string{o.DefSource}}
	}
	return src
}

// defaultTarget: the first actor after the verb with a code distinct from
// the source's, else the nearest such actor before it, else (options)
// the previous clause's target or the compound source itself.
func (s *sent) defaultTarget(src *actorRef, sp *span, cl [2]int, ci int, o *dict.Options) *actorRef {
	after := func(distinct func(a, b []string) bool) *actorRef {
		for k, u := range s.units {
			if u.start >= sp.end && u.start < cl[1] && k != src.u && distinct(u.codes, src.codes) {
				return s.ref(k)
			}
		}
		return nil
	}
	var tgt *actorRef
	if o.AgentOnlyActors { // a named actor before a bare agent ("military exercises in Alaska")
		tgt = after(func(a, b []string) bool { return !sameCodes(a, b) && !agentOnly(a) })
	}
	if tgt == nil && o.TargetOtherCountry {
		tgt = after(func(a, b []string) bool { return !sameCountry(a, b) })
	}
	if tgt == nil {
		tgt = after(func(a, b []string) bool { return !sameCodes(a, b) })
	}
	if tgt == nil && o.DefTarget != "" && o.DefTargetAfter {
		tgt = &actorRef{u: -1, codes: []string{o.DefTarget}}
	}
	for k := len(s.units) - 1; tgt == nil && k >= 0; k-- { // nearest actor before the verb
		u := s.units[k]
		if u.end <= sp.start && u.start >= cl[0] && k != src.u && !sameCodes(u.codes, src.codes) {
			tgt = s.ref(k)
		}
	}
	if tgt == nil && ci > 0 && o.CarryTarget && !s.ownSubject[cl[0]] && !s.reportOwn[cl[0]] && s.lastTarget != nil && !sameCodes(s.lastTarget.codes, src.codes) {
		// a clause with its own subject (subordinate, reported) does not
		// share the previous clause's target either
		tgt = s.lastTarget
	}
	if tgt == nil && src.u >= 0 && s.units[src.u].compound {
		tgt = src
	}
	if tgt == nil && o.DefTarget != "" {
		tgt = &actorRef{u: -1, codes: []string{o.DefTarget}}
	}
	if tgt == nil && (o.NullActors || (s.attrTok >= 0 && sp.start >= s.attrTok)) {
		tgt = &actorRef{u: -1, codes: []string{"---"}}
	}
	return tgt
}

func sameCodes(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func hasSynset(es []dict.Elem) bool {
	for _, e := range es {
		if e.Kind == dict.KSynset {
			return true
		}
	}
	return false
}

func hasAlt(es []dict.Elem) bool {
	for _, e := range es {
		if e.Kind == dict.KAlt {
			return true
		}
	}
	return false
}

func (s *sent) hasVerb(cl [2]int) bool {
	for _, sp := range s.spans {
		if sp.kind == kVerb && sp.start >= cl[0] && sp.end <= cl[1] {
			return true
		}
	}
	return false
}

// sameCountry reports whether two code lists share a leading 3-letter
// country or organisation code.
func sameCountry(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if len(x) >= 3 && len(y) >= 3 && x[:3] == y[:3] && x[:3] != "IGO" {
				return true
			}
			if strings.HasPrefix(x, "IGO") && x == y {
				return true
			}
		}
	}
	return false
}

var introWords = map[string]bool{"FOLLOWING": true, "DURING": true, "AFTER": true, "BEFORE": true, "IN": true, "ON": true, "AT": true,
	"SINCE": true, "WHILE": true, "WHEN": true, "AS": true, "DESPITE": true, "AMID": true, "ACCORDING": true, "UNDER": true, "FOR": true,
	"WITH": true, "LAST": true, "EARLIER": true, "THIS": true, "AHEAD": true, "AGAINST": true, "UNLIKE": true, "LIKE": true, "ALONGSIDE": true, "TO": true}

// introEnd is the token after the comma closing a sentence-opening
// adverbial phrase that ends before the verb, else 0.
func (s *sent) introEnd(verb int) int {
	if len(s.toks) == 0 || !introWords[s.toks[0].w] {
		return 0
	}
	for k := 1; k < verb; k++ {
		if s.toks[k].w == "," {
			return k + 1
		}
	}
	return 0
}

// hasWords reports whether every word is a prefix of some sentence word
// (a cheap necessary condition for a pattern to match).
func (s *sent) hasWords(ws []string) bool {
	if s.sorted == nil {
		s.sorted = make([]string, len(s.toks))
		for i, t := range s.toks {
			s.sorted[i] = t.w
		}
		sort.Strings(s.sorted)
	}
	for _, w := range ws {
		i := sort.SearchStrings(s.sorted, w)
		if i >= len(s.sorted) || !strings.HasPrefix(s.sorted[i], w) {
			return false
		}
	}
	return true
}

// dropSelf removes events between a code and its own extension
// (RUS → RUSGOV): a country does not act on its own government.
func dropSelf(evs []Raw) []Raw {
	out := evs[:0]
	for _, e := range evs {
		if strings.HasPrefix(e.Target, e.Source) || strings.HasPrefix(e.Source, e.Target) {
			continue
		}
		out = append(out, e)
	}
	return out
}
