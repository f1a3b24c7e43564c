// Package httpapi serves Liaison's JSON API under /api/v1, the OpenAPI
// document describing it, /healthz and Prometheus /metrics. It is also the
// node's one router: the web UI and other packages register their routes
// through Server.Handle so that every route is authenticated, logged and
// measured the same way.
package httpapi

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/ingest"
)

// StatsReader gives the overview counts a viewer may see.
type StatsReader interface {
	Stats(ctx context.Context) (liaison.Stats, error)
}

// Config is what the API needs: the stores it reads and how requests are
// authenticated.
type Config struct {
	Documents   liaison.DocumentStore
	Extractions liaison.ExtractionStore
	Events      liaison.EventStore
	Feeds       liaison.FeedStore
	Stats       StatsReader
	Logger      *slog.Logger

	// Auth wraps every non-public route, putting the liaison.Viewer of the
	// authenticated request into its context (or answering 401 itself).
	// When nil, Viewer is used instead.
	Auth func(http.Handler) http.Handler
	// Viewer is the fixed viewer of every request when Auth is nil
	// (development and tests). With neither, requests see nothing.
	Viewer *liaison.Viewer
	// ParseMarking turns a marking's text (as in "feeds add --marking") into
	// a liaison.Marking. When nil, feeds added through the API must carry no
	// marking text.
	ParseMarking func(ctx context.Context, text string) (liaison.Marking, error)
	// FeedEvery is the default polling interval of a feed added without one.
	FeedEvery time.Duration
	// Version is reported by /healthz and the OpenAPI document.
	Version string
}

// Server is the node's router. Build it with New, add routes with Handle and
// serve it as an http.Handler.
type Server struct {
	cfg     Config
	log     *slog.Logger
	mux     *http.ServeMux
	metrics *metrics
	handler http.Handler

	mu           sync.Mutex
	routes       []Route
	extraSchemas obj
}

var _ http.Handler = (*Server)(nil)

// New builds a server with the API routes registered.
func New(cfg Config) (*Server, error) {
	if cfg.Documents == nil || cfg.Extractions == nil || cfg.Events == nil || cfg.Feeds == nil || cfg.Stats == nil {
		return nil, errors.New("httpapi: every store (documents, extractions, events, feeds, stats) is required")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.FeedEvery <= 0 {
		cfg.FeedEvery = ingest.DefaultEvery // what the CLI, the form and the README say
	}
	if cfg.Version == "" {
		cfg.Version = "dev"
	}
	s := &Server{
		cfg:     cfg,
		log:     cfg.Logger.With("part", "httpapi"),
		mux:     http.NewServeMux(),
		metrics: newMetrics(),
	}
	s.handler = s.recoverer(s.mux)
	s.registerAPI()
	return s, nil
}

// ServeHTTP serves every registered route.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}

// Handle registers a route (a Route with only Answer gets its handler
// from answer). Routes that are not Public are wrapped by the
// authentication middleware; all are logged and measured. Registering the
// same pattern twice is a programming error and panics (as ServeMux does).
func (s *Server) Handle(rt Route) {
	if rt.Handler == nil && rt.Answer != nil {
		rt.Handler = answer(s.log, rt.status(), rt.Answer)
	}
	if rt.Handler == nil {
		panic(fmt.Sprintf("httpapi: route %s %s has no handler", rt.Method, rt.Path))
	}
	h := rt.Handler
	if !rt.Public {
		h = s.authenticate(h)
	}
	h = s.instrument(rt.Pattern(), h)
	s.mux.Handle(rt.Pattern(), h)
	s.mu.Lock()
	s.routes = append(s.routes, rt)
	s.mu.Unlock()
}

// Routes returns every registered route, in registration order.
func (s *Server) Routes() []Route {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Route(nil), s.routes...)
}

// Logger returns the logger for a part of the server (e.g. "web").
func (s *Server) Logger(part string) *slog.Logger {
	return s.cfg.Logger.With("part", part)
}

// authenticate applies the configured Auth middleware, or the fixed viewer.
func (s *Server) authenticate(h http.Handler) http.Handler {
	if s.cfg.Auth != nil {
		return s.cfg.Auth(h)
	}
	v := s.cfg.Viewer
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, ok := liaison.ViewerFrom(r.Context()); !ok && v != nil {
			r = r.WithContext(liaison.WithViewer(r.Context(), *v))
		}
		h.ServeHTTP(w, r)
	})
}

// recoverer turns a handler panic into a logged 500 instead of a dropped
// connection.
func (s *Server) recoverer(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(v))
				WriteError(w, r, s.log, fmt.Errorf("panic: %v", v))
			}
		}()
		h.ServeHTTP(w, r)
	})
}
