package event

import (
	"strings"

	"github.com/liaison-project/liaison/internal/extract/dict"
)

// voice.go: negation and passive voice around a verb.

// passive: WAS/WERE/BEEN one or two words before the verb and BY right
// after it (or, with PassiveNoBy, any "was <participle>").
func (s *sent) passive(sp *span, o *dict.Options) bool {
	by := sp.end < len(s.toks) && s.toks[sp.end].w == "BY"
	if !by && sp.end+1 < len(s.toks) && s.toks[sp.end+1].w == "BY" && s.spanKind(sp.end) == kNull {
		by = true // one modifier between: "was opposed earlier by"
	}
	if by {
		for k := sp.start - 1; k >= 0 && k >= sp.start-2; k-- {
			if s.spanKind(k) == kAuxil {
				return true
			}
		}
		return false
	}
	if !o.PassiveNoBy || !participle(s.toks[sp.start].w) || s.raising(sp.end) {
		return false
	}
	for k := sp.start - 1; k >= 0 && k >= sp.start-4; k-- {
		switch w := s.toks[k].w; {
		case s.spanKind(k) == kAuxil || w == "IS" || w == "ARE" || w == "BEING" || w == "BE":
			return true
		case s.spanKind(k) != kNull || w == ",":
			return false
		}
	}
	return false
}

// raising: the participle governs a TO-infinitive ("is scheduled to
// attend", "was expected to visit"): its subject is the infinitive's
// agent, not a passive's patient.
func (s *sent) raising(i int) bool {
	if i+1 >= len(s.toks) || s.toks[i].w != "TO" {
		return false
	}
	switch k := s.spanKind(i + 1); {
	case k == kVerb:
		return true
	case k != kNull:
		return false
	}
	switch s.toks[i+1].w {
	case "THE", "A", "AN", "ITS", "THEIR", "HIS", "HER", "THIS", "THAT", "THESE", "THOSE", "SOME", "ALL":
		return false
	}
	return !s.toks[i+1].cap
}

// placePrep: the actor at token i follows a preposition of direction
// (skipping THE), so it cannot be a passive verb's agent ("was
// extradited to X"; "shot in X" and "expelled from X" may name it).
func (s *sent) placePrep(i int) bool {
	k := i - 1
	if k >= 0 && s.toks[k].w == "THE" {
		k--
	}
	if k < 0 {
		return false
	}
	switch s.toks[k].w {
	case "TO", "INTO", "TOWARD", "TOWARDS":
		return true
	}
	return false
}

func participle(w string) bool {
	return strings.HasSuffix(w, "ED") || strings.HasSuffix(w, "EN") || strings.HasSuffix(w, "WN") || strings.HasSuffix(w, "NE") || w == "HELD" || w == "SHOT" || w == "HIT" || w == "KEPT" || w == "LEFT" || w == "MET" || w == "SENT" || w == "BUILT" || w == "CAUGHT" || w == "FOUGHT" || w == "SOUGHT" || w == "BROUGHT" || w == "TOLD" || w == "SOLD" || w == "PUT" || w == "SET" || w == "CUT"
}

var negWords = map[string]bool{"NOT": true, "N'T": true, "NEVER": true, "DIDN'T": true, "DOESN'T": true, "WON'T": true, "CAN'T": true, "WOULDN'T": true, "HASN'T": true, "HAVEN'T": true, "ISN'T": true, "WASN'T": true, "NO": true, "REFUSED": true, "DECLINED": true}

// negated: a negation within three words before the verb, in the clause,
// not beyond an infinitive's TO.
func (s *sent) negated(v, lo int) bool {
	for k := v - 1; k >= lo && k >= v-3; k-- {
		if negWords[s.toks[k].w] {
			return true
		}
		if s.toks[k].w == "TO" {
			break // "won't try to clash": the negation is try's
		}
		if s.spanKind(k) == kActor {
			break
		}
	}
	return false
}

// modals head a verb group without being its event.
var modals = map[string]bool{"SHOULD": true, "WOULD": true, "COULD": true, "MIGHT": true, "MUST": true, "MAY": true,
	"CAN": true, "SHALL": true, "WILL": true}

// modalBeforeVerb: the span is a lone modal followed, across auxiliaries,
// negation and adverbs, by another dictionary verb.
func (s *sent) modalBeforeVerb(sp *span) bool {
	if sp.end-sp.start != 1 || !modals[s.toks[sp.start].w] {
		return false
	}
	for k := sp.end; k < len(s.toks) && k <= sp.end+3; k++ {
		if s.spanKind(k) == kVerb {
			return true
		}
		w := s.toks[k].w
		if w != "HAVE" && w != "BE" && w != "BEEN" && w != "NOT" && w != "N'T" && !strings.HasSuffix(w, "LY") {
			return false
		}
	}
	return false
}
