// Package quote finds direct quotations and attributes them to a speaker,
// resolved to the document's actor mentions so a quote carries an actor
// code. It recognises the usual shapes of news attribution:
//
//	X said, "…"        "…," X said        "…," said X
//	according to X, "…"   X hinted at the possibility "…"
//
//	X, a developer …, which …, said "…"   Y poked at Z, tweeting "…"
//	“…” ― Name (a byline)
//
// A quote that opens a sentence right after another quote continues that
// speaker; one opening a sentence after a lead-in sentence in its
// paragraph takes that sentence's subject. Pronoun speakers ("he said")
// resolve to the most recent fitting candidate: the subject of a speech
// verb (also one the actor finder does not know), the last quote's speaker
// or the subject-like person of the nearest sentence, with gender from
// titles, first names, appositions ("a 40-year-old man") and earlier
// pronoun links; "he argued … he said" chains follow back. Each
// sentence's grammatical subject is tracked too (whatever its verb: "Sanders
// wasn't impressed."); when the latest one before a pronoun is someone
// other than its resolution, the pronoun is ambiguous and left unnamed. A
// role ("the minister", "the Florida senator") resolves to the last person
// mentioned with that title (or its abbreviation, "Gov.") and its
// capitalised modifiers; a bare role two people hold stays as written. Where the evidence is weak —
// "it" or a narrator's "I", a pronoun whose only antecedent is a plain
// mention two or more sentences back or one with a rival of the same
// gender or a later subject, a cue whose speaker phrase cannot be read
// ("…,” then-candidate said) — the quote is kept with no speaker rather
// than a guess. Given names (names.txt) tell a name's usual gender.
// Scare quotes (a short phrase with no speech cue) are not quotations and
// are skipped. All of it is linear: every look-back is bounded.
package quote

import (
	"sort"
	"strings"
	"unicode"

	"github.com/liaison-project/liaison"
)

// Find returns the direct quotes of text with their speakers, in text
// order. actors are the document's actor mentions (may be empty); a speaker
// phrase covered by one takes its name and code, a pronoun the last person
// mentioned before it. A quote whose speaker is too uncertain to name has
// an empty Speaker (see the package comment).
func Find(text string, sents []liaison.Span, actors []liaison.ActorMention) []liaison.Quote {
	return FindRunes([]rune(text), sents, actors)
}

// FindRunes is Find for text already decoded to code points.
func FindRunes(r []rune, sents []liaison.Span, actors []liaison.ActorMention) []liaison.Quote {
	out, _ := find(r, sents, actors)
	return out
}

// find is FindRunes also returning, per quote, the evidence its speaker
// came from (the cue shape and resolution path), for error analysis.
func find(r []rune, sents []liaison.Span, actors []liaison.ActorMention) ([]liaison.Quote, []string) {
	out, vias := []liaison.Quote{}, []string{}
	segs := segments(r)
	if len(segs) == 0 {
		return out, vias
	}
	if !sort.SliceIsSorted(actors, func(i, j int) bool { return actors[i].Start < actors[j].Start }) {
		actors = append([]liaison.ActorMention(nil), actors...)
		sort.SliceStable(actors, func(i, j int) bool { return actors[i].Start < actors[j].Start })
	}
	f := &finder{r: r, sents: sents, actors: actors, lastSent: -100, segs: segs, genders: map[string]byte{}}
	f.cues, f.subjs = f.cueSubjects()
	var prev *liaison.Quote
	var prevSp speaker
	prevSent := -10
	for _, s := range segs {
		a, b := trim(r, s.open+1, s.close)
		words := countWords(r[a:b])
		if words == 0 || titleCase(r[a:b]) && titleSlot(r, s.open) {
			continue // a title ("The Rachel Maddow Show"), not speech
		}
		si := f.sentence(s.open)
		sp, ok := f.attribute(s)
		var subj speaker
		switch {
		case ok && words >= minWords:
		case !ok && sp.weak && words >= minWords && f.opensSentence(s.open, si) && (si-1 > prevSent || prev != nil && si-prevSent <= 2):
			// a cue whose speaker is not read: a quote, but no guess
		case !ok && words >= minWords && si-1 > prevSent && f.opensSentence(s.open, si) && f.leadIn(si-1, s.open, &subj):
			sp = by("leadin", subj) // "Sanders identified young voters' exhaustion … . “The younger people …”"
		case !ok && prev != nil && words >= minWords && si-prevSent <= 2 && f.opensSentence(s.open, si):
			sp = prevSp
			sp.via = "cont:" + sp.via
		default:
			continue
		}
		q := liaison.Quote{Speaker: sp.name, SpeakerCode: sp.code, Text: string(r[a:b]), Start: a, End: b, Sentence: si}
		if sp.weak {
			q.Speaker, q.SpeakerCode = "", "" // better no speaker than a guess
		}
		out, vias = append(out, q), append(vias, sp.via)
		prev, prevSp = &out[len(out)-1], sp
		prevSent = f.sentence(s.close)
		if !pronouns[strings.ToLower(sp.name)] {
			f.last, f.lastSent, f.lastAt = sp, prevSent, s.close
		}
	}
	return out, vias
}

// minWords is the shortest quotation that counts as direct speech; shorter
// quoted phrases are names, titles or scare quotes.
const minWords = 3

// seg is one quoted stretch: the offsets of its opening and closing marks
// (close may be the end of a paragraph for a quote left open there).
type seg struct{ open, close int }

// segments pairs quotation marks: curly pairs, straight quotes toggling, a
// quote left open closing at the end of its paragraph.
func segments(r []rune) []seg {
	var out []seg
	open := -1
	for i, c := range r {
		switch c {
		case '“', '«':
			open = i
		case '”', '»':
			if open < 0 && (i == 0 || r[i-1] == '\n') {
				open = i // a paragraph opened with the closing mark
				continue
			}
			if open >= 0 {
				out = append(out, seg{open, i})
				open = -1
			}
		case '"':
			if open >= 0 {
				out = append(out, seg{open, i})
				open = -1
			} else {
				open = i
			}
		case '\n':
			if open >= 0 && paragraphEnd(r, i) {
				out = append(out, seg{open, i})
				open = -1
			}
		}
	}
	if open >= 0 {
		out = append(out, seg{open, len(r)})
	}
	return out
}

// paragraphEnd reports whether the newline at i ends a paragraph: a blank
// line follows, or the line ends a sentence.
func paragraphEnd(r []rune, i int) bool {
	for j := i + 1; j < len(r) && r[j] != '\n'; j++ {
		if !unicode.IsSpace(r[j]) {
			k := i - 1
			for k >= 0 && unicode.IsSpace(r[k]) {
				k--
			}
			return k >= 0 && (r[k] == '.' || r[k] == '!' || r[k] == '?')
		}
	}
	return true
}

func trim(r []rune, a, b int) (int, int) {
	for a < b && unicode.IsSpace(r[a]) {
		a++
	}
	for b > a && unicode.IsSpace(r[b-1]) {
		b--
	}
	return a, b
}

func countWords(r []rune) int {
	n, in := 0, false
	for _, c := range r {
		w := unicode.IsLetter(c) || unicode.IsDigit(c)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// titleCase reports whether a quoted stretch reads as a title: up to eight
// words, every word longer than three letters capitalised, no sentence
// punctuation ("The Lead with Jake Tapper", "Fight for 15").
func titleCase(r []rune) bool {
	words, long := 0, 0
	for i := 0; i < len(r); {
		c := r[i]
		if c == '.' || c == '!' || c == '?' || c == ';' || c == ':' {
			return false
		}
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			i++
			continue
		}
		j := i
		for j < len(r) && (unicode.IsLetter(r[j]) || unicode.IsDigit(r[j]) || r[j] == '\'' || r[j] == '’') {
			j++
		}
		words++
		if j-i > 3 {
			if !unicode.IsUpper(c) {
				return false
			}
			long++
		}
		i = j
	}
	return words <= 8 && long >= 1
}

// titleSlot reports whether the word before an opening mark introduces a
// title: a possessive ("CNN's") or a preposition or noun that names a work
// ("on", "titled", "book").
func titleSlot(r []rune, open int) bool {
	i := open - 1
	for i >= 0 && (r[i] == ' ' || r[i] == '\u00a0') {
		i--
	}
	j := i
	for j >= 0 && (unicode.IsLetter(r[j]) || r[j] == '\'' || r[j] == '’') {
		j--
	}
	w := strings.ToLower(string(r[j+1 : i+1]))
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") || titleWords[w]
}

// titleWords stand before a quoted title.
var titleWords = set(`on of in at titled entitled called named dubbed show program programme book
film movie column article song album series podcast documentary`)
