package quote

import "strings"

// verbAt reports whether token v is a speech verb: a capitalised one right
// after a capitalised word is part of a name ("the United States").
func verbAt(ts []tok, v int) bool {
	t := ts[v]
	if t.low == "back" {
		return v > 0 && backVerbs[ts[v-1].low] // "Hillary shot back"
	}
	if !speechVerbs[t.low] {
		return false
	}
	return !(t.upper && v > 0 && ts[v-1].punct == 0 && ts[v-1].upper)
}

// backVerbs make a speech verb with "back" ("shot back", "fired back").
var backVerbs = set(`shot fired hit pushed snapped wrote`)

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
		run = afterSubordinator(run)
		for k, t := range run {
			if adverbs[t.low] || preps[t.low] || !t.upper && len(t.low) > 4 && strings.HasSuffix(t.low, "ly") {
				run = run[:k]
				break
			}
		}
		apposed := len(run) > 0 && (comma && appositive(run, whole) || relOpeners[run[len(run)-1].low])
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

// afterSubordinator returns the part of a run after its last subordinating
// conjunction ("Rubio suggested …, while Cruz said" → "Cruz").
func afterSubordinator(run []tok) []tok {
	for k := len(run) - 2; k >= 0; k-- {
		if subordinators[run[k].low] {
			return run[k+1:]
		}
	}
	return run
}

// subordinators open a clause whose subject follows them.
var subordinators = set(`while when whereas because although though since if that but after before as
unless until once`)

// allUpper reports whether every word of ts is capitalised.
func allUpper(ts []tok) bool {
	for _, t := range ts {
		if t.punct == 0 && !t.upper {
			return false
		}
	}
	return true
}

// subjectFirst returns the subject of the main clause a participle
// ("…, tweeting “…”") hangs off: the first comma-separated run after the
// last quote mark that is neither an introductory phrase ("In August")
// nor an apposition, cut before its verb.
func subjectFirst(ts []tok) []tok {
	lo, dash := 0, 0
	for k, t := range ts {
		if t.punct == '"' || t.punct == '“' || t.punct == '”' || dashes[t.punct] {
			lo = k + 1 // after a quote, or a dateline's dash ("WASHINGTON (UPI) —")
		}
		if dashes[t.punct] {
			dash = k + 1
		}
	}
	if np := subjectFrom(ts, lo); np != nil || lo == dash {
		return np
	}
	// "Trump defended “New York values,” saying …": the subject stands
	// before the earlier quote.
	return subjectFrom(ts, dash)
}

// subjectFrom is subjectFirst reading the runs from token lo.
func subjectFrom(ts []tok, lo int) []tok {
	for tries := 0; tries < 5 && lo < len(ts); tries++ {
		hi := lo
		for hi < len(ts) && (ts[hi].punct == 0 || abbrevDot(ts, hi) || inWord(ts, hi)) {
			hi++
		}
		run := ts[lo:hi]
		opener := len(run) > 0 && intro(run)
		for k, t := range run {
			if adverbs[t.low] || preps[t.low] || k > 0 && speechVerbs[t.low] || !t.upper && len(t.low) > 4 && strings.HasSuffix(t.low, "ly") {
				run = run[:k]
				break
			}
		}
		if len(run) > 0 && !opener && (tries == 0 || !appositive(run, true)) {
			return nameHead(run[:min(len(run), 8)])
		}
		lo = hi + 1
	}
	return nil
}

// dashes separate a dateline from its story, or a quote from its byline.
var dashes = map[rune]bool{'—': true, '–': true, '―': true}

// intro reports whether a comma-separated run opens a sentence before its
// subject: "Speaking in Ohio", "Meanwhile", "Hours later", "WASHINGTON".
func intro(run []tok) bool {
	if run[0].upper && strings.HasSuffix(run[0].low, "ing") || introWords[run[0].low] {
		return true
	}
	caps := true
	for _, t := range run {
		if timeAdverbs[t.low] {
			return true
		}
		caps = caps && t.caps
	}
	return caps
}

// timeAdverbs end an introductory time phrase ("Hours later", "Two days
// ago").
var timeAdverbs = set(`later ago earlier afterward afterwards`)

// nameHead keeps the capitalised name a run opens with ("Sanders released
// a statement" → "Sanders"); a run opening in lower case stays whole.
func nameHead(run []tok) []tok {
	if len(run) == 0 || !run[0].upper || speakerDets[run[0].low] {
		return run
	}
	for k := 1; k < len(run); k++ {
		if t := run[k]; t.punct == 0 && !t.upper && !nameLinks[t.low] {
			return run[:k]
		}
	}
	return run
}

// nameLinks join the capitalised words of a name or title ("Secretary of
// State", "Charles de Gaulle").
var nameLinks = set(`of de del der da di van von al bin la le du`)

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
	if t.low == "the" && len(run) > 1 && allUpper(run[1:]) {
		return false // "the Security Council" names a body
	}
	return relOpeners[t.low] || whole && !t.upper && !pronouns[t.low]
}
