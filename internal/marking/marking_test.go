package marking

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
)

var july2023 = time.Date(2023, 7, 15, 0, 0, 0, 0, time.UTC)

func resolverAt(t time.Time) *Nations { return NewNations(SeedNations(), t) }

func TestSeedNations(t *testing.T) {
	r := resolverAt(july2023)
	nato, isGroup, ok := r.Resolve("NATO")
	if !ok || !isGroup {
		t.Fatal("NATO is not a group")
	}
	members := 0
	for _, n := range SeedNations() {
		if n.Status == liaison.NationMember && n.MemberOf("NATO", july2023) {
			members++
		}
	}
	if members != 31 {
		t.Errorf("members in July 2023 = %d, want 31", members)
	}
	has := func(s []string, c string) bool {
		for _, x := range s {
			if x == c {
				return true
			}
		}
		return false
	}
	if !has(nato, "FIN") || has(nato, "SWE") || !has(nato, OrganisationCode) {
		t.Errorf("NATO July 2023 = %v: want FIN and %s, not SWE", nato, OrganisationCode)
	}
	now, _, _ := resolverAt(time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)).Resolve("NATO")
	if !has(now, "SWE") {
		t.Error("SWE not in NATO in 2024")
	}
	ip4, _, _ := r.Resolve("IP4")
	if !reflect.DeepEqual(ip4, []string{"AUS", "JPN", "KOR", "NZL"}) {
		t.Errorf("IP4 = %v", ip4)
	}
}

func TestParse(t *testing.T) {
	p := Default()
	r := resolverAt(july2023)
	natoJPNKOR, _ := Parse(p, r, "NATO RESTRICTED // REL TO NATO, JPN, KOR")
	tests := []struct {
		in, want, tlp string
		level         int
		relLen        int
	}{
		{"PUBLIC", "PUBLIC", "TLP:CLEAR", 0, 0},
		{"nato unclassified", "NATO UNCLASSIFIED", "TLP:GREEN", 1, 0},
		{"NU // REL TO JPN", "NATO UNCLASSIFIED // REL TO JPN", "TLP:AMBER", 1, 1},
		{"NATO RESTRICTED // REL TO NATO, JPN, KOR", "NATO RESTRICTED // REL TO NATO, JPN, KOR", "TLP:AMBER", 2, 34},
		{"nato  restricted//rel to kor,jpn ,nato", "NATO RESTRICTED // REL TO NATO, JPN, KOR", "TLP:AMBER", 2, 34},
		{"NATO RESTRICTED // REL TO NATO, USA", "NATO RESTRICTED // REL TO NATO", "TLP:AMBER", 2, 32},
		{"NR", "NATO RESTRICTED // REL TO NATO", "TLP:AMBER", 2, 32},
		{"NATO SECRET // REL TO USA, GBR // ATOMAL", "NATO SECRET // ATOMAL // REL TO GBR, USA", "TLP:RED", 4, 2},
		{"NC // B // A", "NATO CONFIDENTIAL // A // B // REL TO NATO", "TLP:AMBER+STRICT", 3, 32},
		{"NATO CONFIDENTIAL // REL TO IP4", "NATO CONFIDENTIAL // REL TO IP4", "TLP:AMBER+STRICT", 3, 4},
		{"PUBLIC // X", "PUBLIC // X", "TLP:AMBER+STRICT", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			m, err := Parse(p, r, tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got := Format(m); got != tt.want {
				t.Errorf("Format = %q, want %q", got, tt.want)
			}
			if got := p.TLP(m); got != tt.tlp {
				t.Errorf("TLP = %q, want %q", got, tt.tlp)
			}
			if m.Level != tt.level || len(m.RelTo) != tt.relLen {
				t.Errorf("level %d rel %d (%v), want %d %d", m.Level, len(m.RelTo), m.RelTo, tt.level, tt.relLen)
			}
		})
	}
	if len(natoJPNKOR.Groups) != 3 {
		t.Errorf("groups = %v", natoJPNKOR.Groups)
	}
}

func TestParseErrors(t *testing.T) {
	p := Default()
	r := resolverAt(july2023)
	empty := NewNations([]liaison.Nation{{Code: "USA", Groups: []liaison.Membership{{Group: "EMPTY", Since: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)}}}}, july2023)
	tests := []struct {
		in     string
		r      Resolver
		reason string
	}{
		{"", r, "unknown classification"},
		{"TOP SECRET", r, "unknown classification \"TOP SECRET\""},
		{"NATO SECRET // REL TO", r, "REL TO names no nation"},
		{"NATO SECRET // REL TO XYZ", r, "\"XYZ\" is neither"},
		{"NATO SECRET // REL TO USA // REL TO GBR", r, "more than one REL TO"},
		{"NATO SECRET // ", r, "empty caveat"},
		{"NATO SECRET // bad!", r, "contains '!'"},
		{"PUBLIC // REL TO EMPTY", empty, "group \"EMPTY\" has no members"},
		{"NATO SECRET", nil, "no nations are known"},
		{"NATO SECRET // REL TO U$A", r, "contains '$'"},
		{"NATO SECRET // RELEASABLE TO USA", r, "misspelt"},
		{"NATO SECRET // REL USA", r, "misspelt"},
		{"NATO SECRET // REL TO: USA", r, "contains ':'"},
		{strings.Repeat("A", 5000), r, "limit"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := Parse(p, tt.r, tt.in)
			if !errors.Is(err, liaison.ErrInvalid) {
				t.Fatalf("err = %v, want ErrInvalid", err)
			}
			if !strings.Contains(err.Error(), tt.reason) {
				t.Errorf("err = %q, want it to say %q", err, tt.reason)
			}
		})
	}
}

func TestExpansionRecordedAtMarkingTime(t *testing.T) {
	p := Default()
	m2023, err := Parse(p, resolverAt(july2023), "NATO SECRET // REL TO NATO")
	if err != nil {
		t.Fatal(err)
	}
	m2024, err := Parse(p, resolverAt(time.Date(2024, 3, 7, 0, 0, 0, 0, time.UTC)), "NATO SECRET // REL TO NATO")
	if err != nil {
		t.Fatal(err)
	}
	swe := liaison.Viewer{Nation: "SWE", Clearance: 4}
	if Visible(swe, m2023) || !Visible(swe, m2024) {
		t.Errorf("SWE sees 2023 marking: %v, 2024 marking: %v; want false, true", Visible(swe, m2023), Visible(swe, m2024))
	}
}

func TestVisible(t *testing.T) {
	m := liaison.Marking{Level: 2, RelTo: []string{"JPN", "USA"}, Caveats: []string{"A"}}
	tests := []struct {
		v    liaison.Viewer
		want bool
	}{
		{liaison.Viewer{System: true}, true},
		{liaison.Viewer{Nation: "USA", Clearance: 2, Caveats: []string{"A"}}, true},
		{liaison.Viewer{Nation: "USA", Clearance: 1, Caveats: []string{"A"}}, false},
		{liaison.Viewer{Nation: "FRA", Clearance: 4, Caveats: []string{"A"}}, false},
		{liaison.Viewer{Nation: "JPN", Clearance: 4}, false},
		{liaison.Viewer{Nation: "JPN", Clearance: 4, Caveats: []string{"B", "A"}}, true},
	}
	for i, tt := range tests {
		if got := Visible(tt.v, m); got != tt.want {
			t.Errorf("%d: Visible(%+v) = %v, want %v", i, tt.v, got, tt.want)
		}
	}
}

func TestMax(t *testing.T) {
	p := Default()
	r := resolverAt(july2023)
	parse := func(s string) liaison.Marking {
		m, err := Parse(p, r, s)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	tests := []struct{ a, b, want string }{
		{"PUBLIC", "NATO SECRET // REL TO NATO", "NATO SECRET // REL TO NATO"},
		{"NR // REL TO NATO, JPN", "NC // REL TO IP4 // X", "NATO CONFIDENTIAL // X // REL TO JPN"},
		{"NR // REL TO NATO", "NR // REL TO NATO", "NATO RESTRICTED // REL TO NATO"},
		{"PUBLIC // A", "PUBLIC // B", "PUBLIC // A // B"},
	}
	for _, tt := range tests {
		got, err := Max(parse(tt.a), parse(tt.b))
		if err != nil {
			t.Fatal(err)
		}
		if Format(got) != tt.want {
			t.Errorf("Max(%q, %q) = %q, want %q", tt.a, tt.b, Format(got), tt.want)
		}
	}
	if _, err := Max(parse("NR // REL TO USA"), parse("NR // REL TO JPN")); !errors.Is(err, liaison.ErrInvalid) {
		t.Errorf("disjoint Max err = %v, want ErrInvalid", err)
	}
}

func TestPolicyFile(t *testing.T) {
	good := `{"name":"x","levels":[{"name":"open","tlp":"clear"},{"name":"closed","tlp":"TLP:RED","aliases":["c"]}],"caveats":["eyes"]}`
	p, err := ParsePolicy([]byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if i, err := p.Level("C"); err != nil || i != 1 {
		t.Errorf("Level(C) = %d, %v", i, err)
	}
	if _, err := Parse(p, nil, "CLOSED // OTHER"); err == nil || !strings.Contains(err.Error(), "not in policy") {
		t.Errorf("unknown caveat: err = %v", err)
	}
	m, err := Parse(p, nil, "closed // eyes")
	if err != nil || Format(m) != "CLOSED // EYES" {
		t.Errorf("Parse = %q, %v", Format(m), err)
	}
	bad := map[string]string{
		"not json":        `{`,
		"no levels":       `{"name":"x","levels":[]}`,
		"dup name":        `{"levels":[{"name":"A","tlp":"RED"},{"name":"a","tlp":"RED"}]}`,
		"bad tlp":         `{"levels":[{"name":"A","tlp":"PINK"}]}`,
		"unknown field":   `{"levels":[{"name":"A","tlp":"RED"}],"colour":1}`,
		"slashes in name": `{"levels":[{"name":"A//B","tlp":"RED"}]}`,
		"bad default rel": `{"levels":[{"name":"A","tlp":"RED","default_rel_to":["a b"]}]}`,
	}
	for name, data := range bad {
		if _, err := ParsePolicy([]byte(data)); !errors.Is(err, liaison.ErrInvalid) {
			t.Errorf("%s: err = %v, want ErrInvalid", name, err)
		}
	}
}

func TestParseMembership(t *testing.T) {
	m, err := ParseMembership("nato:2023-04-04")
	if err != nil || m.Group != "NATO" || !m.Since.Equal(time.Date(2023, 4, 4, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("got %+v, %v", m, err)
	}
	for _, bad := range []string{"", "N", "NATO:2023-13-01", "NATO:2024-01-01:2023-01-01"} {
		if _, err := ParseMembership(bad); !errors.Is(err, liaison.ErrInvalid) {
			t.Errorf("%q: err = %v", bad, err)
		}
	}
}

func BenchmarkParse(b *testing.B) {
	p, r := Default(), resolverAt(july2023)
	for b.Loop() {
		if _, err := Parse(p, r, "NATO RESTRICTED // ATOMAL // REL TO NATO, JPN, KOR"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVisible(b *testing.B) {
	m, _ := Parse(Default(), resolverAt(july2023), "NATO RESTRICTED // ATOMAL // REL TO NATO, JPN, KOR")
	v := liaison.Viewer{Nation: "USA", Clearance: 4, Caveats: []string{"ATOMAL"}}
	for b.Loop() {
		Visible(v, m)
	}
}
