package auth

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// TestPasswordRule: AddUser and SetPassword both apply CheckPassword; an
// empty password on AddUser still means "API tokens only".
func TestPasswordRule(t *testing.T) {
	tests := []struct {
		name, pw string
		ok       bool
	}{
		{"eleven ASCII characters", "abcdefghijk", false},
		{"exactly the minimum", "abcdefghijkl", true},
		{"eleven code points in more bytes", "ééééééééééé", false},
		{"twelve code points", "éééééééééééé", true},
		{"a long passphrase", "correct horse battery staple", true},
		{"short", "pw", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _, _ := newService(t)
			ctx := context.Background()
			err := CheckPassword(tt.pw)
			if (err == nil) != tt.ok {
				t.Fatalf("CheckPassword(%q) = %v, want ok=%v", tt.pw, err, tt.ok)
			}
			if err != nil && (!errors.Is(err, liaison.ErrInvalid) || !strings.Contains(err.Error(), "at least 12")) {
				t.Errorf("CheckPassword(%q) = %v; want ErrInvalid naming the minimum", tt.pw, err)
			}
			u := &liaison.User{Name: "ann", Nation: "FRA", Role: liaison.RoleReader}
			_, _, addErr := s.AddUser(ctx, u, tt.pw)
			if (addErr == nil) != tt.ok {
				t.Fatalf("AddUser with %q: %v, want ok=%v", tt.pw, addErr, tt.ok)
			}
			if !tt.ok {
				if _, _, err := s.AddUser(ctx, u, ""); err != nil {
					t.Fatalf("AddUser without a password: %v", err)
				}
			}
			if err := s.SetPassword(ctx, u, tt.pw); (err == nil) != tt.ok {
				t.Errorf("SetPassword(%q) = %v, want ok=%v", tt.pw, err, tt.ok)
			}
		})
	}
	s, _, _ := newService(t)
	if err := s.SetPassword(context.Background(), &liaison.User{Name: "bo"}, ""); !errors.Is(err, liaison.ErrInvalid) {
		t.Errorf("SetPassword(\"\") = %v, want ErrInvalid", err)
	}
}

// TestSeedNations: a new store gets every built-in nation; seeding again
// adds nothing and never replaces a nation an admin changed.
func TestSeedNations(t *testing.T) {
	ctx := context.Background()
	mem := NewMemory()
	sys := liaison.SystemContext(ctx)
	changed := liaison.Nation{Code: "FRA", Name: "République française", Status: liaison.NationMember}
	if err := mem.PutNation(sys, &changed); err != nil {
		t.Fatal(err)
	}
	added, err := SeedNations(ctx, mem)
	if err != nil {
		t.Fatal(err)
	}
	want := len(marking.SeedNations())
	if len(added) != want-1 {
		t.Errorf("added %d nations, want %d (all built-in but FRA)", len(added), want-1)
	}
	for _, n := range added {
		if n.Code == "FRA" {
			t.Error("FRA, already stored, was seeded over")
		}
	}
	fra, err := mem.Nation(sys, "FRA")
	if err != nil || fra.Name != changed.Name || len(fra.Groups) != 0 {
		t.Errorf("FRA after seeding = %+v, %v; want the admin's version", fra, err)
	}
	usa, err := mem.Nation(sys, "USA")
	if err != nil || !usa.MemberOf("NATO", usa.Groups[0].Since) {
		t.Errorf("USA after seeding = %+v, %v; want a NATO member", usa, err)
	}
	again, err := SeedNations(ctx, mem)
	if err != nil || len(again) != 0 {
		t.Errorf("second seed added %d (%v), want 0", len(again), err)
	}
	ns, _ := mem.Nations(sys)
	if len(ns) != want {
		t.Errorf("%d nations stored, want %d", len(ns), want)
	}
}
