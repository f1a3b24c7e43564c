package actor

import "testing"

// TestNERTeamsFirmsNames covers the cues chosen on the CoNLL-2003
// development split in session 2: a town that plays a match is its team,
// an uncoded organisation's short name is remembered, a common noun and
// "of" are trimmed from a firm's name, an organisation head owns the
// country after "of", club suffix words, a bracketed nationality or a
// place after "of" makes a person, a lone surname before "said" is a
// person (not when it ends a longer name).
func TestNERTeamsFirmsNames(t *testing.T) {
	f := mustFinder(t)
	tests := []struct{ name, text, want string }{
		{"town playing a match is a team", "Karlsruhe beat Nice 3-1.",
			"Karlsruhe=/organisation Nice=/organisation"},
		{"result line", "Detroit 4 Kansas City 1", "Detroit=/organisation Kansas City=/organisation"},
		{"team remembered in the document", "Essex beat Kent. Essex reached 372.",
			"Essex=/organisation Kent=/organisation Essex=/organisation"},
		{"a town without a match is no team", "He lived in Essex for ten years.", ""},
		{"a remembered team's town after in is a place", "Essex beat Kent. He lives in Essex.",
			"Essex=/organisation Kent=/organisation"},
		{"a country inside a longer place name", "He flew to Northern Ireland.", ""},
		{"a longer place plays as a team", "Ukraine beat Northern Ireland 1-0.",
			"Ukraine=UKR/country Northern Ireland=/organisation"},
		{"club suffix", "He joined Blackburn Rovers in May.", "Blackburn Rovers=/organisation"},
		{"common noun and of trimmed; short name", "Shares of Acme Corp. rose. Acme said so.",
			"Acme Corp=/organisation Acme=/organisation"},
		{"legal form with dots", "He left Cofinec S.A. in May.", "Cofinec S.A.=/organisation"},
		{"organisation head owns the country after of", "The Bank of Canada said so.",
			"Bank of Canada=/organisation"},
		{"bracketed nationality", "1. Geir Moen (Norway) 10.33", "Geir Moen=/person Norway=NOR/country"},
		{"person of a place", "He beat Peter Nicol of Scotland.", "Peter Nicol=/person"},
		{"lone surname before said", "\"It was hard,\" Xiao said.", "Xiao=/person"},
		{"end of a longer name is no surname", "The Gazzetta dello Sport said so.", ""},
	}
	for _, tc := range tests {
		if got := renderSents(f, tc.text, "1996-08-30"); got != tc.want {
			t.Errorf("%s: %q\n got  %s\n want %s", tc.name, tc.text, got, tc.want)
		}
	}
}
