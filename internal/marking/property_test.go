package marking

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
)

// RandomText returns a random marking text over the seed nations and groups
// (shared by the property tests here and mirrored in the store's tests).
func randomText(rng *rand.Rand, p *Policy) string {
	var b strings.Builder
	b.WriteString(p.Levels[rng.IntN(len(p.Levels))].Name)
	caveats := []string{"ATOMAL", "CRYPTO", "BOHEMIA"}
	for _, c := range caveats {
		if rng.IntN(4) == 0 {
			b.WriteString(" // " + c)
		}
	}
	if rng.IntN(3) > 0 {
		entries := []string{"NATO", "IP4", "USA", "FRA", "JPN", "KOR", "SWE", "FIN", "AUS", OrganisationCode}
		var rel []string
		for _, e := range entries {
			if rng.IntN(3) == 0 {
				rel = append(rel, e)
			}
		}
		if len(rel) > 0 {
			b.WriteString(" // REL TO " + strings.Join(rel, ", "))
		}
	}
	return b.String()
}

func randomViewer(rng *rand.Rand) liaison.Viewer {
	nations := []string{"USA", "FRA", "JPN", "KOR", "SWE", "FIN", "AUS", "CHN", OrganisationCode}
	v := liaison.Viewer{Nation: nations[rng.IntN(len(nations))], Clearance: rng.IntN(6) - 1}
	for _, c := range []string{"ATOMAL", "CRYPTO", "BOHEMIA"} {
		if rng.IntN(2) == 0 {
			v.Caveats = append(v.Caveats, c)
		}
	}
	v.System = rng.IntN(50) == 0
	return v
}

func TestPropertyRoundTrip(t *testing.T) {
	p := Default()
	r := resolverAt(july2023)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 5000; i++ {
		text := randomText(rng, p)
		m, err := Parse(p, r, text)
		if err != nil {
			t.Fatalf("Parse(%q): %v", text, err)
		}
		again, err := Parse(p, r, Format(m))
		if err != nil {
			t.Fatalf("Parse(Format(%q) = %q): %v", text, Format(m), err)
		}
		if !reflect.DeepEqual(m, again) {
			t.Fatalf("round trip of %q:\n got %+v\nwant %+v", text, again, m)
		}
	}
}

// TestPropertyMaxNeverLessRestricted: whoever sees a derived item sees both
// of its sources.
func TestPropertyMaxNeverLessRestricted(t *testing.T) {
	p := Default()
	r := resolverAt(july2023)
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 3000; i++ {
		a, errA := Parse(p, r, randomText(rng, p))
		b, errB := Parse(p, r, randomText(rng, p))
		if errA != nil || errB != nil {
			t.Fatal(errA, errB)
		}
		m, err := Max(a, b)
		if err != nil {
			continue // disjoint releasability
		}
		if again, err := Parse(p, r, Format(m)); err != nil || !reflect.DeepEqual(again, m) {
			t.Fatalf("Max %q does not round-trip: %v", Format(m), err)
		}
		for j := 0; j < 20; j++ {
			v := randomViewer(rng)
			if Visible(v, m) && !(Visible(v, a) && Visible(v, b)) {
				t.Fatalf("viewer %+v sees Max(%q, %q) = %q but not both", v, Format(a), Format(b), Format(m))
			}
		}
	}
}
