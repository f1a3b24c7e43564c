package phrase

import (
	"unicode"
	"unicode/utf8"

	"github.com/liaison-project/liaison"
)

// ChunkBytes is the size above which finders work on a text piece by
// piece, so that a huge document does not hold all its tokens at once.
const ChunkBytes = 256 << 10

// Chunk is a piece of a long text cut at sentence ends (or, without
// sentences, at white space). Offset is its first code point in the whole
// text; FirstSent the index of its first sentence; Sents are rebased.
type Chunk struct {
	Text      string
	Offset    int
	FirstSent int
	Sents     []liaison.Span
}

// Chunks cuts text into pieces of about maxBytes. A short text is one chunk.
func Chunks(text string, sents []liaison.Span, maxBytes int) []Chunk {
	if len(text) <= maxBytes || maxBytes <= 0 {
		return []Chunk{{Text: text, Sents: sents}}
	}
	var out []Chunk
	startByte, startCP, firstSent := 0, 0, 0
	si := 0 // next sentence whose end may close a chunk
	cp := 0
	for i := 0; i < len(text); {
		r, sz := utf8.DecodeRuneInString(text[i:])
		i += sz
		cp++
		atSentEnd := false
		for si < len(sents) && sents[si].End <= cp {
			si++
			atSentEnd = true
		}
		cut := i-startByte >= maxBytes && (atSentEnd || (len(sents) == 0 && unicode.IsSpace(r)) || i-startByte >= 2*maxBytes)
		if cut || i == len(text) {
			out = append(out, Chunk{Text: text[startByte:i], Offset: startCP, FirstSent: firstSent, Sents: rebase(sents[firstSent:si], startCP, cp)})
			startByte, startCP, firstSent = i, cp, si
		}
	}
	return out
}

// rebase shifts spans to a chunk starting at code point off and clips
// them to its end.
func rebase(sp []liaison.Span, off, end int) []liaison.Span {
	out := make([]liaison.Span, 0, len(sp))
	for _, s := range sp {
		a, b := max(s.Start, off)-off, min(s.End, end)-off
		if b > a {
			out = append(out, liaison.Span{Start: a, End: b})
		}
	}
	return out
}
