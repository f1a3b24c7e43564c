package event

import (
	"strings"

	"github.com/liaison-project/liaison/internal/extract/dict"
)

// eliminateCommas drops comma-delimited nonrestrictive clauses whose
// length is within the options' bounds, then compacts the sentence.
func (s *sent) eliminateCommas(o *dict.Options) {
	n := len(s.toks)
	s.active = make([]bool, n)
	for i := range s.active {
		s.active[i] = true
	}
	if o.DropAttribution && s.attrStart < 0 {
		s.dropAttribution()
	}
	if o.CommaOff {
		return
	}
	inUnit := make([]bool, n)
	for _, u := range s.units {
		for k := u.start; k < u.end && k < n; k++ {
			inUnit[k] = true
		}
	}
	var cs []int
	for i, t := range s.toks {
		if t.w == "," && !inUnit[i] {
			cs = append(cs, i)
		}
	}
	if len(cs) == 0 {
		return
	}
	off := func(a, b int) {
		for k := a; k < b && k < n; k++ {
			s.active[k] = false
		}
	}
	if w := cs[0]; w > o.CommaBMin && w <= o.CommaBMax {
		off(0, cs[0]+1)
	}
	consumed := false // the last comma closed an eliminated phrase
	for k := 0; k+1 < len(cs); k++ {
		consumed = false
		if w := cs[k+1] - cs[k] - 1; w > o.CommaMin && w <= o.CommaMax {
			off(cs[k], cs[k+1]+1)
			consumed = true
		}
	}
	last := cs[len(cs)-1]
	if w := n - last - 1; !consumed && w > o.CommaEMin && w <= o.CommaEMax && s.attrStart != last+1 {
		off(last, n)
	}
}

// compact removes inactive words, remapping spans and units.
func (s *sent) compact() {
	n := len(s.toks)
	pos := make([]int, n+1)
	var toks []tok
	for i := 0; i < n; i++ {
		pos[i] = -1
		if s.active[i] {
			pos[i] = len(toks)
			toks = append(toks, s.toks[i])
		}
	}
	pos[n] = len(toks)
	if s.attrStart >= 0 && s.attrStart < n {
		s.attrTok = pos[s.attrStart]
	}
	remap := func(a, b int) (int, int, bool) {
		if a >= n || pos[a] < 0 || b < 1 || pos[b-1] < 0 {
			return 0, 0, false
		}
		return pos[a], pos[b-1] + 1, true
	}
	var spans []span
	tokSpan := make([]int, len(toks))
	for i := range tokSpan {
		tokSpan[i] = -1
	}
	for _, sp := range s.spans {
		a, b, ok := remap(sp.start, sp.end)
		if !ok {
			continue
		}
		sp.start, sp.end = a, b
		for k := a; k < b; k++ {
			tokSpan[k] = len(spans)
		}
		spans = append(spans, sp)
	}
	var units []unit
	for _, u := range s.units {
		a, b, ok := remap(u.start, u.end)
		if !ok {
			continue
		}
		u.start, u.end = a, b
		units = append(units, u)
	}
	s.toks, s.spans, s.tokSpan, s.units = toks, spans, tokSpan, units
	s.active = nil
}

// clauses splits the sentence at conjunctions that are not inside an
// actor unit, a compound noun phrase or a compound adjective phrase.
func (s *sent) clauses() [][2]int {
	inUnit := s.unitMask()
	var c clauseCuts
	reported := false
	for i := 0; i < len(s.toks); i++ {
		if s.opts.RelativeClauses && i > c.start {
			if end, ok := s.cutRelative(&c, i, inUnit); ok {
				i = end - 1
				continue
			}
		}
		if i == s.attrTok && i > c.start {
			c.cut(i, i)
			s.markOwnSubject(i)
		}
		if s.reportedThat(i, c.start) || s.coordinatedThat(i, reported) {
			s.reportedCut(&c, i, i+1)
			reported = true
			continue
		}
		if ok, _ := s.reportedOpen(i); ok && !inUnit[i-1] {
			s.reportedCut(&c, i, i)
			reported = true
		}
		if s.opts.Subordinate && !inUnit[i] && s.subordinator(i) {
			c.cut(i, i+1)
			s.markOwnSubject(i + 1)
			continue
		}
		if s.spanKind(i) != kConj || inUnit[i] || s.nounCompound(i) {
			continue
		}
		c.cut(i, i+1)
	}
	if c.start < len(s.toks) {
		c.out = append(c.out, [2]int{c.start, len(s.toks)})
	}
	return c.out
}

// clauseCuts accumulates the clauses while clauses scans the sentence:
// the clauses so far and where the open one starts.
type clauseCuts struct {
	out   [][2]int
	start int
}

// cut closes the open clause before token i (if it has any tokens) and
// opens the next one at next, which skips the splitting word when it
// belongs to neither clause.
func (c *clauseCuts) cut(i, next int) {
	if i > c.start {
		c.out = append(c.out, [2]int{c.start, i})
	}
	c.start = next
}

// unitMask marks the tokens inside actor units, where no clause may
// be split.
func (s *sent) unitMask() []bool {
	inUnit := make([]bool, len(s.toks))
	for _, u := range s.units {
		for k := u.start; k < u.end; k++ {
			inUnit[k] = true
		}
	}
	return inUnit
}

// cutRelative splits off a relative clause opening at token i, making it a
// clause of its own whose subject is its antecedent, with the main clause
// resuming after it; it returns where the main clause resumes.
func (s *sent) cutRelative(c *clauseCuts, i int, inUnit []bool) (int, bool) {
	ante, end, ok := s.relative(i, inUnit)
	if !ok {
		return 0, false
	}
	c.out = append(c.out, [2]int{c.start, i})
	if i+1 < end {
		c.out = append(c.out, [2]int{i + 1, end})
	}
	s.setRelSubject(i+1, ante)
	s.setRelSubject(end, -2) // resume the main clause
	c.start = end
	return end, true
}

// reportedThat tells whether token i is the THAT of "X said that Y ..."
// (with reported speech on), or always of "It has been noted that Y ...":
// the reported clause has its own subject. start is the open clause's.
func (s *sent) reportedThat(i, start int) bool {
	return s.toks[i].w == "THAT" && i > 0 && speechVerbs[s.toks[i-1].w] && (s.opts.ReportedSpeech || s.expletive(start))
}

// markOwnSubject records that the clause starting at tok opens a
// subordinate clause, which does not inherit the subject before it.
func (s *sent) markOwnSubject(tok int) {
	if s.ownSubject == nil {
		s.ownSubject = map[int]bool{}
	}
	s.ownSubject[tok] = true
}

// nounCompound: <noun> CONJ <adj>* <noun>, <adj> CONJ <adj>, or
// <adverb> CONJ <adverb>.
func (s *sent) nounCompound(i int) bool {
	if i == 0 || i+1 >= len(s.toks) {
		return false
	}
	before := s.spanKind(i - 1)
	if before == kNull && s.spanKind(i+1) == kNull && adverb(s.toks[i-1].w) && adverb(s.toks[i+1].w) {
		return true // "heavily and unjustly criticized"
	}
	j := i + 1
	for j < len(s.toks) && s.spanKind(j) == kAdj {
		j++
	}
	if before == kAdj && s.spanKind(i+1) == kAdj {
		return true
	}
	if before == kNull && s.spanKind(i+1) == kNull && plainNoun(s.toks[i-1].w) && plainNoun(s.toks[i+1].w) {
		return true // "death and injury toll": two uncoded nouns
	}
	return before == kNoun && j < len(s.toks) && s.spanKind(j) == kNoun
}

// notNoun are particles, adverbs and other closed-class words that never
// head a noun phrase.
var notNoun = map[string]bool{"THEN": true, "OUT": true, "OFF": true, "DOWN": true, "AWAY": true, "BACK": true, "ALSO": true,
	"LATER": true, "NOW": true, "AGAIN": true, "STILL": true, "THERE": true, "HERE": true, "TOO": true, "SOON": true,
	"TODAY": true, "YESTERDAY": true, "TOMORROW": true, "THUS": true, "THEREFORE": true, "HOWEVER": true, "NOT": true,
	"N'T": true, "NEVER": true, "ONLY": true, "EVEN": true, "JUST": true, "THIS": true, "THAT": true, "THESE": true,
	"THOSE": true, "SHOULD": true, "MAY": true, "MIGHT": true, "MUST": true, "SHALL": true, "ARE": true, "BEEN": true,
	"BEING": true, "DOES": true, "YET": true, "ONCE": true, "TWICE": true, "THEM": true, "ITS": true, "THEIR": true,
	"HIS": true, "HER": true, "OUR": true, "YOUR": true, "ALL": true, "SOME": true, "ANY": true, "EACH": true}

// plainNoun: an uncoded word that can be a noun: not a function word, an
// auxiliary, an adverb, or a past-tense or participle verb form.
func plainNoun(w string) bool {
	if !isWordTok(w) || len(w) < 3 || stopModifier[w] || finiteAux[w] || subordAlways[w] || subordClause[w] || notNoun[w] {
		return false
	}
	for _, suf := range []string{"ED", "LY", "ING", "'S"} {
		if strings.HasSuffix(w, suf) {
			return false
		}
	}
	return true
}

// speechVerbs introduce reported speech: "X said that Y ...".
var speechVerbs = map[string]bool{"SAID": true, "SAYS": true, "SAY": true, "ANNOUNCED": true, "CLAIMED": true, "CLAIMS": true,
	"NOTED": true, "REPORTED": true, "STATED": true, "ADDED": true, "DECLARED": true, "BELIEVES": true, "BELIEVED": true,
	"INSISTED": true, "ARGUED": true, "WARNED": true, "CONFIRMED": true, "DENIED": true, "ALLEGED": true, "TOLD": true, "REVEALED": true}

var (
	subordAlways = map[string]bool{"WHILE": true, "WHEN": true, "BECAUSE": true, "ALTHOUGH": true, "THOUGH": true,
		"UNLESS": true, "WHEREAS": true, "IF": true}
	subordClause = map[string]bool{"AFTER": true, "BEFORE": true, "SINCE": true, "UNTIL": true, "AS": true}
	finiteAux    = map[string]bool{"WAS": true, "WERE": true, "IS": true, "ARE": true, "HAD": true, "HAS": true, "HAVE": true,
		"WILL": true, "WOULD": true, "CAN": true, "COULD": true, "DID": true}
)

// verblessOpener words after WHILE/WHEN/IF start a verbless phrase that
// stays in the clause around it.
var verblessOpener = map[string]bool{"IN": true, "ON": true, "AT": true, "UNDER": true, "DURING": true, "ABROAD": true,
	"NECESSARY": true, "POSSIBLE": true, "NEEDED": true}

// subordinator: a word that opens a subordinate clause here (AFTER etc.
// only when a finite auxiliary follows within four words, or an actor
// and its verb: "hours after North Korea said").
func (s *sent) subordinator(i int) bool {
	w := s.toks[i].w
	if subordAlways[w] {
		// "while in detention", "when in doubt": a verbless phrase, not a clause
		return i > 0 && (i+1 >= len(s.toks) || !verblessOpener[s.toks[i+1].w])
	}
	if !subordClause[w] {
		return false
	}
	for k := i + 1; k < len(s.toks) && k <= i+4; k++ {
		if finiteAux[s.toks[k].w] {
			return true
		}
		if s.toks[k].w == "," || s.spanKind(k) == kConj {
			return false
		}
	}
	sk, k := s.reportedSubject(i + 1)
	return sk == subjActor && s.finiteAt(k, sk)
}

// dropAttribution deactivates a short closing ", X said ..." clause.
func (s *sent) dropAttribution() {
	n := len(s.toks)
	last := -1
	for i := n - 1; i >= 0 && i >= n-13; i-- {
		if s.toks[i].w == "," {
			last = i
			break
		}
	}
	if last < 1 {
		return
	}
	for _, u := range s.units {
		if u.start <= last && last < u.end {
			return // a comma inside a compound actor
		}
	}
	for k := last + 1; k < n; k++ {
		if attributionVerbs[s.toks[k].w] {
			for j := last; j < n; j++ {
				s.active[j] = false
			}
			return
		}
	}
}

var attributionVerbs = map[string]bool{"SAID": true, "SAYS": true, "REPORTED": true, "TOLD": true, "ANNOUNCED": true,
	"ADDED": true, "STATED": true, "REPORTS": true, "QUOTED": true, "CITED": true}

// attributionStart finds a closing ", X said ..." segment (token after its
// comma), or -1.
func (s *sent) attributionStart() int {
	n := len(s.toks)
	for i := n - 1; i >= 1 && i >= n-13; i-- {
		if s.toks[i].w != "," {
			continue
		}
		for k := i + 1; k < n; k++ {
			if attributionVerbs[s.toks[k].w] {
				return i + 1
			}
		}
		return -1
	}
	return -1
}

// relative finds a relative clause opened at token i ("..., which have
// resisted ...", "a woman who shot at ...", "the group that has seized
// ..."): ante is the actor unit it describes (-1 if none) and end the
// token where the main clause resumes. The relative clause is coded with
// ante as its subject, and it supplies no actors to the main clause.
func (s *sent) relative(i int, inUnit []bool) (ante, end int, ok bool) {
	if i == 0 || i+1 >= len(s.toks) || inUnit[i] {
		return 0, 0, false
	}
	switch s.toks[i].w {
	case "WHO", "WHICH":
	case "THAT":
		next := s.toks[i+1].w
		prev := s.toks[i-1].w
		if !(finiteAux[next] || s.spanKind(i+1) == kVerb) || speechVerbs[prev] || s.spanKind(i-1) == kVerb {
			return 0, 0, false
		}
		if !inUnit[i-1] && s.spanKind(i-1) != kAgent {
			return 0, 0, false
		}
	default:
		return 0, 0, false
	}
	ante = -1
	for k, u := range s.units {
		if u.end == i || (u.end == i-1 && s.toks[i-1].w == ",") {
			ante = k
		}
	}
	return ante, s.relativeEnd(i), true
}

// relativeEnd: after the relative clause's own verb group, the clause
// ends at a comma, BUT, or a finite verb that follows a noun (the main
// clause's verb: "a woman who shot at officers ... was extradited").
func (s *sent) relativeEnd(i int) int {
	n := len(s.toks)
	isVerb := func(k int) bool { return s.spanKind(k) == kVerb || finiteAux[s.toks[k].w] }
	v := -1
	for k := i + 1; k < n; k++ {
		if s.toks[k].w == "," {
			return k
		}
		if isVerb(k) {
			v = k
			break
		}
	}
	if v < 0 {
		return n
	}
	for v+1 < n && (isVerb(v+1) || s.toks[v+1].w == "BEEN" || s.toks[v+1].w == "BE" || s.toks[v+1].w == "NOT") {
		v++
	}
	for k := v + 1; k < n; k++ {
		w := s.toks[k].w
		if w == "," || w == "BUT" {
			return k
		}
		if isVerb(k) && !isVerb(k-1) && s.toks[k-1].w != "TO" && (s.spanKind(k-1) == kNull || s.spanKind(k-1) == kActor || s.spanKind(k-1) == kAgent || s.spanKind(k-1) == kNoun) {
			return k
		}
	}
	return n
}

func (s *sent) setRelSubject(at, ante int) {
	if s.relSubject == nil {
		s.relSubject = map[int]int{}
	}
	s.relSubject[at] = ante
}

// adverb: an -LY word (not ITALY/JULY-like short words).
func adverb(w string) bool { return len(w) > 4 && strings.HasSuffix(w, "LY") }
