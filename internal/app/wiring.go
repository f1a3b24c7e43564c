package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/auth"
	"github.com/liaison-project/liaison/internal/extract"
	"github.com/liaison-project/liaison/internal/httpapi"
	"github.com/liaison-project/liaison/internal/marking"
	"github.com/liaison-project/liaison/internal/sqlite"
	"github.com/liaison-project/liaison/internal/web"
)

// deps are the real implementations Main uses unless its Config replaces
// them. They are gathered here so the wiring reads in one place.
type deps struct {
	openStore func(ctx context.Context, dataDir string, log *slog.Logger) (Store, error)
	extractor func() (liaison.Extractor, error)
}

// storeFile is the database file inside a data directory (as the CLI's).
const storeFile = "liaison.db"

func defaults() *deps {
	return &deps{
		openStore: func(ctx context.Context, dataDir string, log *slog.Logger) (Store, error) {
			if err := os.MkdirAll(dataDir, 0o700); err != nil {
				return nil, fmt.Errorf("data directory: %w", err)
			}
			db, err := sqlite.Open(ctx, filepath.Join(dataDir, storeFile), log)
			if err != nil {
				return nil, err
			}
			return db, nil
		},
		extractor: func() (liaison.Extractor, error) {
			return DefaultExtractor(nil)
		},
	}
}

var (
	_ Store                 = (*sqlite.DB)(nil)
	_ web.AggregateMarkings = (*sqlite.DB)(nil)
)

// DefaultExtractor is the extraction engine every ingest path uses (serve,
// demo, `liaison ingest`): built-in actor dictionaries, gazetteer and event
// dictionaries. logger may be nil.
func DefaultExtractor(logger *slog.Logger) (liaison.Extractor, error) {
	return extract.WithDictionaries(extract.Dictionaries{}, logger)
}

// accessStore is the part of a store that keeps nations, users and the
// audit log: what authentication needs.
type accessStore interface {
	liaison.NationStore
	liaison.UserStore
	liaison.AuditLog
}

// access is the node's authentication: the service, the HTTP middleware and
// the marking parser bound to the stored nations. All nil when the node runs
// with a fixed viewer.
type access struct {
	svc    *auth.Service
	authn  *httpapi.Authenticator
	marker *marking.Marker
	store  accessStore
}

// buildAccess sets up authentication unless the config gives a fixed viewer.
// A store that keeps no users cannot authenticate anyone: that is an error,
// never an open node — except for the demo, which then runs with its fixed
// demo viewer.
func (m *Main) buildAccess(loginPage func(w http.ResponseWriter, r *http.Request, status int, next, message string)) error {
	if m.cfg.Viewer != nil {
		return nil
	}
	as, ok := m.store.(accessStore)
	if !ok {
		if m.cfg.Demo {
			v := DemoViewer()
			m.cfg.Viewer = &v
			m.log.Warn("store keeps no users: the demo runs without logins")
			return nil
		}
		return errors.New("the store keeps no users, so requests cannot be authenticated")
	}
	svc, err := auth.New(auth.Config{Users: as, Audit: as, Logger: m.cfg.Logger, Params: m.cfg.PasswordParams,
		Policy: m.cfg.Policy})
	if err != nil {
		return err
	}
	authn, err := httpapi.NewAuthenticator(httpapi.AuthConfig{Service: svc, Nations: as, Users: as, Audit: as,
		Policy: m.cfg.Policy, Logger: m.cfg.Logger, LoginPage: loginPage})
	if err != nil {
		return err
	}
	m.access = &access{svc: svc, authn: authn, store: as,
		marker: &marking.Marker{Policy: m.cfg.Policy, Nations: as}}
	return nil
}

// authMiddleware is the Auth hook of the API server (nil: fixed viewer).
func (m *Main) authMiddleware() func(http.Handler) http.Handler {
	if m.access == nil {
		return nil
	}
	return m.access.authn.Middleware
}

// parseMarking parses marking text against the node's policy and stored
// nations, or the built-in nations when the node has no nation store.
func (m *Main) parseMarking(ctx context.Context, text string) (liaison.Marking, error) {
	if m.access != nil {
		return m.access.marker.Parse(ctx, text)
	}
	return marking.Parse(m.cfg.Policy, marking.NewNations(marking.SeedNations(), timeNow()), text)
}

// seedDemo stores the demo nations and users (demo only).
func (m *Main) seedDemo(ctx context.Context) error {
	if m.access == nil {
		return nil
	}
	users, err := auth.SeedDemo(ctx, m.access.store, m.access.svc, m.cfg.Policy)
	if err != nil {
		return fmt.Errorf("seed demo users: %w", err)
	}
	m.demoUsers = users
	return m.seedDemoEU(ctx)
}

// DemoUsers returns the accounts the demo seeded (nil without logins).
func (m *Main) DemoUsers() []auth.DemoUser { return m.demoUsers }

// NoUsers reports whether authentication is on and nobody can log in yet,
// so `serve` can say how to add the first user.
func (m *Main) NoUsers(ctx context.Context) bool {
	if m.access == nil {
		return false
	}
	users, err := m.access.store.Users(liaison.SystemContext(ctx))
	return err == nil && len(users) == 0
}
