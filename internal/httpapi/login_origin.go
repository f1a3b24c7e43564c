package httpapi

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/liaison-project/liaison"
)

// checkLoginOrigin refuses a login posted from another site (login CSRF: a
// page elsewhere logging the visitor into an account of the attacker's
// choosing, whose later reads and writes the attacker then sees). There is
// no session yet, so no CSRF token to check; browsers name the posting
// page's origin in the Origin header (or, older ones, the Referer), and it
// must be this node's own. A request with neither header is not a browser's
// cross-site form post (CLI, curl, API clients) and stays allowed.
func (a *Authenticator) checkLoginOrigin(r *http.Request) error {
	from, header := r.Header.Get("Origin"), "Origin"
	if from == "" {
		from, header = r.Header.Get("Referer"), "Referer"
	}
	if from == "" || sameOrigin(r, from) {
		return nil
	}
	// The header's value is the other site's to choose: it is not echoed
	// into the audit log or the answer.
	return a.audited(r.Context(), liaison.Errorf(liaison.ErrForbidden,
		"login refused: the %s header names another site", header), "anonymous", "")
}

// sameOrigin reports whether from (an Origin, or a Referer URL) has this
// request's scheme-compatible origin: http or https, and exactly the host
// (and port) the request was sent to. "null" and opaque origins are never
// the node's own. A plain-HTTP listener may sit behind a TLS proxy, so an
// https origin is accepted there too; a TLS listener accepts only https.
func sameOrigin(r *http.Request, from string) bool {
	u, err := url.Parse(from)
	if err != nil || u.Host == "" || u.Opaque != "" || u.User != nil {
		return false
	}
	switch strings.ToLower(u.Scheme) {
	case "https":
	case "http":
		if r.TLS != nil {
			return false
		}
	default:
		return false
	}
	return strings.EqualFold(u.Host, r.Host)
}
