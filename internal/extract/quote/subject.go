package quote

import "strings"

// verbAt reports whether token v is a speech verb: a capitalised one right
// after a capitalised word is part of a name ("the United States").
func verbAt(ts []tok, v int) bool {
	t := ts[v]
	if particle[t.low] {
		// "Hillary shot back", "he went on." (not "the Senate goes on recess")
		return v > 0 && (t.low == "back" && backVerbs[ts[v-1].low] ||
			t.low == "on" && onVerbs[ts[v-1].low] && (v+1 == len(ts) || ts[v+1].punct != 0 || onNext[ts[v+1].low]))
	}
	if !speechVerbs[t.low] || v > 0 && nonFinite[ts[v-1].low] && !strings.HasSuffix(t.low, "ing") {
		return false // "was told", "when asked"; not "is telling"
	}
	return !(t.upper && v > 0 && ts[v-1].punct == 0 && ts[v-1].upper)
}

// onNext may follow "went on" as a speech verb ("went on about", "went
// on to say").
var onNext = set(`about to`)

// nonFinite before a speech verb make it a passive or a reduced clause
// ("was told", "when asked"), whose subject did not speak.
var nonFinite = set(`was were been being is are be when if as`)

// backVerbs make a speech verb with "back" ("shot back", "fired back"),
// onVerbs one with "on" ("he went on").
var backVerbs, onVerbs = set(`shot fired hit pushed snapped wrote`), set(`went goes`)

// particle words end a two-word speech verb ("shot back", "went on").
var particle = set(`back on`)

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
	for j < len(ts) && j < i+8 && (ts[j].punct == 0 || abbrevDot(ts, j)) &&
		(!stopAfter[ts[j].low] || j == i+1 && ts[j].low == "of" && partWords[ts[i].low]) { // "one of those advisers"
		j++
	}
	return ts[i:j]
}

// partWords open a partitive speaker phrase ("one of those advisers").
var partWords = set(`one some many several two three four most another each none`)

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
	if n := len(ts); n > 1 && (pronouns[ts[n-1].low] || ts[n-1].upper && ts[n-2].low == "what") && ts[n-2].punct == 0 {
		return ts[n-1:] // "what it calls", "which, she said,", "what Sroka called"
	}
	var first []tok
	end := len(ts)
	comma := false  // a comma lies between the run and the verb
	placed := false // the run after this one ends a place name
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
		if len(run) == 0 || !relPronouns[run[0].low] {
			run = afterSubordinator(run) // not inside "who identifies as Hispanic"
		}
		cut := len(run) > 0 && preps[run[0].low] // "during a town hall meeting"
		for k, t := range run {
			if adverbs[t.low] || preps[t.low] || !t.upper && len(t.low) > 4 && strings.HasSuffix(t.low, "ly") {
				run = run[:k]
				break
			}
		}
		tail := comma && len(run) > 0 && placeTail(ts, start, run)
		apposed := len(run) > 0 && (comma && appositive(run, whole) || tail || relOpeners[run[len(run)-1].low])
		switch {
		case first == nil && len(run) > 0:
			if !apposed {
				return run
			}
			first = run
		case first != nil && len(run) > 0 && len(run) <= 8 && run[0].upper && !clauseWords[run[0].low]:
			return run
		case first != nil && len(run) == 0 && cut && placed:
			// "Clinton, during a meeting in Columbus, Ohio, said": the
			// place's first part, between the subject and the place
		case first != nil && !apposed:
			return first
		}
		placed = tail
		if start == 0 || ts[start-1].punct != ',' {
			break
		}
		end, comma = start-1, true // skip the comma
	}
	return first
}

// placeTail reports whether a run starting at token start is the second
// part of a place ("in Aurora, Colorado, said"): one or two capitalised
// words after a comma that follows a capitalised name introduced by a
// preposition. It is walked past like an apposition.
func placeTail(ts []tok, start int, run []tok) bool {
	if len(run) > 2 || !allUpper(run) || start < 3 || ts[start-1].punct != ',' {
		return false
	}
	k := start - 2
	for k >= 0 && ts[k].punct == 0 && ts[k].upper && start-2-k < 3 {
		k--
	}
	return k >= 0 && k < start-2 && ts[k].punct == 0 && placePreps[ts[k].low]
}

// placePreps introduce a place name.
var placePreps = set(`in of from at near outside`)

// afterSubordinator returns the part of a run after its last subordinating
// conjunction ("Rubio suggested …, while Cruz said" → "Cruz").
func afterSubordinator(run []tok) []tok {
	for k := len(run) - 2; k >= 0; k-- {
		if subordinators[run[k].low] || (run[k].low == "and" || run[k].low == "but") && run[k+1].upper && k > 0 && !run[k-1].upper {
			return run[k+1:] // also "a woman asked for a photo and Clinton said"
		}
	}
	return run
}

// verbHead cuts a subject phrase that runs on past its own verb ("Wilson
// praised Rubio's positions", "Kasich says he'd sit Putin down") to the
// capitalised name before that verb: a speech verb or an -ed word after
// one to four capitalised words.
func verbHead(np []tok) []tok {
	if len(np) < 2 || !np[0].upper || speakerDets[np[0].low] {
		return np
	}
	for k := 1; k < len(np) && k <= 4; k++ {
		t := np[k]
		if t.punct != 0 || t.upper {
			continue
		}
		if speechVerbs[t.low] || cueVerbs[t.low] || len(t.low) > 4 && strings.HasSuffix(t.low, "ed") {
			return np[:k]
		}
		break
	}
	return np
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
	goesOn := lo < len(ts) && ts[lo].punct == 0 && !ts[lo].upper && clauseWords[ts[lo].low] // "“premature” to back …"
	if np := subjectFrom(ts, lo); np != nil && !goesOn || lo == dash {
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

// relPronouns open a relative clause ("who identifies as Hispanic").
var relPronouns = set(`who which whose whom`)
