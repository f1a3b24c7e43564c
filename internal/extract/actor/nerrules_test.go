package actor

import "testing"

// TestNEROrganisationCues covers the organisation cues chosen on the
// CoNLL-2003 development split: a firm joined by "&", a bank named by its
// ending, an organisation word followed by "of", more organisation head
// words; a gazetteer place is no organisation even when it ends in one
// ("West Bank"); the words of an all-capitals headline are no acronyms.
func TestNEROrganisationCues(t *testing.T) {
	f := mustFinder(t)
	tests := []struct{ name, text, want string }{
		{"ampersand firm", "Shares of Douglas & Lomason rose.", "Douglas & Lomason=/organisation"},
		{"bank by its ending", "He joined Rabobank last year.", "Rabobank=/organisation"},
		{"head word before of", "They met the Patriotic Union of Kurdistan on Monday.", "Patriotic Union of Kurdistan=/organisation"},
		{"exchange", "Trading on the Karachi Stock Exchange was slow.", "Karachi Stock Exchange=/organisation"},
		{"place ending in an org word", "Settlers in the West Bank protested.", ""},
		{"headline capitals are no acronyms", "SOCCER - RESULTS. The KDP said so.", "KDP=/organisation"},
	}
	for _, tc := range tests {
		if got := renderSents(f, tc.text, "1996-08-30"); got != tc.want {
			t.Errorf("%s: %q\n got  %s\n want %s", tc.name, tc.text, got, tc.want)
		}
	}
}
