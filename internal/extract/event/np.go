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
