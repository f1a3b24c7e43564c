package marking

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
)

// TestWritable: a writer may write exactly what they may read, and a refusal
// names the marking and the first reason in words a user can act on.
func TestWritable(t *testing.T) {
	p := Default()
	r := resolverAt(july2023)
	jpnAnalyst := liaison.Viewer{Name: "jpn-analyst", Nation: "JPN", Clearance: 3}
	gbrAdmin := liaison.Viewer{Name: "gbr-admin", Nation: "GBR", Role: liaison.RoleAdmin, Clearance: 4}
	viewAs := liaison.Viewer{Name: "gbr-admin", Nation: "JPN", Role: liaison.RoleReader, Clearance: 4, Within: &gbrAdmin}
	tests := []struct {
		name, text string
		v          liaison.Viewer
		want       string // "" = writable; else a fragment of the error
	}{
		{"at clearance, own nation", "NATO CONFIDENTIAL // REL TO JPN", jpnAnalyst, ""},
		{"below clearance, releasable to all", "PUBLIC", jpnAnalyst, ""},
		{"above clearance", "NATO SECRET // REL TO JPN", jpnAnalyst, "above your clearance NATO CONFIDENTIAL"},
		{"REL TO leaving out the writer", "NATO RESTRICTED // REL TO NATO", jpnAnalyst, "not releasable to JPN, your nation"},
		{"REL TO NONE", "NATO RESTRICTED // REL TO NONE", jpnAnalyst, "not releasable to JPN, your nation"},
		{"level named before nation", "NATO SECRET // REL TO NATO", jpnAnalyst, "above your clearance NATO CONFIDENTIAL"},
		{"caveat not held", "NATO RESTRICTED // ATOMAL // REL TO JPN", jpnAnalyst, "caveat ATOMAL, which you do not hold"},
		{"caveat held", "NATO RESTRICTED // ATOMAL // REL TO JPN",
			liaison.Viewer{Nation: "JPN", Clearance: 3, Caveats: []string{"ATOMAL"}}, ""},
		{"no nation", "NATO RESTRICTED // REL TO NATO", liaison.Viewer{Clearance: 4}, "not releasable to (none), your nation"},
		{"system writes anything", "NATO SECRET // REL TO NONE", liaison.Viewer{System: true}, ""},
		// An admin of GBR viewing as JPN writes only what both may read.
		{"view-as: the viewed nation", "NATO RESTRICTED // REL TO GBR", viewAs, "not releasable to JPN, your nation"},
		{"view-as: the admin's own nation", "NATO RESTRICTED // REL TO JPN", viewAs, "not releasable to GBR, your nation"},
		{"view-as: both", "NATO RESTRICTED // REL TO GBR, JPN", viewAs, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Parse(p, r, tt.text)
			if err != nil {
				t.Fatal(err)
			}
			err = Writable(p, tt.v, m)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Writable(%q) = %v, want nil", tt.text, err)
				}
				return
			}
			if !errors.Is(err, liaison.ErrInvalid) {
				t.Fatalf("Writable(%q) = %v, want ErrInvalid", tt.text, err)
			}
			if msg := err.Error(); !strings.Contains(msg, tt.want) || !strings.Contains(msg, Format(m)) {
				t.Errorf("Writable(%q) = %q, want it to name %q and the marking", tt.text, msg, tt.want)
			}
		})
	}
}

// TestWritableNamesClearanceByPolicy: the clearance is named by the
// node's policy, not the built-in one.
func TestWritableNamesClearanceByPolicy(t *testing.T) {
	p, err := ParsePolicy([]byte(`{"name":"x","levels":[{"name":"OPEN","tlp":"CLEAR"},{"name":"SHUT","tlp":"RED"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	err = Writable(p, liaison.Viewer{Nation: "USA"}, liaison.Marking{Classification: "SHUT", Level: 1})
	if err == nil || !strings.Contains(err.Error(), "above your clearance OPEN") {
		t.Errorf("Writable = %v, want the clearance named OPEN", err)
	}
}

// TestPropertyWritableIsVisible: Writable admits exactly what Visible shows.
func TestPropertyWritableIsVisible(t *testing.T) {
	p := Default()
	r := resolverAt(july2023)
	rng := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 3000; i++ {
		m, err := Parse(p, r, randomText(rng, p))
		if err != nil {
			t.Fatal(err)
		}
		v := randomViewer(rng)
		if got, want := Writable(p, v, m) == nil, Visible(v, m); got != want {
			t.Fatalf("viewer %+v, marking %q: writable %v, visible %v", v, Format(m), got, want)
		}
	}
}

// TestLowers: a replacement marking lowers the old one unless it is at
// least as restricted and named where the old one was.
func TestLowers(t *testing.T) {
	p := Default()
	r := resolverAt(july2023)
	parse := func(text string) liaison.Marking {
		if text == "" {
			return liaison.Marking{} // unmarked
		}
		m, err := Parse(p, r, text)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	for _, c := range []struct {
		m, old string
		want   bool
	}{
		{"NATO RESTRICTED // REL TO NATO", "NATO RESTRICTED // REL TO NATO", false},
		{"NATO CONFIDENTIAL // REL TO NATO", "NATO RESTRICTED // REL TO NATO", false},
		{"NATO RESTRICTED // REL TO USA", "NATO RESTRICTED // REL TO NATO", false},
		{"PUBLIC", "NATO RESTRICTED // REL TO NATO", true},
		{"", "NATO RESTRICTED // REL TO NATO", true},
		{"", "PUBLIC", true},
		{"PUBLIC", "", false},
		{"NATO RESTRICTED // REL TO NATO, JPN", "NATO RESTRICTED // REL TO NATO", true},
		{"NATO RESTRICTED // REL TO JPN", "NATO RESTRICTED // REL TO USA", true},
		{"NATO RESTRICTED // REL TO NATO", "NATO RESTRICTED // ATOMAL // REL TO NATO", true},
	} {
		if got := Lowers(parse(c.m), parse(c.old)); got != c.want {
			t.Errorf("Lowers(%q, %q) = %v, want %v", c.m, c.old, got, c.want)
		}
	}
}
