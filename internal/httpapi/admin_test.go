package httpapi

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
)

// newAdminFixture is the auth fixture (ann: USA admin, ken: JPN analyst)
// plus rita, a JPN reader, and jo, the JPN admin who administers ken and
// rita (an admin administers only their own nation's users), with the
// admin routes registered; country codes are checked against a small table.
func newAdminFixture(t *testing.T) *authFixture {
	t.Helper()
	f := newAuthFixture(t)
	for _, u := range []*liaison.User{
		{Name: "rita", Nation: "JPN", Role: liaison.RoleReader, Clearance: 1},
		{Name: "jo", Nation: "JPN", Role: liaison.RoleAdmin, Clearance: 4, Caveats: []string{"ATOMAL"}},
	} {
		tok, _, err := f.svc.AddUser(context.Background(), u, u.Name+"-passphrase")
		if err != nil {
			t.Fatal(err)
		}
		f.tokens[u.Name] = tok
	}
	adm, err := NewAdmin(AdminConfig{Service: f.svc, Nations: f.mem, Users: f.mem, Audit: f.mem,
		Country: func(c string) bool { return strings.Contains("USA JPN FRA SWE KOR GBR DEU", c) }})
	if err != nil {
		t.Fatal(err)
	}
	adm.Register(f.srv)
	return f
}

func TestAdminRoutes(t *testing.T) {
	f := newAdminFixture(t)
	tests := []struct {
		name, user, method, path, body string
		status                         int
		want                           []string // substrings of the body
	}{
		{"nation add", "ann", "POST", "/api/v1/nations", `{"code":"swe","name":"Sweden","status":"member","groups":[{"group":"NATO","since":"2024-03-07"}]}`,
			200, []string{`"code": "SWE"`, `"group": "NATO"`, `"since": "2024-03-07T00:00:00Z"`}},
		{"nation replace", "ann", "POST", "/api/v1/nations", `{"code":"KOR","name":"Republic of Korea","status":"partner","groups":[{"group":"IP4","since":"2022-06-29","until":"2030-01-01"}]}`,
			200, []string{`"until": "2030-01-01T00:00:00Z"`}},
		{"nation analyst", "ken", "POST", "/api/v1/nations", `{"code":"SWE","name":"Sweden","status":"member"}`, 403, []string{"admins only"}},
		{"nation reader", "rita", "POST", "/api/v1/nations", `{"code":"SWE","name":"Sweden","status":"member"}`, 403, []string{"admins only"}},
		{"nation bad code", "ann", "POST", "/api/v1/nations", `{"code":"JAP","name":"Japan","status":"partner"}`, 400, []string{`"JAP" is not an ISO 3166`}},
		{"nation short code", "ann", "POST", "/api/v1/nations", `{"code":"SW","name":"Sweden","status":"member"}`, 400, []string{"want three letters"}},
		{"nation organisation code", "ann", "POST", "/api/v1/nations", `{"code":"XEU","name":"EU staff","status":"organisation"}`, 200, []string{`"XEU"`}},
		{"nation bad status", "ann", "POST", "/api/v1/nations", `{"code":"SWE","name":"Sweden","status":"observer"}`, 400, []string{`status "observer"`}},
		{"nation no name", "ann", "POST", "/api/v1/nations", `{"code":"SWE","status":"member"}`, 400, []string{"name"}},
		{"nation bad date", "ann", "POST", "/api/v1/nations", `{"code":"SWE","name":"Sweden","status":"member","groups":[{"group":"NATO","since":"7 March 2024"}]}`,
			400, []string{"not YYYY-MM-DD"}},
		{"nation until before since", "ann", "POST", "/api/v1/nations", `{"code":"SWE","name":"Sweden","status":"member","groups":[{"group":"NATO","since":"2024-03-07","until":"2020-01-01"}]}`,
			400, []string{"until is not after since"}},
		{"nation group is a nation", "ann", "POST", "/api/v1/nations", `{"code":"SWE","name":"Sweden","status":"member","groups":[{"group":"USA"}]}`,
			400, []string{"nation's code"}},
		{"nation unknown field", "ann", "POST", "/api/v1/nations", `{"code":"SWE","name":"Sweden","status":"member","flag":"x"}`, 400, []string{"unknown field"}},
		{"users list", "jo", "GET", "/api/v1/users", "", 200, []string{`"name": "ken"`, `"clearance_name": "NATO RESTRICTED"`, `"tokens": [`, `"total": 3`}},
		{"users list, own nation only", "ann", "GET", "/api/v1/users", "", 200, []string{`"name": "ann"`, `"total": 1`}},
		{"users list analyst", "ken", "GET", "/api/v1/users", "", 403, []string{"admins only"}},
		{"users list reader", "rita", "GET", "/api/v1/users", "", 403, []string{"admins only"}},
		{"user update", "jo", "PATCH", "/api/v1/users/ken", `{"role":"officer","clearance":"NATO SECRET","caveats":["atomal"]}`,
			200, []string{`"role": "officer"`, `"clearance": 4`, `"ATOMAL"`}},
		{"user update analyst", "ken", "PATCH", "/api/v1/users/ken", `{"role":"admin"}`, 403, []string{"admins only"}},
		{"user update bad role", "jo", "PATCH", "/api/v1/users/ken", `{"role":"king"}`, 400, []string{`unknown role "king"`}},
		{"user update bad clearance", "jo", "PATCH", "/api/v1/users/ken", `{"clearance":"TOP SECRET"}`, 400, []string{`unknown classification "TOP SECRET"`}},
		{"user update missing", "ann", "PATCH", "/api/v1/users/nobody", `{"role":"reader"}`, 404, []string{"nobody"}},
		{"user update other nation", "ann", "PATCH", "/api/v1/users/ken", `{"role":"king"}`, 404, []string{`user "ken"`}},
		{"last admin demoted", "ann", "PATCH", "/api/v1/users/ann", `{"role":"reader"}`, 409, []string{"last enabled admin"}},
		{"last admin disabled", "ann", "PATCH", "/api/v1/users/ann", `{"disabled":true}`, 409, []string{"last enabled admin"}},
		{"marking check", "ann", "POST", "/api/v1/markings/check", `{"text":"nr // rel to usa, jpn"}`,
			200, []string{`"canonical": "NATO RESTRICTED // REL TO JPN, USA"`, `"tlp": "TLP:AMBER"`, `"rel_to": [`}},
		{"marking check analyst", "ken", "POST", "/api/v1/markings/check", `{"text":"PUBLIC"}`, 403, []string{"admins only"}},
		{"marking check reader", "rita", "POST", "/api/v1/markings/check", `{"text":"PUBLIC"}`, 403, []string{"admins only"}},
		{"marking check bad level", "ann", "POST", "/api/v1/markings/check", `{"text":"COSMIC TOP SECRET"}`, 400, []string{`unknown classification "COSMIC TOP SECRET"`}},
		{"marking check unknown nation", "ann", "POST", "/api/v1/markings/check", `{"text":"NATO RESTRICTED // REL TO ATL"}`, 400, []string{"ATL"}},
		{"marking check empty", "ann", "POST", "/api/v1/markings/check", `{"text":"  "}`, 400, []string{"empty"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := f.do(t, req{method: tt.method, path: tt.path, body: tt.body, ctype: "application/json", header: bearer(f.tokens[tt.user])})
			if w.Code != tt.status {
				t.Fatalf("%s %s as %s = %d, want %d: %s", tt.method, tt.path, tt.user, w.Code, tt.status, w.Body)
			}
			body := strings.ReplaceAll(w.Body.String(), `\"`, `"`) // JSON-escaped quotes in messages
			for _, s := range tt.want {
				if !strings.Contains(body, s) {
					t.Errorf("body lacks %q: %s", s, w.Body)
				}
			}
		})
	}
}

// TestAdminEffects checks that admin changes take effect and are audited:
// a nation added is usable in markings, a changed clearance changes what
// the user's viewer holds, and the refusals are audited as denials.
func TestAdminEffects(t *testing.T) {
	f := newAdminFixture(t)
	ann := bearer(f.tokens["ann"])
	do := func(method, path, body string, h map[string]string) *struct {
		code int
		body string
	} {
		w := f.do(t, req{method: method, path: path, body: body, ctype: "application/json", header: h})
		return &struct {
			code int
			body string
		}{w.Code, w.Body.String()}
	}
	if r := do("POST", "/api/v1/markings/check", `{"text":"NATO RESTRICTED // REL TO EU"}`, ann); r.code != 400 {
		t.Fatalf("unknown group EU = %d %s", r.code, r.body)
	}
	if r := do("POST", "/api/v1/nations", `{"code":"DEU","name":"Germany","status":"member","groups":[{"group":"EU","since":"1958-01-01"}]}`, ann); r.code != 200 {
		t.Fatalf("add DEU = %d %s", r.code, r.body)
	}
	r := do("POST", "/api/v1/markings/check", `{"text":"NATO RESTRICTED // REL TO EU"}`, ann)
	var mc MarkingCheck
	if err := json.Unmarshal([]byte(r.body), &mc); err != nil || r.code != 200 {
		t.Fatalf("REL TO EU = %d %s %v", r.code, r.body, err)
	}
	if strings.Join(mc.Marking.RelTo, ",") != "DEU" || mc.Canonical != "NATO RESTRICTED // REL TO EU" {
		t.Errorf("REL TO EU expands to %v (%q); want [DEU]", mc.Marking.RelTo, mc.Canonical)
	}
	jo := bearer(f.tokens["jo"]) // JPN's admin: rita's
	if r := do("PATCH", "/api/v1/users/rita", `{"clearance":"NATO SECRET"}`, jo); r.code != 200 {
		t.Fatalf("patch rita = %d %s", r.code, r.body)
	}
	if me := f.me(t, req{header: bearer(f.tokens["rita"])}, 200); me.User.Clearance != 4 {
		t.Errorf("rita's clearance after the change = %d; want 4", me.User.Clearance)
	}
	if r := do("PATCH", "/api/v1/users/rita", `{"disabled":true}`, jo); r.code != 200 {
		t.Fatalf("disable rita = %d %s", r.code, r.body)
	}
	if me := f.me(t, req{header: bearer(f.tokens["rita"])}, 401); me.User.Name != "" {
		t.Errorf("disabled rita still authenticates")
	}
	do("GET", "/api/v1/users", "", bearer(f.tokens["ken"]))
	actions := map[string]int{}
	es, err := f.mem.List(liaison.SystemContext(context.Background()), liaison.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		actions[e.Action]++
		if e.Action == AuditUserChanged && !strings.Contains(e.Detail, "rita: ") {
			t.Errorf("user.change detail %q does not name the user", e.Detail)
		}
	}
	if actions[liaison.AuditNationPut] != 1 || actions[AuditUserChanged] != 2 || actions[liaison.AuditDenied] < 1 {
		t.Errorf("audit actions %v; want 1 nation.put, 2 user.change, ≥1 access.denied", actions)
	}
}

// TestAdminAuditQuery pages the audit view with filters: every entry
// exactly once across pages, and the nation filter honoured.
func TestAdminAuditQuery(t *testing.T) {
	f := newAdminFixture(t)
	adm, err := NewAdmin(AdminConfig{Service: f.svc, Nations: f.mem, Users: f.mem, Audit: f.mem})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for i := 0; i < 7; i++ {
		nation := []string{"USA", "JPN", "FRA"}[i%3]
		// Each names a marked (PUBLIC) item: other nations' unmarked entries
		// stay theirs (the audit read rule), and this test pages across nations.
		if err := f.svc.RecordMarked(ctx, "bot", nation, "test.tick", fmt.Sprintf("tick:%d", i), "tick",
			liaison.Marking{Classification: "PUBLIC"}); err != nil {
			t.Fatal(err)
		}
	}
	admin := liaison.WithViewer(ctx, liaison.Viewer{Name: "ann", Nation: "USA", Role: liaison.RoleAdmin, Clearance: 4})
	for _, tt := range []struct {
		q    AuditQuery
		want int
	}{
		{AuditQuery{Action: "test.tick", Limit: 2}, 7},
		{AuditQuery{Action: "test.tick", Limit: 2, Newest: true}, 7},
		{AuditQuery{Action: "test.tick", Nation: "JPN", Limit: 1}, 2},
		{AuditQuery{Action: "test.tick", Nation: "JPN", Limit: 1, Newest: true}, 2},
		{AuditQuery{Actor: "bot", Nation: "FRA", Limit: 5}, 2},
		{AuditQuery{Action: "test.tick", Nation: "KOR"}, 0},
	} {
		seen, cursor, last := map[int64]bool{}, int64(0), int64(-1)
		for pages := 0; ; pages++ {
			q := tt.q
			q.Cursor = cursor
			p, err := adm.Audit(admin, q)
			if err != nil {
				t.Fatal(err)
			}
			if p.Total != tt.want {
				t.Errorf("%+v: total %d, want %d", tt.q, p.Total, tt.want)
			}
			for _, e := range p.Items {
				if seen[e.Seq] || (tt.q.Nation != "" && e.Nation != tt.q.Nation) || e.Actor != "bot" {
					t.Errorf("%+v: entry %+v repeated or outside the filter", tt.q, e)
				}
				if last >= 0 && (e.Seq > last) == tt.q.Newest {
					t.Errorf("%+v: entry %d after %d is out of order", tt.q, e.Seq, last)
				}
				seen[e.Seq], last = true, e.Seq
			}
			if p.Next == 0 || pages > 10 {
				break
			}
			cursor = p.Next
		}
		if len(seen) != tt.want {
			t.Errorf("%+v: %d entries over all pages; want %d", tt.q, len(seen), tt.want)
		}
	}
	reader := liaison.WithViewer(ctx, liaison.Viewer{Name: "rita", Nation: "JPN", Role: liaison.RoleReader})
	if _, err := adm.Audit(reader, AuditQuery{}); err == nil {
		t.Error("a reader used the admin audit view")
	}
}

// TestAdminOpenAPI checks the admin routes are in the OpenAPI document with
// their request schemas.
func TestAdminOpenAPI(t *testing.T) {
	f := newAdminFixture(t)
	w := f.do(t, req{method: "GET", path: "/api/v1/openapi.json", header: bearer(f.tokens["rita"])})
	var doc struct {
		Paths      map[string]map[string]json.RawMessage
		Components struct{ Schemas map[string]json.RawMessage }
	}
	if err := json.Unmarshal(w.Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	for path, method := range map[string]string{"/api/v1/nations": "post", "/api/v1/users": "get",
		"/api/v1/users/{name}": "patch", "/api/v1/markings/check": "post"} {
		if _, ok := doc.Paths[path][method]; !ok {
			t.Errorf("OpenAPI lacks %s %s", method, path)
		}
	}
	for _, s := range []string{"NationRequest", "Nation", "UserInfo", "UserInfoList", "UserUpdate", "MarkingText"} {
		if _, ok := doc.Components.Schemas[s]; !ok {
			t.Errorf("OpenAPI lacks schema %s", s)
		}
	}
	if w.Code != http.StatusOK {
		t.Errorf("openapi = %d", w.Code)
	}
}
