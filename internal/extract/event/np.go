package event

import "strings"

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
