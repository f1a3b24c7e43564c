package httpapi

import (
	"context"
	"errors"
	"html/template"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/auth"
	"github.com/liaison-project/liaison/internal/marking"
)

// Names of the cookies, header and form field the authenticator reads.
const (
	SessionCookie = "liaison_session"
	ViewAsCookie  = "liaison_view_as"
	ViewAsHeader  = "X-View-As"
	CSRFHeader    = "X-CSRF-Token"
	CSRFField     = "csrf_token"
)

// Authenticator turns credentials into a liaison.Viewer: a session cookie
// (browsers; unsafe methods must carry the CSRF token) or an API token sent
// as "Authorization: Bearer …" (read-scoped tokens may only use safe
// methods). An admin may "view as" a nation: reads then use that nation,
// with the admin's clearance and caveats and the role of a reader, bounded
// by the admin's own access (liaison.Viewer.Within), so that an item shows
// only when both the nation and the admin may see it: view-as narrows.
type Authenticator struct {
	svc     *auth.Service
	nations liaison.NationStore
	users   liaison.UserStore
	audit   liaison.AuditLog
	policy  *marking.Policy
	log     *slog.Logger
	secure  bool
	ttl     time.Duration
	page    func(w http.ResponseWriter, r *http.Request, status int, next, message string)
}

// AuthConfig configures an Authenticator.
type AuthConfig struct {
	Service *auth.Service
	Nations liaison.NationStore // view-as codes, GET /api/v1/nations, marking check
	Users   liaison.UserStore   // admin user and token routes
	Audit   liaison.AuditLog    // GET /api/v1/audit (filtered by the viewer)
	Policy  *marking.Policy     // nil: marking.Default()
	Logger  *slog.Logger
	// SecureCookies sets the Secure flag (serve over HTTPS in production).
	SecureCookies bool
	SessionTTL    time.Duration // cookie lifetime; default 12 hours (match auth.Config)
	// LoginPage, when set, renders the login form (GET /login and a failed
	// form login) instead of the built-in minimal page. The form must POST
	// fields "name", "password" and "next" to /login.
	LoginPage func(w http.ResponseWriter, r *http.Request, status int, next, message string)
}

// NewAuthenticator checks cfg and returns the authenticator.
func NewAuthenticator(cfg AuthConfig) (*Authenticator, error) {
	if cfg.Service == nil || cfg.Nations == nil || cfg.Users == nil || cfg.Audit == nil {
		return nil, errors.New("httpapi: authenticator needs the auth service and the nation, user and audit stores")
	}
	if cfg.Policy == nil {
		cfg.Policy = marking.Default()
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.SessionTTL <= 0 {
		cfg.SessionTTL = 12 * time.Hour
	}
	return &Authenticator{svc: cfg.Service, nations: cfg.Nations, users: cfg.Users, audit: cfg.Audit, policy: cfg.Policy, log: cfg.Logger.With("part", "auth"),
		secure: cfg.SecureCookies, ttl: cfg.SessionTTL, page: cfg.LoginPage}, nil
}

type authKey int

const (
	realUserKey authKey = iota
	csrfKey
)

// RealUser returns the authenticated user's own viewer, which differs from
// liaison.ViewerFrom while an admin views as another nation.
func RealUser(ctx context.Context) (liaison.Viewer, bool) {
	v, ok := ctx.Value(realUserKey).(liaison.Viewer)
	return v, ok
}

// CSRFToken returns the token pages must put in the CSRFField of their forms
// (or send as the X-CSRF-Token header); "" for token-authenticated requests.
func CSRFToken(ctx context.Context) string {
	s, _ := ctx.Value(csrfKey).(string)
	return s
}

func safeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}

// Middleware authenticates every request it wraps, answering 401 itself when
// there are no valid credentials. Use it as httpapi.Config.Auth.
func (a *Authenticator) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, err := a.authenticate(r)
		if err != nil {
			a.deny(w, r, err)
			return
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// authenticate returns the request context with the viewer, or why not.
func (a *Authenticator) authenticate(r *http.Request) (context.Context, error) {
	ctx := r.Context()
	var (
		u      *liaison.User
		csrf   string
		cookie = false
	)
	if h := r.Header.Get("Authorization"); h != "" {
		secret, ok := strings.CutPrefix(h, "Bearer ")
		if !ok {
			return nil, liaison.Errorf(liaison.ErrUnauthorized, "Authorization header: want \"Bearer TOKEN\"")
		}
		user, tok, err := a.svc.Token(ctx, strings.TrimSpace(secret))
		if err != nil {
			return nil, a.audited(ctx, err, "anonymous", "")
		}
		if tok.Scope != liaison.ScopeWrite && !safeMethod(r.Method) {
			return nil, a.audited(ctx, liaison.Errorf(liaison.ErrForbidden, "API token %s is read-only", tok.ID), user.Name, user.Nation)
		}
		u = user
	} else if c, err := r.Cookie(SessionCookie); err == nil && c.Value != "" {
		user, err := a.svc.Session(ctx, c.Value)
		if err != nil {
			return nil, err
		}
		u, csrf, cookie = user, auth.CSRFToken(c.Value), true
		if !safeMethod(r.Method) && !auth.CheckCSRF(c.Value, csrfFrom(r)) {
			return nil, a.audited(ctx, liaison.Errorf(liaison.ErrForbidden, "missing or wrong CSRF token"), user.Name, user.Nation)
		}
	} else {
		return nil, liaison.Errorf(liaison.ErrUnauthorized, "log in or send an API token")
	}
	own := u.Viewer()
	v, err := a.viewAs(ctx, r, own, cookie)
	if err != nil {
		return nil, err
	}
	ctx = context.WithValue(ctx, realUserKey, own)
	ctx = context.WithValue(ctx, csrfKey, csrf)
	return liaison.WithViewer(ctx, v), nil
}

// csrfFrom reads the CSRF token from the header or, for form posts, the form.
func csrfFrom(r *http.Request) string {
	if t := r.Header.Get(CSRFHeader); t != "" {
		return t
	}
	ct := r.Header.Get("Content-Type")
	if strings.HasPrefix(ct, "application/x-www-form-urlencoded") || strings.HasPrefix(ct, "multipart/form-data") {
		r.Body = http.MaxBytesReader(nil, r.Body, maxBodyBytes)
		return r.PostFormValue(CSRFField)
	}
	return ""
}

// viewAs applies an admin's view-as nation (the X-View-As header, or for
// browser sessions the view-as cookie). Non-admins asking for it are refused.
func (a *Authenticator) viewAs(ctx context.Context, r *http.Request, own liaison.Viewer, cookie bool) (liaison.Viewer, error) {
	code, fromHeader := r.Header.Get(ViewAsHeader), true
	if code == "" && cookie {
		if c, err := r.Cookie(ViewAsCookie); err == nil {
			code, fromHeader = c.Value, false
		}
	}
	code = strings.ToUpper(strings.TrimSpace(code))
	if code == "" || code == own.Nation {
		return own, nil
	}
	if own.Role != liaison.RoleAdmin {
		if !fromHeader {
			return own, nil // a stale cookie of a former admin: ignore it
		}
		return own, a.audited(ctx, liaison.Errorf(liaison.ErrForbidden, "view as %s: admins only", code), own.Name, own.Nation)
	}
	if _, err := a.nations.Nation(liaison.SystemContext(ctx), code); err != nil {
		return own, liaison.Errorf(liaison.ErrInvalid, "view as %q: no such nation", code)
	}
	if fromHeader {
		// The route pattern, never the raw path: a path names item ids,
		// and the entry is read by every admin.
		if err := a.svc.Record(ctx, own.Name, own.Nation, liaison.AuditViewAs, "nation:"+code, routeOf(r)); err != nil {
			return own, err
		}
	}
	return asNation(own, code), nil
}

// routeOf names the request's route for the audit log: its ServeMux
// pattern (e.g. "GET /api/v1/documents/{id}"), or only the method when the
// request was not routed by a pattern — never the raw path, which may hold
// item ids.
func routeOf(r *http.Request) string {
	if r.Pattern != "" {
		return r.Pattern
	}
	return r.Method + " (no route pattern)"
}

// asNation is what an admin sees when viewing as nation code: that nation,
// the admin's own clearance and caveats, and no more than a reader's role,
// within the admin's own access — the intersection of what the nation and
// the admin may see, never more than the admin themself reads.
func asNation(own liaison.Viewer, code string) liaison.Viewer {
	v := own
	v.Nation, v.Role = code, liaison.RoleReader
	v.Name = own.Name + " (as " + code + ")"
	bound := own
	v.Within = &bound
	return v
}

// audited records a denial by actor of nation (the authenticated user's;
// "" when nobody is authenticated) in the audit log and returns err.
func (a *Authenticator) audited(ctx context.Context, err error, actor, nation string) error {
	if aerr := a.svc.Denied(ctx, actor, nation, "", err.Error()); aerr != nil {
		a.log.Error("audit denial", "err", aerr)
	}
	return err
}

// deny answers an authentication failure: JSON for API clients, a short page
// pointing to /login for browsers.
func (a *Authenticator) deny(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := StatusOf(err)
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="liaison"`)
		if _, err := r.Cookie(SessionCookie); err == nil {
			a.setCookie(w, SessionCookie, "", -1) // expired or unknown: stop sending it
		}
	}
	if status == http.StatusUnauthorized && wantsHTML(r) && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
		// A browser opening a page goes straight to the login form and back.
		http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		return
	}
	if status == http.StatusUnauthorized && wantsHTML(r) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(status)
		_ = deniedPage.Execute(w, map[string]string{"Message": msg, "Next": r.URL.RequestURI()})
		return
	}
	WriteError(w, r, a.log, err)
}

func wantsHTML(r *http.Request) bool {
	return !strings.HasPrefix(r.URL.Path, "/api/") && strings.Contains(r.Header.Get("Accept"), "text/html")
}

var deniedPage = template.Must(template.New("denied").Parse(`<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Log in — Liaison</title></head><body><main><h1>Log in required</h1><p>{{.Message}}</p>
<p><a href="/login?next={{.Next}}">Log in</a></p></main></body></html>`))

var loginPage = template.Must(template.New("login").Parse(`<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Log in — Liaison</title></head><body><main><h1>Liaison</h1>
{{if .Error}}<p role="alert">{{.Error}}</p>{{end}}
<form method="post" action="/login"><input type="hidden" name="next" value="{{.Next}}">
<p><label>Name <input name="name" autocomplete="username" required></label></p>
<p><label>Password <input name="password" type="password" autocomplete="current-password" required></label></p>
<p><button type="submit">Log in</button></p></form></main></body></html>`))

// Me is the body of GET /api/v1/me: who the request is seen as, who is
// really authenticated, and the CSRF token for browser forms.
type Me struct {
	Viewer    liaison.Viewer `json:"viewer"`
	User      liaison.Viewer `json:"user"`
	ViewingAs string         `json:"viewing_as,omitempty"`
	CSRFToken string         `json:"csrf_token,omitempty"`
}

// Register adds the login page and login (public), logout, view-as and
// /api/v1/me routes to s, and the Me schema to the OpenAPI document.
func (a *Authenticator) Register(s *Server) {
	viewer := object(obj{"user_id": str(), "name": str(), "nation": str(), "role": str(),
		"clearance": integer(), "caveats": arr(str())}, "nation", "role", "clearance")
	s.AddSchema("Me", object(obj{"viewer": viewer, "user": viewer, "viewing_as": str(), "csrf_token": str()}, "viewer", "user"))
	s.AddSchema("NationList", arr(object(obj{"code": str(), "name": str(), "status": str(),
		"groups": arr(object(obj{"group": str(), "since": strf("date-time"), "until": strf("date-time")}))})))
	s.AddSchema("MarkingCheck", object(obj{"canonical": str(), "tlp": str(), "marking": ref("Marking")}, "canonical", "tlp", "marking"))
	s.AddSchema("AuditEntry", object(obj{"seq": integer(), "time": strf("date-time"), "actor": str(), "nation": str(),
		"action": str(), "item": str(), "detail": str(), "marking": ref("Marking"), "prev_hash": str(), "hash": str()},
		"seq", "time", "actor", "action", "hash"))
	s.AddSchema("AuditList", page("AuditEntry"))
	s.AddSchema("AuditVerification", object(obj{"entries": integer(), "ok": boolean(), "bad_seq": integer(), "reason": str()}, "entries", "ok"))
	s.AddSchema("UserRequest", object(obj{"name": str(), "nation": str(), "role": str(), "clearance": str(),
		"caveats": arr(str()), "password": str()}, "name", "nation", "role", "clearance"))
	s.AddSchema("NewToken", object(obj{"id": str(), "user": str(), "scope": str(), "token": str()}, "id", "user", "scope", "token"))
	for _, rt := range []Route{
		{Method: "GET", Path: "/login", Page: true, Public: true, Handler: http.HandlerFunc(a.loginForm)},
		{Method: "POST", Path: "/login", Page: true, Public: true, Handler: http.HandlerFunc(a.login)},
		{Method: "POST", Path: "/logout", Page: true, Handler: http.HandlerFunc(a.logout)},
		{Method: "POST", Path: "/view-as", Page: true, Handler: http.HandlerFunc(a.setViewAs)},
		{Method: "GET", Path: "/api/v1/nations", OperationID: "listNations", Tag: "access", Response: "NationList",
			Summary: "Nations and their dated group memberships", Answer: a.listNations},
		{Method: "GET", Path: "/api/v1/marking", OperationID: "checkMarking", Tag: "access", Response: "MarkingCheck",
			Params:  []Param{{Name: "text", In: "query", Type: "string", Description: "marking text, e.g. NATO RESTRICTED // REL TO NATO, JPN"}},
			Summary: "Parse a marking as of now: canonical form, TLP 2.0 label, expanded REL TO", Answer: a.checkMarking},
		{Method: "GET", Path: "/api/v1/audit", OperationID: "listAudit", Tag: "access", Response: "AuditList",
			Params: []Param{{Name: "action", In: "query", Type: "string", Description: "only this action"},
				{Name: "actor", In: "query", Type: "string", Description: "only entries by this user"},
				{Name: "nation", In: "query", Type: "string", Description: "only entries of this nation's users"},
				{Name: "order", In: "query", Type: "string", Description: "oldest (default) or newest first"},
				{Name: "after", In: "query", Type: "integer", Description: "older form of cursor: oldest first from the entry after this sequence number"},
				pCursor, pLimit},
			Summary: "Audit entries the viewer may read (admins: all; others: their nation's)", Answer: a.listAudit},
		{Method: "GET", Path: "/api/v1/audit/verify", OperationID: "verifyAudit", Tag: "access", Response: "AuditVerification",
			Summary: "Recompute the audit hash chain (admin)", Answer: a.verifyAudit},
		{Method: "POST", Path: "/api/v1/users", OperationID: "addUser", Tag: "access", Body: "UserRequest", Response: "NewToken",
			Status: http.StatusCreated, Summary: "Add a user of the admin's nation, within the admin's clearance and caveats (admin); answers its API token, shown once", Answer: a.addUser},
		{Method: "POST", Path: "/api/v1/users/{name}/tokens", OperationID: "issueToken", Tag: "access", Response: "NewToken",
			Params: []Param{{Name: "name", In: "path", Type: "string"}, {Name: "scope", In: "query", Type: "string", Description: "read or write"}},
			Status: http.StatusCreated, Summary: "Issue an API token (the user's admin, or the user themself; others' users answer 404)", Answer: a.issueToken},
		{Method: "DELETE", Path: "/api/v1/tokens/{id}", OperationID: "revokeToken", Tag: "access", Status: http.StatusNoContent,
			Params: []Param{pID}, Summary: "Revoke an API token (the user's admin; others' tokens answer 404)", Answer: a.revokeToken},
		{Method: "GET", Path: "/api/v1/me", OperationID: "getMe", Tag: "meta", Response: "Me",
			Summary: "The authenticated user, the viewer reads use (differs while an admin views as a nation) and the CSRF token",
			Handler: http.HandlerFunc(a.me)},
	} {
		if rt.Answer != nil { // the access routes log their internal errors as the authenticator's
			rt.Handler = answer(a.log, rt.status(), rt.Answer)
		}
		s.Handle(rt)
	}
}

func (a *Authenticator) me(w http.ResponseWriter, r *http.Request) {
	v, _ := liaison.ViewerFrom(r.Context())
	own, _ := RealUser(r.Context())
	m := Me{Viewer: v, User: own, CSRFToken: CSRFToken(r.Context())}
	if v.Nation != own.Nation {
		m.ViewingAs = v.Nation
	}
	WriteJSON(w, http.StatusOK, m)
}

// localPath keeps a post-login redirect on this site.
func localPath(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "/\\") {
		return "/"
	}
	return p
}

func (a *Authenticator) loginForm(w http.ResponseWriter, r *http.Request) {
	a.renderLogin(w, r, http.StatusOK, r.URL.Query().Get("next"), "")
}

func (a *Authenticator) renderLogin(w http.ResponseWriter, r *http.Request, status int, next, msg string) {
	if a.page != nil {
		a.page(w, r, status, localPath(next), msg)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = loginPage.Execute(w, map[string]string{"Next": localPath(next), "Error": msg})
}

// loginRequest is the JSON body of POST /login.
type loginRequest struct {
	Name     string `json:"name"`
	Password string `json:"password"`
}

// login checks a form or JSON login and sets the session cookie. Forms are
// redirected (303) to "next"; JSON clients get the Me body.
func (a *Authenticator) login(w http.ResponseWriter, r *http.Request) {
	if err := a.checkLoginOrigin(r); err != nil {
		WriteError(w, r, a.log, err)
		return
	}
	isJSON := strings.HasPrefix(r.Header.Get("Content-Type"), "application/json")
	var req loginRequest
	next := "/"
	if isJSON {
		if err := DecodeJSON(r, &req); err != nil {
			WriteError(w, r, a.log, err)
			return
		}
	} else {
		r.Body = http.MaxBytesReader(w, r.Body, maxBodyBytes)
		req.Name, req.Password, next = r.PostFormValue("name"), r.PostFormValue("password"), r.PostFormValue("next")
	}
	secret, u, err := a.svc.Login(r.Context(), strings.TrimSpace(req.Name), req.Password)
	if err != nil {
		if isJSON {
			WriteError(w, r, a.log, err)
		} else {
			_, msg := StatusOf(err)
			a.renderLogin(w, r, http.StatusUnauthorized, next, msg)
		}
		return
	}
	a.setCookie(w, SessionCookie, secret, int(a.ttl/time.Second))
	a.setCookie(w, ViewAsCookie, "", -1)
	if !isJSON {
		http.Redirect(w, r, localPath(next), http.StatusSeeOther)
		return
	}
	v := u.Viewer()
	WriteJSON(w, http.StatusOK, Me{Viewer: v, User: v, CSRFToken: auth.CSRFToken(secret)})
}

func (a *Authenticator) setCookie(w http.ResponseWriter, name, value string, maxAge int) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: value, Path: "/", MaxAge: maxAge, HttpOnly: true,
		Secure: a.secure, SameSite: http.SameSiteLaxMode})
}

// logout ends the browser session (the middleware has checked its CSRF token).
func (a *Authenticator) logout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(SessionCookie); err == nil {
		if err := a.svc.Logout(r.Context(), c.Value); err != nil {
			WriteError(w, r, a.log, err)
			return
		}
	}
	a.setCookie(w, SessionCookie, "", -1)
	a.setCookie(w, ViewAsCookie, "", -1)
	if wantsHTML(r) || r.Header.Get("Content-Type") != "application/json" {
		http.Redirect(w, r, "/login", http.StatusSeeOther)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// setViewAs lets an admin pick the nation browser reads are made as (form
// or JSON field "nation"; empty to stop). Each change is audited.
func (a *Authenticator) setViewAs(w http.ResponseWriter, r *http.Request) {
	own, _ := RealUser(r.Context())
	var req struct {
		Nation string `json:"nation"`
		Next   string `json:"next"`
	}
	isJSON := strings.HasPrefix(r.Header.Get("Content-Type"), "application/json")
	if isJSON {
		if err := DecodeJSON(r, &req); err != nil {
			WriteError(w, r, a.log, err)
			return
		}
	} else {
		req.Nation, req.Next = r.PostFormValue("nation"), r.PostFormValue("next")
	}
	code := strings.ToUpper(strings.TrimSpace(req.Nation))
	if err := a.checkViewAs(r.Context(), own, code); err != nil {
		WriteError(w, r, a.log, err)
		return
	}
	if code == "" || code == own.Nation {
		a.setCookie(w, ViewAsCookie, "", -1)
	} else {
		a.setCookie(w, ViewAsCookie, code, int(a.ttl/time.Second))
	}
	if isJSON {
		v := own
		if code != "" && code != own.Nation {
			v = asNation(own, code)
		}
		WriteJSON(w, http.StatusOK, Me{Viewer: v, User: own, ViewingAs: code, CSRFToken: CSRFToken(r.Context())})
		return
	}
	http.Redirect(w, r, localPath(req.Next), http.StatusSeeOther)
}

// checkViewAs allows admins only, known nations only, and audits the change.
func (a *Authenticator) checkViewAs(ctx context.Context, own liaison.Viewer, code string) error {
	if own.Role != liaison.RoleAdmin {
		return a.audited(ctx, liaison.Errorf(liaison.ErrForbidden, "view as %s: admins only", code), own.Name, own.Nation)
	}
	if code != "" {
		if _, err := a.nations.Nation(liaison.SystemContext(ctx), code); err != nil {
			return liaison.Errorf(liaison.ErrInvalid, "view as %q: no such nation", code)
		}
	}
	detail := "stop"
	if code != "" {
		detail = "start"
	}
	return a.svc.Record(ctx, own.Name, own.Nation, liaison.AuditViewAs, "nation:"+code, detail)
}
