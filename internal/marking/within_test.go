package marking

import (
	"testing"

	"github.com/liaison-project/liaison"
)

// TestVisibleWithin is the "view as" rule: a viewer bounded by another
// (Viewer.Within) sees an item only when both may see it, so viewing as a
// nation never shows an admin more than they themself may read.
func TestVisibleWithin(t *testing.T) {
	usaAdmin := liaison.Viewer{Nation: "USA", Role: liaison.RoleAdmin, Clearance: 3, Caveats: []string{"ATOMAL"}}
	jpnAdmin := liaison.Viewer{Nation: "JPN", Role: liaison.RoleAdmin, Clearance: 2}
	as := func(admin liaison.Viewer, nation string) liaison.Viewer {
		v := admin
		v.Nation, v.Role, v.Within = nation, liaison.RoleReader, &admin
		return v
	}
	nato := []string{"USA", "GBR", "FRA", "DEU"}
	for _, tt := range []struct {
		name string
		v    liaison.Viewer
		m    liaison.Marking
		want bool
	}{
		{"usa admin as JPN: REL TO JPN only", as(usaAdmin, "JPN"), liaison.Marking{Level: 1, RelTo: []string{"JPN"}}, false},
		{"usa admin as JPN: REL TO JPN, USA", as(usaAdmin, "JPN"), liaison.Marking{Level: 1, RelTo: []string{"JPN", "USA"}}, true},
		{"usa admin as JPN: releasable to all", as(usaAdmin, "JPN"), liaison.Marking{Level: 3}, true},
		{"usa admin as JPN: REL TO NATO", as(usaAdmin, "JPN"), liaison.Marking{Level: 1, RelTo: nato}, false},
		{"usa admin as JPN: above clearance", as(usaAdmin, "JPN"), liaison.Marking{Level: 4, RelTo: []string{"JPN", "USA"}}, false},
		{"usa admin as JPN: held caveat", as(usaAdmin, "JPN"), liaison.Marking{Level: 1, Caveats: []string{"ATOMAL"}}, true},
		{"jpn admin as USA: NATO SECRET // REL TO NATO", as(jpnAdmin, "USA"), liaison.Marking{Level: 3, RelTo: nato}, false},
		{"jpn admin as USA: NATO RESTRICTED // REL TO NATO", as(jpnAdmin, "USA"), liaison.Marking{Level: 1, RelTo: nato}, false},
		{"jpn admin as USA: REL TO JPN, USA", as(jpnAdmin, "USA"), liaison.Marking{Level: 2, RelTo: []string{"JPN", "USA"}}, true},
		{"jpn admin as USA: caveat neither holds", as(jpnAdmin, "USA"), liaison.Marking{Level: 1, Caveats: []string{"ATOMAL"}}, false},
		// A bound wider than the viewer adds nothing.
		{"bounded by the system", liaison.Viewer{Nation: "JPN", Clearance: 1, Within: &liaison.Viewer{System: true}},
			liaison.Marking{Level: 2}, false},
		// A bound of a bound applies too.
		{"two bounds", liaison.Viewer{Nation: "JPN", Clearance: 4, Within: &liaison.Viewer{Nation: "JPN", Clearance: 4,
			Within: &liaison.Viewer{Nation: "JPN", Clearance: 1}}}, liaison.Marking{Level: 2}, false},
		{"system bounded by a nation", liaison.Viewer{System: true, Within: &liaison.Viewer{Nation: "FRA", Clearance: 4}},
			liaison.Marking{Level: 1, RelTo: []string{"JPN"}}, false},
	} {
		if got := Visible(tt.v, tt.m); got != tt.want {
			t.Errorf("%s: Visible = %v, want %v", tt.name, got, tt.want)
		}
		// The bound alone decides nothing wider: whatever the bounded viewer
		// sees, both it alone and its bound see.
		if Visible(tt.v, tt.m) && tt.v.Within != nil {
			alone := tt.v
			alone.Within = nil
			if !Visible(alone, tt.m) || !Visible(*tt.v.Within, tt.m) {
				t.Errorf("%s: visible bounded but not to both", tt.name)
			}
		}
	}
}
