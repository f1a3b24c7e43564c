package actor

import (
	"fmt"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
)

// splitSents cuts text after ". " (enough for these tests) into spans of
// code points.
func splitSents(text string) []liaison.Span {
	var out []liaison.Span
	rs := []rune(text)
	start := 0
	for i := 0; i < len(rs); i++ {
		if rs[i] == '.' && (i+1 == len(rs) || rs[i+1] == ' ') {
			out = append(out, liaison.Span{Start: start, End: i + 1})
			start = i + 2
		}
	}
	return out
}

func renderSents(f *Finder, text, date string) string {
	var parts []string
	for _, m := range f.Find(text, splitSents(text), day(date)) {
		parts = append(parts, fmt.Sprintf("%s=%s/%s", m.Text, m.Code, m.Kind))
	}
	return strings.Join(parts, " ")
}

// TestRoleReference covers G17 (a role noun is not the subject of its own
// clause; "its" takes the nearest country or organisation) and G15 (bare
// role words are agent-only actors, ---ROLE).
func TestRoleReference(t *testing.T) {
	f := mustFinder(t)
	tests := []struct{ name, text, want string }{
		{"object role noun is not the subject", "Kishida met the envoy.",
			"Kishida=JPNGOV/person envoy=---GOV/person"},
		{"received the minister", "Macron received the minister.",
			"Macron=FRAGOV/person minister=---GOV/person"},
		{"the minister in a later sentence", "Defence Minister Hamada arrived. The minister said so.",
			"Defence Minister Hamada=JPNGOVMIL/person The minister=JPNGOVMIL/person"},
		{"apposition in the same sentence", "Yasukazu Hamada, the minister, spoke.",
			"Yasukazu Hamada=JPNGOVMIL/person the minister=JPNGOVMIL/person"},
		{"its: the nearest organisation", "Japan and Australia were named. NATO welcomed its military presence.",
			"Japan=JPN/country Australia=AUS/country NATO=IGOWSTNAT/organisation its military=IGOWSTNATMIL/military"},
		{"its: the nearest country", "NATO met. China said its navy would sail.",
			"NATO=IGOWSTNAT/organisation China=CHN/country its navy=CHNMIL/military"},
		{"bare roles", "Police arrested protesters.", "Police=---COP/group protesters=---OPP/group"},
		{"definite bare roles", "The rebels attacked the police.", "rebels=---REB/group police=---COP/group"},
		{"not the complement of of", "They discussed the deployment of troops.", ""},
		{"not before of: the owner is the actor", "A patrol vessel of the Italian Navy arrived.",
			"Italian Navy=ITAMIL/military"},
		{"generic words are no actors", "People said the company would pay.", ""},
	}
	for _, tc := range tests {
		if got := renderSents(f, tc.text, "2023-07-09"); got != tc.want {
			t.Errorf("%s: %q\n got  %s\n want %s", tc.name, tc.text, got, tc.want)
		}
	}
}
