package auth

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
)

// scopeFixture stores users of two nations as the system and returns the
// service, its memory and the users by name.
func scopeFixture(t *testing.T) (*Service, *Memory, map[string]*liaison.User) {
	t.Helper()
	s, mem, _ := newService(t)
	sys := liaison.SystemContext(context.Background())
	us := map[string]*liaison.User{}
	for _, u := range []liaison.User{
		{Name: "usa-admin", Nation: "USA", Role: liaison.RoleAdmin, Clearance: 3, Caveats: []string{"ATOMAL"}},
		{Name: "usa-officer", Nation: "USA", Role: liaison.RoleOfficer, Clearance: 3, Caveats: []string{"ATOMAL"}},
		{Name: "usa-reader", Nation: "USA", Role: liaison.RoleReader, Clearance: 1},
		{Name: "usa-top", Nation: "USA", Role: liaison.RoleReader, Clearance: 4},
		{Name: "usa-crypto", Nation: "USA", Role: liaison.RoleReader, Clearance: 1, Caveats: []string{"CRYPTO"}},
		{Name: "jpn-admin", Nation: "JPN", Role: liaison.RoleAdmin, Clearance: 3},
		{Name: "jpn-officer", Nation: "JPN", Role: liaison.RoleOfficer, Clearance: 2},
	} {
		if _, _, err := s.AddUser(sys, &u, ""); err != nil {
			t.Fatalf("add %s: %v", u.Name, err)
		}
		us[u.Name] = &u
	}
	return s, mem, us
}

// TestAdminScope is the table of the user administration rule: who may
// administer whom.
func TestAdminScope(t *testing.T) {
	s, _, us := scopeFixture(t)
	as := func(name string) context.Context {
		return liaison.WithViewer(context.Background(), us[name].Viewer())
	}
	for _, tt := range []struct {
		actor  string // "" : the system
		target string
		want   bool
	}{
		{"usa-admin", "usa-officer", true},
		{"usa-admin", "usa-reader", true},
		{"usa-admin", "usa-admin", true},     // themself: within their own access
		{"usa-admin", "usa-top", false},      // clearance above the admin's
		{"usa-admin", "usa-crypto", false},   // a caveat the admin does not hold
		{"usa-admin", "jpn-officer", false},  // another nation
		{"usa-admin", "jpn-admin", false},    // another nation's admin
		{"jpn-admin", "usa-reader", false},   // a partner's admin, a member's user
		{"jpn-admin", "jpn-officer", true},   // own nation
		{"usa-officer", "usa-reader", false}, // not an admin
		{"", "jpn-officer", true},            // the system: everyone
		{"", "usa-crypto", true},
	} {
		ctx := liaison.SystemContext(context.Background())
		if tt.actor != "" {
			ctx = as(tt.actor)
		}
		if got := s.Administers(ctx, *us[tt.target]); got != tt.want {
			t.Errorf("%s administers %s = %v, want %v", tt.actor, tt.target, got, tt.want)
		}
		err := s.CheckAdminister(ctx, *us[tt.target])
		if tt.want != (err == nil) || err != nil && (!errors.Is(err, liaison.ErrNotFound) || err.Error() != missingUser(tt.target)) {
			t.Errorf("%s checks %s: %v; want ok=%v, else exactly the missing-user error", tt.actor, tt.target, err, tt.want)
		}
	}
	// A viewer bounded by another (view-as) must pass for both.
	v := us["usa-admin"].Viewer()
	bound := us["jpn-admin"].Viewer()
	v.Within = &bound
	if s.Administers(liaison.WithViewer(context.Background(), v), *us["usa-reader"]) {
		t.Error("an admin bounded by another nation's admin administers their own nation's user")
	}
}

// missingUser is the error text a store gives for a missing user.
func missingUser(name string) string {
	return liaison.Errorf(liaison.ErrNotFound, "user %q", name).Error()
}

// The operation tests run each user operation as USA's admin on users
// within and beyond their access: the good cases succeed, the bad ones are
// refused (ErrNotFound like a missing user for existing users, ErrForbidden
// for a grant beyond the admin's own), audited, and change nothing.

func TestAdminScopeAdd(t *testing.T) {
	s, mem, us := scopeFixture(t)
	usa := liaison.WithViewer(context.Background(), us["usa-admin"].Viewer())
	sys := liaison.SystemContext(context.Background())
	for _, tt := range []struct {
		u    liaison.User
		want error
	}{
		{liaison.User{Name: "usa-new", Nation: "USA", Role: liaison.RoleAnalyst, Clearance: 3, Caveats: []string{"ATOMAL"}}, nil},
		{liaison.User{Name: "usa-new-admin", Nation: "USA", Role: liaison.RoleAdmin, Clearance: 2}, nil},
		{liaison.User{Name: "fake-jpn", Nation: "JPN", Role: liaison.RoleReader, Clearance: 0}, liaison.ErrForbidden},
		{liaison.User{Name: "usa-high", Nation: "USA", Role: liaison.RoleReader, Clearance: 4}, liaison.ErrForbidden},
		{liaison.User{Name: "usa-cry", Nation: "USA", Role: liaison.RoleReader, Caveats: []string{"CRYPTO"}}, liaison.ErrForbidden},
		{liaison.User{Name: "jpn-officer", Nation: "JPN", Role: liaison.RoleReader}, liaison.ErrForbidden}, // refused before the name is looked up
	} {
		u := tt.u
		_, _, err := s.AddUser(usa, &u, "")
		if tt.want == nil && err != nil || tt.want != nil && !errors.Is(err, tt.want) {
			t.Errorf("add %s: %v, want %v", tt.u.Name, err, tt.want)
		}
		if tt.want != nil && (!strings.Contains(err.Error(), tt.u.Name) || !strings.Contains(err.Error(), "more access than they hold")) {
			t.Errorf("add %s: refusal %q does not name the user and the reason", tt.u.Name, err)
		}
		_, gerr := mem.UserByName(sys, tt.u.Name)
		if stored := gerr == nil; stored != (tt.want == nil) && tt.u.Name != "jpn-officer" {
			t.Errorf("add %s: stored = %v after %v", tt.u.Name, stored, err)
		}
	}
	auditHas(t, mem, `add user "fake-jpn": nation JPN is not yours (USA)`, "clearance NATO SECRET is above your own",
		"caveat CRYPTO is not one you hold")
}

func TestAdminScopeTokens(t *testing.T) {
	s, mem, us := scopeFixture(t)
	usa := liaison.WithViewer(context.Background(), us["usa-admin"].Viewer())
	sys := liaison.SystemContext(context.Background())
	if _, _, err := s.IssueToken(usa, us["usa-reader"], liaison.ScopeRead); err != nil {
		t.Errorf("token for own nation's reader: %v", err)
	}
	for _, name := range []string{"jpn-officer", "usa-top", "usa-crypto"} {
		before, _ := mem.Tokens(sys, us[name].ID)
		if _, _, err := s.IssueToken(usa, us[name], liaison.ScopeWrite); err == nil || err.Error() != missingUser(name) {
			t.Errorf("token for %s: %v, want the missing-user error", name, err)
		}
		if after, _ := mem.Tokens(sys, us[name].ID); len(after) != len(before) {
			t.Errorf("token for %s: stored anyway", name)
		}
	}
	// A user issues their own token; not another's.
	officer := liaison.WithViewer(context.Background(), us["usa-officer"].Viewer())
	if _, _, err := s.IssueToken(officer, us["usa-officer"], liaison.ScopeRead); err != nil {
		t.Errorf("own token: %v", err)
	}
	if _, _, err := s.IssueToken(officer, us["usa-reader"], liaison.ScopeRead); !errors.Is(err, liaison.ErrNotFound) {
		t.Errorf("officer mints another's token: %v", err)
	}
	// Revoking: another nation's token answers like a missing one.
	jts, _ := mem.Tokens(sys, us["jpn-officer"].ID)
	missing := s.RevokeToken(usa, "no-such-token")
	if err := s.RevokeToken(usa, jts[0].ID); err == nil || strings.ReplaceAll(err.Error(), jts[0].ID, "no-such-token") != missing.Error() {
		t.Errorf("revoke JPN token: %v; a missing token: %v", err, missing)
	}
	if jts, _ = mem.Tokens(sys, us["jpn-officer"].ID); !jts[0].Revoked.IsZero() {
		t.Error("USA admin revoked a JPN token")
	}
	uts, _ := mem.Tokens(sys, us["usa-reader"].ID)
	if err := s.RevokeToken(usa, uts[0].ID); err != nil {
		t.Errorf("revoke own nation's token: %v", err)
	}
	auditHas(t, mem, `administer user "jpn-officer": nation JPN is not yours (USA)`)
}

func TestAdminScopeChange(t *testing.T) {
	s, mem, us := scopeFixture(t)
	usa := liaison.WithViewer(context.Background(), us["usa-admin"].Viewer())
	sys := liaison.SystemContext(context.Background())
	changed := *us["usa-reader"]
	changed.Clearance = 3
	if err := s.UpdateUser(usa, *us["usa-reader"], &changed); err != nil {
		t.Errorf("raise own reader to the admin's clearance: %v", err)
	}
	over := changed
	over.Clearance = 4
	if err := s.UpdateUser(usa, changed, &over); !errors.Is(err, liaison.ErrForbidden) || !strings.Contains(err.Error(), "usa-reader") {
		t.Errorf("raise above the admin's clearance: %v", err)
	}
	self := *us["usa-admin"]
	self.Caveats = []string{"ATOMAL", "CRYPTO"}
	if err := s.UpdateUser(usa, *us["usa-admin"], &self); !errors.Is(err, liaison.ErrForbidden) {
		t.Errorf("admin grants themself a caveat: %v", err)
	}
	jpn := *us["jpn-officer"]
	jpn.Disabled = true
	if err := s.UpdateUser(usa, *us["jpn-officer"], &jpn); err == nil || err.Error() != missingUser("jpn-officer") {
		t.Errorf("disable JPN officer: %v", err)
	}
	if got, _ := mem.UserByName(sys, "jpn-officer"); got.Disabled {
		t.Error("USA admin disabled a JPN user")
	}
	if err := s.SetPassword(usa, us["jpn-officer"], "a long enough passphrase"); err == nil || err.Error() != missingUser("jpn-officer") {
		t.Errorf("set JPN officer's password: %v", err)
	}
	auditHas(t, mem, `change user "usa-reader": clearance NATO SECRET is above your own`, "caveat CRYPTO is not one you hold")
}

// auditHas checks that the audit log's denials hold each of wants.
func auditHas(t *testing.T, mem *Memory, wants ...string) {
	t.Helper()
	es, _ := mem.List(liaison.SystemContext(context.Background()), liaison.AuditFilter{Action: liaison.AuditDenied})
	text := ""
	for _, e := range es {
		text += e.Detail + "\n"
	}
	for _, want := range wants {
		if !strings.Contains(text, want) {
			t.Errorf("audit lacks %q in:\n%s", want, text)
		}
	}
}

// TestUserEntriesStayTheirNations: the audit entries about a nation's users
// (added, tokens, a refused attempt to administer one) are its own; another
// nation's admin reads none of them, and refused administration of a real
// user of another nation leaves that admin's nation the same audit view as
// asking for a user who does not exist.
func TestUserEntriesStayTheirNations(t *testing.T) {
	s, mem, us := scopeFixture(t)
	ctx := context.Background()
	view := func(name string) []string {
		t.Helper()
		es, err := mem.List(liaison.WithViewer(ctx, us[name].Viewer()), liaison.AuditFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range es {
			out = append(out, e.Action+" "+e.Item)
		}
		return out
	}
	usaBefore := strings.Join(view("usa-admin"), "\n")
	for _, e := range view("usa-admin") {
		for _, n := range []string{"jpn-admin", "jpn-officer"} {
			if strings.Contains(e, us[n].ID) {
				t.Errorf("usa-admin reads %q about %s", e, n)
			}
		}
	}
	_, _, err := s.IssueToken(liaison.WithViewer(ctx, us["usa-admin"].Viewer()), us["jpn-officer"], liaison.ScopeRead)
	if !errors.Is(err, liaison.ErrNotFound) {
		t.Fatalf("token for another nation's user: %v, want not found", err)
	}
	if after := strings.Join(view("usa-admin"), "\n"); after != usaBefore {
		t.Errorf("the refusal changed usa-admin's audit view:\n%s\n---\n%s", usaBefore, after)
	}
	if got := strings.Join(view("jpn-admin"), "\n"); !strings.Contains(got, liaison.AuditDenied+" user:"+us["jpn-officer"].ID) {
		t.Errorf("jpn-admin does not read the refused attempt on its user:\n%s", got)
	}
}
