package event

import (
	"strings"

	"github.com/liaison-project/liaison/internal/extract/dict"
)

// pick.go: choosing a verb's pattern, and modality (intent, appeal,
// rejection, threat) coded at the CAMEO sub-code of the verb it governs.

// pickPattern tries the verb's patterns longest first (re-checking longer
// ones when a pattern with alternatives matched a shorter text) and falls
// back to the verb's own code; m holds the bindings of the match.
func (s *sent) pickPattern(m *matcher, sp *span, v *dict.Verb) (*dict.Pattern, dict.VerbCode, bool) {
	var pat *dict.Pattern
	var code dict.VerbCode
	var saved matcher
	actual := -1 // matched length of a pattern with alternatives
	req := s.c.req[v]
	tie := -1               // nominal length of a synonym-set match that a more specific equal pattern may beat
	var modal *dict.Pattern // a built-in modality that matched ("plans to")
	var modalM matcher
	for k := range v.Patterns {
		p := &v.Patterns[k]
		if p.Modal != "" {
			if modal == nil && (req == nil || s.hasWords(req[k])) && m.matchPattern(p.Elems, sp.start, sp.end) {
				modal, modalM = p, *m
			}
			continue
		}
		if actual >= 0 && p.Len() <= actual {
			break
		}
		if tie >= 0 && p.Len() < tie {
			break
		}
		if req != nil && !s.hasWords(req[k]) {
			continue // a literal word of the pattern is not in the sentence
		}
		if !m.matchPattern(p.Elems, sp.start, sp.end) {
			continue
		}
		if tie >= 0 && m.chars <= saved.chars {
			continue
		}
		pat, code, saved = p, p.Code, *m
		if s.opts.SpecificSynsets && hasSynset(p.Elems) {
			tie = p.Len() // "* &HYPERCURR" (AUSTRIAN GOLD FLORIN) over "* &CURRENCY" (AUSTRIAN FLORIN)
			continue
		}
		if !hasAlt(p.Elems) || m.chars >= p.Len() {
			break
		}
		actual = m.chars
	}
	if modal != nil && (pat != nil || modal.Code.Code != "") {
		return s.applyModal(m, v, modal, modalM, pat, saved)
	}
	if pat == nil {
		m.src, m.tgt, m.cmp = -1, -1, -1
		m.start, m.end = sp.start, sp.end
		return nil, v.Code, false
	}
	*m = saved
	return pat, code, explicitActors(pat)
}

// applyModal codes a verb phrase under a modality: the anchor's most
// specific pattern (or its default code) gives the event, the modality
// re-codes it (dict.ModalCode). A null/discard pattern stays what it is;
// without a specific pattern the modal pattern's own code stands.
func (s *sent) applyModal(m *matcher, v *dict.Verb, modal *dict.Pattern, modalM matcher, pat *dict.Pattern, saved matcher) (*dict.Pattern, dict.VerbCode, bool) {
	if pat == nil {
		*m = modalM
		return modal, modal.Code, false
	}
	*m = saved
	explicit := explicitActors(pat)
	if modal.Modal == dict.ModalAppeal { // the target of an appeal is the one appealed to
		*m, explicit = modalM, true
	}
	code := pat.Code
	switch pat.Code.Code {
	case dict.CodeNull, dict.CodeDiscard, dict.CodeComplex:
	default:
		if c := dict.ModalCode(modal.Modal, pat.Code.Code); c != "" {
			code = dict.VerbCode{Code: c}
		} else {
			code = modal.Code
		}
	}
	return pat, code, explicit
}

// deferToGoverned (InfinitiveDefers): a verb coded only by its default or
// by a residual modal code ("urged", "agreed") gives way to the verb of
// the TO-infinitive it governs when that verb's modality patterns code
// the pair ("urged China to supply arms" = 0232). A pattern that names
// the governed verb stands ("hoping to host").
func (s *sent) deferToGoverned(pat *dict.Pattern, code dict.VerbCode, m *matcher, sp *span, cl [2]int, ci, subject int, o *dict.Options) ([]Raw, int, bool) {
	if !o.InfinitiveDefers || (pat != nil && !residualModal(code.Code)) {
		return nil, -1, false
	}
	g := s.governedVerb(sp, cl)
	if g == nil || g == sp || (pat != nil && m.end > g.start) {
		return nil, -1, false
	}
	if evs, src, ok := s.tryVerb(g, cl, ci, subject, o); ok && len(evs) > 0 && modalKindCode(evs[0].Code) {
		return evs, src, true
	}
	return nil, -1, false
}

// explicitActors reports whether a pattern binds a source or target.
func explicitActors(pat *dict.Pattern) bool {
	for _, e := range pat.Elems {
		if isActorElem(e.Kind) && e.Kind != dict.KSkip {
			return true
		}
	}
	return false
}

// modalKindCode: an appeal, intent, rejection or threat code.
func modalKindCode(c string) bool {
	return strings.HasPrefix(c, "02") || strings.HasPrefix(c, "03") || strings.HasPrefix(c, "12") || strings.HasPrefix(c, "13")
}

// residualModal: the unspecific code of a modality (020, 030, 120, 130).
func residualModal(c string) bool {
	return len(c) == 3 && c[2] == '0' && modalKindCode(c)
}

// governedVerb is the dictionary verb of the TO-infinitive that the verb
// at sp governs within its clause, past at most a few plain words and
// actors ("urged China to supply", "plans to visit"); nil if none.
func (s *sent) governedVerb(sp *span, cl [2]int) *span {
	for k, n := sp.end, 0; k+1 < cl[1] && n < 6; k, n = k+1, n+1 {
		if s.toks[k].w == "TO" {
			if s.spanKind(k+1) == kVerb {
				return &s.spans[s.tokSpan[k+1]]
			}
			return nil
		}
		switch s.spanKind(k) {
		case kVerb, kConj:
			return nil
		}
		if s.toks[k].w == "," {
			return nil
		}
	}
	return nil
}
