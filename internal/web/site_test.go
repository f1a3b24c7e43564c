package web

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/liaison-project/liaison/internal/authtest"
	"github.com/liaison-project/liaison/internal/httpapi"
	"github.com/liaison-project/liaison/internal/sqlite"
)

// testSite serves the pages and the API under them over a fresh store,
// logged in through authtest.Header and parsing marking text as a node
// does; register adds the routes a test needs before the pages' own.
func testSite(t *testing.T, register func(srv *httpapi.Server, ui *UI, db *sqlite.DB) error) *httptest.Server {
	t.Helper()
	return siteWith(t, authtest.Login(nil), register)
}

// siteWith is testSite logged in through the middleware login.
func siteWith(t *testing.T, login func(http.Handler) http.Handler,
	register func(srv *httpapi.Server, ui *UI, db *sqlite.DB) error) *httptest.Server {
	t.Helper()
	ts, _ := authtest.Server(t, func(db *sqlite.DB) (http.Handler, error) {
		srv, err := httpapi.New(httpapi.Config{Documents: db, Extractions: db, Events: db, Feeds: db, Stats: db,
			Auth: login, ParseMarking: authtest.ParseMarking})
		if err != nil {
			return nil, err
		}
		ui, err := New(Config{Documents: db, Extractions: db, Events: db, Feeds: db, Stats: db})
		if err != nil {
			return nil, err
		}
		if err := register(srv, ui, db); err != nil {
			return nil, err
		}
		ui.Register(srv)
		return srv, nil
	})
	return ts
}

// pageAs requests path as viewer (an authtest.Header spec such as "JPN" or
// "FRA-analyst"), posting form when it is not nil; a redirect is answered,
// not followed.
func pageAs(t *testing.T, ts *httptest.Server, viewer, method, path string, form url.Values) (int, string) {
	t.Helper()
	var body io.Reader
	ctype := ""
	if form != nil {
		body, ctype = strings.NewReader(form.Encode()), "application/x-www-form-urlencoded"
	}
	resp, b := authtest.Do(t, ts, viewer, method, path, body, ctype)
	return resp.StatusCode, b
}
