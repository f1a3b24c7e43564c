package event

import "github.com/liaison-project/liaison/internal/extract/dict"

// carriedSubject is the subject a later clause inherits: an actor opening
// the clause (after a determiner) replaces the carried one, and a verbless
// first part of the sentence belongs to the subject phrase, so nothing is
// carried from it.
func (s *sent) carriedSubject(cl [2]int, subject int) int {
	st := cl[0]
	if st < cl[1] && s.spanKind(st) == kDeterm {
		st++
	}
	if u := s.firstUnitIn(st, st+1); u >= 0 {
		subject = u
	}
	if !s.hasVerb([2]int{0, cl[0]}) {
		subject = -1
	}
	return subject
}

// relativeSubject keeps the main clause's subject across a relative
// clause: entering one (relative is true) remembers the subject, or the
// noun phrase the relative clause interrupts (in prev), and the clause
// marked -2 after it resumes that subject.
func (s *sent) relativeSubject(cl, prev [2]int, ci, subject, mainSubject int) (subj, main int, relative bool) {
	ante, ok := s.relSubject[cl[0]]
	if !ok {
		return subject, mainSubject, false
	}
	if ante == -2 {
		return mainSubject, mainSubject, false
	}
	mainSubject = subject
	if mainSubject < 0 && ci > 0 {
		mainSubject = s.firstUnitIn(prev[0], prev[1])
	}
	return subject, mainSubject, true
}

// codeClause tries the verbs inside clause cl in order and returns their
// events with the subject they leave for later clauses. found reports a
// main (not subordinate) event; stop reports that a verb discarded the
// sentence or found it too complex, so that nothing in it is coded.
func (s *sent) codeClause(cl [2]int, ci, subject int, o *dict.Options) (out []Raw, subj int, found, stop bool) {
	for k := range s.spans {
		sp := &s.spans[k]
		if sp.kind != kVerb || sp.start < cl[0] || sp.end > cl[1] {
			continue
		}
		evs, src, ok := s.tryVerb(sp, cl, ci, subject, o)
		if s.discard || s.complex {
			return nil, subject, false, true
		}
		if !ok {
			continue
		}
		out = append(out, evs...)
		if src >= 0 {
			subject = src
		}
		if len(evs) > 0 && !evs[0].Sub {
			found = true
			if o.CodeBy != dict.ByAll {
				break
			}
		}
	}
	return out, subject, found, false
}
