package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/auth"
	"github.com/liaison-project/liaison/internal/memstore"
)

type authFixture struct {
	srv    *Server
	mem    *auth.Memory
	svc    *auth.Service
	tokens map[string]string // user name → write token
}

func newAuthFixture(t *testing.T) *authFixture {
	t.Helper()
	mem := auth.NewMemory()
	svc, err := auth.New(auth.Config{Users: mem, Audit: mem, Params: auth.TestParams, MaxFailures: 3})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, code := range []string{"USA", "JPN", "FRA"} {
		mem.PutNation(ctx, &liaison.Nation{Code: code, Name: code, Status: liaison.NationMember})
	}
	f := &authFixture{mem: mem, svc: svc, tokens: map[string]string{}}
	for _, u := range []liaison.User{
		{Name: "ann", Nation: "USA", Role: liaison.RoleAdmin, Clearance: 4},
		{Name: "ken", Nation: "JPN", Role: liaison.RoleAnalyst, Clearance: 2},
	} {
		tok, _, err := svc.AddUser(ctx, &u, u.Name+"-passphrase")
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
	f.srv, err = New(Config{Documents: st, Extractions: st, Events: st, Feeds: st, Stats: st, Auth: a.Middleware})
	if err != nil {
		t.Fatal(err)
	}
	a.Register(f.srv)
	return f
}

type req struct {
	method, path, body, ctype string
	header                    map[string]string
	cookies                   []*http.Cookie
}

func (f *authFixture) do(t *testing.T, r req) *httptest.ResponseRecorder {
	t.Helper()
	hr := httptest.NewRequest(r.method, r.path, strings.NewReader(r.body))
	if r.ctype != "" {
		hr.Header.Set("Content-Type", r.ctype)
	}
	for k, v := range r.header {
		hr.Header.Set(k, v)
	}
	for _, c := range r.cookies {
		hr.AddCookie(c)
	}
	w := httptest.NewRecorder()
	f.srv.ServeHTTP(w, hr)
	return w
}

func (f *authFixture) login(t *testing.T, name string) ([]*http.Cookie, string) {
	t.Helper()
	w := f.do(t, req{method: "POST", path: "/login", ctype: "application/x-www-form-urlencoded",
		body: url.Values{"name": {name}, "password": {name + "-passphrase"}, "next": {"/docs"}}.Encode()})
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/docs" {
		t.Fatalf("login %s: %d %s", name, w.Code, w.Body)
	}
	cookies := live(w.Result().Cookies())
	me := f.me(t, req{cookies: cookies}, http.StatusOK)
	return cookies, me.CSRFToken
}

func (f *authFixture) me(t *testing.T, r req, want int) Me {
	t.Helper()
	r.method, r.path = "GET", "/api/v1/me"
	w := f.do(t, r)
	if w.Code != want {
		t.Fatalf("GET /api/v1/me = %d, want %d: %s", w.Code, want, w.Body)
	}
	var m Me
	if want == http.StatusOK {
		if err := json.Unmarshal(w.Body.Bytes(), &m); err != nil {
			t.Fatal(err)
		}
	}
	return m
}

// live drops the deletions a browser would apply rather than send.
func live(cs []*http.Cookie) []*http.Cookie {
	var out []*http.Cookie
	for _, c := range cs {
		if c.MaxAge >= 0 {
			out = append(out, c)
		}
	}
	return out
}

func bearer(tok string) map[string]string { return map[string]string{"Authorization": "Bearer " + tok} }

func TestAuthOpenAndClosedRoutes(t *testing.T) {
	f := newAuthFixture(t)
	tests := []struct {
		path, accept string
		want         int
		ctype        string
	}{
		{"/healthz", "", 200, "application/json"},
		{"/login", "text/html", 200, "text/html"},
		{"/api/v1/stats", "", 401, "application/json"},
		{"/api/v1/documents", "text/html", 401, "application/json"},
		{"/metrics", "", 401, "application/json"},
		{"/api/v1/me", "", 401, "application/json"},
	}
	for _, tt := range tests {
		w := f.do(t, req{method: "GET", path: tt.path, header: map[string]string{"Accept": tt.accept}})
		if w.Code != tt.want || !strings.HasPrefix(w.Header().Get("Content-Type"), tt.ctype) {
			t.Errorf("GET %s = %d %s, want %d %s", tt.path, w.Code, w.Header().Get("Content-Type"), tt.want, tt.ctype)
		}
	}
	w := f.do(t, req{method: "GET", path: "/api/v1/stats", header: bearer("lia_forged")})
	if w.Code != 401 || w.Header().Get("WWW-Authenticate") == "" {
		t.Errorf("forged token: %d", w.Code)
	}
}

func TestAuthSessionAndCSRF(t *testing.T) {
	f := newAuthFixture(t)
	cookies, csrf := f.login(t, "ken")
	if csrf == "" {
		t.Fatal("no CSRF token for a session")
	}
	if m := f.me(t, req{cookies: cookies}, 200); m.Viewer.Nation != "JPN" || m.Viewer.Clearance != 2 {
		t.Errorf("viewer = %+v", m.Viewer)
	}
	for _, hdr := range []map[string]string{nil, {CSRFHeader: "wrong"}} {
		w := f.do(t, req{method: "POST", path: "/logout", cookies: cookies, header: hdr})
		if w.Code != http.StatusForbidden {
			t.Errorf("logout with CSRF %v = %d, want 403", hdr, w.Code)
		}
	}
	w := f.do(t, req{method: "POST", path: "/logout", cookies: cookies, ctype: "application/x-www-form-urlencoded",
		body: CSRFField + "=" + url.QueryEscape(csrf)})
	if w.Code != http.StatusSeeOther {
		t.Fatalf("logout = %d %s", w.Code, w.Body)
	}
	f.me(t, req{cookies: cookies}, http.StatusUnauthorized)
}

func TestAuthLoginFailuresAndLockout(t *testing.T) {
	f := newAuthFixture(t)
	form := func(pw string) req {
		return req{method: "POST", path: "/login", ctype: "application/x-www-form-urlencoded",
			body: url.Values{"name": {"ken"}, "password": {pw}}.Encode()}
	}
	for i := 0; i < 3; i++ {
		if w := f.do(t, form("nope")); w.Code != http.StatusUnauthorized {
			t.Fatalf("bad password = %d", w.Code)
		}
	}
	if w := f.do(t, form("ken-passphrase")); w.Code != http.StatusUnauthorized {
		t.Errorf("locked account login = %d, want 401", w.Code)
	}
	w := f.do(t, req{method: "POST", path: "/login", ctype: "application/json", body: `{"name":"ann","password":"ann-passphrase"}`})
	if w.Code != 200 || !strings.Contains(w.Body.String(), `"csrf_token"`) {
		t.Errorf("JSON login = %d %s", w.Code, w.Body)
	}
}

func TestAuthTokens(t *testing.T) {
	f := newAuthFixture(t)
	ctx := context.Background()
	if m := f.me(t, req{header: bearer(f.tokens["ken"])}, 200); m.User.Name != "ken" || m.CSRFToken != "" {
		t.Errorf("token me = %+v", m)
	}
	ken, _ := f.mem.UserByName(ctx, "ken")
	read, tok, err := f.svc.IssueToken(ctx, ken, liaison.ScopeRead)
	if err != nil {
		t.Fatal(err)
	}
	f.me(t, req{header: bearer(read)}, 200)
	w := f.do(t, req{method: "POST", path: "/api/v1/feeds", header: bearer(read), ctype: "application/json", body: `{}`})
	if w.Code != http.StatusForbidden {
		t.Errorf("read token POST = %d, want 403", w.Code)
	}
	f.svc.RevokeToken(ctx, tok.ID)
	f.me(t, req{header: bearer(read)}, http.StatusUnauthorized)
	f.me(t, req{header: map[string]string{"Authorization": "Basic eDp5"}}, http.StatusUnauthorized)
}

func TestAuthViewAs(t *testing.T) {
	f := newAuthFixture(t)
	cookies, csrf := f.login(t, "ann")
	post := func(cookies []*http.Cookie, csrf, nation string) *httptest.ResponseRecorder {
		return f.do(t, req{method: "POST", path: "/view-as", cookies: cookies, ctype: "application/x-www-form-urlencoded",
			body: url.Values{"nation": {nation}, CSRFField: {csrf}}.Encode()})
	}
	w := post(cookies, csrf, "jpn")
	if w.Code != http.StatusSeeOther {
		t.Fatalf("view-as = %d %s", w.Code, w.Body)
	}
	all := append(cookies, live(w.Result().Cookies())...)
	m := f.me(t, req{cookies: all}, 200)
	if m.Viewer.Nation != "JPN" || m.Viewer.Role != liaison.RoleReader || m.User.Nation != "USA" || m.ViewingAs != "JPN" {
		t.Errorf("view as JPN: %+v", m)
	}
	if w := post(cookies, csrf, "XXX"); w.Code != http.StatusBadRequest {
		t.Errorf("view as unknown nation = %d, want 400", w.Code)
	}
	kc, kcsrf := f.login(t, "ken")
	if w := post(kc, kcsrf, "USA"); w.Code != http.StatusForbidden {
		t.Errorf("non-admin view-as = %d, want 403", w.Code)
	}
	hdr := bearer(f.tokens["ann"])
	hdr[ViewAsHeader] = "FRA"
	if m := f.me(t, req{header: hdr}, 200); m.Viewer.Nation != "FRA" {
		t.Errorf("X-View-As: %+v", m.Viewer)
	}
	hdr = bearer(f.tokens["ken"])
	hdr[ViewAsHeader] = "USA"
	f.me(t, req{header: hdr}, http.StatusForbidden)
	hdr = bearer(f.tokens["ann"])
	hdr[ViewAsHeader] = "FRA"
	f.do(t, req{method: "DELETE", path: "/api/v1/tokens/secret-item-id-42", header: hdr})
	entries, _ := f.mem.List(liaison.SystemContext(context.Background()), liaison.AuditFilter{Action: liaison.AuditViewAs})
	if len(entries) < 3 {
		t.Errorf("view-as audited %d times", len(entries))
	}
	// Every admin reads view-as entries: they name the route, never the
	// raw path with its ids.
	last := entries[len(entries)-1]
	if last.Detail != "DELETE /api/v1/tokens/{id}" || strings.Contains(fmt.Sprint(entries), "secret-item-id-42") {
		t.Errorf("view-as entry detail = %q, want the route pattern without the id", last.Detail)
	}
}

func TestAuthAdminRoutes(t *testing.T) {
	f := newAuthFixture(t)
	admin, ken := bearer(f.tokens["ann"]), bearer(f.tokens["ken"])
	tests := []struct {
		name, method, path, body string
		hdr                      map[string]string
		want                     int
		contains                 string
	}{
		{"nations", "GET", "/api/v1/nations", "", ken, 200, `"JPN"`},
		{"marking", "GET", "/api/v1/marking?text=" + url.QueryEscape("nr // rel to usa, jpn"), "", ken, 200, `"canonical": "NATO RESTRICTED // REL TO JPN, USA"`},
		{"bad marking", "GET", "/api/v1/marking?text=TOP", "", ken, 400, "unknown classification"},
		{"add user", "POST", "/api/v1/users", `{"name":"fred","nation":"usa","role":"reader","clearance":"NR","password":"pw"}`, admin, 400, `at least 12`},
		{"add user", "POST", "/api/v1/users", `{"name":"fred","nation":"usa","role":"reader","clearance":"NR","password":"twelve chars"}`, admin, 201, `"token": "lia_`},
		{"add user other nation", "POST", "/api/v1/users", `{"name":"fritz","nation":"fra","role":"reader","clearance":"NR"}`, admin, 403, `nation FRA is not yours (USA)`},
		{"other nation's token", "POST", "/api/v1/users/ken/tokens?scope=read", "", admin, 404, `user \"ken\"`},
		{"add user not admin", "POST", "/api/v1/users", `{"name":"eve","nation":"FRA","role":"admin","clearance":"NS"}`, ken, 403, "admins only"},
		{"add user bad nation", "POST", "/api/v1/users", `{"name":"eve","nation":"ZZZ","role":"reader","clearance":"NR"}`, admin, 400, "not known"},
		{"own token", "POST", "/api/v1/users/ken/tokens?scope=read", "", ken, 201, `"scope": "read"`},
		{"other's token", "POST", "/api/v1/users/ann/tokens", "", ken, 403, "themself"},
		{"unknown user's token", "POST", "/api/v1/users/nobody/tokens", "", ken, 403, "themself"},
		{"revoke not admin", "DELETE", "/api/v1/tokens/x", "", ken, 403, ""},
		{"revoke unknown", "DELETE", "/api/v1/tokens/x", "", admin, 404, ""},
		{"verify", "GET", "/api/v1/audit/verify", "", admin, 200, `"ok": true`},
		{"verify not admin", "GET", "/api/v1/audit/verify", "", ken, 403, ""},
		{"audit as JPN", "GET", "/api/v1/audit", "", ken, 200, `"JPN"`},
	}
	for _, tt := range tests {
		w := f.do(t, req{method: tt.method, path: tt.path, body: tt.body, ctype: "application/json", header: tt.hdr})
		if w.Code != tt.want || !strings.Contains(w.Body.String(), tt.contains) {
			t.Errorf("%s: %d %s; want %d containing %q", tt.name, w.Code, w.Body, tt.want, tt.contains)
		}
	}
	var es liaison.Page[liaison.AuditEntry]
	if err := json.Unmarshal(f.do(t, req{method: "GET", path: "/api/v1/audit", header: ken}).Body.Bytes(), &es); err != nil ||
		len(es.Items) == 0 || es.Total < len(es.Items) {
		t.Fatalf("audit as JPN: %v, %d items of %d", err, len(es.Items), es.Total)
	}
	for _, e := range es.Items {
		if e.Nation != "JPN" {
			t.Errorf("JPN analyst reads audit entry of %q: %+v", e.Nation, e)
		}
	}
}
