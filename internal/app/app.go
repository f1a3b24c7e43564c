// Package app wires a Liaison node together: it opens the store, builds the
// extraction pipeline, starts the feed scheduler and serves the API and the
// web UI. Commands (serve, demo) and the end-to-end test build a Main from a
// Config; nothing here is global.
package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/auth"
	"github.com/liaison-project/liaison/internal/coord"
	"github.com/liaison-project/liaison/internal/httpapi"
	"github.com/liaison-project/liaison/internal/marking"
	"github.com/liaison-project/liaison/internal/pipeline"
	"github.com/liaison-project/liaison/internal/web"
)

// Store is everything the node keeps: the item stores and their counts.
type Store interface {
	liaison.DocumentStore
	liaison.ExtractionStore
	liaison.EventStore
	liaison.FeedStore
	Stats(ctx context.Context) (liaison.Stats, error)
	Close() error
}

// Config says where the node keeps its data and where it listens.
type Config struct {
	DataDir string // where the database lives
	Addr    string // host:port to listen on; port 0 picks a free one
	Logger  *slog.Logger
	Version string

	// Viewer is the fixed viewer of every request when no authentication is
	// configured (development and tests only).
	Viewer *liaison.Viewer
	// PasswordParams are the KDF costs of new passwords (zero: auth's
	// defaults; tests use cheap ones).
	PasswordParams auth.Params
	// Demo seeds the demo nations and users at start.
	Demo bool
	// NoScheduler turns feed polling off (tests, demo).
	NoScheduler bool
	// PollInterval is how often the scheduler looks for due feeds.
	PollInterval time.Duration
	// FetchHostInterval spaces fetches to one host (0: ingest's default,
	// negative: none).
	FetchHostInterval time.Duration
	// SettleInterval is how often proposal deadlines are settled (0: 15s).
	SettleInterval time.Duration
	// Origin is recorded on every item created on this node. An empty Node
	// is the persistent node id of DataDir (NodeOrigin); an empty Nation
	// the nation remembered there, else the alliance staff's.
	Origin liaison.Origin
	// Policy is the classification policy (nil: <DataDir>/policy.json when
	// present, else the built-in one: LoadPolicy).
	Policy *marking.Policy

	// The parts below default to the real implementations; tests replace them.
	OpenStore func(ctx context.Context, dataDir string, log *slog.Logger) (Store, error)
	Extractor liaison.Extractor
}

// Main is a running node. Build it with New, then Start (or Run) it.
type Main struct {
	cfg  Config
	log  *slog.Logger
	deps *deps

	store    Store
	pipe     *pipeline.Pipeline
	api      *httpapi.Server
	srv      *http.Server
	ln       net.Listener
	cancel   context.CancelFunc
	wg       sync.WaitGroup
	serveErr chan error

	access    *access
	coord     *coord.Service
	notifier  *coord.Notifier
	demoUsers []auth.DemoUser

	closeOnce sync.Once
	closeErr  error
}

// New checks the config and fills in defaults. It opens nothing.
func New(cfg Config) (*Main, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:8080"
	}
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = 30 * time.Second
	}
	d := defaults()
	if cfg.OpenStore == nil {
		cfg.OpenStore = d.openStore
	}
	if cfg.DataDir == "" {
		return nil, liaison.Errorf(liaison.ErrInvalid, "app: no data directory")
	}
	return &Main{cfg: cfg, log: cfg.Logger.With("part", "app"), deps: d, serveErr: make(chan error, 1)}, nil
}

// Start opens the store, builds the pipeline, registers the routes, listens
// and serves in the background. Close stops everything.
func (m *Main) Start(ctx context.Context) error {
	st, err := m.cfg.OpenStore(ctx, m.cfg.DataDir, m.cfg.Logger)
	if err != nil {
		return fmt.Errorf("open store in %s: %w", m.cfg.DataDir, err)
	}
	m.store = st
	if err := m.resolveNode(); err != nil {
		_ = st.Close()
		return err
	}
	if err := m.build(); err != nil {
		_ = st.Close()
		return err
	}
	if m.cfg.Demo {
		if err := errors.Join(m.seedDemo(ctx), m.seedDemoProposals(ctx)); err != nil {
			_ = st.Close()
			return err
		}
	}
	ln, err := net.Listen("tcp", m.cfg.Addr)
	if err != nil {
		_ = st.Close()
		return fmt.Errorf("listen on %s: %w", m.cfg.Addr, err)
	}
	m.ln = ln
	m.srv = &http.Server{
		Handler:           m.api,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(m.cfg.Logger.Handler(), slog.LevelWarn),
	}
	bg, cancel := context.WithCancel(context.WithoutCancel(ctx))
	m.cancel = cancel
	m.wg.Add(1)
	go func() {
		defer m.wg.Done()
		if err := m.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			m.serveErr <- err
		}
	}()
	if !m.cfg.NoScheduler {
		m.startScheduler(bg)
	}
	m.startCoord(bg)
	m.log.Info("serving", "url", m.URL(), "data", m.cfg.DataDir)
	return nil
}

// build makes the pipeline, the API server and the UI over the open store.
func (m *Main) build() error {
	x := m.cfg.Extractor
	if x == nil {
		var err error
		if x, err = m.deps.extractor(); err != nil {
			return fmt.Errorf("build extractor: %w", err)
		}
	}
	pipe, err := pipeline.New(x, m.store, m.cfg.Logger)
	if err != nil {
		return err
	}
	m.pipe = pipe
	wcfg := web.Config{
		Documents: m.store, Extractions: m.store, Events: m.store, Feeds: m.store, Stats: m.store,
		Logger: m.cfg.Logger,
	}
	if agg, ok := m.store.(web.AggregateMarkings); ok {
		wcfg.Aggregates = agg // banners of the pages of counts, from the store's queries
	}
	if _, ok := m.store.(liaison.ReportStore); ok {
		wcfg.NavExtra = append(wcfg.NavExtra, web.NavLink{Name: "Analysis", Href: "/reports"})
	}
	if _, ok := m.store.(coordStore); ok {
		wcfg.NavExtra = append(wcfg.NavExtra, web.NavLink{Name: "Proposals", Href: "/proposals"}, web.NavLink{Name: "Threads", Href: "/threads"})
	}
	ui, err := web.New(wcfg)
	if err != nil {
		return err
	}
	if err := m.buildAccess(ui.LoginPage); err != nil {
		return err
	}
	api, err := httpapi.New(httpapi.Config{
		Documents: m.store, Extractions: m.store, Events: m.store, Feeds: m.store, Stats: m.store,
		Logger: m.cfg.Logger, Viewer: m.cfg.Viewer, Version: m.cfg.Version,
		ParseMarking: m.parseMarking, Auth: m.authMiddleware(),
	})
	if err != nil {
		return err
	}
	ui.Register(api)
	if m.access != nil {
		m.access.authn.Register(api)
	}
	if err := m.buildAdmin(api, ui); err != nil {
		return err
	}
	if err := m.buildCoord(api, ui); err != nil {
		return err
	}
	if err := m.buildReports(api, ui); err != nil {
		return err
	}
	if err := m.buildActorNotes(api, ui); err != nil {
		return err
	}
	m.api = api
	return nil
}

// Run starts the node and serves until ctx is cancelled or serving fails.
func (m *Main) Run(ctx context.Context) error {
	if err := m.Start(ctx); err != nil {
		return err
	}
	return m.Wait(ctx)
}

// Wait serves (after Start) until ctx is cancelled or serving fails, then
// closes the node.
func (m *Main) Wait(ctx context.Context) error {
	var err error
	select {
	case <-ctx.Done():
	case err = <-m.serveErr:
	}
	return errors.Join(err, m.Close())
}

// URL is the base URL the node serves on (after Start).
func (m *Main) URL() string {
	if m.ln == nil {
		return ""
	}
	return "http://" + m.ln.Addr().String()
}

// Store returns the open store (after Start): the demo and tests load
// documents through it.
func (m *Main) Store() Store { return m.store }

// Pipeline returns the extraction pipeline (after Start).
func (m *Main) Pipeline() *pipeline.Pipeline { return m.pipe }

// Server returns the router, so more routes can be registered.
func (m *Main) Server() *httpapi.Server { return m.api }

// Close stops serving (letting requests in flight finish for up to five
// seconds), stops the scheduler and closes the store.
func (m *Main) Close() error {
	m.closeOnce.Do(func() {
		var errs []error
		if m.srv != nil {
			sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			errs = append(errs, m.srv.Shutdown(sctx))
			cancel()
		}
		if m.cancel != nil {
			m.cancel()
		}
		m.wg.Wait()
		if m.store != nil {
			errs = append(errs, m.store.Close())
		}
		m.closeErr = errors.Join(errs...)
	})
	return m.closeErr
}

// timeNow is the wall clock (marking group expansion is dated).
func timeNow() time.Time { return time.Now() }
