package httpapi

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
)

// TestLoginOrigin: a login posted from another site (Origin, else Referer,
// naming a foreign origin) is refused with no session; the node's own
// origin and requests naming none (CLI, curl) log in.
func TestLoginOrigin(t *testing.T) {
	f := newAuthFixture(t)
	body := url.Values{"name": {"ken"}, "password": {"ken-passphrase"}, "next": {"/"}}.Encode()
	// httptest requests are sent to host example.com.
	tests := []struct {
		name   string
		header map[string]string
		want   int
	}{
		{"no origin, no referer (curl)", nil, http.StatusSeeOther},
		{"own origin", map[string]string{"Origin": "http://example.com"}, http.StatusSeeOther},
		{"own origin behind a TLS proxy", map[string]string{"Origin": "https://example.com"}, http.StatusSeeOther},
		{"own referer", map[string]string{"Referer": "http://example.com/login?next=%2F"}, http.StatusSeeOther},
		{"foreign origin", map[string]string{"Origin": "http://evil.example"}, http.StatusForbidden},
		{"foreign origin, own referer", map[string]string{"Origin": "http://evil.example", "Referer": "http://example.com/login"}, http.StatusForbidden},
		{"other port", map[string]string{"Origin": "http://example.com:8081"}, http.StatusForbidden},
		{"look-alike host", map[string]string{"Origin": "http://example.com.evil.example"}, http.StatusForbidden},
		{"null origin", map[string]string{"Origin": "null"}, http.StatusForbidden},
		{"foreign referer", map[string]string{"Referer": "https://evil.example/page"}, http.StatusForbidden},
		{"other scheme", map[string]string{"Origin": "ftp://example.com"}, http.StatusForbidden},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := f.do(t, req{method: "POST", path: "/login", ctype: "application/x-www-form-urlencoded", body: body, header: tt.header})
			if w.Code != tt.want {
				t.Fatalf("POST /login with %v = %d %s; want %d", tt.header, w.Code, w.Body, tt.want)
			}
			session := false
			for _, c := range live(w.Result().Cookies()) {
				session = session || (c.Name == SessionCookie && c.Value != "")
			}
			if session != (tt.want == http.StatusSeeOther) {
				t.Errorf("session cookie set = %v for status %d", session, w.Code)
			}
		})
	}
	// JSON logins are checked the same way.
	w := f.do(t, req{method: "POST", path: "/login", ctype: "application/json", body: `{"name":"ann","password":"ann-passphrase"}`,
		header: map[string]string{"Origin": "https://evil.example"}})
	if w.Code != http.StatusForbidden || strings.Contains(w.Body.String(), "csrf_token") {
		t.Errorf("cross-site JSON login = %d %s", w.Code, w.Body)
	}
}

// TestDeniedAuditNation: access.denied entries name the authenticated
// user's nation (and none for anonymous requests).
func TestDeniedAuditNation(t *testing.T) {
	f := newAuthFixture(t)
	cookies, _ := f.login(t, "ken")
	if w := f.do(t, req{method: "POST", path: "/logout", cookies: cookies}); w.Code != http.StatusForbidden {
		t.Fatalf("logout without CSRF = %d", w.Code)
	}
	if w := f.do(t, req{method: "GET", path: "/api/v1/stats", header: map[string]string{"Authorization": "Bearer " + f.tokens["ken"], ViewAsHeader: "USA"}}); w.Code != http.StatusForbidden {
		t.Fatalf("view-as by a non-admin = %d", w.Code)
	}
	f.do(t, req{method: "GET", path: "/api/v1/stats", header: bearer("lia_forged")})
	entries, err := f.mem.List(liaison.SystemContext(context.Background()), liaison.AuditFilter{Action: liaison.AuditDenied})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	for _, e := range entries {
		got[e.Actor] = append(got[e.Actor], e.Nation)
	}
	if n := got["ken"]; len(n) != 2 || n[0] != "JPN" || n[1] != "JPN" {
		t.Errorf("ken's denials carry nations %q; want [JPN JPN]", n)
	}
	if n := got["anonymous"]; len(n) != 1 || n[0] != "" {
		t.Errorf("anonymous denials carry nations %q; want one empty", n)
	}
}

// TestMetricsAdminOnly: /metrics needs authentication and an admin (a
// session or a token of an admin user, also while viewing as a nation).
func TestMetricsAdminOnly(t *testing.T) {
	f := newAuthFixture(t)
	for _, tt := range []struct {
		name   string
		header map[string]string
		want   int
	}{
		{"anonymous", nil, http.StatusUnauthorized},
		{"analyst token", bearer(f.tokens["ken"]), http.StatusForbidden},
		{"admin token", bearer(f.tokens["ann"]), http.StatusOK},
		{"admin viewing as JPN", map[string]string{"Authorization": "Bearer " + f.tokens["ann"], ViewAsHeader: "JPN"}, http.StatusOK},
	} {
		w := f.do(t, req{method: "GET", path: "/metrics", header: tt.header})
		if w.Code != tt.want {
			t.Errorf("%s: GET /metrics = %d %.100s; want %d", tt.name, w.Code, w.Body, tt.want)
		}
		if tt.want == http.StatusOK && !strings.Contains(w.Body.String(), "liaison_http_requests_total") {
			t.Errorf("%s: metrics body %.200s", tt.name, w.Body)
		}
	}
	cookies, _ := f.login(t, "ken")
	if w := f.do(t, req{method: "GET", path: "/metrics", cookies: cookies}); w.Code != http.StatusForbidden {
		t.Errorf("analyst session: GET /metrics = %d; want 403", w.Code)
	}
}

// TestOpenAPIRequiresAuth: the API description is for authenticated
// clients; only /healthz and the login page answer anonymous requests.
func TestOpenAPIRequiresAuth(t *testing.T) {
	f := newAuthFixture(t)
	if w := f.do(t, req{method: "GET", path: "/api/v1/openapi.json"}); w.Code != http.StatusUnauthorized {
		t.Errorf("anonymous GET /api/v1/openapi.json = %d; want 401", w.Code)
	}
	if w := f.do(t, req{method: "GET", path: "/api/v1/openapi.json", header: bearer(f.tokens["ken"])}); w.Code != http.StatusOK ||
		!strings.Contains(w.Body.String(), `"openapi"`) {
		t.Errorf("authenticated GET /api/v1/openapi.json = %d", w.Code)
	}
	for _, rt := range f.srv.Routes() {
		if rt.Public && rt.Path != "/healthz" && rt.Path != "/login" {
			t.Errorf("route %s is public", rt.Pattern())
		}
	}
}
