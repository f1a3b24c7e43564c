package quote

import (
	"sort"
	"strings"
)

// cue is the subject of a speech verb outside quotes ("Angelique Brunner,
// a developer, said many …"): a speaker a later "she said" may stand for,
// even when the actor finder does not know the name.
type cue struct {
	at, sent int
	sp       speaker
	pron     bool // the subject is "he" or "she", in sp.name
}

// cueSubjects collects the named subjects of speech verbs outside quotes,
// one pass over the sentences (each sentence's tokens are read once).
func (f *finder) cueSubjects() []cue {
	var out []cue
	for si, s := range f.sents {
		if s.End-s.Start > 4*maxWindow {
			continue // a huge unpunctuated stretch holds no usable cue
		}
		ts := f.tokens(s.Start, min(s.End, len(f.r)))
		lo := 0
		for v, t := range ts {
			if t.punct == '"' || t.punct == '“' || t.punct == '”' {
				lo = v + 1
				continue
			}
			if t.punct != 0 || !cueVerbs[t.low] || v-lo > 60 || f.quoted(t.start) {
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
	return out
}

// cueBefore returns the latest cue subject before off, or -1.
func (f *finder) cueBefore(off int) int {
	return sort.Search(len(f.cues), func(i int) bool { return f.cues[i].at >= off }) - 1
}

// gender is 'm', 'f' or 0 (unknown) for a name or phrase: from a title
// (Mr, Mrs, Ms), a common first name, or a pronoun already linked to it.
func (f *finder) gender(name string) byte {
	if g, ok := f.genders[name]; ok {
		return g
	}
	for _, w := range strings.Fields(name) {
		w = strings.ToLower(strings.TrimSuffix(w, "."))
		if maleNames[w] {
			return 'm'
		}
		if femaleNames[w] {
			return 'f'
		}
		if titles[w] || genderless[w] {
			continue
		}
		break
	}
	return 0
}

// appositionGender reads the gender an apposition after a mention gives
// ("Terence Crutcher, a 40-year-old unarmed black man"): 'm', 'f' or 0.
func (f *finder) appositionGender(end int) byte {
	if !f.introduced(end) {
		return 0
	}
	ts := f.tokens(end+1, min(len(f.r), end+80))
	for k, t := range ts {
		if k >= 8 || t.punct == ',' || t.punct == '.' {
			break
		}
		switch {
		case maleNouns[t.low]:
			return 'm'
		case femaleNouns[t.low]:
			return 'f'
		}
	}
	return 0
}

// fits reports whether pronoun p can stand for a speaker of that name.
func (f *finder) fits(p, name string) bool {
	switch p {
	case "he":
		return f.gender(name) != 'f'
	case "she":
		return f.gender(name) != 'm'
	}
	return true
}

// learn records the gender a resolved he/she gives a name.
func (f *finder) learn(p, name string) {
	if name == "" || f.gender(name) != 0 {
		return
	}
	switch p {
	case "he":
		f.genders[name] = 'm'
	case "she":
		f.genders[name] = 'f'
	}
}
