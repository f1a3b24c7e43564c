package actor

import "testing"

// TestAttributiveAndAdjectivalRoles: a plural country name's singular
// before a title joins the mention ("Philippine President ..."), and a
// capitalised adjective-role opening a name is no role ("Japan's Official
// Security Assistance" names a programme, not a Japanese official).
func TestAttributiveAndAdjectivalRoles(t *testing.T) {
	f := mustFinder(t)
	tests := []struct {
		name, text, want string
	}{
		{"plural name's singular before a title", "Dutch Prime Minister Mark Rutte and Philippine President Ferdinand Marcos Jr. spoke.",
			"Dutch Prime Minister Mark Rutte=NLDGOV/person Philippine President Ferdinand Marcos Jr.=PHLGOV/person"},
		{"singular before a body", "The Philippine Navy sailed.", "Philippine Navy=PHLMIL/military"},
		{"the plural name itself", "Manila is the capital of the Philippines.", "Philippines=PHL/country"},
		{"adjectival role opening a programme name", "Aid came under Japan's Official Development Assistance last year.", "Japan=JPN/country"},
		{"the role in lower case is a role", "Japan's official said so.", "Japan's official=JPNGOV/government"},
		{"a nominal role before a capitalised word stays", "Japan's Coast Guard Commandant spoke.", "Japan's Coast Guard=JPNMIL/military"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := render(f, tt.text, day("2023-11-04")); got != tt.want {
				t.Errorf("%q\n got %s\nwant %s", tt.text, got, tt.want)
			}
		})
	}
}

// TestCapitalBeforeModal: a capital followed by a modal or a perfect acts
// as its government ("Tokyo would work with ..."); with a plain verb of
// being it stays a place.
func TestCapitalBeforeModal(t *testing.T) {
	f := mustFinder(t)
	tests := []struct{ text, want string }{
		{"He said Canberra would work with Wellington.", "Canberra=AUSGOV/government"},
		{"He said Ottawa had lodged a protest.", "Ottawa=CANGOV/government"},
		{"Ottawa is a cold city.", ""},
		{"He said Ottawa was watching the talks.", "Ottawa=CANGOV/government"},
		{"Ottawa has a large population.", ""},
	}
	for _, tt := range tests {
		if got := render(f, tt.text, day("2023-11-04")); got != tt.want {
			t.Errorf("%q\n got %s\nwant %s", tt.text, got, tt.want)
		}
	}
}
