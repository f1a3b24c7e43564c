package web

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/auth"
	"github.com/liaison-project/liaison/internal/httpapi"
	"github.com/liaison-project/liaison/internal/memstore"
)

// adminSite serves the UI with real logins over in-memory stores: ann
// (JPN admin), ken (JPN analyst), rita (JPN reader), uma (USA reader, whom
// ann may not administer); passwords name+"-password".
func adminSite(t *testing.T) (*httptest.Server, *auth.Memory) {
	t.Helper()
	mem := auth.NewMemory()
	svc, err := auth.New(auth.Config{Users: mem, Audit: mem, Params: auth.TestParams})
	if err != nil {
		t.Fatal(err)
	}
	ctx := liaison.SystemContext(context.Background())
	for _, c := range []string{"USA", "JPN", "FRA"} {
		if err := mem.PutNation(ctx, &liaison.Nation{Code: c, Name: "Nation " + c, Status: liaison.NationMember}); err != nil {
			t.Fatal(err)
		}
	}
	for _, u := range []liaison.User{
		{Name: "ann", Nation: "JPN", Role: liaison.RoleAdmin, Clearance: 4, Caveats: []string{"ATOMAL"}},
		{Name: "ken", Nation: "JPN", Role: liaison.RoleAnalyst, Clearance: 3},
		{Name: "rita", Nation: "JPN", Role: liaison.RoleReader, Clearance: 2},
		{Name: "uma", Nation: "USA", Role: liaison.RoleReader, Clearance: 1},
	} {
		if _, _, err := svc.AddUser(ctx, &u, u.Name+"-password"); err != nil {
			t.Fatal(err)
		}
	}
	st := memstore.New()
	ui, err := New(Config{Documents: st, Extractions: st, Events: st, Feeds: st, Stats: st})
	if err != nil {
		t.Fatal(err)
	}
	authn, err := httpapi.NewAuthenticator(httpapi.AuthConfig{Service: svc, Nations: mem, Users: mem, Audit: mem, LoginPage: ui.LoginPage})
	if err != nil {
		t.Fatal(err)
	}
	srv, err := httpapi.New(httpapi.Config{Documents: st, Extractions: st, Events: st, Feeds: st, Stats: st, Auth: authn.Middleware})
	if err != nil {
		t.Fatal(err)
	}
	ui.Register(srv)
	authn.Register(srv)
	adm, err := httpapi.NewAdmin(httpapi.AdminConfig{Service: svc, Nations: mem, Users: mem, Audit: mem,
		Country: func(c string) bool { return strings.Contains("USA JPN FRA SWE KOR", c) }})
	if err != nil {
		t.Fatal(err)
	}
	if err := ui.RegisterAdmin(srv, adm); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts, mem
}

// browser is a logged-in session: cookies and the CSRF token.
type browser struct {
	t    *testing.T
	ts   *httptest.Server
	c    *http.Client
	csrf string
}

func login(t *testing.T, ts *httptest.Server, name string) *browser {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.PostForm(ts.URL+"/login", url.Values{"name": {name}, "password": {name + "-password"}, "next": {"/"}})
	if err != nil || resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("login %s: %v %v", name, resp.StatusCode, err)
	}
	resp.Body.Close()
	b := &browser{t: t, ts: ts, c: c}
	_, body := b.do("GET", "/api/v1/me", nil)
	var me httpapi.Me
	if err := json.Unmarshal([]byte(body), &me); err != nil || me.CSRFToken == "" {
		t.Fatalf("me: %v %s", err, body)
	}
	b.csrf = me.CSRFToken
	return b
}

// do sends a request; a form gets the session's CSRF token unless it
// already carries a csrf_token value (e.g. a wrong one).
func (b *browser) do(method, path string, form url.Values) (int, string) {
	b.t.Helper()
	var body io.Reader
	if form != nil {
		if _, ok := form[httpapi.CSRFField]; !ok {
			form.Set(httpapi.CSRFField, b.csrf)
		}
		body = strings.NewReader(form.Encode())
	}
	req, _ := http.NewRequest(method, b.ts.URL+path, body)
	req.Header.Set("Accept", "text/html")
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	if resp.StatusCode == http.StatusSeeOther {
		return resp.StatusCode, resp.Header.Get("Location")
	}
	return resp.StatusCode, string(out)
}

// adminCase is one request of TestAdminPages.
type adminCase struct {
	name   string
	b      *browser
	method string
	path   string
	form   url.Values
	status int
	want   []string
}

// adminCases are the admin's requests (ok and bad input) and every admin
// route as an analyst and a reader (refused).
func adminCases(ann, ken, rita *browser) []adminCase {
	tests := []adminCase{
		{"nations", ann, "GET", "/admin/nations", nil, 200, []string{"Nation JPN", `name="csrf_token" value="` + ann.csrf, `href="/admin/nations?edit=USA"`}},
		{"nations edit form", ann, "GET", "/admin/nations?edit=jpn", nil, 200, []string{"Edit nation JPN", `value="Nation JPN"`}},
		{"nation add", ann, "POST", "/admin/nations", url.Values{"code": {"swe"}, "name": {"Sweden"}, "status": {"member"},
			"groups": {"NATO:2024-03-07, EU:1995-01-01"}}, 303, []string{"/admin/nations?saved=SWE"}},
		{"nation bad", ann, "POST", "/admin/nations", url.Values{"code": {"SWE"}, "name": {"Sweden"}, "status": {"member"},
			"groups": {"NATO:March"}}, 400, []string{`role="alert"`, "not YYYY-MM-DD", `value="NATO:March"`, `value="Sweden"`}},
		{"nation bad code", ann, "POST", "/admin/nations", url.Values{"code": {"ZZZ"}, "name": {"Nowhere"}, "status": {"member"}},
			400, []string{"not an ISO 3166"}},
		{"users", ann, "GET", "/admin/users", nil, 200, []string{"rita", "NATO RESTRICTED", "Issue token", `action="/admin/users"`}},
		{"user add", ann, "POST", "/admin/users", url.Values{"name": {"sven"}, "nation": {"JPN"}, "role": {"analyst"},
			"clearance": {"NATO CONFIDENTIAL"}, "password": {"sven-password-1"}}, 201, []string{"New write API token for sven", "lia_", "shown only once"}},
		{"user add duplicate", ann, "POST", "/admin/users", url.Values{"name": {"rita"}, "nation": {"JPN"}, "role": {"reader"},
			"clearance": {"PUBLIC"}, "password": {"secret-secret"}}, 409, []string{"already exists", `value="rita"`}},
		{"user add short password", ann, "POST", "/admin/users", url.Values{"name": {"olaf"}, "nation": {"SWE"}, "role": {"reader"},
			"clearance": {"PUBLIC"}, "password": {"short"}}, 400, []string{"at least 12 characters", `value="olaf"`}},
		{"user add unknown nation", ann, "POST", "/admin/users", url.Values{"name": {"olaf"}, "nation": {"NOR"}, "role": {"reader"},
			"clearance": {"PUBLIC"}}, 400, []string{`nation &#34;NOR&#34; is not known`}},
		{"user change", ann, "POST", "/admin/users/rita", url.Values{"role": {"analyst"}, "clearance": {"NATO SECRET"}, "caveats": {"atomal"}},
			303, []string{"/admin/users?done="}},
		{"user change bad", ann, "POST", "/admin/users/rita", url.Values{"role": {"emperor"}, "clearance": {"PUBLIC"}},
			400, []string{`unknown role &#34;emperor&#34;`}},
		{"user change missing", ann, "POST", "/admin/users/nobody", url.Values{"role": {"reader"}, "clearance": {"PUBLIC"}}, 404, []string{"nobody"}},
		{"token issue", ann, "POST", "/admin/users/ken/tokens", url.Values{"scope": {"read"}}, 201, []string{"New read API token for ken", "lia_"}},
		{"token bad scope", ann, "POST", "/admin/users/ken/tokens", url.Values{"scope": {"root"}}, 400, []string{`token scope &#34;root&#34;`}},
		{"token revoke missing", ann, "POST", "/admin/tokens/NOPE/revoke", url.Values{}, 404, []string{"NOPE"}},
		{"audit", ann, "GET", "/admin/audit?action=user.add", nil, 200, []string{"user.add", "sven JPN analyst", `value="user.add"`}},
		{"audit nation filter", ann, "GET", "/admin/audit?nation=jpn&limit=500", nil, 200, []string{"<td>ken</td>", "<td>rita</td>"}},
		{"audit nation filter empty", ann, "GET", "/admin/audit?nation=kor", nil, 200, []string{"No entries."}},
		{"audit bad after", ann, "GET", "/admin/audit?after=x", nil, 400, []string{"after"}},
		{"marking form", ann, "GET", "/admin/marking", nil, 200, []string{`action="/admin/marking"`, "PUBLIC &lt; NATO UNCLASSIFIED"}},
		{"marking check", ann, "POST", "/admin/marking", url.Values{"text": {"nc // rel to eu"}}, 200,
			[]string{"NATO CONFIDENTIAL // REL TO EU", "TLP:AMBER", "1 nation: SWE"}},
		{"marking check bad", ann, "POST", "/admin/marking", url.Values{"text": {"NATO RESTRICTED // REL TO MARS"}}, 400,
			[]string{`role="alert"`, "MARS", `value="NATO RESTRICTED // REL TO MARS"`}},
		{"nav link admin", ann, "GET", "/", nil, 200, []string{`href="/admin/users"`}},
	}
	for _, who := range []*browser{ken, rita} {
		for _, p := range []struct{ method, path string }{{"GET", "/admin"}, {"GET", "/admin/nations"}, {"POST", "/admin/nations"},
			{"GET", "/admin/users"}, {"POST", "/admin/users"}, {"POST", "/admin/users/ken"}, {"POST", "/admin/users/ken/tokens"},
			{"POST", "/admin/tokens/x/revoke"}, {"GET", "/admin/audit"}, {"GET", "/admin/marking"}, {"POST", "/admin/marking"}} {
			var form url.Values
			if p.method == "POST" {
				form = url.Values{"code": {"SWE"}, "name": {"ken"}, "role": {"admin"}, "text": {"PUBLIC"}}
			}
			tests = append(tests, adminCase{"refused " + p.method + p.path, who, p.method, p.path, form, 403, []string{"admins only"}})
		}
	}
	return tests
}

func TestAdminPages(t *testing.T) {
	ts, _ := adminSite(t)
	ann, ken, rita := login(t, ts, "ann"), login(t, ts, "ken"), login(t, ts, "rita")
	for _, tt := range adminCases(ann, ken, rita) {
		t.Run(tt.name, func(t *testing.T) {
			code, body := tt.b.do(tt.method, tt.path, tt.form)
			if code != tt.status {
				t.Fatalf("%s %s = %d; want %d\n%.2000s", tt.method, tt.path, code, tt.status, body)
			}
			for _, w := range tt.want {
				if !strings.Contains(body, w) {
					t.Errorf("%s %s lacks %q\n%.3000s", tt.method, tt.path, w, body)
				}
			}
			if code != 303 && strings.Count(body, `aria-label="classification"`) != 2 {
				t.Errorf("%s %s: no classification banner top and bottom", tt.method, tt.path)
			}
		})
	}
	if _, body := ann.do("GET", "/admin/audit?nation=JPN&limit=500", nil); strings.Contains(body, "<code>USA</code>") {
		t.Error("the audit view filtered by JPN shows a USA entry")
	}
	if _, body := rita.do("GET", "/", nil); strings.Contains(body, `href="/admin/users"`) {
		t.Error("a reader's navigation links to the admin pages")
	}
}

// TestAdminFormsNeedCSRF posts every admin form without and with a wrong
// CSRF token: refused (403), and nothing changes.
func TestAdminFormsNeedCSRF(t *testing.T) {
	ts, mem := adminSite(t)
	ann := login(t, ts, "ann")
	sys := liaison.SystemContext(context.Background())
	before, _ := mem.List(sys, liaison.AuditFilter{Action: liaison.AuditUserAdded})
	for _, path := range []string{"/admin/nations", "/admin/users", "/admin/users/rita", "/admin/users/rita/tokens",
		"/admin/tokens/x/revoke", "/admin/marking"} {
		for _, tok := range []string{"", "forged"} {
			form := url.Values{httpapi.CSRFField: {tok}, "code": {"SWE"}, "name": {"mallory"}, "status": {"member"},
				"nation": {"USA"}, "role": {"admin"}, "clearance": {"NATO SECRET"}, "scope": {"write"}, "text": {"PUBLIC"}}
			if code, body := ann.do("POST", path, form); code != http.StatusForbidden || !strings.Contains(body, "CSRF") {
				t.Errorf("POST %s with CSRF %q = %d %.300s; want 403", path, tok, code, body)
			}
		}
	}
	if _, err := mem.Nation(sys, "SWE"); err == nil {
		t.Error("a nation was added without a CSRF token")
	}
	if u, err := mem.UserByName(sys, "rita"); err != nil || u.Role != liaison.RoleReader {
		t.Errorf("rita changed without a CSRF token: %+v %v", u, err)
	}
	if after, _ := mem.List(sys, liaison.AuditFilter{Action: liaison.AuditUserAdded}); len(after) != len(before) {
		t.Error("a user was added without a CSRF token")
	}
}

// TestAdminTokenShownOnce issues a token through the form, checks it works
// as a Bearer token, is absent from the users page afterwards, and stops
// working once revoked through the form.
func TestAdminTokenShownOnce(t *testing.T) {
	ts, _ := adminSite(t)
	ann := login(t, ts, "ann")
	_, body := ann.do("POST", "/admin/users/rita/tokens", url.Values{"scope": {"read"}})
	tok := regexp.MustCompile(`lia_[A-Za-z0-9_-]+`).FindString(body)
	id := regexp.MustCompile(`id <code>([0-9A-Z]+)</code>`).FindStringSubmatch(body)
	if tok == "" || id == nil {
		t.Fatalf("no token on the page: %.2000s", body)
	}
	bearer := func() int {
		req, _ := http.NewRequest("GET", ts.URL+"/api/v1/me", nil)
		req.Header.Set("Authorization", "Bearer "+tok)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if c := bearer(); c != 200 {
		t.Fatalf("new token answers %d", c)
	}
	if _, page := ann.do("GET", "/admin/users", nil); strings.Contains(page, tok) || !strings.Contains(page, id[1]) {
		t.Error("the users page shows the token secret again, or lacks its id")
	}
	if code, loc := ann.do("POST", "/admin/tokens/"+id[1]+"/revoke", url.Values{}); code != 303 || !strings.Contains(loc, "Revoked") {
		t.Fatalf("revoke = %d %s", code, loc)
	}
	if c := bearer(); c != 401 {
		t.Errorf("revoked token answers %d; want 401", c)
	}
}
