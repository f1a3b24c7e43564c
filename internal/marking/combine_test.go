package marking

import (
	"errors"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
)

func TestCombine(t *testing.T) {
	p, r := Default(), resolverAt(july2023)
	parse := func(s string) liaison.Marking {
		m, err := Parse(p, r, s)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	tests := []struct {
		name string
		in   []string
		want string
	}{
		{"one item keeps its marking", []string{"NR // REL TO NATO, JPN"}, "NATO RESTRICTED // REL TO NATO, JPN"},
		{"releasable to all restricts nothing", []string{"NATO UNCLASSIFIED", "NR // REL TO IP4"}, "NATO RESTRICTED // REL TO IP4"},
		{"intersection, highest level, every caveat",
			[]string{"NU", "NR // REL TO IP4, ITA", "NR // REL TO JPN, ITA // EYES"}, "NATO RESTRICTED // EYES // REL TO ITA, JPN"},
		{"same nations keep the groups as written",
			[]string{"NR // REL TO IP4", "NS // REL TO AUS, JPN, KOR, NZL // ATOMAL"}, "NATO SECRET // ATOMAL // REL TO IP4"},
		{"no nation in common prints NONE", []string{"NR // REL TO USA", "NC // REL TO JPN"}, "NATO CONFIDENTIAL // REL TO NONE"},
		{"NONE absorbs every list", []string{"NS // REL TO NATO", "PUBLIC // REL TO NONE"}, "NATO SECRET // REL TO NONE"},
		{"all unrestricted", []string{"PUBLIC // B", "NATO UNCLASSIFIED // A"}, "NATO UNCLASSIFIED // A // B"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ms []liaison.Marking
			for _, s := range tt.in {
				ms = append(ms, parse(s))
			}
			got := Combine(ms...)
			if Format(got) != tt.want {
				t.Errorf("Combine(%q) = %q; want %q", tt.in, Format(got), tt.want)
			}
			if again := parse(Format(got)); !reflect.DeepEqual(again, got) {
				t.Errorf("Combine(%q) does not round-trip:\n got %+v\nwant %+v", tt.in, again, got)
			}
		})
	}
	if got := Combine(); !reflect.DeepEqual(got, liaison.Marking{}) {
		t.Errorf("Combine() = %+v; want the zero marking", got)
	}
	// Stray NoNation beside codes (not produced here, but stored lists are
	// not trusted) never survives next to a real nation.
	got := Combine(liaison.Marking{RelTo: []string{liaison.NoNation, "USA"}}, liaison.Marking{RelTo: []string{"USA", liaison.NoNation}})
	if !reflect.DeepEqual(got.RelTo, []string{"USA"}) {
		t.Errorf("stray NoNation: RelTo = %v; want [USA]", got.RelTo)
	}
}

// TestNoNationText: liaison.NoNation prints as "REL TO NONE", which parses
// back to it (case-insensitively), even where a group is called NONE; it
// cannot be mixed with nations, and the sentinel's own spelling is no entry.
func TestNoNationText(t *testing.T) {
	p, r := Default(), resolverAt(july2023)
	for _, in := range []string{"NR // REL TO NONE", "nato restricted//rel to none", "NR // REL TO NONE, NONE"} {
		m, err := Parse(p, r, in)
		if err != nil {
			t.Fatalf("Parse(%q): %v", in, err)
		}
		want := liaison.Marking{Classification: "NATO RESTRICTED", Level: 2,
			RelTo: []string{liaison.NoNation}, Groups: []string{liaison.NoNation}}
		if !reflect.DeepEqual(m, want) || Format(m) != "NATO RESTRICTED // REL TO NONE" || p.TLP(m) != "TLP:RED" {
			t.Errorf("Parse(%q) = %+v, %q, %s; want %+v, REL TO NONE, TLP:RED", in, m, Format(m), p.TLP(m), want)
		}
	}
	// The sentinel is printed, never leaked.
	for _, m := range []liaison.Marking{
		{Classification: "X", RelTo: []string{liaison.NoNation}},
		{Classification: "X", RelTo: []string{liaison.NoNation}, Groups: []string{liaison.NoNation}},
	} {
		if got := Format(m); got != "X // REL TO NONE" {
			t.Errorf("Format(%+v) = %q", m, got)
		}
	}
	withNONE := NewNations([]liaison.Nation{{Code: "USA", Groups: []liaison.Membership{{Group: "NONE",
		Since: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)}}}}, july2023)
	if m, err := Parse(p, withNONE, "NR // REL TO NONE"); err != nil || Visible(liaison.Viewer{Nation: "USA", Clearance: 4}, m) {
		t.Errorf("a group called NONE: %+v, %v; want NONE to stay releasable to no nation", m, err)
	}
	for in, reason := range map[string]string{
		"NR // REL TO NONE, USA":           "stands alone",
		"NR // REL TO NATO, NONE":          "stands alone",
		"NR // REL TO !NOBODY":             "contains '!'",
		"NR // REL TO " + liaison.NoNation: "contains '!'",
	} {
		_, err := Parse(p, r, in)
		if !errors.Is(err, liaison.ErrInvalid) || !strings.Contains(err.Error(), reason) {
			t.Errorf("Parse(%q) err = %v; want ErrInvalid saying %q", in, err, reason)
		}
	}
}

// TestNoNationRules: an item releasable to no nation is seen by the system
// only, and is at least as restricted as any REL TO.
func TestNoNationRules(t *testing.T) {
	none := liaison.Marking{Level: 1, RelTo: []string{liaison.NoNation}}
	usa := liaison.Marking{Level: 1, RelTo: []string{"USA"}}
	for _, v := range []liaison.Viewer{{Nation: "USA", Clearance: 4}, {Nation: liaison.NoNation, Clearance: 4}, {Clearance: 4}} {
		if Visible(v, none) {
			t.Errorf("viewer %+v sees a marking releasable to no nation", v)
		}
	}
	if !Visible(liaison.Viewer{System: true}, none) {
		t.Error("the system does not see a marking releasable to no nation")
	}
	if !AtLeast(none, usa) || !AtLeast(none, liaison.Marking{}) || !AtLeast(none, none) {
		t.Error("REL TO NONE is not at least as restricted as REL TO USA, as all, as itself")
	}
	if AtLeast(usa, none) || AtLeast(liaison.Marking{Level: 1}, none) {
		t.Error("REL TO USA or releasable to all counts as at least REL TO NONE")
	}
}

// TestPropertyCombine: for random sets of markings (some REL TO NONE), the
// combination is AtLeast every one, and a (non-system) viewer may see it
// exactly when they may see every one — the banner neither shows a page to
// someone who may not see an item on it nor hides one that everyone on it
// could see. It prints and parses back unchanged.
func TestPropertyCombine(t *testing.T) {
	p, r := Default(), resolverAt(july2023)
	rng := rand.New(rand.NewPCG(5, 6))
	var seen, hidden, nones int
	for i := 0; i < 3000; i++ {
		ms := make([]liaison.Marking, 1+rng.IntN(4))
		for j := range ms {
			text := randomText(rng, p)
			if rng.IntN(25) == 0 {
				text = p.Levels[rng.IntN(len(p.Levels))].Name + " // REL TO NONE"
			}
			m, err := Parse(p, r, text)
			if err != nil {
				t.Fatalf("Parse(%q): %v", text, err)
			}
			ms[j] = m
		}
		c := Combine(ms...)
		if reflect.DeepEqual(c.RelTo, []string{liaison.NoNation}) {
			nones++
		}
		for _, m := range ms {
			if !AtLeast(c, m) {
				t.Fatalf("Combine = %q is not AtLeast %q", Format(c), Format(m))
			}
		}
		if again, err := Parse(p, r, Format(c)); err != nil || !reflect.DeepEqual(again, c) {
			t.Fatalf("Combine = %q does not round-trip: %+v, %v", Format(c), again, err)
		}
		for j := 0; j < 20; j++ {
			v := randomViewer(rng)
			v.System = false
			all := true
			for _, m := range ms {
				all = all && Visible(v, m)
			}
			if got := Visible(v, c); got != all {
				t.Fatalf("viewer %+v: sees Combine = %q: %v; sees every item of %q: %v", v, Format(c), got, formatAll(ms), all)
			}
			if all {
				seen++
			} else {
				hidden++
			}
		}
	}
	// The property must have been exercised both ways and through NONE.
	if seen < 1000 || hidden < 1000 || nones < 50 {
		t.Errorf("weak sample: %d seen, %d hidden, %d NONE", seen, hidden, nones)
	}
}

func formatAll(ms []liaison.Marking) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = Format(m)
	}
	return out
}
