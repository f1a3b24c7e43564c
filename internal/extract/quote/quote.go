// Package quote finds direct quotations and attributes them to a speaker,
// resolved to the document's actor mentions so a quote carries an actor code.
package quote

import "github.com/liaison-project/liaison"

// Find returns the direct quotes of text with their speakers.
func Find(text string, sents []liaison.Span, actors []liaison.ActorMention) []liaison.Quote {
	return []liaison.Quote{}
}
