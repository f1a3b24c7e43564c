package place

import "testing"

// TestGeographyAliases checks the everyday and historical names added to
// the built-in tables: each must resolve to the country or named region
// it stands for, and a region's point must lie inside its box.
func TestGeographyAliases(t *testing.T) {
	g, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, kind, country string }{
		{"Bosnia", KindCountry, "BIH"},
		{"Surinam", KindCountry, "SUR"},
		{"Kazakstan", KindCountry, "KAZ"},
		{"Byelorussia", KindCountry, "BLR"},
		{"Faroes", KindCountry, "FRO"},
		{"Yugoslavia", KindCountry, "SRB"},
		{"Midwest", KindRegion, ""},
		{"Far East", KindRegion, ""},
		{"Soviet Union", KindRegion, ""},
		{"Nagorno-Karabakh", KindRegion, ""},
	}
	for _, tc := range tests {
		found := false
		for _, e := range g.Lookup(tc.name) {
			if e.Kind != tc.kind || e.Country != tc.country {
				continue
			}
			found = true
			if b := e.BBox; b != nil && (e.Lat < b[1] || e.Lat > b[3]) {
				t.Errorf("%s: point %.2f,%.2f outside its box %v", tc.name, e.Lat, e.Lon, *b)
			}
		}
		if !found {
			t.Errorf("%s: no %s %q entry in %+v", tc.name, tc.kind, tc.country, g.Lookup(tc.name))
		}
	}
}
