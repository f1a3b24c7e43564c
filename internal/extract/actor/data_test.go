package actor

import (
	"strings"
	"testing"
)

// TestBuiltinData checks the embedded dictionaries: they parse (Builtin
// fails otherwise), every code is well formed, and every NATO member, IP4
// partner, CHN, RUS, PRK, IND and ASEAN state has office-holders.
func TestBuiltinData(t *testing.T) {
	lx, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]int{}
	for _, e := range lx.Entries() {
		if len(e.Names) == 0 || len(e.Terms) == 0 {
			t.Errorf("entry without names or codes: %+v", e)
		}
		for _, tm := range e.Terms {
			if !validCode(tm.Code) {
				t.Errorf("%s: bad code %q", e.Names[0], tm.Code)
			}
			if !tm.To.IsZero() && !tm.From.IsZero() && !tm.To.After(tm.From) {
				t.Errorf("%s: term %s ends before it starts", e.Names[0], tm.Code)
			}
			if e.Kind == KindPerson && len(tm.Code) >= 3 {
				have[tm.Code[:3]]++
			}
		}
	}
	want := strings.Fields(`ALB BEL BGR CAN HRV CZE DNK EST FIN FRA DEU GRC HUN ISL ITA LVA LTU LUX MNE NLD MKD NOR POL
		PRT ROU SVK SVN ESP SWE TUR GBR USA JPN KOR AUS NZL CHN RUS PRK IND IDN PHL VNM THA MYS SGP MMR KHM LAO BRN`)
	for _, c := range want {
		if have[c] == 0 {
			t.Errorf("no office-holders for %s", c)
		}
	}
	if len(lx.countries) < 240 {
		t.Errorf("only %d countries", len(lx.countries))
	}
}
