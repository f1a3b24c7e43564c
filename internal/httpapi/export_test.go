package httpapi

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/shareddata"
)

// oneReport is a ReportStore holding one released report, visible by its
// marking only.
type oneReport struct{ r liaison.Report }

func (o *oneReport) PutReport(context.Context, *liaison.Report) error { return nil }
func (o *oneReport) Report(ctx context.Context, id string) (*liaison.Report, error) {
	return nil, liaison.Errorf(liaison.ErrNotFound, "report %s", id)
}
func (o *oneReport) Reports(ctx context.Context, f liaison.ReportFilter) (liaison.Page[liaison.Report], error) {
	v, _ := liaison.ViewerFrom(ctx)
	if v.Clearance < o.r.Marking.Level {
		return liaison.Page[liaison.Report]{Items: []liaison.Report{}}, nil
	}
	return liaison.Page[liaison.Report]{Items: []liaison.Report{o.r}, Total: 1}, nil
}

func exportFixture(t *testing.T) (*Server, []string) {
	srv, _, ids := fixture(t, &reader)
	rep := liaison.Report{ID: "01J0000000000000000000REPT", Title: "Assessment", Body: "# Japan\nText.",
		Cites: []string{ids[0], ids[2]}, State: liaison.ReportReleased, Author: "u1",
		Marking: liaison.Marking{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"JPN", "KOR"}, Caveats: []string{"ATOMAL"}},
		Created: time.Date(2023, 7, 12, 0, 0, 0, 0, time.UTC), Released: time.Date(2023, 7, 13, 0, 0, 0, 0, time.UTC)}
	srv.RegisterExport(ExportConfig{Reports: &oneReport{r: rep}, Node: "test",
		Alpha2: func(iso3 string) (string, bool) { return map[string]string{"LTU": "LT"}[iso3], iso3 == "LTU" }})
	return srv, ids
}

func xget(t *testing.T, h http.Handler, path string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
	b, _ := io.ReadAll(rec.Body)
	return rec.Code, string(b)
}

func TestExportJSONL(t *testing.T) {
	srv, ids := exportFixture(t)
	code, body := xget(t, srv, "/api/v1/export")
	if code != 200 {
		t.Fatalf("export = %d %s", code, body)
	}
	counts := map[string]int{}
	sc := bufio.NewScanner(strings.NewReader(body))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var l struct {
			Type string `json:"type"`
		}
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		counts[l.Type]++
	}
	if counts["document"] != 2 || counts["event"] != 2 || counts["report"] != 1 {
		t.Errorf("counts = %v; want 2 documents, 2 events, 1 report", counts)
	}
	if strings.Contains(body, ids[2]) && !strings.Contains(body, `"cites"`) || strings.Contains(body, "Tokyo") {
		t.Errorf("export holds the invisible document: %s", body)
	}
	if code, body := xget(t, srv, "/api/v1/export?format=xml"); code != 400 || !strings.Contains(body, "format") {
		t.Errorf("bad format = %d %s", code, body)
	}
}

func TestExportSTIX(t *testing.T) {
	dir := shareddata.Need(t, "data/stix/schemas")
	srv, ids := exportFixture(t)
	code, body := xget(t, srv, "/api/v1/export?format=stix")
	if code != 200 {
		t.Fatalf("export = %d %s", code, body)
	}
	if strings.Contains(body, "Tokyo") || strings.Contains(body, stixID("report", ids[2])) {
		t.Errorf("STIX export refers to the invisible document")
	}
	var bundle struct {
		Type    string           `json:"type"`
		ID      string           `json:"id"`
		Objects []map[string]any `json:"objects"`
	}
	if err := json.Unmarshal([]byte(body), &bundle); err != nil {
		t.Fatal(err)
	}
	v := newStixChecker(t, dir)
	v.check(t, "bundle", map[string]any{"type": bundle.Type, "id": bundle.ID, "objects": make([]any, len(bundle.Objects))})
	types := map[string]int{}
	ids2 := map[string]bool{}
	for _, o := range bundle.Objects {
		typ, _ := o["type"].(string)
		types[typ]++
		ids2[o["id"].(string)] = true
		v.check(t, typ, o)
	}
	for _, o := range bundle.Objects { // every reference resolves inside the bundle
		for _, k := range []string{"object_refs", "object_marking_refs"} {
			refs, _ := o[k].([]any)
			for _, r := range refs {
				if s := r.(string); !ids2[s] {
					t.Errorf("%s %s: %s %s not in bundle", o["type"], o["id"], k, s)
				}
			}
		}
		if o["type"] != "marking-definition" && o["type"] != "identity" && o["type"] != "extension-definition" {
			if refs, _ := o["object_marking_refs"].([]any); len(refs) != 2 {
				t.Errorf("%s %s: markings %v; want TLP + classification", o["type"], o["id"], refs)
			}
		}
	}
	if types["report"] != 3 || types["note"] != 2 || types["location"] != 2 || types["marking-definition"] < 3 {
		t.Errorf("object types = %v", types)
	}
	for _, want := range []string{`"country": "LT"`, `"tlp_2_0": "amber+strict"`, `"classification": "NATO RESTRICTED"`, `"ATOMAL"`} {
		if !strings.Contains(body, want) {
			t.Errorf("bundle lacks %s", want)
		}
	}
}

// stixChecker is a light check of STIX 2.1 objects against the OASIS JSON
// schemas: required properties (of the object's schema and the schemas it
// includes through allOf/$ref) and the declared JSON types, identifier and
// timestamp patterns.
type stixChecker struct {
	dir     string
	schemas map[string]map[string]any
}

func newStixChecker(t *testing.T, dir string) *stixChecker {
	return &stixChecker{dir: dir, schemas: map[string]map[string]any{}}
}

func (c *stixChecker) load(t *testing.T, rel string) map[string]any {
	t.Helper()
	if s, ok := c.schemas[rel]; ok {
		return s
	}
	b, err := os.ReadFile(filepath.Join(c.dir, rel))
	if err != nil {
		t.Fatalf("schema %s: %v", rel, err)
	}
	var s map[string]any
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatalf("schema %s: %v", rel, err)
	}
	c.schemas[rel] = s
	return s
}

var (
	idPattern = regexp.MustCompile(`^[a-z][a-z0-9-]+[a-z0-9]--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$`)
	tsPattern = regexp.MustCompile(`^[0-9]{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9]|60)(\.[0-9]+)?Z$`)
)

func (c *stixChecker) check(t *testing.T, typ string, o map[string]any) {
	t.Helper()
	rel := map[string]string{"bundle": "common/bundle.json", "marking-definition": "common/marking-definition.json",
		"extension-definition": "common/extension-definition.json"}[typ]
	if rel == "" {
		rel = "sdos/" + typ + ".json"
	}
	required, props := map[string]bool{}, map[string]map[string]any{}
	c.collect(t, rel, c.load(t, rel), required, props)
	for k := range required {
		if _, ok := o[k]; !ok {
			t.Errorf("%s %v: required property %q missing", typ, o["id"], k)
		}
	}
	for k, val := range o {
		p, ok := props[k]
		if !ok {
			continue
		}
		want, _ := p["type"].(string)
		okType := true
		switch want {
		case "string":
			_, okType = val.(string)
		case "array":
			a, isArr := val.([]any)
			okType = isArr && (p["minItems"] == nil || len(a) >= int(p["minItems"].(float64)))
		case "number", "integer":
			_, okType = val.(float64)
		case "object":
			_, okType = val.(map[string]any)
		}
		if !okType {
			t.Errorf("%s %v: property %q = %v; want %s", typ, o["id"], k, val, want)
		}
		if s, isStr := val.(string); isStr {
			if (k == "id" || strings.HasSuffix(k, "_ref")) && !idPattern.MatchString(s) {
				t.Errorf("%s: %s %q is not a STIX identifier", typ, k, s)
			}
			if (k == "created" || k == "modified" || k == "published") && !tsPattern.MatchString(s) {
				t.Errorf("%s: %s %q is not a STIX timestamp", typ, k, s)
			}
		}
	}
	if typ == "location" && o["country"] == nil && o["latitude"] == nil && o["region"] == nil {
		t.Errorf("location %v: needs country, region or coordinates", o["id"])
	}
}

// collect gathers required names and property schemas from s and the
// schemas it includes (allOf and $ref to files).
func (c *stixChecker) collect(t *testing.T, rel string, s map[string]any, required map[string]bool, props map[string]map[string]any) {
	if r, ok := s["$ref"].(string); ok && !strings.HasPrefix(r, "#") {
		next := filepath.ToSlash(filepath.Clean(filepath.Join(filepath.Dir(rel), r)))
		if strings.HasSuffix(next, "core.json") || strings.HasSuffix(next, "/properties.json") {
			c.collect(t, next, c.load(t, next), required, props)
		}
	}
	if rs, ok := s["required"].([]any); ok {
		for _, r := range rs {
			required[r.(string)] = true
		}
	}
	if ps, ok := s["properties"].(map[string]any); ok {
		for k, p := range ps {
			if pm, ok := p.(map[string]any); ok {
				if _, seen := props[k]; !seen || pm["type"] != nil {
					props[k] = pm
				}
			}
		}
	}
	if all, ok := s["allOf"].([]any); ok {
		for _, a := range all {
			if am, ok := a.(map[string]any); ok {
				c.collect(t, rel, am, required, props)
			}
		}
	}
}

// TestReportRoutesInOpenAPI checks the report and export routes are in the
// OpenAPI document and every schema they refer to is defined.
func TestReportRoutesInOpenAPI(t *testing.T) {
	srv, _ := exportFixture(t)
	srv.RegisterReports(nil)
	code, body := xget(t, srv, "/api/v1/openapi.json")
	if code != 200 {
		t.Fatalf("openapi = %d", code)
	}
	var doc struct {
		Paths      map[string]map[string]any `json:"paths"`
		Components struct {
			Schemas map[string]any `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatal(err)
	}
	for path, method := range map[string]string{"/api/v1/export": "get", "/api/v1/reports": "post",
		"/api/v1/reports/{id}": "put", "/api/v1/reports/{id}/release": "post", "/api/v1/reports/required-marking": "get"} {
		if _, ok := doc.Paths[path][method]; !ok {
			t.Errorf("%s %s missing from the OpenAPI document", method, path)
		}
	}
	for _, m := range regexp.MustCompile(`"#/components/schemas/([A-Za-z]+)"`).FindAllStringSubmatch(body, -1) {
		if _, ok := doc.Components.Schemas[m[1]]; !ok {
			t.Errorf("schema %s referred to but not defined", m[1])
		}
	}
}
