package httpapi

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/authtest"
	"github.com/liaison-project/liaison/internal/sqlite"
)

// apiServer serves the API over a fresh store, logged in through
// authtest.Header (a request without it gets the API's own 401) and
// parsing marking text as a node does; register adds the routes a test
// needs.
func apiServer(t *testing.T, register func(srv *Server, db *sqlite.DB) error) (*httptest.Server, *sqlite.DB) {
	t.Helper()
	unauth := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		WriteError(w, r, nil, liaison.Errorf(liaison.ErrUnauthorized, "no credentials"))
	})
	return authtest.Server(t, func(db *sqlite.DB) (http.Handler, error) {
		srv, err := New(Config{Documents: db, Extractions: db, Events: db, Feeds: db, Stats: db,
			Auth: authtest.Login(unauth), ParseMarking: authtest.ParseMarking})
		if err != nil {
			return nil, err
		}
		return srv, register(srv, db)
	})
}
