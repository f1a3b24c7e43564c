package quote

import (
	"sort"
	"strings"
	"unicode"
)

// cue is the subject of a speech verb outside quotes ("Angelique Brunner,
// a developer, said many …"): a speaker a later "she said" may stand for,
// even when the actor finder does not know the name.
type cue struct {
	at, sent int
	sp       speaker
	pron     bool // the subject is "he" or "she", in sp.name
}

// cueSubjects collects the named subjects of speech verbs outside quotes
// and every sentence's own subject (see sentSubject), one pass over the
// sentences (each sentence's tokens are read once).
func (f *finder) cueSubjects() (out, subjs []cue) {
	for si, s := range f.sents {
		if s.End-s.Start > 4*maxWindow {
			continue // a huge unpunctuated stretch holds no usable cue
		}
		ts := f.tokens(s.Start, min(s.End, len(f.r)))
		if c, ok := f.sentSubject(ts, si); ok {
			subjs = append(subjs, c)
		}
		lo := 0
		for v, t := range ts {
			if t.punct == '"' || t.punct == '“' || t.punct == '”' {
				lo = v + 1
				continue
			}
			if t.punct != 0 || !cueVerbs[t.low] || !verbAt(ts, v) && speechVerbs[t.low] || v-lo > 60 || f.quoted(t.start) {
				continue
			}
			np := trimLower(subjectBefore(ts[lo:v]))
			if len(np) == 1 && (np[0].low == "he" || np[0].low == "she") {
				// "he argued": the same person as the last "he", resolved
				// when a quote needs it.
				out = append(out, cue{at: t.start, sent: si, sp: speaker{name: np[0].low}, pron: true})
				continue
			}
			if len(np) == 0 || pronouns[np[0].low] || !plausible(np) || !np[0].upper {
				continue
			}
			out = append(out, cue{at: t.start, sent: si, sp: f.resolve(np, t.start)})
		}
	}
	return out, subjs
}

// cueBefore returns the latest cue subject before off, or -1.
func (f *finder) cueBefore(off int) int {
	return sort.Search(len(f.cues), func(i int) bool { return f.cues[i].at >= off }) - 1
}

// leadIn finds the speaker of a cue-less quote opening the sentence after
// si in the same paragraph: the subject of a speech verb in sentence si,
// else its first person (not in a prepositional phrase or a quote).
func (f *finder) leadIn(si, open int, out *speaker) bool {
	if si < 0 || si >= len(f.sents) || open-f.sents[si].End > 3 {
		return false // another paragraph, or text between
	}
	for i := f.sents[si].End; i < open; i++ {
		if f.r[i] == '\n' {
			return false
		}
	}
	if i := f.cueBefore(f.sents[si].End); i >= 0 && f.cues[i].sent == si && !f.cues[i].pron {
		*out = f.cues[i].sp
		out.via = "cue"
		return true
	}
	for i, n := f.actorsBefore(f.sents[si].Start), 0; i < len(f.actors) && n < maxLookBack && f.actors[i].Start < f.sents[si].End; i, n = i+1, n+1 {
		m := f.actors[i]
		if m.Kind != "person" || pronouns[strings.ToLower(m.Text)] || f.quoted(m.Start) || f.afterPrep(m.Start) {
			continue
		}
		*out = speaker{name: name(m), code: m.Code, kind: m.Kind, via: "person"}
		return true
	}
	return false
}

// pronoun resolves "he said" to the most recent fitting candidate: the
// subject of a speech verb, the speaker of the last quote, or the first
// person (not in a prepositional phrase) of the nearest sentence naming
// one; the latest sentence wins, a speech-verb subject on a tie. Gender
// comes from titles, first names and earlier pronoun links.
func (f *finder) pronoun(p string, at int) speaker {
	sp := f.pronounDepth(p, at, 0)
	sp.via = "pron-" + p + "-" + sp.via
	sp.weak = sp.weak || f.weakPronoun(p, at, sp)
	return sp
}

// weakPronoun reports whether a pronoun's resolution is too weak to
// report (chosen on the PolNeAR train split, see notes2-quotes): "it" and
// "i" (a narrator or a thing), no antecedent at all, or an antecedent that
// is only a mention (not a speaker, not a speech verb's subject) two or
// more sentences back or with a rival person of the same gender in its
// sentence or the next. (pronounDepth also marks a resolution weak when
// the latest sentence subject is someone else.)
func (f *finder) weakPronoun(p string, at int, sp speaker) bool {
	via := strings.TrimSuffix(sp.via, "-subj") // "-subj": a sentence subject agrees
	switch {
	case p == "it" || p == "i" || sp.name == p:
		return true
	case strings.HasSuffix(via, "farmention"):
		return true
	case strings.HasSuffix(via, "mention"):
		return f.rivals(p, at, sp.name) > 0
	}
	return false
}

// rivals counts the other people a pronoun at off could stand for: persons
// of a fitting gender, not in a quote, named in its sentence or the one
// before it under another name than the chosen one.
func (f *finder) rivals(p string, at int, chosen string) int {
	qs := f.sentence(at)
	g := byte('m')
	if p == "she" {
		g = 'f'
	}
	sure := f.gender(chosen) == g
	n := 0
	for i, k := f.actorsBefore(at)-1, 0; i >= 0 && k < maxLookBack && f.actors[i].Sentence >= qs-rivalSentences; i, k = i-1, k+1 {
		m := f.actors[i]
		if m.Kind != "person" || pronouns[strings.ToLower(m.Text)] || f.quoted(m.Start) || !f.fits(p, name(m)) ||
			name(m) == chosen || strings.Contains(chosen, name(m)) || strings.Contains(name(m), chosen) {
			continue
		}
		if !sure || f.gender(name(m)) == g {
			n++ // a rival as likely as the chosen one
		}
	}
	return n
}

// rivalSentences is how many sentences before a pronoun's own its rivals
// are looked for.
const rivalSentences = 1

// pronounDepth is pronoun following at most a few "he said" links back.
func (f *finder) pronounDepth(p string, at, depth int) speaker {
	person := p == "he" || p == "she" || p == "i"
	qs := f.sentence(at)
	bestSent, best := -1, -1
	for i, n := f.actorsBefore(at)-1, 0; i >= 0 && n < maxLookBack && f.actors[i].Sentence >= qs-maxBackSentences; i, n = i-1, n+1 {
		m := f.actors[i]
		if m.Start >= at || person && m.Kind != "person" || pronouns[strings.ToLower(m.Text)] || f.quoted(m.Start) ||
			!f.fits(p, name(m)) || f.afterPrep(m.Start) || !fitsGender(p, f.appositionGender(m.End)) {
			continue
		}
		if bestSent >= 0 && m.Sentence != bestSent {
			break
		}
		if best >= 0 && f.introduced(f.actors[best].End) && !f.introduced(m.End) {
			continue // a person introduced by an apposition is the new source
		}
		bestSent, best = m.Sentence, i
	}
	var sp speaker
	spSent := -1
	if best >= 0 {
		m := f.actors[best]
		sp, spSent = speaker{name: name(m), code: m.Code, kind: m.Kind, via: "mention"}, m.Sentence
		if qs-f.sentence(m.Start) > 1 {
			sp.via = "farmention"
		}
	}
	if f.last.name != "" && f.fits(p, f.last.name) && (!person || personLike(f.last)) && f.lastSent >= spSent &&
		(best < 0 || f.lastAt > f.actors[best].Start) {
		sp, spSent = f.last, f.lastSent
		sp.via = "last"
	}
	for i, n := f.cueBefore(at), 0; i >= 0 && n < maxLookBack && f.cues[i].sent >= qs-maxBackSentences && f.cues[i].sent >= spSent; i, n = i-1, n+1 {
		c := f.cues[i]
		if c.pron {
			if c.sp.name == p && depth < maxPronounLinks && c.at < at {
				if r := f.pronounDepth(p, c.at, depth+1); r.name != p {
					sp, spSent = r, c.sent
					sp.via = "chain-" + r.via
				}
				break
			}
			continue
		}
		if f.fits(p, c.sp.name) && (!person || personLike(c.sp)) {
			sp, spSent = c.sp, c.sent
			sp.via = "cue"
			break
		}
	}
	if spSent < 0 {
		return speaker{name: p, via: "none"}
	}
	sp = f.checkSubject(p, at, qs, spSent, depth, sp)
	if !sp.weak {
		f.learn(p, sp.name)
	}
	return sp
}

// checkSubject compares a pronoun's resolution sp (found in sentence
// spSent) with the latest sentence subject the pronoun fits: another
// person there makes it weak ("-vetoed"), the same one confirms it
// ("-subj").
func (f *finder) checkSubject(p string, at, qs, spSent, depth int, sp speaker) speaker {
	r, rs, ok := f.subjectCandidate(p, at, qs, spSent, depth)
	switch {
	case !ok || rs < spSent:
	case !sameName(r.name, sp.name):
		sp.weak = true // the latest sentence subject is someone else
		sp.via += "-vetoed"
	default:
		sp.via += "-subj"
	}
	return sp
}

// personLike reports whether a speaker can be "he" or "she": a person
// actor, or an uncoded name phraseKind took for a person.
func personLike(sp speaker) bool {
	return sp.kind == "person"
}

// phraseKind guesses the kind of an uncoded speaker phrase: "person" for
// two to four capitalised words without a determiner ("Angelique
// Brunner"), else "".
func phraseKind(np []tok) string {
	words := 0
	for _, t := range np {
		if t.punct != 0 {
			continue
		}
		if !t.upper || speakerDets[t.low] || orgWords[t.low] {
			return ""
		}
		words++
	}
	if words >= 2 && words <= 4 || words == 1 && !groupNouns[np[0].low] {
		return "person"
	}
	return ""
}

// introduced reports whether a mention ending at end is followed by an
// apposition (", president of …", ", a developer …", ", who …").
func (f *finder) introduced(end int) bool {
	i := end
	if i >= len(f.r) || f.r[i] != ',' {
		return false
	}
	for i++; i < len(f.r) && f.r[i] == ' '; i++ {
	}
	return i < len(f.r) && unicode.IsLower(f.r[i])
}

// afterPrep reports whether the word at off follows a preposition ("with
// Rusty Humphries", "for Trump"), so it is not a sentence subject.
func (f *finder) afterPrep(off int) bool {
	i := off - 1
	for i >= 0 && f.r[i] == ' ' {
		i--
	}
	j := i
	for j >= 0 && i-j < 12 && (f.r[j] >= 'a' && f.r[j] <= 'z') {
		j--
	}
	return j < i && subjectPreps[string(f.r[j+1:i+1])]
}

// sameName reports whether two speaker names are one person's ("Sanders",
// "Bernie Sanders").
func sameName(a, b string) bool {
	return a != "" && b != "" && (strings.Contains(a, b) || strings.Contains(b, a))
}
