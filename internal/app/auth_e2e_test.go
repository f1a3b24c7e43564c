package app

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/auth"
)

// TestAuthRequired runs the node with authentication (no fixed viewer): an
// unauthenticated request gets 401 everywhere but /healthz and the login
// page; an API token of a Japanese reader sees only what is releasable to
// Japan.
func TestAuthRequired(t *testing.T) {
	m, err := New(Config{DataDir: t.TempDir(), Addr: "127.0.0.1:0", NoScheduler: true, FetchHostInterval: -1,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), PasswordParams: auth.TestParams})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := m.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	sys := liaison.SystemContext(ctx)
	for _, n := range []liaison.Nation{{Code: "JPN", Name: "Japan", Status: liaison.NationPartner}, {Code: "FRA", Name: "France", Status: liaison.NationMember}} {
		if err := m.access.store.PutNation(sys, &n); err != nil {
			t.Fatal(err)
		}
	}
	tok, _, err := m.access.svc.AddUser(sys, &liaison.User{Name: "jpn-reader", Nation: "JPN", Role: liaison.RoleReader, Clearance: 2}, "jpn-reader-pass")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []*liaison.Document{
		{Title: "For Japan", Text: "Releasable to Japan: the patrol vessel report.", ContentHash: "1",
			Marking: liaison.Marking{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"JPN", "FRA"}}},
		{Title: "Not for Japan", Text: "France objected to the Tokyo office.", ContentHash: "2",
			Marking: liaison.Marking{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"FRA"}}},
	} {
		if _, err := m.Store().PutDocument(sys, d); err != nil {
			t.Fatal(err)
		}
	}
	for path, want := range map[string]int{
		"/": 401, "/api/v1/documents": 401, "/metrics": 401, "/events": 401, "/nowhere": 401,
		"/healthz": 200, "/login": 200, "/static/liaison.css": 200, // the login page's stylesheet
		"/api/v1/openapi.json": 401, "/static/": 404, "/static/nope.css": 404, "/static/liaison.css/": 404,
	} {
		resp, err := http.Get(m.URL() + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("anonymous GET %s = %d; want %d", path, resp.StatusCode, want)
		}
	}
	req, _ := http.NewRequest("GET", m.URL()+"/api/v1/search?q=Tokyo+OR+patrol", nil)
	req.Header.Set("Authorization", "Bearer "+tok)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "For Japan") || strings.Contains(string(body), "Not for Japan") {
		t.Errorf("token search = %d %s", resp.StatusCode, body)
	}
}

// TestOpenAPICoversWiredRoutes checks that every API route of the fully
// wired node (API, pages excluded, access routes included) is in the
// served OpenAPI document.
func TestOpenAPICoversWiredRoutes(t *testing.T) {
	m, err := New(Config{DataDir: t.TempDir(), Addr: "127.0.0.1:0", NoScheduler: true,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), PasswordParams: auth.TestParams})
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	var doc struct {
		Paths map[string]map[string]struct {
			OperationID string `json:"operationId"`
			Parameters  []struct{ Name, In string }
			Responses   map[string]any
		} `json:"paths"`
		Components struct{ Schemas map[string]any }
	}
	sys := liaison.SystemContext(context.Background())
	if err := m.access.store.PutNation(sys, &liaison.Nation{Code: "FRA", Name: "France", Status: liaison.NationMember}); err != nil {
		t.Fatal(err)
	}
	tok, _, err := m.access.svc.AddUser(sys, &liaison.User{Name: "fra-reader", Nation: "FRA", Role: liaison.RoleReader}, "")
	if err != nil {
		t.Fatal(err)
	}
	getJSONToken(t, m, tok, "/api/v1/openapi.json", &doc)
	n := 0
	for _, rt := range m.Server().Routes() {
		if rt.Page || rt.Method == "" {
			continue
		}
		n++
		op, ok := doc.Paths[rt.Path][strings.ToLower(rt.Method)]
		if !ok {
			t.Errorf("%s missing from the OpenAPI document", rt.Pattern())
			continue
		}
		if op.OperationID == "" || len(op.Responses) == 0 {
			t.Errorf("%s: no operationId or responses", rt.Pattern())
		}
		for _, seg := range strings.Split(rt.Path, "/") {
			if name, ok := strings.CutPrefix(seg, "{"); ok {
				name = strings.TrimRight(name, "}.")
				declared := false
				for _, p := range op.Parameters {
					declared = declared || (p.In == "path" && p.Name == name)
				}
				if !declared {
					t.Errorf("%s: path parameter %q not declared", rt.Pattern(), name)
				}
			}
		}
		for _, name := range []string{rt.Response, rt.Body} {
			if name != "" && doc.Components.Schemas[name] == nil {
				t.Errorf("%s: schema %q undefined", rt.Pattern(), name)
			}
		}
	}
	if n < 20 {
		t.Errorf("only %d API routes wired", n)
	}
	for _, p := range []string{"/api/v1/documents", "/api/v1/me", "/api/v1/proposals", "/api/v1/threads", "/api/v1/reports", "/api/v1/export"} {
		if doc.Paths[p] == nil {
			t.Errorf("%s not wired", p)
		}
	}
	var raw any
	getJSONToken(t, m, tok, "/api/v1/openapi.json", &raw)
	walkRefs(raw, func(ref string) {
		name, ok := strings.CutPrefix(ref, "#/components/schemas/")
		if !ok || doc.Components.Schemas[name] == nil {
			t.Errorf("dangling $ref %q", ref)
		}
	})
}

// walkRefs calls fn with every "$ref" value in a decoded JSON document.
func walkRefs(v any, fn func(string)) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if s, ok := e.(string); ok && k == "$ref" {
				fn(s)
			}
			walkRefs(e, fn)
		}
	case []any:
		for _, e := range x {
			walkRefs(e, fn)
		}
	}
}

// getJSONToken fetches a 200 JSON body with an API token into v.
func getJSONToken(t *testing.T, m *Main, tok, path string, v any) {
	t.Helper()
	req, err := http.NewRequest("GET", m.URL()+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+tok)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s = %d", path, resp.StatusCode)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
}
