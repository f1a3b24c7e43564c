package liaison

import (
	"fmt"
	"testing"
)

// TestFacetTally checks the order every store's facets share: sources by
// count then name, cut at MaxSourceFacets; months newest first; levels
// highest first, each named by its (alphabetically first) classification.
func TestFacetTally(t *testing.T) {
	var tally FacetTally
	for i := range MaxSourceFacets + 3 {
		tally.Add(fmt.Sprintf("src-%02d", i), fmt.Sprintf("2023-%02d", 1+i%12), Marking{Level: i % 3, Classification: fmt.Sprintf("L%d", i%3)}, 1+i%4)
	}
	tally.Add("src-00", "2023-01", Marking{Level: 2, Classification: "A-name"}, 1)
	f := tally.Facets()
	if len(f.Sources) != MaxSourceFacets {
		t.Fatalf("sources %d, want %d", len(f.Sources), MaxSourceFacets)
	}
	for i := 1; i < len(f.Sources); i++ {
		a, b := f.Sources[i-1], f.Sources[i]
		if a.Count < b.Count || (a.Count == b.Count && a.Value > b.Value) {
			t.Errorf("sources out of order: %+v before %+v", a, b)
		}
	}
	for i := 1; i < len(f.Months); i++ {
		if f.Months[i-1].Value <= f.Months[i].Value {
			t.Errorf("months not newest first: %v", f.Months)
		}
	}
	if len(f.Levels) != 3 || f.Levels[0].Level != 2 || f.Levels[2].Level != 0 {
		t.Fatalf("levels %+v, want 2, 1, 0", f.Levels)
	}
	if f.Levels[0].Name != "A-name" {
		t.Errorf("level 2 named %q, want the first name A-name", f.Levels[0].Name)
	}
	total := 0
	for _, l := range f.Levels {
		total += l.Count
	}
	monthTotal := 0
	for _, m := range f.Months {
		monthTotal += m.Count
	}
	if total != monthTotal {
		t.Errorf("levels add up to %d, months to %d", total, monthTotal)
	}
}
