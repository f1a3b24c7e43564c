// Package web is Liaison's server-rendered user interface: an overview, the
// document reader with extractions highlighted in the text, the events table,
// search and feeds. It uses html/template with embedded templates and one CSS
// file, and needs no JavaScript. Pages register on the httpapi router so that
// they share its authentication, logging and metrics.
package web

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strings"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/httpapi"
	"github.com/liaison-project/liaison/internal/marking"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Config is what the UI reads.
type Config struct {
	Documents   liaison.DocumentStore
	Extractions liaison.ExtractionStore
	Events      liaison.EventStore
	Feeds       liaison.FeedStore
	Stats       httpapi.StatsReader
	Logger      *slog.Logger
	// FormatMarking prints a marking; marking.Format when nil.
	FormatMarking func(liaison.Marking) string
	// Floor is the banner of a page that shows no marked item (default
	// "PUBLIC").
	Floor liaison.Marking
	// NavExtra adds links to the navigation bar (e.g. proposals).
	NavExtra []NavLink
	// Aggregates gives the banners of the pages of counts (overview,
	// actors, places). When nil, the UI reads every visible item instead
	// (fine for the memory store; a large store should implement it).
	Aggregates AggregateMarkings
}

// NavLink is an entry of the navigation bar.
type NavLink struct {
	Name, Href string
}

// UI renders the pages. Build it with New and register it with Register.
type UI struct {
	srv     *httpapi.Server // set by Register: the feed form uses its feed rules
	reports bool            // set by RegisterReports: documents offer "draft a report"
	cfg     Config
	log     *slog.Logger
	pages   map[string]*template.Template

	// actorPages is set by RegisterActorNotes: the actors list links each
	// code to its page of notes.
	actorPages bool
}

// pageNames are the templates in templates/ besides layout.html.
var pageNames = []string{"overview", "documents", "document", "events", "actors", "places", "search", "feeds", "error", "login"}

// New parses the embedded templates.
func New(cfg Config) (*UI, error) {
	if cfg.Documents == nil || cfg.Extractions == nil || cfg.Events == nil || cfg.Feeds == nil || cfg.Stats == nil {
		return nil, errors.New("web: every store (documents, extractions, events, feeds, stats) is required")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.FormatMarking == nil {
		cfg.FormatMarking = marking.Format
	}
	if cfg.Aggregates == nil {
		cfg.Aggregates = scanMarkings{cfg: &cfg}
	}
	if cfg.Floor.Classification == "" {
		cfg.Floor = liaison.Marking{Classification: "PUBLIC"}
	}
	u := &UI{cfg: cfg, log: cfg.Logger.With("part", "web"), pages: map[string]*template.Template{}}
	if err := u.parsePages(u.funcs(), pageNames); err != nil {
		return nil, err
	}
	return u, nil
}

// parsePages parses each named page (templates/<name>.html) with the layout
// and the partials every page shares.
func (u *UI) parsePages(funcs template.FuncMap, names []string) error {
	for _, name := range names {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/partials.html", "templates/"+name+".html")
		if err != nil {
			return fmt.Errorf("web: template %s: %w", name, err)
		}
		u.pages[name] = t
	}
	return nil
}

// pageRoute is a page's ServeMux pattern ("GET /path", or a bare path for
// every method) and its handler.
type pageRoute struct {
	pattern string
	h       http.HandlerFunc
}

// handlePages registers pages on the router (Page routes: not in the
// OpenAPI document).
func handlePages(srv *httpapi.Server, routes []pageRoute) {
	for _, rt := range routes {
		method, path, _ := strings.Cut(rt.pattern, " ")
		if path == "" {
			method, path = "", method
		}
		srv.Handle(httpapi.Route{Method: method, Path: path, Page: true, Handler: rt.h})
	}
}

// Register adds the pages and the static files to the router.
func (u *UI) Register(srv *httpapi.Server) {
	u.srv = srv
	static, _ := fs.Sub(staticFS, "static")
	handlePages(srv, []pageRoute{
		{"GET /{$}", u.overview},
		{"GET /documents", u.documents},
		{"GET /documents/{id}", u.document},
		{"GET /events", u.events},
		{"GET /actors", u.actors},
		{"GET /places", u.places},
		{"GET /search", u.search},
		{"GET /feeds", u.feeds},
		{"POST /feeds", u.addFeed},
		{"POST /feeds/delete", u.deleteFeed},
		{"/", u.notFound},
	})
	// Public: the login page needs its stylesheet before anyone logs in.
	srv.Handle(httpapi.Route{Method: "GET", Path: "/static/", Page: true, Public: true, Handler: staticFiles(static)})
}

// staticFiles serves the embedded assets and nothing else: only a regular
// file of fsys by its exact name — no directory listings, no index pages,
// no redirects — and 404 for anything else.
func staticFiles(fsys fs.FS) http.Handler {
	files := http.FileServerFS(fsys)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, ok := strings.CutPrefix(r.URL.Path, "/static/")
		st, err := fs.Stat(fsys, name)
		if !ok || !fs.ValidPath(name) || name == "." || err != nil || !st.Mode().IsRegular() || strings.HasSuffix(name, "index.html") {
			w.Header().Set("X-Content-Type-Options", "nosniff")
			http.NotFound(w, r)
			return
		}
		r2 := new(http.Request)
		*r2 = *r
		r2.URL = new(url.URL)
		*r2.URL = *r.URL
		r2.URL.Path, r2.URL.RawPath = "/"+name, ""
		w.Header().Set("X-Content-Type-Options", "nosniff")
		files.ServeHTTP(w, r2)
	})
}

// page is what the layout renders around a page's content.
type page struct {
	Title  string
	Nav    string
	Links  []NavLink
	Viewer *liaison.Viewer
	Banner banner
	Data   any
	// CSRF is the token forms must post (empty without a session).
	CSRF string
	// Admin is set for an administrator's session, who may view as another
	// nation; ViewingAs is that nation while they do. Path is the page's
	// own path, for forms that come back to it.
	Admin     bool
	ViewingAs string
	Path      string
}

// render executes a page into a buffer first so that a template error
// becomes a clean 500 rather than half a page.
func (u *UI) render(w http.ResponseWriter, r *http.Request, status int, name, title string, data any, markings []liaison.Marking) {
	p := page{Title: title, Nav: name, Links: u.cfg.NavExtra, Data: data, Banner: u.banner(markings)}
	if v, ok := liaison.ViewerFrom(r.Context()); ok {
		p.Viewer = &v
	}
	p.CSRF = httpapi.CSRFToken(r.Context())
	p.Path = r.URL.RequestURI()
	if real, ok := httpapi.RealUser(r.Context()); ok && p.CSRF != "" {
		p.Admin = real.Role == liaison.RoleAdmin
		if p.Viewer != nil && p.Viewer.Nation != real.Nation {
			p.ViewingAs = p.Viewer.Nation
		}
	}
	var buf bytes.Buffer
	if err := u.pages[name].ExecuteTemplate(&buf, "layout.html", p); err != nil {
		u.log.Error("render", "page", name, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self'; img-src 'self' data:")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("X-Frame-Options", "DENY")
	w.WriteHeader(status)
	_, _ = buf.WriteTo(w)
}

// banner is the highest marking of the items on a page.
func (u *UI) banner(ms []liaison.Marking) banner {
	m := u.cfg.Floor
	if len(ms) > 0 {
		m = marking.Combine(ms...)
	}
	return banner{Text: u.cfg.FormatMarking(m), Class: bannerClass(m)}
}

// formFailed answers a form post that failed: a missing item gets the error
// page; any other error shows the form's page again (show) with the status
// and message StatusOf gives err.
func (u *UI) formFailed(w http.ResponseWriter, r *http.Request, err error,
	show func(w http.ResponseWriter, r *http.Request, status int, msg string)) {
	status, msg := httpapi.StatusOf(err)
	if status == http.StatusNotFound {
		u.fail(w, r, err)
		return
	}
	show(w, r, status, msg)
}

// fail renders the error page with the status StatusOf gives err.
func (u *UI) fail(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := httpapi.StatusOf(err)
	if status == http.StatusInternalServerError {
		u.log.Error("page failed", "path", r.URL.Path, "err", err)
	}
	u.render(w, r, status, "error", http.StatusText(status), struct {
		Status  int
		Message string
	}{status, msg}, nil)
}

// LoginPage renders the login form (the authenticator's LoginPage hook):
// a POST of name, password and next to /login.
func (u *UI) LoginPage(w http.ResponseWriter, r *http.Request, status int, next, message string) {
	u.render(w, r, status, "login", "Log in", struct{ Next, Message string }{next, message}, nil)
}

// notFound answers unknown paths.
func (u *UI) notFound(w http.ResponseWriter, r *http.Request) {
	u.fail(w, r, liaison.Errorf(liaison.ErrNotFound, "no page at %s", r.URL.Path))
}

// ctx returns the request's context, which carries the viewer.
func ctx(r *http.Request) context.Context { return r.Context() }
