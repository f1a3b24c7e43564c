package httpapi

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/auth"
	"github.com/liaison-project/liaison/internal/memstore"
)

// scopeFixture is a node with users of two nations (USA: an admin, an
// officer, a reader cleared above the admin; JPN: an admin and an officer),
// the access and admin routes, and documents under nation-specific
// markings, for the view-as and administration-scope tests.
type scopeFixture struct {
	*authFixture
	docs map[string]liaison.Marking // id → marking
}

func newScopeFixture(t *testing.T) *scopeFixture {
	t.Helper()
	mem := auth.NewMemory()
	svc, err := auth.New(auth.Config{Users: mem, Audit: mem, Params: auth.TestParams})
	if err != nil {
		t.Fatal(err)
	}
	sys := liaison.SystemContext(context.Background())
	for _, code := range []string{"USA", "JPN", "FRA"} {
		mem.PutNation(sys, &liaison.Nation{Code: code, Name: code, Status: liaison.NationMember})
	}
	f := &scopeFixture{authFixture: &authFixture{mem: mem, svc: svc, tokens: map[string]string{}}, docs: map[string]liaison.Marking{}}
	for _, u := range []liaison.User{
		{Name: "usa-admin", Nation: "USA", Role: liaison.RoleAdmin, Clearance: 3},
		{Name: "usa-officer", Nation: "USA", Role: liaison.RoleOfficer, Clearance: 3},
		{Name: "usa-top", Nation: "USA", Role: liaison.RoleReader, Clearance: 4},
		{Name: "jpn-admin", Nation: "JPN", Role: liaison.RoleAdmin, Clearance: 2},
		{Name: "jpn-officer", Nation: "JPN", Role: liaison.RoleOfficer, Clearance: 2},
	} {
		tok, _, err := svc.AddUser(sys, &u, u.Name+"-long-passphrase")
		if err != nil {
			t.Fatal(err)
		}
		f.tokens[u.Name] = tok
	}
	a, err := NewAuthenticator(AuthConfig{Service: svc, Nations: mem, Users: mem, Audit: mem})
	if err != nil {
		t.Fatal(err)
	}
	st := memstore.New()
	for i, m := range []liaison.Marking{
		{Level: 1},                                       // everyone cleared
		{Level: 1, RelTo: []string{"JPN"}},               // JPN only
		{Level: 1, RelTo: []string{"USA"}},               // USA only
		{Level: 1, RelTo: []string{"JPN", "USA"}},        // both
		{Level: 3, RelTo: []string{"FRA", "USA"}},        // "NATO SECRET"-like: not JPN
		{Level: 2, RelTo: []string{"FRA", "JPN", "USA"}}, // all three
		{Level: 3, RelTo: []string{"FRA", "JPN", "USA"}}, // above the JPN admin
		{Level: 1, RelTo: []string{"FRA", "USA"}},        // not JPN
	} {
		d := &liaison.Document{Title: "doc", Text: "scope test " + string(rune('a'+i)), Marking: m,
			Published: time.Date(2023, 7, 1+i, 0, 0, 0, 0, time.UTC)}
		res, err := st.PutDocument(sys, d)
		if err != nil {
			t.Fatal(err)
		}
		f.docs[res.ID] = m
	}
	f.srv, err = New(Config{Documents: st, Extractions: st, Events: st, Feeds: st, Stats: st, Auth: a.Middleware})
	if err != nil {
		t.Fatal(err)
	}
	a.Register(f.srv)
	adm, err := NewAdmin(AdminConfig{Service: svc, Nations: mem, Users: mem, Audit: mem})
	if err != nil {
		t.Fatal(err)
	}
	adm.Register(f.srv)
	return f
}

// as returns the headers of a request by user, viewing as nation when set.
func (f *scopeFixture) as(user, nation string) map[string]string {
	h := bearer(f.tokens[user])
	if nation != "" {
		h[ViewAsHeader] = nation
	}
	return h
}

// TestViewAsNarrows: an admin viewing as a nation reads exactly the
// documents both the nation and the admin may read — never one the admin
// may not read themself — on get and list.
func TestViewAsNarrows(t *testing.T) {
	f := newScopeFixture(t)
	rel := func(m liaison.Marking, n string) bool {
		return len(m.RelTo) == 0 || strings.Contains(strings.Join(m.RelTo, " "), n)
	}
	for _, tt := range []struct {
		user, nation, own string
		clr               int
	}{
		{"usa-admin", "JPN", "USA", 3},
		{"jpn-admin", "USA", "JPN", 2},
		{"jpn-admin", "FRA", "JPN", 2},
	} {
		want := map[string]bool{}
		for id, m := range f.docs {
			want[id] = m.Level <= tt.clr && rel(m, tt.own) && rel(m, tt.nation)
		}
		h := f.as(tt.user, tt.nation)
		seen := 0
		for id := range f.docs {
			w := f.do(t, req{method: "GET", path: "/api/v1/documents/" + id, header: h})
			if got := w.Code == http.StatusOK; got != want[id] || !got && w.Code != http.StatusNotFound {
				t.Errorf("%s as %s: document %s marked %+v = %d, want visible=%v", tt.user, tt.nation, id, f.docs[id], w.Code, want[id])
			}
			if want[id] {
				seen++
			}
		}
		var list struct {
			Items []liaison.Document `json:"items"`
			Total int                `json:"total"`
		}
		w := f.do(t, req{method: "GET", path: "/api/v1/documents?limit=100", header: h})
		if err := json.Unmarshal(w.Body.Bytes(), &list); err != nil || list.Total != seen || len(list.Items) != seen {
			t.Errorf("%s as %s: list %d items of %d (%v), want %d", tt.user, tt.nation, len(list.Items), list.Total, err, seen)
		}
		if seen == 0 {
			t.Errorf("%s as %s: the table leaves nothing visible", tt.user, tt.nation)
		}
	}
}

// TestAdminScopeRoutesAsMissing: on every admin user route, a user beyond
// the admin's own access — another nation's, or their own nation's cleared
// higher — answers byte for byte like a user (or token) that does not exist.
func TestAdminScopeRoutesAsMissing(t *testing.T) {
	f := newScopeFixture(t)
	usa := f.as("usa-admin", "")
	missing := func(method, path, reqBody string) (int, string) {
		w := f.do(t, req{method: method, path: path, body: reqBody, ctype: "application/json", header: usa})
		return w.Code, w.Body.String()
	}
	// The same request about a user that does not exist, for comparison.
	for _, tt := range []struct{ method, path, body string }{
		{"POST", "/api/v1/users/%s/tokens?scope=write", ""},
		{"PATCH", "/api/v1/users/%s", `{"disabled":true}`},
		{"PATCH", "/api/v1/users/%s", `{"role":"bogus"}`},
	} {
		for _, name := range []string{"jpn-officer", "jpn-admin", "usa-top"} {
			code, got := missing(tt.method, strings.Replace(tt.path, "%s", name, 1), tt.body)
			ncode, none := missing(tt.method, strings.Replace(tt.path, "%s", "nobody-"+name, 1), tt.body)
			if code != http.StatusNotFound || ncode != code || strings.ReplaceAll(none, "nobody-"+name, name) != got {
				t.Errorf("usa-admin %s %s: %d %s; a missing user: %d %s", tt.method, name, code, got, ncode, none)
			}
		}
	}
	// Revoking another nation's token answers like a missing token.
	jo, _ := f.mem.UserByName(context.Background(), "jpn-officer")
	ts, _ := f.mem.Tokens(context.Background(), jo.ID)
	w := f.do(t, req{method: "DELETE", path: "/api/v1/tokens/" + ts[0].ID, header: usa})
	wn := f.do(t, req{method: "DELETE", path: "/api/v1/tokens/NOSUCHTOKEN", header: usa})
	if w.Code != http.StatusNotFound || strings.ReplaceAll(wn.Body.String(), "NOSUCHTOKEN", ts[0].ID) != w.Body.String() {
		t.Errorf("revoke JPN token as USA admin: %d %s; missing token: %d %s", w.Code, w.Body, wn.Code, wn.Body)
	}
	if ts, _ = f.mem.Tokens(context.Background(), jo.ID); len(ts) != 1 || !ts[0].Revoked.IsZero() {
		t.Error("USA admin minted or revoked a JPN user's token")
	}
}

// TestAdminScopeRoutesGrants: an admin adds and changes users within their
// own access; a grant beyond it is refused (403) naming the reason.
func TestAdminScopeRoutesGrants(t *testing.T) {
	f := newScopeFixture(t)
	usa, jpn := f.as("usa-admin", ""), f.as("jpn-admin", "")
	for _, tt := range []struct {
		name, method, path, body string
		hdr                      map[string]string
		want                     int
		contains                 string
	}{
		{"own nation's token", "POST", "/api/v1/users/usa-officer/tokens?scope=read", "", usa, 201, `"token": "lia_`},
		{"JPN admin, JPN token", "POST", "/api/v1/users/jpn-officer/tokens?scope=read", "", jpn, 201, `"token": "lia_`},
		{"add JPN user", "POST", "/api/v1/users", `{"name":"fake-jpn","nation":"JPN","role":"reader","clearance":"NS"}`, usa, 403,
			`nation JPN is not yours (USA)`},
		{"add above clearance", "POST", "/api/v1/users", `{"name":"usa-high","nation":"USA","role":"reader","clearance":"NS"}`, usa, 403,
			`clearance NATO SECRET is above your own (NATO CONFIDENTIAL)`},
		{"add caveat not held", "POST", "/api/v1/users", `{"name":"usa-cav","nation":"USA","role":"reader","clearance":"NR","caveats":["ATOMAL"]}`,
			usa, 403, `caveat ATOMAL is not one you hold`},
		{"add within", "POST", "/api/v1/users", `{"name":"usa-new","nation":"USA","role":"analyst","clearance":"NC"}`, usa, 201, `"usa-new"`},
		{"raise above own", "PATCH", "/api/v1/users/usa-officer", `{"clearance":"NS"}`, usa, 403, `usa-officer\": clearance NATO SECRET`},
		{"change within", "PATCH", "/api/v1/users/usa-officer", `{"role":"analyst"}`, usa, 200, `"role": "analyst"`},
		{"JPN admin raises JPN user above own", "PATCH", "/api/v1/users/jpn-officer", `{"clearance":"NC"}`, jpn, 403, "above your own"},
		{"JPN admin, USA user", "PATCH", "/api/v1/users/usa-officer", `{"disabled":true}`, jpn, 404, `user \"usa-officer\"`},
	} {
		w := f.do(t, req{method: tt.method, path: tt.path, body: tt.body, ctype: "application/json", header: tt.hdr})
		if w.Code != tt.want || !strings.Contains(w.Body.String(), tt.contains) {
			t.Errorf("%s: %d %s; want %d containing %q", tt.name, w.Code, w.Body, tt.want, tt.contains)
		}
	}
}

// TestAdminScopeRoutesLists: GET /api/v1/users holds exactly the users
// the admin administers.
func TestAdminScopeRoutesLists(t *testing.T) {
	f := newScopeFixture(t)
	// Lists hold only the users the admin administers.
	for hdr, want := range map[string][]string{"usa-admin": {"usa-admin", "usa-officer"}, "jpn-admin": {"jpn-admin", "jpn-officer"}} {
		var list struct {
			Items []UserInfo `json:"items"`
			Total int        `json:"total"`
		}
		w := f.do(t, req{method: "GET", path: "/api/v1/users", header: f.as(hdr, "")})
		if err := json.Unmarshal(w.Body.Bytes(), &list); err != nil {
			t.Fatalf("users as %s: %v %s", hdr, err, w.Body)
		}
		var got []string
		for _, u := range list.Items {
			got = append(got, u.Name)
		}
		if strings.Join(got, " ") != strings.Join(want, " ") || list.Total != len(want) {
			t.Errorf("users listed to %s: %v (total %d), want %v", hdr, got, list.Total, want)
		}
	}
}
