package sqlite

import (
	"slices"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// parseSeed parses a marking text with the default policy and the built-in
// nations (NATO, IP4) as of a fixed date.
func parseSeed(t *testing.T, text string) liaison.Marking {
	t.Helper()
	when := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	m, err := marking.Parse(marking.Default(), marking.NewNations(marking.SeedNations(), when), text)
	if err != nil {
		t.Fatalf("%q: %v", text, err)
	}
	return m
}

// An event's marking is printed from what stricter returns: releasable to
// no nation reads REL TO NONE (never the document's lone nation the event
// no longer goes to), and a wider own list keeps the document's REL TO as
// written — the one place stricter and marking.Combine part.
func TestStricterWritesREL(t *testing.T) {
	for _, c := range []struct{ doc, own, want, combine string }{
		{"NATO SECRET // REL TO USA", "NATO SECRET // REL TO GBR",
			"NATO SECRET // REL TO NONE", "NATO SECRET // REL TO NONE"},
		{"NATO SECRET // REL TO USA", "NATO SECRET // REL TO NONE",
			"NATO SECRET // REL TO NONE", "NATO SECRET // REL TO NONE"},
		{"NATO RESTRICTED // REL TO IP4", "NATO SECRET // REL TO IP4, USA",
			"NATO SECRET // REL TO IP4", "NATO SECRET // REL TO AUS, JPN, KOR, NZL"},
		{"NATO RESTRICTED // REL TO GBR, USA", "NATO RESTRICTED // REL TO USA",
			"NATO RESTRICTED // REL TO USA", "NATO RESTRICTED // REL TO USA"},
		{"PUBLIC", "NATO RESTRICTED // REL TO IP4",
			"NATO RESTRICTED // REL TO IP4", "NATO RESTRICTED // REL TO IP4"},
	} {
		doc, own := parseSeed(t, c.doc), parseSeed(t, c.own)
		if got := marking.Format(stricter(doc, own)); got != c.want {
			t.Errorf("stricter(%q, %q) = %q, want %q", c.doc, c.own, got, c.want)
		}
		if got := marking.Format(marking.Combine(doc, own)); got != c.combine {
			t.Errorf("Combine(%q, %q) = %q, want %q", c.doc, c.own, got, c.combine)
		}
	}
}

// stricter and marking.Combine store the same level, classification name,
// releasability and caveats for every pair, so an event is visible to
// exactly whom the banner rule would allow, and never to more than its
// document's readers.
func TestStricterStoresAsCombine(t *testing.T) {
	texts := []string{"PUBLIC", "NATO UNCLASSIFIED", "NATO RESTRICTED // REL TO NATO",
		"NATO RESTRICTED // REL TO IP4", "NATO CONFIDENTIAL // REL TO GBR, USA",
		"NATO SECRET // REL TO USA", "NATO SECRET // REL TO NATO, IP4", "NATO SECRET // REL TO NONE",
		"NATO RESTRICTED // ATOMAL // REL TO NATO", "NATO SECRET // ATOMAL // CRYPTO // REL TO GBR"}
	for _, a := range texts {
		for _, b := range texts {
			doc, own := parseSeed(t, a), parseSeed(t, b)
			got, ref := toCols(stricter(doc, own)), toCols(marking.Combine(doc, own))
			got.Groups, ref.Groups = "", ""
			if got != ref {
				t.Errorf("stricter(%q, %q) stores %+v, Combine %+v", a, b, got, ref)
			}
			m := stricter(doc, own)
			if !marking.AtLeast(m, doc) || !marking.AtLeast(m, own) {
				t.Errorf("stricter(%q, %q) = %q, less restricted than one of them", a, b, marking.Format(m))
			}
			if len(m.RelTo) > 1 && slices.Contains(m.RelTo, liaison.NoNation) {
				t.Errorf("stricter(%q, %q): NONE beside nations %v", a, b, m.RelTo)
			}
		}
	}
}
