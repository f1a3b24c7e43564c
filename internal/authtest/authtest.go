// Package authtest stands in for the login in handler tests, so that the
// API and page tests of several packages act as any nation, role and
// clearance through one request header instead of each file carrying its
// own fake login and test-server setup.
//
// It is for tests only: the header lets any caller be anyone, so nothing
// but _test.go files may import it (TestOnlyTestsImport fails otherwise).
// It imports no handler package, so a package's own in-package tests can
// use it without an import cycle.
package authtest

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
	"github.com/liaison-project/liaison/internal/sqlite"
	"github.com/liaison-project/liaison/internal/sqlite/sqlitetest"
)

// Header names the viewer of a test request as "NATION[-role[-clearance]]",
// e.g. "FRA-analyst-4" or just "GBR"; the role defaults to officer and the
// clearance to 4, the common case of the coordination tests.
const Header = "X-Test-Viewer"

// Viewer is the viewer a Header value names: user "u-NATION", named
// "nation-role" in lower case (what author and audit fields then show). A
// spec with an empty nation, too many parts or a clearance that is not a
// number is refused, so that a typo in a test fails instead of running as
// somebody else.
func Viewer(spec string) (liaison.Viewer, error) {
	parts := strings.Split(spec, "-")
	if parts[0] == "" || len(parts) > 3 {
		return liaison.Viewer{}, liaison.Errorf(liaison.ErrInvalid, "test viewer %q: want NATION[-role[-clearance]]", spec)
	}
	v := liaison.Viewer{UserID: "u-" + parts[0], Nation: parts[0], Role: liaison.RoleOfficer, Clearance: 4}
	if len(parts) > 1 {
		v.Role = liaison.Role(parts[1])
	}
	if len(parts) > 2 {
		clr, err := strconv.Atoi(parts[2])
		if err != nil {
			return liaison.Viewer{}, liaison.Errorf(liaison.ErrInvalid, "test viewer %q: clearance: %v", spec, err)
		}
		v.Clearance = clr
	}
	v.Name = strings.ToLower(v.Nation + "-" + string(v.Role))
	return v, nil
}

// Login returns the stand-in login middleware: a request carrying Header
// runs as the viewer it names (a malformed one answers 400); a request
// without it is handed to unauth, so that an API test can answer it with
// the API's own 401 body (nil: a bare 401).
func Login(unauth http.Handler) func(http.Handler) http.Handler {
	if unauth == nil {
		unauth = http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			http.Error(w, "no test viewer", http.StatusUnauthorized)
		})
	}
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			spec := r.Header.Get(Header)
			if spec == "" {
				unauth.ServeHTTP(w, r)
				return
			}
			v, err := Viewer(spec)
			if err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			next.ServeHTTP(w, r.WithContext(liaison.WithViewer(r.Context(), v)))
		})
	}
}

// ParseMarking reads a marking's text under the default scheme and the seed
// nations, as a node does, for handlers that accept marking text.
func ParseMarking(_ context.Context, text string) (liaison.Marking, error) {
	return marking.Parse(marking.Default(), marking.NewNations(marking.SeedNations(), time.Now()), text)
}

// Server opens a fresh store (sqlitetest.MustOpen), has build make the
// handler under test over it, and serves that handler until tb ends; an
// error from build fails tb.
func Server(tb testing.TB, build func(db *sqlite.DB) (http.Handler, error)) (*httptest.Server, *sqlite.DB) {
	tb.Helper()
	db := sqlitetest.MustOpen(tb)
	h, err := build(db)
	if err != nil {
		tb.Fatal(err)
	}
	ts := httptest.NewServer(h)
	tb.Cleanup(ts.Close)
	return ts, db
}

// Do sends method path with body to ts as viewer (a Header value; "" sends
// no viewer) with contentType when not "", and returns the response with
// its body read. Redirects are not followed, so that a test sees the
// handler's own answer; a failed round trip fails tb.
func Do(tb testing.TB, ts *httptest.Server, viewer, method, path string, body io.Reader, contentType string) (*http.Response, string) {
	tb.Helper()
	req, err := http.NewRequest(method, ts.URL+path, body)
	if err != nil {
		tb.Fatal(err)
	}
	if viewer != "" {
		req.Header.Set(Header, viewer)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	c := *ts.Client()
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := c.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return resp, string(b)
}
