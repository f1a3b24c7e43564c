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
		np := trimLower(subjectBefore(ts[:v]))
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

// nounUse reports whether the word before a speech verb makes it a noun
// ("Obama's remarks", "the claims").
func nounUse(p tok) bool {
	return p.punct == 0 && (possDets[p.low] || strings.HasSuffix(p.low, "'s") || strings.HasSuffix(p.low, "’s") ||
		!p.upper && len(p.low) > 4 && strings.HasSuffix(p.low, "ly"))
}

// phraseAfter returns the noun phrase starting at i (said X, according to
// X): words up to punctuation or a clause word.
func phraseAfter(ts []tok, i int) []tok {
	j := i
	for j < len(ts) && j < i+8 && (ts[j].punct == 0 || abbrevDot(ts, j)) && !stopAfter[ts[j].low] {
		j++
	}
	return ts[i:j]
}

// cutNP trims an apposition and a trailing adverbial off a subject.
func cutNP(ts []tok) []tok {
	for k, t := range ts {
		if t.punct != 0 && !abbrevDot(ts, k) {
			if k == 0 {
				return nil
			}
			return ts[:k]
		}
		if k > 0 && adverbs[t.low] {
			return ts[:k]
		}
	}
	return ts
}

// subjectBefore walks back from the verb over comma-separated runs and
// returns the first that is a noun phrase (skipping "on July 4",
// "on Tuesday", "also"). When that run is an apposition or a relative
// clause ("a developer and spokeswoman for …", "which is made up of …"),
// an earlier run naming someone ("Angelique Brunner") is the subject.
func subjectBefore(ts []tok) []tok {
	if n := len(ts); n > 1 && pronouns[ts[n-1].low] && ts[n-2].punct == 0 {
		return ts[n-1:] // "what it calls", "which, she said,"
	}
	var first []tok
	end := len(ts)
	comma := false // a comma lies between the run and the verb
	for tries := 0; tries < 5 && end > 0; tries++ {
		start := end
		for start > 0 && (ts[start-1].punct == 0 || abbrevDot(ts, start-1) || inWord(ts, start-1)) && end-start < 30 {
			start--
		}
		run := ts[max(start, end-8):end]
		if first != nil {
			run = ts[start:end]
		}
		whole := end-start <= 20 && (start == 0 || ts[start-1].punct == ',')
		for k, t := range run {
			if adverbs[t.low] || preps[t.low] || !t.upper && len(t.low) > 4 && strings.HasSuffix(t.low, "ly") {
				run = run[:k]
				break
			}
		}
		apposed := len(run) > 0 && comma && appositive(run, whole)
		switch {
		case first == nil && len(run) > 0:
			if !apposed {
				return run
			}
			first = run
		case first != nil && len(run) > 0 && len(run) <= 8 && run[0].upper && !clauseWords[run[0].low]:
			return run
		case first != nil && !apposed:
			return first
		}
		if start == 0 || ts[start-1].punct != ',' {
			break
		}
		end, comma = start-1, true // skip the comma
	}
	return first
}

// inWord reports whether punctuation token j joins two words ("EB-5",
// "AT&T").
func inWord(ts []tok, j int) bool {
	p := ts[j].punct
	return (p == '-' || p == '&' || p == '/') && j > 0 && j+1 < len(ts) && ts[j-1].end == ts[j].start && ts[j].end == ts[j+1].start
}

// appositive reports whether a run before a speech verb describes rather
// than names: it opens with an article, a relative pronoun or (when the
// run is a whole comma-delimited stretch) a lower-case word
// ("a senior adviser to …", "who served as …").
func appositive(run []tok, whole bool) bool {
	t := run[0]
	return relOpeners[t.low] || whole && !t.upper && !pronouns[t.low]
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
		return speaker{name: name(m), code: m.Code, kind: m.Kind}
	}
	return speaker{name: string(f.r[a:b]), kind: phraseKind(np)}
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
	return titles[p.low] || p.end-p.start == 1 || strings.Contains(p.low, ".")
}

// pronoun resolves "he said" to the most recent fitting candidate: the
// subject of a speech verb, the speaker of the last quote, or the first
// person (not in a prepositional phrase) of the nearest sentence naming
// one; the latest sentence wins, a speech-verb subject on a tie. Gender
// comes from titles, first names and earlier pronoun links.
func (f *finder) pronoun(p string, at int) speaker {
	return f.pronounDepth(p, at, 0)
}

// pronounDepth is pronoun following at most a few "he said" links back.
func (f *finder) pronounDepth(p string, at, depth int) speaker {
	person := p == "he" || p == "she" || p == "i"
	qs := f.sentence(at)
	bestSent, best := -1, -1
	for i := f.actorsBefore(at) - 1; i >= 0 && f.actors[i].Sentence >= qs-maxBackSentences; i-- {
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
		sp, spSent = speaker{name: name(m), code: m.Code, kind: m.Kind}, m.Sentence
	}
	if f.last.name != "" && f.fits(p, f.last.name) && (!person || personLike(f.last)) && f.lastSent >= spSent &&
		(best < 0 || f.lastAt > f.actors[best].Start) {
		sp, spSent = f.last, f.lastSent
	}
	for i := f.cueBefore(at); i >= 0 && f.cues[i].sent >= qs-maxBackSentences && f.cues[i].sent >= spSent; i-- {
		c := f.cues[i]
		if c.pron {
			if c.sp.name == p && depth < 8 && c.at < at {
				if r := f.pronounDepth(p, c.at, depth+1); r.name != p {
					sp, spSent = r, c.sent
				}
				break
			}
			continue
		}
		if f.fits(p, c.sp.name) && (!person || personLike(c.sp)) {
			sp, spSent = c.sp, c.sent
			break
		}
	}
	if spSent < 0 {
		return speaker{name: p}
	}
	f.learn(p, sp.name)
	return sp
}

// fitsGender reports whether he/she may stand for someone of gender g.
func fitsGender(p string, g byte) bool {
	return !(p == "he" && g == 'f' || p == "she" && g == 'm')
}

// personLike reports whether a speaker can be "he" or "she": a person
// actor, or an uncoded name of two or three capitalised words.
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

// agrees reports whether a pronoun can stand for a name: "she" not for a
// name opening with a man's first name or title, "he" not for a woman's.
func agrees(p, name string) bool {
	first, _, _ := strings.Cut(strings.TrimSpace(name), " ")
	first = strings.ToLower(strings.TrimSuffix(first, "."))
	switch p {
	case "she":
		return !maleNames[first]
	case "he":
		return !femaleNames[first]
	}
	return true
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
	for i := off; i < len(f.r) && i < off+4; i++ {
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
