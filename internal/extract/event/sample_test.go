package event

import (
	"os"
	"testing"
)

// TestSampleReuters prints built-in events for a few Reuters sentences
// (developer aid; set LIAISON_SAMPLE=1).
func TestSampleReuters(t *testing.T) {
	if os.Getenv("LIAISON_SAMPLE") == "" {
		t.Skip("set LIAISON_SAMPLE=1")
	}
	b := &testing.B{}
	_ = b
	c := builtin(t)
	sents := reutersSentencesT(t, 6000)
	n := 0
	for _, s := range sents {
		r := c.CodeSentence(s, 19870301, nil, nil)
		for _, e := range r.Events {
			n++
			if n%12 == 0 {
				t.Logf("%s/%s/%s %q | %s", e.Source, e.Target, e.Code, e.VerbText, trimRunes(s, 160))
			}
		}
	}
}
