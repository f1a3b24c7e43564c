package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/memstore"
)

var reader = liaison.Viewer{Name: "kim", Nation: "KOR", Role: liaison.RoleReader, Clearance: 2}

// fixture builds a server over a memory store holding two visible documents
// and one not releasable to the viewer.
func fixture(t testing.TB, v *liaison.Viewer) (*Server, *memstore.Store, []string) {
	t.Helper()
	st := memstore.New()
	ctx := liaison.SystemContext(context.Background())
	docs := []liaison.Document{
		{Title: "Japan at Vilnius", Text: "Prime Minister Kishida attended the NATO summit in Vilnius.", Source: "wire",
			Published: time.Date(2023, 7, 11, 0, 0, 0, 0, time.UTC), ContentHash: "a",
			Marking: liaison.Marking{Classification: "PUBLIC"}},
		{Title: "Patrol vessel", Text: "The Italian patrol vessel called at Yokosuka.", Source: "navy",
			Published: time.Date(2023, 7, 10, 0, 0, 0, 0, time.UTC), ContentHash: "b",
			Marking: liaison.Marking{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"ITA", "JPN", "KOR"}}},
		{Title: "Secret", Text: "France objected to the office in Tokyo.", Source: "wire",
			Published: time.Date(2023, 7, 9, 0, 0, 0, 0, time.UTC), ContentHash: "c",
			Marking: liaison.Marking{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"FRA"}}},
	}
	var ids []string
	for i := range docs {
		res, err := st.PutDocument(ctx, &docs[i])
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, res.ID)
		x := &liaison.Extraction{
			Actors: []liaison.ActorMention{{Text: "Japan", Code: "JPN", Start: 0, End: 5}},
			Places: []liaison.PlaceMention{{Text: "Vilnius", Place: liaison.Place{Name: "Vilnius", Country: "LTU"}}},
			Events: []liaison.Event{{Source: "JPNGOV", Target: "IGOWSTNAT", CAMEO: "043", Root: "04",
				Date: docs[i].Published.Format(time.DateOnly), Place: &liaison.Place{Name: "Vilnius", Country: "LTU"}}},
		}
		if err := st.PutExtraction(ctx, res.ID, x); err != nil {
			t.Fatal(err)
		}
	}
	srv, err := New(Config{Documents: st, Extractions: st, Events: st, Feeds: st, Stats: st, Viewer: v})
	if err != nil {
		t.Fatal(err)
	}
	return srv, st, ids
}

func get(t *testing.T, h http.Handler, method, target, body string) (int, string) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, target, rd)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

func TestRoutes(t *testing.T) {
	srv, _, ids := fixture(t, &reader)
	tests := []struct {
		name, method, target, body string
		status                     int
		contains                   string
	}{
		{"list documents", "GET", "/api/v1/documents", "", 200, `"total": 2`},
		{"list limit", "GET", "/api/v1/documents?limit=1", "", 200, `"next_cursor": "1"`},
		{"bad limit", "GET", "/api/v1/documents?limit=0", "", 400, "limit"},
		{"bad from", "GET", "/api/v1/documents?from=yesterday", "", 400, "from"},
		{"to is inclusive", "GET", "/api/v1/documents?to=2023-07-10", "", 200, `"total": 1`},
		{"get document", "GET", "/api/v1/documents/" + ids[0], "", 200, "Kishida"},
		{"get restricted rel", "GET", "/api/v1/documents/" + ids[1], "", 200, "Yokosuka"},
		{"invisible is not found", "GET", "/api/v1/documents/" + ids[2], "", 404, "not found"},
		{"missing is not found", "GET", "/api/v1/documents/NOPE", "", 404, "not found"},
		{"extraction", "GET", "/api/v1/documents/" + ids[0] + "/extraction", "", 200, "IGOWSTNAT"},
		{"invisible extraction", "GET", "/api/v1/documents/" + ids[2] + "/extraction", "", 404, "not found"},
		{"search", "GET", "/api/v1/search?q=vilnius", "", 200, "[[Vilnius]]"},
		{"search invisible", "GET", "/api/v1/search?q=france", "", 200, `"total": 0`},
		{"search empty", "GET", "/api/v1/search?q=", "", 400, "empty query"},
		{"events", "GET", "/api/v1/events?actor=jpn&root=4&country=ltu", "", 200, `"total": 2`},
		{"events from", "GET", "/api/v1/events?from=2023-07-11", "", 200, `"total": 1`},
		{"events bad root", "GET", "/api/v1/events?root=99", "", 400, "root"},
		{"events reversed", "GET", "/api/v1/events?from=2023-07-11&to=2023-07-01", "", 400, "before"},
		{"actors", "GET", "/api/v1/actors", "", 200, "JPNGOV"},
		{"places", "GET", "/api/v1/places", "", 200, `"mentions": 2`},
		{"stats", "GET", "/api/v1/stats", "", 200, `"documents": 2`},
		{"feeds empty", "GET", "/api/v1/feeds", "", 200, `"items": []`},
		{"reader may not add feeds", "POST", "/api/v1/feeds", `{"url":"https://example.org/rss"}`, 403, "role"},
		{"healthz", "GET", "/healthz", "", 200, `"status": "ok"`},
		{"openapi", "GET", "/api/v1/openapi.json", "", 200, `"openapi": "3.0.3"`},
		{"unknown api", "GET", "/api/v1/nothing", "", 404, "no such endpoint"},
		{"metrics are for admins", "GET", "/metrics", "", 403, "administrators only"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, body := get(t, srv, tt.method, tt.target, tt.body)
			if code != tt.status || !strings.Contains(body, tt.contains) {
				t.Errorf("%s %s = %d %s; want %d containing %q", tt.method, tt.target, code, body, tt.status, tt.contains)
			}
		})
	}
}

func TestFeedsLifecycle(t *testing.T) {
	analyst := liaison.Viewer{Name: "ana", Nation: "JPN", Role: liaison.RoleAnalyst, Clearance: 2}
	srv, _, _ := fixture(t, &analyst)
	code, body := get(t, srv, "POST", "/api/v1/feeds", `{"url":"https://example.org/rss","every":"15m"}`)
	if code != 201 {
		t.Fatalf("add feed = %d %s", code, body)
	}
	var f liaison.Feed
	if err := json.Unmarshal([]byte(body), &f); err != nil || f.ID == "" || f.Every != 15*time.Minute {
		t.Fatalf("feed %+v, %v", f, err)
	}
	for _, bad := range []string{`{"url":"ftp://x"}`, `{"url":"https://x","every":"1s"}`, `{"url":"https://x","marking":"SECRET"}`, `{"nope":1}`, `not json`} {
		if code, body := get(t, srv, "POST", "/api/v1/feeds", bad); code != 400 {
			t.Errorf("add %s = %d %s; want 400", bad, code, body)
		}
	}
	if code, body := get(t, srv, "GET", "/api/v1/feeds", ""); code != 200 || !strings.Contains(body, "example.org") {
		t.Errorf("list = %d %s", code, body)
	}
	if code, _ := get(t, srv, "DELETE", "/api/v1/feeds/"+f.ID, ""); code != 204 {
		t.Errorf("delete = %d", code)
	}
	if code, _ := get(t, srv, "DELETE", "/api/v1/feeds/"+f.ID, ""); code != 404 {
		t.Errorf("delete again = %d; want 404", code)
	}
}

func TestNoViewerSeesNothing(t *testing.T) {
	srv, _, ids := fixture(t, nil)
	if code, _ := get(t, srv, "GET", "/api/v1/documents/"+ids[0], ""); code != 404 {
		t.Errorf("no viewer: get = %d; want 404", code)
	}
	if code, body := get(t, srv, "GET", "/api/v1/documents", ""); code != 200 || !strings.Contains(body, `"total": 0`) {
		t.Errorf("no viewer: list = %d %s", code, body)
	}
}

func TestAuthHook(t *testing.T) {
	st := memstore.New()
	deny := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			WriteError(w, r, nil, liaison.Errorf(liaison.ErrUnauthorized, "no session"))
		})
	}
	srv, err := New(Config{Documents: st, Extractions: st, Events: st, Feeds: st, Stats: st, Auth: deny})
	if err != nil {
		t.Fatal(err)
	}
	for target, want := range map[string]int{"/api/v1/documents": 401, "/metrics": 401, "/healthz": 200, "/api/v1/openapi.json": 401} {
		if code, _ := get(t, srv, "GET", target, ""); code != want {
			t.Errorf("GET %s = %d; want %d", target, code, want)
		}
	}
}

func TestStatusOf(t *testing.T) {
	tests := []struct {
		err    error
		status int
		msg    string
	}{
		{liaison.Errorf(liaison.ErrNotFound, "document %q", "x"), 404, `not found: document "x"`},
		{fmt.Errorf("reading: %w", liaison.ErrInvalid), 400, "reading: invalid"},
		{liaison.ErrForbidden, 403, "forbidden"},
		{liaison.ErrUnauthorized, 401, "unauthorized"},
		{liaison.ErrConflict, 409, "conflict"},
		{errors.New("disk on fire at /var/secret"), 500, "internal error"},
	}
	for _, tt := range tests {
		if s, m := StatusOf(tt.err); s != tt.status || m != tt.msg {
			t.Errorf("StatusOf(%v) = %d %q; want %d %q", tt.err, s, m, tt.status, tt.msg)
		}
	}
}

func TestPanicIs500(t *testing.T) {
	srv, _, _ := fixture(t, &reader)
	srv.Handle(Route{Method: "GET", Path: "/boom", Page: true, Handler: http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") })})
	if code, body := get(t, srv, "GET", "/boom", ""); code != 500 || strings.Contains(body, "boom") {
		t.Errorf("panic = %d %s", code, body)
	}
}

// TestOpenAPICoversEveryRoute checks that every registered API route is in
// the served document with its method, and every path parameter declared.
func TestOpenAPICoversEveryRoute(t *testing.T) {
	srv, _, _ := fixture(t, &reader)
	_, body := get(t, srv, "GET", "/api/v1/openapi.json", "")
	var doc struct {
		Paths map[string]map[string]struct {
			OperationID string `json:"operationId"`
			Parameters  []struct{ Name, In string }
			Responses   map[string]any
		}
		Components struct{ Schemas map[string]any }
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, rt := range srv.Routes() {
		if rt.Page {
			continue
		}
		n++
		op, ok := doc.Paths[rt.Path][strings.ToLower(rt.Method)]
		if !ok || op.OperationID == "" {
			t.Errorf("route %s missing from OpenAPI", rt.Pattern())
			continue
		}
		for _, seg := range strings.Split(rt.Path, "/") {
			if strings.HasPrefix(seg, "{") {
				name := strings.Trim(seg, "{}.")
				found := false
				for _, p := range op.Parameters {
					found = found || (p.Name == name && p.In == "path")
				}
				if !found {
					t.Errorf("route %s: path parameter %s undeclared", rt.Pattern(), name)
				}
			}
		}
		if rt.Response != "" && doc.Components.Schemas[rt.Response] == nil {
			t.Errorf("route %s: schema %s undefined", rt.Pattern(), rt.Response)
		}
	}
	if n < 13 {
		t.Errorf("only %d API routes registered", n)
	}
}

func TestMetricsExposition(t *testing.T) {
	admin := liaison.Viewer{Name: "ada", Nation: "KOR", Role: liaison.RoleAdmin, Clearance: 2}
	srv, _, _ := fixture(t, &admin)
	get(t, srv, "GET", "/api/v1/documents", "")
	get(t, srv, "GET", "/api/v1/documents/NOPE", "")
	_, body := get(t, srv, "GET", "/metrics", "")
	for _, want := range []string{
		`liaison_http_requests_total{route="GET /api/v1/documents",code="200"} 1`,
		`liaison_http_requests_total{route="GET /api/v1/documents/{id}",code="404"} 1`,
		`liaison_http_request_duration_seconds_bucket{route="GET /api/v1/documents",le="+Inf"} 1`,
		"# TYPE liaison_events_total gauge",
		"liaison_documents_total 2\n", // what the scraper may see
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q:\n%s", want, body)
		}
	}
}

// BenchmarkGetDocument measures the API overhead (routing, auth hook,
// metrics, JSON) of one document read over the memory store.
func BenchmarkGetDocument(b *testing.B) {
	srv, _, ids := fixture(b, &reader)
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/documents/"+ids[0], nil))
		if rec.Code != 200 {
			b.Fatal(rec.Code)
		}
	}
}
