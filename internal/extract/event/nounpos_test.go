package event

import "testing"

// TestNounPosition: a verb's spelling where a noun stands — after a
// determiner and modifiers, after adjectives, or as the object of a verb —
// is no event unless a noun anchor (n:) takes it; the same word as a verb
// still codes. Each "no event" row coded a wrong event before.
func TestNounPosition(t *testing.T) {
	runRows(t, []codeRow{
		{"determiner, coordinated adjectives", "Chile and Peru want to protect the free and fair international order.", ""},
		{"object of a verb, adjective between", "Norway faced serious challenges from Russia.", ""},
		{"object of a verb", "Norway faced challenges from Russia.", ""},
		{"noun compound after a determiner", "Norway welcomed the court order from Russia.", "NOR/RUS/051"},
		{"a noun anchor still takes the noun", "Sweden condemned the renewed attacks on Ukraine.", "SWE/UKR/111"},
		{"a noun anchor after adjectives", "Norway announced new sanctions against Russia.", "NOR/RUS/163"},
		{"the verb itself codes", "Norway challenges Russia.", "NOR/RUS/110"},
		{"a past form after a subject is a verb", "Norway ordered Russia to leave.", "NOR/RUS/174"},
		{"an adverb before the verb", "Norway repeatedly challenges Russia.", "NOR/RUS/110"},
	})
}

// TestNounPositionNeedsNounAnchors: dictionaries without noun anchors
// (TABARI's, PETRARCH's) code a verb's noun as the verb, and their
// suites expect it; only a coder with noun anchors reads the position.
func TestNounPositionNeedsNounAnchors(t *testing.T) {
	text := "Norway faced serious challenges from Russia."
	c, err := NewBuiltin(Config{})
	if err != nil {
		t.Fatal(err)
	}
	if !c.nounAnchors {
		t.Fatal("the built-in dictionaries have noun anchors")
	}
	if got := triples(c.CodeSentence(text, 20230101, nil, nil).Events); got != "" {
		t.Errorf("with noun anchors: %q, want no event", got)
	}
	c.nounAnchors = false
	if got := triples(c.CodeSentence(text, 20230101, nil, nil).Events); got != "NOR/RUS/110" {
		t.Errorf("without noun anchors: %q, want the verb's NOR/RUS/110", got)
	}
}
