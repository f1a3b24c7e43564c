package authtest

import (
	"encoding/json"
	"errors"
	"go/parser"
	"go/token"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/sqlite"
)

func TestViewer(t *testing.T) {
	for spec, want := range map[string]liaison.Viewer{
		"GBR":           {UserID: "u-GBR", Name: "gbr-officer", Nation: "GBR", Role: liaison.RoleOfficer, Clearance: 4},
		"FRA-analyst":   {UserID: "u-FRA", Name: "fra-analyst", Nation: "FRA", Role: liaison.RoleAnalyst, Clearance: 4},
		"USA-reader-2":  {UserID: "u-USA", Name: "usa-reader", Nation: "USA", Role: liaison.RoleReader, Clearance: 2},
		"JPN-officer-1": {UserID: "u-JPN", Name: "jpn-officer", Nation: "JPN", Role: liaison.RoleOfficer, Clearance: 1},
	} {
		got, err := Viewer(spec)
		if err != nil || got.UserID != want.UserID || got.Name != want.Name || got.Nation != want.Nation ||
			got.Role != want.Role || got.Clearance != want.Clearance || got.System {
			t.Errorf("Viewer(%q) = %+v, %v; want %+v", spec, got, err, want)
		}
	}
	for _, bad := range []string{"", "-analyst", "FRA-analyst-x", "FRA-analyst-4-more"} {
		if _, err := Viewer(bad); !errors.Is(err, liaison.ErrInvalid) {
			t.Errorf("Viewer(%q): %v, want ErrInvalid", bad, err)
		}
	}
}

// TestLoginAndDo serves a handler that echoes its viewer behind Login and
// checks what Do sends arrives as that viewer, a request without one goes
// to unauth, a malformed one is refused, and a redirect is not followed.
func TestLoginAndDo(t *testing.T) {
	unauth := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { http.Error(w, "own 401", http.StatusUnauthorized) })
	ts, db := Server(t, func(db *sqlite.DB) (http.Handler, error) {
		mux := http.NewServeMux()
		mux.HandleFunc("/who", func(w http.ResponseWriter, r *http.Request) {
			v, _ := liaison.ViewerFrom(r.Context())
			_ = json.NewEncoder(w).Encode(v)
		})
		mux.HandleFunc("/away", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/who", http.StatusSeeOther) })
		return Login(unauth)(mux), nil
	})
	if db == nil {
		t.Fatal("no store")
	}
	resp, body := Do(t, ts, "DEU-reader-3", "GET", "/who", nil, "")
	var v liaison.Viewer
	if err := json.Unmarshal([]byte(body), &v); err != nil || resp.StatusCode != 200 || v.Nation != "DEU" || v.Role != liaison.RoleReader || v.Clearance != 3 {
		t.Errorf("as DEU-reader-3: %d %s", resp.StatusCode, body)
	}
	if resp, body := Do(t, ts, "", "GET", "/who", nil, ""); resp.StatusCode != 401 || !strings.Contains(body, "own 401") {
		t.Errorf("no viewer: %d %s, want unauth's 401", resp.StatusCode, body)
	}
	if resp, body := Do(t, ts, "DEU-reader-high", "GET", "/who", nil, ""); resp.StatusCode != 400 || !strings.Contains(body, "DEU-reader-high") {
		t.Errorf("malformed viewer: %d %s, want 400 naming it", resp.StatusCode, body)
	}
	if resp, _ := Do(t, ts, "DEU", "GET", "/away", nil, ""); resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/who" {
		t.Errorf("redirect: %d %v, want the 303 itself", resp.StatusCode, resp.Header)
	}
}

func TestParseMarking(t *testing.T) {
	m, err := ParseMarking(t.Context(), "NATO SECRET // REL TO USA")
	if err != nil || m.Level <= 2 || len(m.RelTo) != 1 || m.RelTo[0] != "USA" {
		t.Errorf("NATO SECRET // REL TO USA = %+v, %v", m, err)
	}
	if _, err := ParseMarking(t.Context(), "TOP SEKRIT"); err == nil {
		t.Errorf("TOP SEKRIT parsed")
	}
}

// TestOnlyTestsImport fails when a file other than a _test.go file in the
// module imports this package, which would put the header login in a
// binary.
func TestOnlyTestsImport(t *testing.T) {
	here, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	root := here
	for {
		if _, err := os.Stat(filepath.Join(root, "go.mod")); err == nil {
			break
		}
		if root == filepath.Dir(root) {
			t.Fatal("no go.mod above the package")
		}
		root = filepath.Dir(root)
	}
	const self = "github.com/liaison-project/liaison/internal/authtest"
	fset, files := token.NewFileSet(), 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || d.Name() == "vendor" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") || filepath.Dir(path) == here {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		files++
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); p == self {
				t.Errorf("%s imports %s, which is for tests only", path, self)
			}
		}
		return nil
	})
	if err != nil || files < 50 {
		t.Fatalf("walked %d non-test files under %s: %v", files, root, err)
	}
}
