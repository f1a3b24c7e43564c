package actor

import (
	"strings"
	"testing"
)

// TestCAMEOActorCodes checks codes that follow the CAMEO actor codebook:
// IGOs with their region/role groups (chapter 7 list), an organisation's
// own forces restarting the role cycle, named legislatures as LEG.
func TestCAMEOActorCodes(t *testing.T) {
	f := mustFinder(t)
	tests := []struct{ text, want string }{
		{"The European Union imposed sanctions.", "European Union=IGOEUREEC"},
		{"The G7 met in Italy.", "G7=IGOBUSGOS"},
		{"The G8 met in Italy.", "G8=IGOBUSGOE"},
		{"The OSCE sent observers.", "OSCE=IGOEURSCE"},
		{"The Gulf Cooperation Council met.", "Gulf Cooperation Council=IGOPGSGCC"},
		{"Hundreds of UN troops withdrew.", "UN troops=IGOUNOMIL"},
		{"The US Congress passed the bill.", "US Congress=USALEG"},
		{"The Knesset passed the bill.", "Knesset=ISRLEG"},
		{"The Brazilian Congress passed the bill.", "Brazilian Congress=BRALEG"},
	}
	for _, tt := range tests {
		got := render(f, tt.text, day("2015-01-01"))
		if !strings.Contains(got, tt.want+"/") {
			t.Errorf("%q: got %q, want %s", tt.text, got, tt.want)
		}
	}
}
