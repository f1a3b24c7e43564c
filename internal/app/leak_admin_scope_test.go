package app

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/httpapi"
)

// send makes a request as u (with u's view-as nation) and returns status
// and body.
func (f *lmFixture) send(t *testing.T, u *lmUser, method, path, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, f.m.URL()+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+u.token)
	req.Header.Set("Content-Type", "application/json")
	if u.viewAs != "" {
		req.Header.Set(httpapi.ViewAsHeader, u.viewAs)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	return resp.StatusCode, string(b)
}

// userState sums up what an admin operation could change of a user: role,
// clearance, caveats, disabled flag and live tokens.
func (f *lmFixture) userState(t *testing.T, name string) string {
	t.Helper()
	sys := liaison.SystemContext(context.Background())
	u, err := f.m.access.store.UserByName(sys, name)
	if err != nil {
		t.Fatal(err)
	}
	ts, err := f.m.access.store.Tokens(sys, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	live := 0
	for _, tk := range ts {
		if tk.Revoked.IsZero() {
			live++
		}
	}
	return fmt.Sprintf("%s %d %v disabled=%v tokens=%d", u.Role, u.Clearance, u.Caveats, u.Disabled, live)
}

// administers is the reference rule of user administration: an admin
// administers a user within their own access — same nation, clearance no
// higher, caveats held. View-as changes nothing here: admin operations
// act as the real user.
func (u *lmUser) administers(o *lmUser) bool {
	if u.role != liaison.RoleAdmin || o.nation != u.nation || o.clr > u.clr {
		return false
	}
	for _, c := range o.caveats {
		if !slices.Contains(u.caveats, c) {
			return false
		}
	}
	return true
}

// adminScope tries, as an admin (viewing as a nation or not), the user
// operations on every other user of the matrix: a user the admin may not
// administer answers byte for byte like a nonexistent one (so the answer
// does not tell that they exist), and nothing changes (before: every
// user's state at the start); then adminScopeOwn.
func (r *lmRun) adminScope(t *testing.T, before map[string]string) {
	f, u := r.f, r.u
	for _, o := range f.users {
		if u.role != liaison.RoleAdmin {
			break // refused before any lookup ("admins only"): TestLeakMatrixAdmin's reads check that
		}
		if o.viewAs != "" || o.name == u.name || o.name == strings.TrimSuffix(u.name, "-as-"+strings.ToLower(u.viewAs)) {
			continue
		}
		if u.administers(o) {
			continue // the matrix has no two admins' users in one scope; the good cases are below
		}
		for _, op := range []struct{ method, path, body string }{
			{"POST", "/api/v1/users/%s/tokens?scope=write", ""},
			{"PATCH", "/api/v1/users/%s", `{"disabled":true}`},
			{"PATCH", "/api/v1/users/%s", `{"clearance":"NATO SECRET","caveats":["ATOMAL","CRYPTO"]}`},
		} {
			code, body := f.send(t, u, op.method, strings.Replace(op.path, "%s", o.name, 1), op.body)
			mcode, mbody := f.send(t, u, op.method, strings.Replace(op.path, "%s", "qz-nobody", 1), op.body)
			if code != mcode || body != strings.ReplaceAll(mbody, "qz-nobody", o.name) || code < 400 {
				t.Errorf("%s: %s %s as %s = %d %.200s; for a missing user %d %.200s", u.name, op.method, op.path, o.name, code, body, mcode, mbody)
			}
		}
	}
	for _, o := range f.users { // nothing the refusals named changed
		if got := f.userState(t, o.user.Name); got != before[o.user.Name] && !u.administers(o) {
			t.Errorf("%s: user %s changed: %s, was %s", u.name, o.name, got, before[o.name])
		}
	}
	r.adminScopeOwn(t)
}

// adminScopeOwn: adding a user of another nation is refused (for
// everyone); an admin's user list holds exactly the users they administer,
// and adding a user of their own nation within their access works.
func (r *lmRun) adminScopeOwn(t *testing.T) {
	f, u := r.f, r.u
	other := "JPN"
	if u.user.Nation == "JPN" {
		other = "FRA"
	}
	if code, body := f.send(t, u, "POST", "/api/v1/users",
		`{"name":"qz-`+u.name+`-fake","nation":"`+other+`","role":"admin","clearance":"PUBLIC"}`); code != http.StatusForbidden {
		t.Errorf("%s: adding a user of %s = %d %.300s, want 403", u.name, other, code, body)
	}
	if u.role != liaison.RoleAdmin || u.viewAs != "" {
		return
	}
	var list struct {
		Items []struct {
			Name string `json:"name"`
		} `json:"items"`
	}
	code, body := f.send(t, u, "GET", "/api/v1/users", "")
	if err := json.Unmarshal([]byte(body), &list); err != nil || code != 200 {
		t.Fatalf("%s: GET /api/v1/users = %d %v", u.name, code, err)
	}
	var got, want []string
	for _, it := range list.Items {
		if strings.HasPrefix(it.Name, "qz-") {
			continue // users other runs add
		}
		got = append(got, it.Name)
	}
	for _, o := range f.users {
		if o.viewAs == "" && u.administers(o) {
			want = append(want, o.name)
		}
	}
	slices.Sort(want)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("%s: users listed %v, want %v", u.name, got, want)
	}
	// The good case: a user of the admin's nation within their access.
	name := "qz-" + u.name + "-new"
	if code, body := f.send(t, u, "POST", "/api/v1/users",
		`{"name":"`+name+`","nation":"`+u.nation+`","role":"reader","clearance":"PUBLIC"}`); code != http.StatusCreated {
		t.Errorf("%s: adding a reader of %s = %d %.300s, want 201", u.name, u.nation, code, body)
	}
	if code, body := f.send(t, u, "POST", "/api/v1/users/"+name+"/tokens?scope=read", ""); code != http.StatusCreated {
		t.Errorf("%s: a token for %s = %d %.300s, want 201", u.name, name, code, body)
	}
}
