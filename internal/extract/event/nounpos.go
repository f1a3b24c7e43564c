package event

import "strings"

// A verb's spelling is often a noun's too ("order", "challenges",
// "attacks"). Without a part-of-speech tagger the coder tells them apart
// by position: the word heads a noun phrase when a determiner and only
// modifiers come before it ("the free and open international order"), or
// when it is the object of a verb with at most modifiers in between
// ("faced common challenges"). The word form narrows the reading: a bare
// base form ("order") cannot be a finite verb after a singular noun, and
// an -s form after a verb is its plural object; past forms ("ordered")
// are left to the older rules, since "the committee ordered" is a verb.

// verbForm is the inflection of the single word a verb span covers.
type verbForm uint8

const (
	formOther verbForm = iota // past, participle, irregular, multiword
	formBase                  // "order"
	formS                     // "orders", "challenges"
	formIng                   // "ordering"
)

// spanForm classifies the word of a one-word verb span.
func (s *sent) spanForm(sp *span) verbForm {
	if sp.end != sp.start+1 || sp.e == nil || sp.e.verb == nil || len(sp.e.verb.Forms) == 0 {
		return formOther
	}
	w := s.toks[sp.start].w
	root := sp.e.verb.Forms[0].Elems
	if len(root) != 1 {
		return formOther
	}
	switch r := root[0].Word; {
	case w == r:
		return formBase
	case strings.HasSuffix(w, "ING"):
		return formIng
	case strings.HasSuffix(w, "S") && !strings.HasSuffix(w, "SS") && strings.HasPrefix(w, strings.TrimSuffix(r, "Y")):
		return formS
	}
	return formOther
}

// nounPosition reports whether the one-word verb span sp stands where a
// noun does: after a determiner and a run of modifiers, or as the object
// of a verb.
//
// Only dictionaries with noun anchors (n: entries) take this reading:
// they say which nouns are events ("an attack on", "talks with"), while
// TABARI's and PETRARCH's verb lists code a verb's noun as the verb
// ("following daylight raids") and their validation suites expect it.
func (s *sent) nounPosition(sp *span) bool {
	if !s.c.nounAnchors {
		return false
	}
	f := s.spanForm(sp)
	if f == formOther {
		return false
	}
	return s.afterDetModifiers(sp.start, f) || (f != formIng && s.verbObject(sp.start, f))
}

// nounDeterminers open a noun phrase: articles, possessives and
// demonstratives that are not also pronouns standing alone.
var nounDeterminers = map[string]bool{"THE": true, "A": true, "AN": true, "ITS": true, "THEIR": true, "OUR": true,
	"YOUR": true, "MY": true, "HIS": true, "THESE": true, "THOSE": true, "EACH": true, "EVERY": true, "ANOTHER": true}

// afterDetModifiers: a determiner, then one or more modifiers (joined by
// AND/OR), then the word: "the free and open international order". With
// a base form any lower-case singular word may modify ("the court
// order"); with other forms only adjectives and numbers, since "the
// government orders troops" has a subject before a verb.
//
// Without a determiner, adjectives alone make the phrase ("new
// challenges", "several attacks"): a finite verb does not follow an
// adjective.
func (s *sent) afterDetModifiers(i int, f verbForm) bool {
	mods, strict, part := 0, true, false
	for k := i - 1; k >= 0 && k >= i-7; k-- {
		w := s.toks[k].w
		switch {
		case nounDeterminers[w]:
			return mods > 0
		case (w == "AND" || w == "OR") && mods > 0 && k > 0:
			continue
		case s.modifier(k, f == formBase):
			if part && !s.adjective(k) && !edIng(w) {
				return false // "a step enjoyed support": a noun before an -ed word is its subject
			}
			mods++
			strict = strict && s.adjective(k)
			part = part || edIng(w)
		default:
			return mods > 0 && strict && f != formIng // "are both refusing"
		}
	}
	return false
}

// edIng: an -ed or -ing word.
func edIng(w string) bool {
	return strings.HasSuffix(w, "ED") || strings.HasSuffix(w, "ING")
}

// adjective: token k is an adjective or quantifier by the dictionaries or
// its spelling (not a participle or a noun modifier).
func (s *sent) adjective(k int) bool {
	w := s.toks[k].w
	if w == "BOTH" || w == "ALL" {
		return false // floating quantifiers: "they both attack"
	}
	return s.spanKind(k) == kAdj || adjectiveLike(w) || quantifier(w) || s.hyphenated(k)
}

// verbObject: the word follows a verb with at most two modifiers between
// ("faced common challenges", "launched attacks", "to strengthen ties").
// A base form needs an adjective between, as "helped build" is two verbs.
func (s *sent) verbObject(i int, f verbForm) bool {
	mods := 0
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if s.verbLike(k) {
			return mods > 0 || f == formS
		}
		if !s.modifier(k, f == formS) || (f == formBase && !s.adjective(k)) {
			return false
		}
		mods++
	}
	return false
}

// verbLike: a verb of the dictionaries or an uncoded lower-case -ed/-ing
// word, not an auxiliary.
func (s *sent) verbLike(k int) bool {
	switch s.spanKind(k) {
	case kVerb:
		return s.tokSpan[k] >= 0 && s.spans[s.tokSpan[k]].end == k+1
	case kNull:
		t := s.toks[k]
		if t.cap || finiteAux[t.w] || notNoun[t.w] || len(t.w) < 5 {
			return false
		}
		return strings.HasSuffix(t.w, "ED") || strings.HasSuffix(t.w, "ING")
	}
	return false
}

// modifier: token k can modify a following noun — an adjective, a number,
// a hyphenated compound, a participle; with loose set also an uncoded
// lower-case singular word (a noun modifier).
func (s *sent) modifier(k int, loose bool) bool {
	t := s.toks[k]
	switch s.spanKind(k) {
	case kAdj:
		return true
	case kNumber:
		return true
	case kNoun:
		return loose
	case kNull:
	default:
		return false
	}
	w := t.w
	if quantifier(w) || s.hyphenated(k) || adjectiveLike(w) {
		return true
	}
	if t.cap || !isWordTok(w) || stopModifier[w] || finiteAux[w] || notNoun[w] || subordAlways[w] || subordClause[w] || adverb(w) || adverbWords[w] {
		return false
	}
	if edIng(w) {
		return len(w) > 5 && !speechVerbs[w] // "renewed", "continuing"
	}
	return loose && len(w) > 2 && !strings.HasSuffix(w, "S") && !strings.HasSuffix(w, "'")
}

// adverbWords are frequent adverbs without -ly that may stand between a
// subject or auxiliary and its verb ("won't ever clash").
var adverbWords = map[string]bool{"EVER": true, "ALWAYS": true, "OFTEN": true, "RATHER": true, "ALREADY": true,
	"ALMOST": true, "SOMETIMES": true, "PERHAPS": true, "MAYBE": true, "ALSO": true, "JUST": true, "WELL": true,
	"SELDOM": true, "HENCEFORTH": true, "THEREBY": true, "NOT": true}
