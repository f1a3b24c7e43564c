package event

import "strings"

// Reported speech ("X said Y helped Z", "X said the launch was a
// violation of Z"): the reported clause is a clause of its own, with the
// "that" or without it, and its subject is its own. The speaker is not
// the one who helped or violated: when the reported clause opens with a
// noun phrase that is no actor ("the launch"), its verbs get no source
// from the speaker. A pronoun subject ("X said it would ...") still
// refers back, so the speaker carries over.

// subjectKind is what opens a reported clause.
type subjectKind uint8

const (
	subjNone    subjectKind = iota // no subject: a preposition, an adverb, ...
	subjActor                      // an actor unit (or a resolved pronoun)
	subjPronoun                    // an unresolved pronoun: it refers back
	subjNoun                       // a noun phrase that is no actor
)

// reportedSubject reads the subject opening the clause at token i and
// returns its kind and the token after it.
func (s *sent) reportedSubject(i int) (subjectKind, int) {
	if i >= len(s.toks) {
		return subjNone, i
	}
	w := s.toks[i].w
	pron := s.spanKind(i) == kPronoun || w == "WE" || w == "I" || w == "YOU"
	if u := s.unitAt(i); u >= 0 && (!pron || s.extActors) {
		return subjActor, s.units[u].end // the understanding layer resolved the pronoun
	}
	if pron {
		return subjPronoun, i + 1
	}
	k := i
	if nounDeterminers[w] || w == "THIS" || quantifier(w) {
		k++
	}
	nouns := 0
	for ; k < len(s.toks) && k < i+8; k++ {
		if u := s.unitAt(k); u >= 0 {
			k = s.units[u].end - 1 // "the Russian military", "the government"
			nouns++
			continue
		}
		if nouns > 0 && subjectPreps[s.toks[k].w] && k+1 < len(s.toks) && (s.unitAt(k+1) >= 0 || s.nounWord(k+1) || nounDeterminers[s.toks[k+1].w]) {
			continue // "attacks on Mali", "the leader of the group"
		}
		if nounDeterminers[s.toks[k].w] && nouns > 0 && subjectPreps[s.toks[k-1].w] {
			continue
		}
		if !s.nounWord(k) || (nouns > 0 && edIng(s.toks[k].w)) {
			break // "attacks on Mali continued": an -ed word after the noun is its verb
		}
		nouns++
	}
	if nouns == 0 {
		return subjNone, i
	}
	return subjNoun, k
}

// thinkVerbs, like the speech verbs, take a clause without "that" ("it
// hoped French officials would be indicted").
var thinkVerbs = map[string]bool{"HOPED": true, "HOPES": true, "FEARED": true, "FEARS": true, "THINKS": true,
	"THOUGHT": true, "EXPECTS": true, "SUSPECTED": true, "SUSPECTS": true, "ASSERTED": true, "ACKNOWLEDGED": true,
	"ADMITTED": true, "SAYING": true}

// subjectPreps may join a prepositional phrase to a subject.
var subjectPreps = map[string]bool{"OF": true, "ON": true, "AGAINST": true, "IN": true, "FROM": true, "BY": true, "WITH": true}

// nounWord: token k can be part of a noun phrase: a modifier, a noun of
// the dictionaries, or a verb's spelling already read as a noun.
func (s *sent) nounWord(k int) bool {
	switch s.spanKind(k) {
	case kNoun, kAdj, kNumber:
		return true
	case kVerb:
		return s.nounAnchorAt(k) // "the strike", "the launch"
	case kNull:
		w := s.toks[k].w
		return s.modifier(k, true) || (plainNoun(w) && !adverbWords[w])
	}
	return false
}

// finiteAt reports whether token k, after a subject of kind sk (adverbs
// skipped), is a finite verb or auxiliary: what makes the words after a
// speech verb a clause and not its object ("announced new sanctions").
func (s *sent) finiteAt(k int, sk subjectKind) bool {
	for k < len(s.toks) && (adverb(s.toks[k].w) || adverbWords[s.toks[k].w] || timeAdverbs[s.toks[k].w]) {
		k++
	}
	if k >= len(s.toks) {
		return false
	}
	w := s.toks[k].w
	if finiteAux[w] || modalAux[w] || s.spanKind(k) == kAuxil {
		return true
	}
	if s.spanKind(k) == kVerb && !s.nounAnchorAt(k) {
		return sk != subjNoun || (participle(w) && !strings.HasSuffix(w, "ING"))
	}
	return s.spanKind(k) == kNull && !s.toks[k].cap && len(w) > 4 && strings.HasSuffix(w, "ED")
}

// timeAdverbs may stand between a subject and its verb.
var timeAdverbs = map[string]bool{"NEVER": true, "STILL": true, "NOW": true, "AGAIN": true, "THEN": true, "ONLY": true,
	"EVEN": true, "N'T": true, "LATER": true, "SOON": true, "ONCE": true}

// modalAux are auxiliaries finiteAux does not list.
var modalAux = map[string]bool{"MAY": true, "MIGHT": true, "MUST": true, "SHOULD": true, "SHALL": true, "DOES": true,
	"DO": true, "IS": true, "ARE": true, "CANNOT": true}

// auxOpens: clause cl opens (after adverbs) with an auxiliary, so it
// continues the subject of the clause before it ("... and was talking").
func (s *sent) auxOpens(cl [2]int) bool {
	k := cl[0]
	for k < cl[1] && (adverb(s.toks[k].w) || adverbWords[s.toks[k].w] || timeAdverbs[s.toks[k].w]) {
		k++
	}
	if k >= cl[1] {
		return false
	}
	w := s.toks[k].w
	return finiteAux[w] || modalAux[w] || s.spanKind(k) == kAuxil
}

// markSpeaker makes the subject of the speech verb before token verb
// (the first actor from lo) the subject of the reported clause opening
// at token at, whose subject is a pronoun: "Israel announced it would".
func (s *sent) markSpeaker(at, lo, verb int) {
	u := s.firstUnitIn(lo, verb)
	if u < 0 && lo >= verb {
		u = s.firstUnitIn(0, verb) // "X said A and that he ...": the sentence's speaker
	}
	if u < 0 {
		return
	}
	if s.speaker == nil {
		s.speaker = map[int]int{}
	}
	s.speaker[at] = u
}

// reportedOpen reports whether a reported clause without "that" opens at
// token i: a speech verb before it (not TOLD, whose object is the
// hearer), then a subject and a finite verb. own says the clause has its
// own subject (else a pronoun refers to the speaker).
func (s *sent) reportedOpen(i int) (ok, own bool) {
	if i == 0 || !s.opts.ReportedSpeech || s.toks[i-1].w == "TOLD" || !(speechVerbs[s.toks[i-1].w] || thinkVerbs[s.toks[i-1].w]) || (s.spanKind(i-1) != kVerb && s.spanKind(i-1) != kNull) {
		return false, false
	}
	sk, k := s.reportedSubject(i)
	if sk == subjNone || !s.finiteAt(k, sk) {
		return false, false
	}
	return true, sk != subjPronoun
}

// reportedThatSubject says whether the reported clause after "that" at
// token i-1 has a subject of its own (an actor or a noun phrase) and
// whether its subject is a pronoun (which refers to the speaker).
func (s *sent) reportedThatSubject(i int) (own, pronoun bool) {
	if !s.opts.ReportedSpeech {
		return false, false
	}
	sk, k := s.reportedSubject(i)
	if !s.finiteAt(k, sk) {
		return false, false
	}
	return sk == subjActor || sk == subjNoun, sk == subjPronoun
}

// coordinatedThat: "X said A and that B": a THAT right after a
// conjunction, once the sentence has had a reported clause.
func (s *sent) coordinatedThat(i int, reported bool) bool {
	return reported && s.opts.ReportedSpeech && s.toks[i].w == "THAT" && i > 0 && s.spanKind(i-1) == kConj
}

// nounAnchorAt: token k is a verb span a noun anchor (n:) took.
func (s *sent) nounAnchorAt(k int) bool {
	sp := s.tokSpan[k]
	return sp >= 0 && s.spans[sp].kind == kVerb && s.spans[sp].e.verb != nil && s.spans[sp].e.verb.Noun
}

// reportedCut closes the clause before token i and opens the reported
// clause at next (after "that", or at i): with a subject of its own it
// does not inherit the speaker; with a pronoun it takes the speaker.
func (s *sent) reportedCut(c *clauseCuts, i, next int) {
	lo := c.start
	c.cut(i, next)
	if !s.opts.ReportedSpeech {
		return // "It has been noted that ...": a cut, no speaker
	}
	if s.reportCut == nil {
		s.reportCut = map[int]bool{}
	}
	s.reportCut[i] = true
	own, pron := s.reportedThatSubject(next)
	switch {
	case own:
		if s.reportOwn == nil {
			s.reportOwn = map[int]bool{}
		}
		s.reportOwn[next] = true
	case pron:
		s.markSpeaker(next, lo, i)
	}
}

// widenReported gives a speech verb that ends its clause before a
// reported clause the rest of the sentence for its patterns ("X said Y
// was making progress", "X alleged that Y ..."), while the reported
// clause's own verbs keep their own subject. Its default target stays in
// its own clause: an actor of the reported clause is what was reported
// on, not whom the speaker addressed.
func (s *sent) widenReported(sp *span, cl [2]int) [2]int {
	end := sp.end
	if end < cl[1] && s.toks[end].w == "THAT" {
		end++
	}
	if end >= cl[1] && s.reportCut[cl[1]] {
		cl[1] = len(s.toks)
	}
	return cl
}
