package quote

import (
	"sort"
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
type speaker struct{ name, code, kind string }

// tok is a word or a punctuation mark of a cue window.
type tok struct {
	start, end int
	low        string // lower-cased word; "" for punctuation
	punct      rune
	upper      bool
}

func (f *finder) tokens(a, b int) []tok {
	var out []tok
	r := f.r
	for i := a; i < b; {
		c := r[i]
		switch {
		case unicode.IsSpace(c):
			i++
		case unicode.IsLetter(c) || unicode.IsDigit(c):
			j := i
			for j < b && (unicode.IsLetter(r[j]) || unicode.IsDigit(r[j]) || (r[j] == '\'' || r[j] == '’' || r[j] == '-' || r[j] == '.') && j+1 < b && unicode.IsLetter(r[j+1])) {
				j++
			}
			out = append(out, tok{start: i, end: j, low: strings.ToLower(string(r[i:j])), upper: unicode.IsUpper(c)})
			i = j
		case c == '(':
			// A parenthetical ("(D-Wis.)") is skipped: it never holds the
			// cue and its periods are not sentence ends.
			j := i + 1
			for j < b && j < i+40 && f.r[j] != ')' && f.r[j] != '\n' {
				j++
			}
			if j < b && f.r[j] == ')' {
				i = j + 1
				continue
			}
			out = append(out, tok{start: i, end: i + 1, punct: c})
			i++
		default:
			out = append(out, tok{start: i, end: i + 1, punct: c})
			i++
		}
	}
	return out
}

// sentence returns the index of the sentence holding offset off.
func (f *finder) sentence(off int) int {
	lo, hi := 0, len(f.sents)
	for lo < hi {
		m := (lo + hi) / 2
		if f.sents[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo >= len(f.sents) && lo > 0 {
		return len(f.sents) - 1
	}
	return lo
}

// bounds returns the sentence span holding off, or the whole text.
func (f *finder) bounds(off int) (int, int) {
	i := f.sentence(off)
	if i < len(f.sents) && f.sents[i].Start <= off {
		return f.sents[i].Start, f.sents[i].End
	}
	return 0, len(f.r)
}

// opensSentence reports whether the quote mark at off starts its sentence.
func (f *finder) opensSentence(off, si int) bool {
	if si < len(f.sents) {
		return f.sents[si].Start == off
	}
	return false
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
		if sp, ok := f.after(f.tokens(s.close+1, e), s.open); ok {
			return sp, true
		}
	}
	a, _ := f.bounds(s.open)
	if a > s.open || a < s.open-maxWindow {
		a = max(0, s.open-maxWindow) // bound the work in a huge sentence
	}
	return f.before(f.tokens(a, s.open), s.open)
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
	if i < len(ts) && speechVerbs[ts[i].low] {
		np := phraseAfter(ts, i+1)
		if !plausible(np) {
			return speaker{}, false
		}
		return f.resolve(np, at), true
	}
	// X said: a noun phrase then the verb within a few words.
	for j := i; j < len(ts) && j < i+maxAfterGap; j++ {
		t := ts[j]
		if t.punct == '.' && !abbrevDot(ts, j) || t.punct == '"' || t.punct == '“' || t.punct == '”' || t.punct == ';' {
			return speaker{}, false
		}
		if t.punct == 0 && speechVerbs[t.low] && j > i && !strings.HasSuffix(t.low, "ing") {
			np := trimLower(cutNP(ts[i:j]))
			if !plausible(np) {
				return speaker{}, false
			}
			return f.resolve(np, at), true
		}
	}
	return speaker{}, false
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
	return f.resolve(np, ts[i].start), true
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
			return f.resolve(np, at), true
		}
		if !speechVerbs[t.low] || v > 0 && nounUse(ts[v-1]) {
			continue
		}
		var np []tok
		if strings.HasSuffix(t.low, "ing") {
			np = trimLower(subjectFirst(ts[:v])) // "Dean, a …, poked at Trump, tweeting “…”"
		} else {
			np = trimLower(subjectBefore(ts[:v]))
		}
		if len(np) == 0 {
			np = phraseAfter(ts, v+1) // "Said Ellis: “…”"
		}
		if !plausible(np) {
			if participle[t.low] {
				continue // "…, saying anybody who complains “…”": the main clause speaks
			}
			return speaker{}, false
		}
		return f.resolve(np, at), true
	}
	return speaker{}, false
}

// resolve maps a speaker phrase to an actor: an actor mention inside the
// phrase (a person first), a pronoun to the last person before the quote,
// else the phrase itself.
func (f *finder) resolve(np []tok, at int) speaker {
	a, b := np[0].start, np[len(np)-1].end
	if len(np) == 1 && pronouns[np[0].low] {
		return f.pronoun(np[0].low, min(at, np[0].start))
	}
	best := -1
	for i := f.actorsBefore(b) - 1; i >= 0 && f.actors[i].Start > a-maxWindow; i-- {
		m := f.actors[i]
		if m.Start < b && a < m.End {
			if best < 0 || m.Kind == "person" && f.actors[best].Kind != "person" {
				best = i
			}
		}
	}
	if best >= 0 {
		m := f.actors[best]
		if other, ok := f.otherFirstName(np, m); ok {
			return other
		}
		if m.Kind == "person" || !nominal(np) {
			return speaker{name: name(m), code: m.Code, kind: m.Kind}
		}
	}
	if nominal(np) {
		if sp, ok := f.titled(np[len(np)-1].low, a); ok {
			return sp
		}
	}
	if best >= 0 {
		m := f.actors[best]
		return speaker{name: name(m), code: m.Code, kind: m.Kind}
	}
	return speaker{name: string(f.r[a:b]), kind: phraseKind(np)}
}

// nominal reports whether a speaker phrase is a definite role ("the
// minister", "the former secretary of state" is not: it must end on the role).
func nominal(np []tok) bool {
	return len(np) >= 2 && len(np) <= 4 && np[0].low == "the" && roleTitles[np[len(np)-1].low]
}

// titled resolves a role ("the minister") to the last person before off
// whose mention carries that title ("Foreign Minister Wang Yi said …").
func (f *finder) titled(role string, off int) (speaker, bool) {
	qs := f.sentence(off)
	for i, n := f.actorsBefore(off)-1, 0; i >= 0 && n < maxLookBack && f.actors[i].Sentence >= qs-maxTitleSentences; i, n = i-1, n+1 {
		m := f.actors[i]
		if m.Kind != "person" || pronouns[strings.ToLower(m.Text)] {
			continue
		}
		lo := max(0, m.Start-30)
		if strings.Contains(strings.ToLower(string(f.r[lo:m.End])), role) {
			return speaker{name: name(m), code: m.Code, kind: m.Kind}, true
		}
	}
	return speaker{}, false
}

// otherFirstName catches a surname mention resolved to the wrong person:
// "Rakeyia Scott" whose "Scott" the actor finder took for Keith Lamont
// Scott. The speaker is then the phrase's own name, uncoded.
func (f *finder) otherFirstName(np []tok, m liaison.ActorMention) (speaker, bool) {
	if m.Kind != "person" || strings.ContainsAny(m.Text, " .") {
		return speaker{}, false
	}
	for k := 1; k < len(np); k++ {
		if np[k].start != m.Start {
			continue
		}
		p := np[k-1]
		if p.punct != 0 || !p.upper || titles[p.low] || genderless[p.low] || roleTitles[p.low] ||
			strings.HasSuffix(p.low, "'s") || strings.HasSuffix(p.low, "’s") ||
			strings.Contains(strings.ToLower(name(m)), p.low) {
			return speaker{}, false
		}
		return speaker{name: string(f.r[p.start:m.End]), kind: "person"}, true
	}
	return speaker{}, false
}

// plausible reports whether a phrase can name a speaker: a pronoun, a
// capitalised name, or a short noun phrase ("the minister", "officials");
// not a clause fragment ("to drive up the price", "is held accountable").
func plausible(np []tok) bool {
	if len(np) == 0 {
		return false
	}
	first := np[0]
	if pronouns[first.low] {
		return len(np) == 1
	}
	for k, t := range np {
		if k == 0 && timeWords[t.low] || k > 0 && !first.upper && (innerStop[t.low] || speechVerbs[t.low]) {
			return false // "Friday", "her right foot was"
		}
	}
	if speakerDets[first.low] {
		return len(np) > 1
	}
	if first.upper {
		return !clauseWords[first.low]
	}
	// A bare common noun: "officials", "analysts", "police".
	return len(np) == 1 && (strings.HasSuffix(first.low, "s") || roleNouns[first.low]) && !clauseWords[first.low]
}

func name(m liaison.ActorMention) string {
	if m.Name != "" {
		return m.Name
	}
	return m.Text
}

// abbrevDot reports whether token j is the period of a title abbreviation
// ("Mr.", "Dr.", "Gen."), which does not end a speaker phrase.
func abbrevDot(ts []tok, j int) bool {
	if j <= 0 || j >= len(ts) || ts[j].punct != '.' {
		return false
	}
	p := ts[j-1]
	if p.punct != 0 || !p.upper || p.end != ts[j].start {
		return false
	}
	return titles[p.low] || p.end-p.start == 1 || strings.Contains(p.low, ".") ||
		strings.Contains(p.low, "-") && p.end-p.start <= 6 // "R-Ky.", "D-S.C."
}

// quoted reports whether offset off lies inside a quoted stretch.
func (f *finder) quoted(off int) bool {
	lo, hi := 0, len(f.segs)
	for lo < hi {
		m := (lo + hi) / 2
		if f.segs[m].close <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(f.segs) && f.segs[lo].open < off
}

// nextWord returns the offset of the first letter after off on the same
// line, or -1.
func (f *finder) nextWord(off int) int {
	for i := off; i < len(f.r) && i < off+6; i++ {
		switch c := f.r[i]; {
		case c == '\n':
			return -1
		case unicode.IsLetter(c):
			return i
		}
	}
	return -1
}

// trimLower drops lower-case words before a name ("panel Chairman Rep.
// Jason Chaffetz" → "Chairman Rep. Jason Chaffetz"), keeping determiner
// phrases ("the minister") whole.
func trimLower(np []tok) []tok {
	if len(np) < 2 || np[0].upper || speakerDets[np[0].low] || pronouns[np[0].low] {
		return np
	}
	for k, t := range np {
		if t.upper {
			return np[k:]
		}
	}
	return np
}

// actorsBefore returns how many actor mentions start before off (the
// mentions are in text order).
func (f *finder) actorsBefore(off int) int {
	return sort.Search(len(f.actors), func(i int) bool { return f.actors[i].Start >= off })
}
