package quote

import (
	"strings"
	"unicode"

	"github.com/liaison-project/liaison"
)

// finder holds one document while quotes are attributed.
type finder struct {
	r        []rune
	sents    []liaison.Span
	actors   []liaison.ActorMention
	last     speaker // the last non-pronoun speaker, for pronouns
	lastSent int     // the sentence of that speaker's quote
	lastAt   int     // where that quote ends
	segs     []seg   // the quoted stretches, whose names do not speak
	cues     []cue   // subjects of speech verbs outside quotes, in text order
	genders  map[string]byte
}

// speaker is an attributed speaker: a name and, when an actor mention
// covers it, the actor's code.
type speaker struct {
	name, code, kind string
	via              string // the evidence: the cue shape and how the phrase was resolved
	weak             bool   // a guess (a pronoun without a clear antecedent): not reported
}

// attribute finds the speaker of a quoted stretch: after it ("…," X said /
// said X), else before it in its sentence (X said, "…" / according to X).
func (f *finder) attribute(s seg) (speaker, bool) {
	if s.close < len(f.r) {
		if sp, ok := f.bylineAt(s.close + 1); ok {
			return sp, true
		}
		_, e := f.bounds(s.close)
		e = min(e, s.close+maxWindow)
		if e <= s.close+1 {
			// The quote closes its sentence: the cue may open the next
			// one only when it begins in lower case ("… ?" he asked).
			e = s.close + 1
			if n := f.nextWord(s.close + 1); n >= 0 && unicode.IsLower(f.r[n]) {
				e = min(len(f.r), s.close+80)
			} else if n >= 0 {
				// "…?" Trump asked. — a short sentence that is only the cue.
				if _, ne := f.bounds(n); len(f.tokens(n, ne)) <= 6 {
					e = ne
				}
			}
		}
		ts := f.tokens(s.close+1, e)
		if sp, ok := f.after(ts, s.open); ok {
			return sp, true
		}
		if trailingParticiple(ts) {
			// "… “New York values,” saying …": the main clause speaks.
			np := trimLower(subjectFirst(f.tokens(f.sentStart(s.open), s.open)))
			if !plausible(np) {
				return speaker{}, false
			}
			return by("after-ing", f.resolve(np, s.open)), true
		}
	}
	return f.before(f.tokens(f.sentStart(s.open), s.open), s.open)
}

// trailingParticiple reports whether the words after a closing mark open
// with a speech participle ("…,” saying the city …").
func trailingParticiple(ts []tok) bool {
	i := 0
	for i < len(ts) && ts[i].punct != 0 && ts[i].punct != '.' {
		i++
	}
	return i < len(ts) && participle[ts[i].low] && strings.HasSuffix(ts[i].low, "ing")
}

// by returns sp with the cue shape that found it prefixed to its evidence.
func by(shape string, sp speaker) speaker {
	sp.via = shape + ":" + sp.via
	return sp
}

// after reads `, X said`, `, said X`, `X, the minister, said` right after
// the closing mark.
func (f *finder) after(ts []tok, at int) (speaker, bool) {
	i := 0
	for i < len(ts) && ts[i].punct != 0 && ts[i].punct != '.' && ts[i].punct != '"' && ts[i].punct != '“' {
		i++ // ",", "—"
	}
	if sp, ok := f.byline(ts, i); ok {
		return sp, true
	}
	if i < len(ts) && speechVerbs[ts[i].low] && !strings.HasSuffix(ts[i].low, "ing") {
		np := trimLower(phraseAfter(ts, i+1)) // "said retired neurosurgeon Ben Carson"
		if !plausible(np) {
			// "…,” said one of those advisers: a cue whose speaker is
			// not read; better none than a neighbouring sentence's.
			return speaker{}, false
		}
		return by("after-said", f.resolve(np, at)), true
	}
	// X said: a noun phrase then the verb within a few words.
	for j := i; j < len(ts) && j < i+maxAfterGap; j++ {
		t := ts[j]
		if t.punct == '.' && !abbrevDot(ts, j) || t.punct == '"' || t.punct == '“' || t.punct == '”' || t.punct == ';' {
			return speaker{}, false
		}
		if t.punct == 0 && verbAt(ts, j) && j > i && !strings.HasSuffix(t.low, "ing") {
			np := trimLower(cutNP(ts[i:j]))
			if k := lastComma(ts, i, j); k >= 0 && !ts[i].upper && !pronouns[ts[i].low] && !speakerDets[ts[i].low] {
				// The sentence goes on after the quote: “…” for Clinton,
				// said Kunin / “…” than that of the CIA chief, Zuckoff said.
				np = trimLower(ts[k+1 : j])
				if k == j-1 {
					np = trimLower(phraseAfter(ts, j+1))
				}
			}
			if t.low == "back" {
				np = nameHead(np) // "Trump shot back"
			}
			if !plausible(np) {
				return speaker{}, false
			}
			return by("after-np", f.resolve(np, at)), true
		}
	}
	return speaker{}, false
}

// lastComma returns the index of the last comma in ts[i:j], or -1.
func lastComma(ts []tok, i, j int) int {
	for k := j - 1; k >= i; k-- {
		if ts[k].punct == ',' {
			return k
		}
	}
	return -1
}

// bylineAt reads a byline in the rest of the line from off.
func (f *finder) bylineAt(off int) (speaker, bool) {
	e := off
	for e < len(f.r) && e < off+80 && f.r[e] != '\n' {
		e++
	}
	ts := f.tokens(off, e)
	i := 0
	for i < len(ts) && ts[i].punct != 0 && ts[i].punct != '.' {
		i++
	}
	return f.byline(ts, i)
}

// byline reads `“…” ― Sonya Herrid`: a dash right after the quote, then a
// capitalised name of one to four words closing the line.
func (f *finder) byline(ts []tok, i int) (speaker, bool) {
	dash := false
	for _, t := range ts[:i] {
		dash = dash || t.punct == '―' || t.punct == '—' || t.punct == '–'
	}
	if !dash || i >= len(ts) {
		return speaker{}, false
	}
	j := i
	for j < len(ts) && j < i+5 && ts[j].punct == 0 && ts[j].upper {
		j++
	}
	if j == i || j == i+5 || j < len(ts) && ts[j].punct != '.' && ts[j].punct != ',' {
		return speaker{}, false
	}
	end := ts[j-1].end
	for end < len(f.r) && f.r[end] != '\n' {
		if c := f.r[end]; c != ' ' && c != '.' && c != '\u00a0' {
			return speaker{}, false // the line goes on: not a byline
		}
		end++
	}
	np := ts[i:j]
	if !plausible(np) {
		return speaker{}, false
	}
	return by("byline", f.resolve(np, ts[i].start)), true
}

// before reads `X said, "`, `X told reporters: "`, `according to X, "` and
// `X hinted at the possibility "` in the sentence before the opening mark.
func (f *finder) before(ts []tok, at int) (speaker, bool) {
	for v := len(ts) - 1; v >= 0 && v >= len(ts)-maxCueGap; v-- {
		t := ts[v]
		if t.punct == '"' || t.punct == '”' || t.punct == '“' {
			return speaker{}, false // another quote lies between
		}
		if t.punct != 0 {
			continue
		}
		if t.low == "according" && v+1 < len(ts) && ts[v+1].low == "to" {
			np := phraseAfter(ts, v+2)
			if !plausible(np) {
				return speaker{}, false
			}
			return by("according", f.resolve(np, at)), true
		}
		if !verbAt(ts, v) || v > 0 && nounUse(ts[v-1]) {
			continue
		}
		var np []tok
		shape := "before"
		if strings.HasSuffix(t.low, "ing") {
			np, shape = trimLower(subjectFirst(ts[:v])), "before-ing" // "Dean, a …, poked at Trump, tweeting “…”"
		} else {
			np = trimLower(subjectBefore(ts[:v]))
			if t.low == "back" {
				np = nameHead(np) // "Hillary shot back"
			}
		}
		if len(np) == 0 && shape == "before" && (v == 0 || ts[v-1].punct != 0) {
			np, shape = phraseAfter(ts, v+1), "before-said" // "Said Ellis: “…”"
		}
		if !plausible(np) {
			if participle[t.low] {
				continue // "…, saying anybody who complains “…”": the main clause speaks
			}
			return speaker{}, false
		}
		return by(shape, f.resolve(np, at)), true
	}
	return speaker{}, false
}
