package quote

import (
	"sort"
	"strings"
)

// sentSubject reads the grammatical subject of a sentence from its words
// before any quote: the first comma-separated run that is not an opener
// ("On Sunday", "When asked …", "Meanwhile"). A later "he said" most
// likely continues the subject of a recent sentence, whatever its verb
// ("Sanders wasn't impressed. “…” he noted."), rather than a person named
// as its object. The subject is kept when it is he/she (a link back), a
// person mention (titles may stand before it: "Vermont Sen. Bernie
// Sanders"), a role phrase naming a titled person ("the former Mexican
// president") or an unknown name opening with a known first name.
func (f *finder) sentSubject(ts []tok, si int) (cue, bool) {
	hi := len(ts)
	for k, t := range ts {
		if t.punct == '"' || t.punct == '“' || t.punct == '”' {
			hi = k
			break
		}
	}
	lo := datelineEnd(ts[:hi])
	for tries := 0; tries < 4 && lo < hi; tries++ {
		e := lo
		for e < hi && (ts[e].punct == 0 || abbrevDot(ts, e) || inWord(ts, e)) {
			e++
		}
		run := ts[lo:e]
		lo = e + 1
		if len(run) > 1 && introWords[run[0].low] {
			run = run[1:] // "But the former Mexican president didn't …"
		}
		if len(run) == 0 || intro(run) || subordinators[run[0].low] || preps[run[0].low] || introWords[run[0].low] {
			continue
		}
		return f.subjectOf(run, si)
	}
	return cue{}, false
}

// datelineEnd returns where a sentence's text starts after a dateline
// ("WASHINGTON (AP) —"): the token after a dash among its first words when
// only capitals stand before it, else 0.
func datelineEnd(ts []tok) int {
	for k := 0; k < len(ts) && k < 8; k++ {
		if dashes[ts[k].punct] {
			return k + 1
		}
		if ts[k].punct == 0 && !ts[k].caps {
			return 0
		}
	}
	return 0
}

// subjectOf classifies the subject run of sentence si (see sentSubject).
func (f *finder) subjectOf(run []tok, si int) (cue, bool) {
	at := run[0].start
	if low := run[0].low; low == "he" || low == "she" {
		return cue{at: at, sent: si, sp: speaker{name: low}, pron: true}, true
	}
	for i := f.actorsBefore(at); i < len(f.actors) && i < f.actorsBefore(at)+maxLookBack; i++ {
		m := f.actors[i]
		k := tokenAt(run, m.Start)
		if k < 0 || k > 5 {
			break
		}
		if !titledRun(run[:k]) {
			break
		}
		if m.Kind != "person" || pronouns[strings.ToLower(m.Text)] {
			continue
		}
		return cue{at: at, sent: si, sp: speaker{name: name(m), code: m.Code, kind: m.Kind, via: "subj"}}, true
	}
	if run[0].low == "the" {
		for k := 1; k < len(run) && k <= 4; k++ {
			if roleTitles[run[k].low] {
				if sp, ok := f.titled(run[:k+1], at); ok {
					sp.via = "subj-titled"
					return cue{at: at, sent: si, sp: sp}, true
				}
				break
			}
		}
		return cue{}, false
	}
	head := nameHead(run[:min(len(run), 4)])
	if len(head) >= 2 && len(head) <= 3 && len(head) < len(run) && phraseKind(head) == "person" && nameGender(head[0].low) != 0 {
		return cue{at: at, sent: si, sp: speaker{name: string(f.r[head[0].start:head[len(head)-1].end]), kind: "person", via: "subj-name"}}, true
	}
	return cue{}, false
}

// tokenAt returns the index of the token of run starting at off, or -1
// (also when off lies past the run).
func tokenAt(run []tok, off int) int {
	for k, t := range run {
		if t.start == off {
			return k
		}
		if t.start > off {
			return -1
		}
	}
	return -1
}

// titledRun reports whether the words before a name in a subject run are
// only its titles ("Vermont Sen.", "former Secretary of State").
func titledRun(ts []tok) bool {
	for _, t := range ts {
		if t.punct != 0 && t.punct != '.' || t.punct == 0 && !t.upper && !nameLinks[t.low] && !genderless[t.low] {
			return false
		}
	}
	return true
}

// subjBefore returns the latest sentence subject before off, or -1.
func (f *finder) subjBefore(off int) int {
	return sort.Search(len(f.subjs), func(i int) bool { return f.subjs[i].at >= off }) - 1
}

// subjectCandidate is pronounDepth's look at sentence subjects: the latest
// subject before at, in sentence spSent or later, that p fits, following a
// he/she subject back. It reports the speaker and its sentence.
func (f *finder) subjectCandidate(p string, at, qs, spSent, depth int) (speaker, int, bool) {
	person := p == "he" || p == "she" || p == "i"
	for i, n := f.subjBefore(at), 0; i >= 0 && n < maxLookBack && f.subjs[i].sent >= qs-maxBackSentences && f.subjs[i].sent >= spSent; i, n = i-1, n+1 {
		c := f.subjs[i]
		if c.pron {
			if c.sp.name != p || depth >= maxPronounLinks {
				continue
			}
			if r := f.pronounDepth(p, c.at, depth+1); r.name != p {
				r.via = "schain-" + r.via
				return r, c.sent, true
			}
			return speaker{}, 0, false
		}
		if f.fits(p, c.sp.name) && (!person || personLike(c.sp)) {
			return c.sp, c.sent, true
		}
	}
	return speaker{}, 0, false
}
