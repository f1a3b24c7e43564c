package event

import (
	"strings"

	"github.com/liaison-project/liaison/internal/extract/dict"
)

// np.go: noun-phrase tests used when folding agents into actors.

// possessor finds a possessive actor ("Dagolath's") that owns the agent
// across at most three modifier words ("first Deputy", "awful and evil"):
// the noun phrase's head is the agent, so the agent belongs to the
// possessor, not to a name that follows it.
func (s *sent) possessor(acts []act, sp span) int {
	for a := range acts {
		e := acts[a].end
		if e >= sp.start || e < sp.start-3 || !strings.HasSuffix(s.toks[e-1].w, "'S") {
			continue
		}
		if s.modifiersOnly(e, sp.start) {
			return a
		}
	}
	return -1
}

// modifiersOnly reports whether tokens [from, to) are uncoded words that
// can modify a noun, with AND only between two of them.
func (s *sent) modifiersOnly(from, to int) bool {
	for k := from; k < to; k++ {
		w := s.toks[k].w
		switch s.spanKind(k) {
		case kNull, kAdj:
		case kConj:
			if w != "AND" || k == from || k == to-1 {
				return false
			}
		default:
			return false
		}
		if stopModifier[w] || !isWordTok(w) {
			return false
		}
	}
	return true
}

// stopModifier are uncoded words that end a modifier run.
var stopModifier = map[string]bool{"OF": true, "FOR": true, "TO": true, "IN": true, "ON": true, "AT": true, "WITH": true, "BY": true,
	"FROM": true, "THAT": true, "WHO": true, "WHICH": true, "SAID": true, "SAYS": true, "SAY": true}

func isWordTok(w string) bool {
	for _, r := range w {
		if (r < 'A' || r > 'Z') && r != '-' && r != '\'' {
			return false
		}
	}
	return w != ""
}

// adjectivalJoin reports whether tokens [a, b) join two adjectival actor
// members: AND or a comma alone, no determiner ("US and British", not
// "Japan and the Chinese").
func (s *sent) adjectivalJoin(a, b int) bool {
	if b <= a || b-a > 2 {
		return false
	}
	for k := a; k < b; k++ {
		if w := s.toks[k].w; w != "AND" && w != "," {
			return false
		}
	}
	return true
}

// agentOnly: every code is an agent without an actor ("---GOV").
func agentOnly(cs []string) bool {
	for _, c := range cs {
		if !strings.HasPrefix(c, dict.CodeNull) {
			return false
		}
	}
	return len(cs) > 0
}

// npStop are prepositions and clause words that end a new actor's noun
// phrase (OF continues it: "the Ministry of Magic").
var npStop = map[string]bool{"FOR": true, "TO": true, "WITH": true, "IN": true, "ON": true, "AT": true, "FROM": true,
	"BY": true, "ABOUT": true, "AGAINST": true, "OVER": true, "UNDER": true, "INTO": true, "DURING": true, "AFTER": true,
	"BEFORE": true, "SINCE": true, "THAT": true, "WHO": true, "WHICH": true, "OF": true}

// npWordAt: token k can be part of a new actor's noun phrase.
func (s *sent) npWordAt(k int) bool {
	switch s.spanKind(k) {
	case kNull, kNoun, kAdj, kDeterm:
	default:
		return false
	}
	w := s.toks[k].w
	return isWordTok(w) && !npStop[w] && !finiteAux[w] && !modals[w] && !notNoun[w]
}

// newActorBefore is the uncoded noun phrase ending right before token
// end (a verb's subject), as a new actor, or nil.
func (s *sent) newActorBefore(lo, end, limit int) *actorRef {
	st := end
	for st > lo && s.npWordAt(st-1) {
		st--
	}
	return s.newActor(st, end, limit)
}

// newActorAfter is the uncoded noun phrase after a verb (past one
// preposition), with OF joining its parts, as a new actor, or nil.
func (s *sent) newActorAfter(from, hi, limit int) *actorRef {
	k := from
	if k < hi && npStop[s.toks[k].w] {
		k++
	}
	st := k
	for k < hi && (s.npWordAt(k) || (s.toks[k].w == "OF" && k > st && k+1 < hi && s.npWordAt(k+1))) {
		k++
	}
	return s.newActor(st, k, limit)
}

// newActor codes tokens [st, end) as an actor not in the dictionary, its
// code the phrase's words in quotes (possessive endings dropped), as
// PETRARCH's new_actor_length does; phrases longer than limit are not
// actors.
func (s *sent) newActor(st, end, limit int) *actorRef {
	if end <= st || end-st > limit {
		return nil
	}
	ws := make([]string, 0, end-st)
	for k := st; k < end; k++ {
		ws = append(ws, strings.TrimSuffix(strings.TrimSuffix(s.toks[k].w, "'S"), "'"))
	}
	return &actorRef{u: -1, codes: []string{`"` + strings.Join(ws, " ") + `"`}, text: s.textOf(st, end)}
}

// loneAgents are the agents attached to no actor that stand as actors of
// their own: converted (TABARI CONVERT AGENTS) or agent-only ("---GOV")
// in PETRARCH conventions, in an attribution clause, or with
// AgentOnlyActors — except after OF, where they modify a noun.
func (s *sent) loneAgents(agents []int, attached map[int][]int, o *dict.Options) []act {
	var out []act
	for _, k := range agents {
		inAttr := s.attrStart >= 0 && s.spans[k].start >= s.attrStart
		alone := o.NullActors || o.AgentOnlyActors || inAttr
		if _, ok := attached[k]; ok || !(o.ConvertAgents || alone) || s.ofComplement(k, o) {
			continue
		}
		sp := s.spans[k]
		base := sp.codes
		if alone {
			base = []string{addAgent("---", sp.codes[0], false)}
		}
		out = append(out, act{start: sp.start, end: sp.end, base: base, src: sp.e.agent.Src})
	}
	return out
}

// externalActs are the understanding layer's actors that overlap none of
// the dictionary actors in acts, as acts the agents can attach to.
func (s *sent) externalActs(acts []act, o *dict.Options) []act {
	var out []act
	for i, e := range s.ext {
		if e.start < len(s.toks) && !s.overlapsActor(acts, e.start, e.end) {
			out = append(out, act{start: e.start, end: e.end, base: []string{s.sharedRole(i, o)}, src: "actor " + e.text})
		}
	}
	return out
}

// sharedRole is the code of external actor i, with the role of the next
// one when i is a bare country adjective joined to it by AND ("US and
// British activists": USAOPP, GBROPP), as DistributeAgents does for the
// dictionaries' own agents.
func (s *sent) sharedRole(i int, o *dict.Options) string {
	e := s.ext[i]
	if !o.DistributeAgents || len(e.code) != 3 || i+1 >= len(s.ext) || !adjectival(e.text) {
		return e.code
	}
	n := s.ext[i+1]
	if len(n.code) <= 3 || strings.HasPrefix(n.code, "IGO") || strings.HasPrefix(n.code, "NGO") || strings.HasPrefix(n.code, "IMG") ||
		!s.adjectivalJoin(e.end, n.start) || n.end-n.start < 2 {
		return e.code
	}
	return e.code + n.code[3:]
}

// adjectival: a country name used as a modifier (a demonym or an
// abbreviation such as US, UK).
func adjectival(text string) bool {
	if len(text) <= 3 && strings.ToUpper(text) == text {
		return true
	}
	for _, suf := range []string{"an", "ese", "ish", "i", "ch", "ic"} {
		if strings.HasSuffix(text, suf) {
			return true
		}
	}
	return false
}

// overlapsActor reports whether tokens [a,b) overlap one of acts.
func (s *sent) overlapsActor(acts []act, a, b int) bool {
	for _, x := range acts {
		if x.start < b && a < x.end {
			return true
		}
	}
	return false
}

// ofComplement: an agent-only noun phrase after OF modifies a noun ("the
// deployment of troops", "a group of officials") and is no actor — but
// after a number or quantifier OF is partitive and the phrase is the
// actor ("dozens of protesters", "two of the soldiers").
func (s *sent) ofComplement(k int, o *dict.Options) bool {
	st := s.spans[k].start
	if st > 0 && s.spanKind(st-1) == kDeterm {
		st-- // "hundreds of the protesters"
	}
	return o.AgentOnlyActors && !o.NullActors && st > 0 && s.toks[st-1].w == "OF" && (st < 2 || !quantifier(s.toks[st-2].w))
}

// quantWords are numbers and quantifiers that may open a noun phrase
// ("20 protesters", "several soldiers", "dozens of").
var quantWords = map[string]bool{"ONE": true, "TWO": true, "THREE": true, "FOUR": true, "FIVE": true, "SIX": true,
	"SEVEN": true, "EIGHT": true, "NINE": true, "TEN": true, "TWELVE": true, "TWENTY": true, "HUNDRED": true,
	"THOUSAND": true, "SEVERAL": true, "MANY": true, "SOME": true, "FEW": true, "NUMEROUS": true, "DOZENS": true,
	"HUNDREDS": true, "THOUSANDS": true, "ALL": true, "BOTH": true, "OTHER": true, "MORE": true, "TWO-DOZEN": true}

// quantifier reports whether w is a number or a quantifier.
func quantifier(w string) bool {
	if quantWords[w] {
		return true
	}
	if w == "" {
		return false
	}
	for _, r := range w {
		if (r < '0' || r > '9') && r != '.' && r != ',' {
			return false
		}
	}
	return true
}
