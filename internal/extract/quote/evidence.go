package quote

import "github.com/liaison-project/liaison"

// FindEvidence is Find also returning, for each quote, the evidence its
// speaker came from: the cue shape and the resolution path, such as
// "after-np:actor" ("…," Kishida said, with an actor mention),
// "before:pron-he-mention-subj" (X said, "…" with a pronoun resolved to a
// mention its sentence subject agrees with) or "colon:phrase". Error
// analysis groups quotes by it (see internal/eval's TestQuotesEvidence);
// the strings are diagnostics, not a stable format.
func FindEvidence(text string, sents []liaison.Span, actors []liaison.ActorMention) ([]liaison.Quote, []string) {
	return find([]rune(text), sents, actors)
}
