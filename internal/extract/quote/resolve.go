package quote

import (
	"strings"

	"github.com/liaison-project/liaison"
)

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
		if len(np) == 1 && m.Kind == "country" && np[0].upper && !strings.EqualFold(m.Text, name(m)) {
			// "Cuban said": a lone demonym speaking is a surname.
			return speaker{name: string(f.r[a:b]), kind: "person", via: "demonym"}
		}
		if m.Kind == "person" || !nominal(np) {
			return speaker{name: name(m), code: m.Code, kind: m.Kind, via: "actor"}
		}
	}
	if nominal(np) {
		if sp, ok := f.titled(np, a); ok {
			return sp
		}
	}
	if best >= 0 {
		m := f.actors[best]
		return speaker{name: name(m), code: m.Code, kind: m.Kind, via: "actor"}
	}
	return speaker{name: string(f.r[a:b]), kind: phraseKind(np), via: "phrase"}
}

// nominal reports whether a speaker phrase is a definite role ("the
// minister", "the former secretary of state" is not: it must end on the role).
func nominal(np []tok) bool {
	return len(np) >= 2 && len(np) <= 4 && np[0].low == "the" && roleTitles[np[len(np)-1].low]
}

// titled resolves a role phrase ("the minister", "the Florida senator")
// to the last person before off whose mention (or the 30 characters before
// it) carries that title and every capitalised modifier of the phrase
// ("Florida"). A role without such modifiers resolves only when one person
// alone carries the title in the look-back: "the senator" among several
// senators is left as written rather than guessed.
func (f *finder) titled(np []tok, off int) (speaker, bool) {
	role := np[len(np)-1].low
	var mods []string
	for _, t := range np[1 : len(np)-1] {
		if t.upper {
			mods = append(mods, t.low)
		}
	}
	qs := f.sentence(off)
	var found speaker
	for i, n := f.actorsBefore(off)-1, 0; i >= 0 && n < maxLookBack && f.actors[i].Sentence >= qs-maxTitleSentences; i, n = i-1, n+1 {
		m := f.actors[i]
		if m.Kind != "person" || pronouns[strings.ToLower(m.Text)] || partyTag(name(m)) {
			continue
		}
		lo := max(0, m.Start-30)
		ctx := strings.ToLower(string(f.r[lo:m.End]))
		if !strings.Contains(ctx, role) && (titleAbbrevs[role] == "" || !strings.Contains(ctx, titleAbbrevs[role])) {
			continue
		}
		sp := speaker{name: name(m), code: m.Code, kind: m.Kind, via: "titled"}
		if len(mods) > 0 {
			if containsAll(ctx, mods) {
				return sp, true
			}
			continue
		}
		if found.name != "" && !sameName(found.name, sp.name) {
			return speaker{}, false // two people hold the title: ambiguous
		}
		if found.name == "" {
			found = sp
		}
	}
	return found, found.name != ""
}

// containsAll reports whether s holds every word of ws.
func containsAll(s string, ws []string) bool {
	for _, w := range ws {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// partyTag reports whether a name is a party-and-state tag ("R-Fla",
// "D-Calif") an actor finder took for a person.
func partyTag(n string) bool {
	return len(n) <= 9 && len(n) >= 3 && strings.IndexByte("RDI", n[0]) >= 0 && n[1] == '-'
}

// titleAbbrevs are the abbreviated forms a role takes before a name
// ("Gov. John Kasich" is "the governor").
var titleAbbrevs = map[string]string{"governor": "gov.", "senator": "sen.", "congressman": "rep.",
	"congresswoman": "rep.", "representative": "rep.", "general": "gen.", "president": "pres."}

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
		return speaker{name: string(f.r[p.start:m.End]), kind: "person", via: "other"}, true
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
