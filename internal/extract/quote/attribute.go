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
	subjs    []cue   // sentence subjects outside quotes, in text order
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
	seen := false // a cue follows the quote but its speaker is not read
	var next []tok
	if s.close < len(f.r) {
		if sp, ok := f.bylineAt(s.close + 1); ok {
			return sp, true
		}
		var ts []tok
		ts, next = f.afterWindow(s.close)
		sp, ok := f.after(ts, s.open)
		if ok {
			return sp, true
		}
		seen = sp.weak
		if trailingParticiple(ts) {
			// "… “New York values,” saying …": the main clause speaks.
			np := trimLower(subjectFirst(f.tokens(f.sentStart(s.open), s.open)))
			if !plausible(np) {
				return speaker{}, false
			}
			return by("after-ing", f.resolve(np, s.open)), true
		}
	}
	ts := f.tokens(f.sentStart(s.open), s.open)
	if len(ts) == 0 {
		ts = f.colonBefore(s.open) // "Cruz continued:¶¶“…”"
	}
	sp, ok := f.before(ts, s.open)
	switch {
	case !ok && seen:
		return unread, false
	case !ok && next != nil:
		// "….” Renteria told reporters during the call.
		if sp, ok := f.after(next, s.open); ok {
			sp.via = "next-" + sp.via
			return sp, true
		}
		return f.colon(ts, s)
	case !ok:
		return f.colon(ts, s)
	}
	return sp, ok
}

// afterWindow returns the words after a closing mark that may hold its
// cue: the rest of the sentence, or, when the quote closes its sentence,
// the next one if it begins in lower case ("… ?" he asked) or is short
// ("…?" Trump asked.). A longer next sentence that opens with a speaker
// and a speech verb is returned as next, to be read only when no cue
// precedes the quote.
func (f *finder) afterWindow(close int) (ts, next []tok) {
	_, e := f.bounds(close)
	e = min(e, close+maxWindow)
	if e <= close+1 {
		e = close + 1
		if n := f.nextWord(close + 1); n >= 0 && unicode.IsLower(f.r[n]) {
			e = min(len(f.r), close+80)
		} else if n >= 0 {
			_, ne := f.bounds(n)
			if len(f.tokens(n, ne)) <= 6 {
				e = ne
			} else if nt := f.tokens(n, min(ne, n+80)); cueOpens(nt) {
				next = f.tokens(close+1, min(ne, close+maxWindow))
			}
		}
	}
	return f.tokens(close+1, e), next
}

// colonBefore returns the words of the sentence before a quote opening
// its own sentence when that sentence ends in a colon right before it
// ("Stated Stone:¶¶“I think …”"), else nil.
func (f *finder) colonBefore(open int) []tok {
	i := open - 1
	for i >= 0 && open-i < 8 && unicode.IsSpace(f.r[i]) {
		i--
	}
	if i < 0 || f.r[i] != ':' {
		return nil
	}
	return f.tokens(f.sentStart(i), i+1)
}

// colon reads `Kasich resisted: “Ohio governors do not …”`: a clause
// ending in a colon right before a quoted full sentence (a capital, four
// words or more) introduces it, and its subject speaks. A subject that is
// neither an actor nor a person-like name keeps the quote unattributed.
func (f *finder) colon(ts []tok, s seg) (speaker, bool) {
	n := len(ts)
	a, b := trim(f.r, s.open+1, s.close)
	if n < 2 || ts[n-1].punct != ':' || a >= b || !unicode.IsUpper(f.r[a]) || countWords(f.r[a:b]) < 4 {
		return speaker{}, false
	}
	np := trimLower(subjectFirst(ts[:n-1]))
	if !plausible(np) || np[0].low == "it" {
		return speaker{}, false
	}
	sp := by("colon", f.resolve(np, s.open))
	if strings.HasSuffix(sp.via, ":phrase") && (len(np) < 2 || phraseKind(np) != "person" || genderless[np[0].low]) {
		// "Signs of momentum …: “…”", "Asked …, he demurred: “…”": a
		// quote, but the clause's subject is no clear speaker.
		sp.weak = true
	}
	return sp, true
}

// saidBefore returns, for a participle at v right after a comma, the
// finite speech verb of the clause before that comma ("Hollande said
// Tuesday in Paris, noting …"), or -1.
func saidBefore(ts []tok, v int) int {
	if !strings.HasSuffix(ts[v].low, "ing") || v < 2 || ts[v-1].punct != ',' {
		return -1
	}
	for w := v - 2; w >= 0 && ts[w].punct == 0 || w >= 0 && abbrevDot(ts, w); w-- {
		if ts[w].punct == 0 && w > 0 && verbAt(ts, w) && !nounUse(ts[w-1]) && !strings.HasSuffix(ts[w].low, "ing") {
			return w
		}
	}
	return -1
}

// unread is what attribute reports for a quote whose cue was seen but
// whose speaker phrase could not be read: no speaker, and not to be
// guessed from the paragraph either.
var unread = speaker{weak: true, via: "unread"}

// cueOpens reports whether a sentence opens with its speaker and a
// speech verb: one to three capitalised words or he/she, then the verb.
func cueOpens(ts []tok) bool {
	for v := 1; v < len(ts) && v <= 3; v++ {
		if t := ts[v-1]; t.punct != 0 || !t.upper && t.low != "he" && t.low != "she" {
			return false
		}
		if ts[v].punct == 0 && verbAt(ts, v) && !strings.HasSuffix(ts[v].low, "ing") {
			return true
		}
	}
	return false
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
	if i+1 < len(ts) && ts[i].low == "according" && ts[i+1].low == "to" {
		np := phraseAfter(ts, i+2) // "“…,” according to CNN."
		if !plausible(np) {
			return unread, false
		}
		return by("after-according", f.resolve(np, at)), true
	}
	if i < len(ts) && speechVerbs[ts[i].low] && !strings.HasSuffix(ts[i].low, "ing") {
		np := trimLower(phraseAfter(ts, i+1)) // "said retired neurosurgeon Ben Carson"
		if !plausible(np) {
			// "…,” said the man in the blue shirt: a cue whose speaker
			// is not read; better none than a neighbouring sentence's.
			return unread, false
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
			if particle[t.low] {
				np = nameHead(np) // "Trump shot back"
			}
			if !plausible(np) {
				return unread, false
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
		w := saidBefore(ts, v)
		if w >= 0 {
			// "…, Spicer said Tuesday, adding, “…”": that verb's subject speaks.
			np, shape = verbHead(trimLower(subjectBefore(ts[:w]))), "before-said-ing"
		}
		switch {
		case w >= 0 && plausible(np) && !relOpeners[ts[w-1].low]:
		case strings.HasSuffix(t.low, "ing"):
			np, shape = trimLower(subjectFirst(ts[:v])), "before-ing" // "Dean, a …, poked at Trump, tweeting “…”"
		default:
			np = verbHead(trimLower(subjectBefore(ts[:v])))
			if particle[t.low] {
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
