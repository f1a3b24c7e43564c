package actor

import (
	"strings"

	"github.com/liaison-project/liaison"
)

// groupPronouns refer to a collective actor: a country, organisation,
// government or armed force ("it said", "they agreed").
var groupPronouns = set(`it they`)

// clauseOpeners may stand right before the subject of a clause.
var clauseOpeners = set(`and but that because when while after before as if so since although though which where
then now also however`)

// subjectVerbs are words that, right after a pronoun, make it a subject
// ("it said", "they have", "it will").
var subjectVerbs = set(`is was are were has had have will would can could should must may might did does do shall
wants want plans plan says say said agreed agree added add also`)

// groupPronoun resolves "it"/"they" at i to the last collective coded
// actor (country, organisation, government, military, group) within two
// sentences, when the pronoun is the subject of a clause: at the start of
// a sentence or after a clause opener or comma, and followed by a verb.
// "they" also takes a plural group ("the rebels", "Afghans").
func (d *doc) groupPronoun(i int) {
	if !d.pronounSubject(i) {
		return
	}
	plural := d.toks[i].Lower == "they"
	for k := len(d.out) - 1; k >= 0; k-- {
		m := &d.out[k]
		if d.sentOf[i]-m.Sentence > 2 {
			return
		}
		if m.End > d.toks[i].Start {
			continue
		}
		if m.Kind == KindPerson {
			if plural {
				return // "Kishida and Biden met. They ...": not one actor
			}
			continue // "it" is never a person
		}
		if m.Code == "" {
			continue
		}
		if !plural && m.Kind == KindGroup && strings.HasSuffix(strings.ToLower(m.Text), "s") {
			continue // "it" does not take "the rebels"
		}
		d.corefMention(i, i+1, k)
		return
	}
}

// pronounSubject reports whether the pronoun at i opens a clause and a
// verb follows it.
func (d *doc) pronounSubject(i int) bool {
	if i+1 >= len(d.toks) {
		return false
	}
	next := d.toks[i+1].Lower
	verb := subjectVerbs[next] || speechVerbs[next] || (len(next) > 4 && strings.HasSuffix(next, "ed"))
	if !verb || d.toks[i].Lower == "it" && (next == "is" || next == "was" || next == "has" || next == "had") {
		return false // "it is expected", "it has been": mostly no actor
	}
	if d.sentenceInitial(i) {
		return true
	}
	p := d.toks[i-1].Lower
	return p == "," || p == ";" || clauseOpeners[p]
}

func isPronounText(s string) bool {
	return personPronouns[strings.ToLower(s)] || groupPronouns[strings.ToLower(s)]
}

// acronymDef handles "(JMSDF)" at token i, right after a name: the
// mention ending just before takes the acronym as another name, and when
// nothing was found there but the capitalised words before have the
// acronym's initials, they are an organisation. Later uses of the acronym
// in the document get the same name and code. It returns the tokens
// consumed (0 when i is not such a definition).
func (d *doc) acronymDef(i int) int {
	if i == 0 || i+2 >= len(d.toks) || d.toks[i].Lower != "(" || d.toks[i+2].Lower != ")" {
		return 0
	}
	a := d.toks[i+1]
	if !a.Word || !a.Upper || len(a.Lower) < 2 || len(a.Lower) > 8 || d.sentOf[i+1] != d.sentOf[i-1] {
		return 0
	}
	ante := -1
	if k := len(d.out) - 1; k >= 0 && d.out[k].End == d.toks[i-1].End && !isPronounText(d.out[k].Text) {
		ante = k
	} else if s := d.initialsRun(i, a.Lower); s >= 0 && !d.f.isPlace(d.text(s, i)) {
		for k := len(d.out) - 1; k >= 0 && d.out[k].Start >= d.toks[s].Start && d.out[k].Code == ""; k-- {
			d.out = d.out[:k] // a piece of the name found by the cues: "Bureau of Animal"
		}
		for w, k := range d.short {
			if k >= len(d.out) {
				delete(d.short, w)
			}
		}
		ante = d.emit(s, i, d.text(s, i), "", KindOrganisation)
	}
	if ante < 0 || d.out[ante].Kind == KindPerson {
		return 0
	}
	if d.acr == nil {
		d.acr = map[string]int{}
	}
	d.acr[a.Lower] = ante
	d.corefMention(i+1, i+2, ante)
	return 3
}

// initialsRun returns the first token of the capitalised words ending
// before token end whose initials spell acr ("Bureau of Animal Industry"
// for "BAI"; connectors are skipped), or -1.
func (d *doc) initialsRun(end int, acr string) int {
	k := len(acr) - 1
	for j := end - 1; j >= 0 && d.sentOf[j] == d.sentOf[end]; j-- {
		t := d.toks[j]
		if !t.Word {
			return -1
		}
		if !t.Cap {
			if nerConnector[t.Lower] && k < len(acr)-1 {
				continue
			}
			return -1
		}
		if t.Lower[0] != acr[k] {
			return -1
		}
		if k == 0 {
			return j
		}
		k--
	}
	return -1
}

// acronymUse codes a later use of an acronym defined in the document.
func (d *doc) acronymUse(i int) bool {
	t := d.toks[i]
	if d.acr == nil || !t.Upper || !t.Word {
		return false
	}
	j, ok := d.acr[t.Lower]
	if !ok {
		return false
	}
	d.corefMention(i, i+1, j)
	return true
}

// initialName emits "D. Gough", "J. R. Smith": single capital initials
// with their dots and a surname that is no place, as a person. It
// returns the tokens consumed, or 0.
func (d *doc) initialName(i int) int {
	k := i
	for k+2 < len(d.toks) && len(d.toks[k].Lower) == 1 && d.toks[k].Upper && d.toks[k+1].Lower == "." &&
		d.toks[k+1].Start == d.toks[k].End {
		k += 2
	}
	if k == i || k >= len(d.toks) {
		return 0
	}
	t := d.toks[k]
	if !t.Word || !t.Cap || t.Upper || len(t.Lower) < 2 || d.sentOf[k] != d.sentOf[i] || timeWords[t.Lower] || d.isLex(k) {
		return 0
	}
	e := k + 1
	for e < len(d.toks) && e-k < 2 && d.toks[e].Word && d.toks[e].Cap && !d.toks[e].Upper && !d.isLex(e) && d.sentOf[e] == d.sentOf[k] {
		e++
	}
	if facility[d.toks[e-1].Lower] || orgSuffix[d.toks[e-1].Lower] || d.f.isPlace(d.text(k, e)) || d.f.isPlace(d.text(i, e)) ||
		e < len(d.toks) && d.toks[e].Lower == "." && d.f.isPlace(d.text(i, e+1)) {
		return 0 // "W. Va.", "N. Korea"
	}
	d.out = append(d.out, liaison.ActorMention{Text: d.text(i, e), Name: d.text(i, e), Kind: KindPerson,
		Start: d.toks[i].Start, End: d.toks[e-1].End, Sentence: d.sentOf[i]})
	d.remember(d.text(i, e), len(d.out)-1)
	return e - i
}
