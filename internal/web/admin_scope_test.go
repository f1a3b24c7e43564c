package web

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
)

// TestAdminUsersScope: the users pages let an admin administer only users
// within their own access. ann (JPN admin) sees and manages JPN users;
// uma (USA) is not listed, and every operation on her answers exactly as
// for a user that does not exist; adding a USA user or granting a caveat
// ann does not hold is refused with the reason.
func TestAdminUsersScope(t *testing.T) {
	ts, mem := adminSite(t)
	ann := login(t, ts, "ann")
	code, page := ann.do("GET", "/admin/users", nil)
	if code != 200 || strings.Contains(page, "uma") || !strings.Contains(page, "rita") ||
		!strings.Contains(page, "You administer only users within your own access: nation JPN") {
		t.Errorf("users page = %d, lists uma or lacks rita or the scope note:\n%.3000s", code, page)
	}
	if strings.Contains(page, `<option value="USA"`) || !strings.Contains(page, `<option value="JPN"`) {
		t.Error("the add form offers a nation other than the admin's own")
	}
	sys := liaison.SystemContext(context.Background())
	uma, err := mem.UserByName(sys, "uma")
	if err != nil {
		t.Fatal(err)
	}
	umaTokens, _ := mem.Tokens(sys, uma.ID)
	for _, tt := range []struct {
		path, other string
		form        url.Values
	}{
		{"/admin/users/uma", "/admin/users/nobody", url.Values{"role": {"admin"}, "clearance": {"NATO SECRET"}}},
		{"/admin/users/uma/tokens", "/admin/users/nobody/tokens", url.Values{"scope": {"write"}}},
		{"/admin/tokens/" + umaTokens[0].ID + "/revoke", "/admin/tokens/NOPE/revoke", url.Values{}},
	} {
		code, body := ann.do("POST", tt.path, tt.form)
		ncode, none := ann.do("POST", tt.other, tt.form)
		norm := strings.NewReplacer("nobody", "uma", "NOPE", umaTokens[0].ID).Replace(none)
		if code != 404 || ncode != 404 || norm != body {
			t.Errorf("POST %s = %d, %s = %d; bodies differ: %v", tt.path, code, tt.other, ncode, norm != body)
		}
	}
	if u, _ := mem.UserByName(sys, "uma"); u.Role != liaison.RoleReader || len(umaTokens) != func() int {
		ts, _ := mem.Tokens(sys, uma.ID)
		return len(ts)
	}() {
		t.Error("an operation on a user of another nation took effect")
	}
	for _, tt := range []struct {
		name string
		form url.Values
		want string
	}{
		{"another nation", url.Values{"name": {"fake-usa"}, "nation": {"USA"}, "role": {"admin"}, "clearance": {"PUBLIC"}},
			"nation USA is not yours (JPN)"},
		{"caveat not held", url.Values{"name": {"jpn-crypto"}, "nation": {"JPN"}, "role": {"reader"}, "clearance": {"PUBLIC"},
			"caveats": {"CRYPTO"}}, "caveat CRYPTO is not one you hold"},
	} {
		if code, body := ann.do("POST", "/admin/users", tt.form); code != 403 || !strings.Contains(body, tt.want) {
			t.Errorf("add %s = %d, want 403 with %q:\n%.2000s", tt.name, code, tt.want, body)
		}
		if _, err := mem.UserByName(sys, tt.form.Get("name")); err == nil {
			t.Errorf("add %s: the user was stored", tt.name)
		}
	}
	if code, body := ann.do("POST", "/admin/users/rita", url.Values{"role": {"reader"}, "clearance": {"PUBLIC"},
		"caveats": {"CRYPTO"}}); code != 403 || !strings.Contains(body, "caveat CRYPTO is not one you hold") {
		t.Errorf("grant rita a caveat ann lacks = %d:\n%.2000s", code, body)
	}
}
