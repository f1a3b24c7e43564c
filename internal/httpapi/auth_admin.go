package httpapi

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// The access routes of the API: nations, marking check, the audit view and
// user/token administration. Registered by Authenticator.Register.

func (a *Authenticator) listNations(r *http.Request) (any, error) {
	return a.nations.Nations(r.Context())
}

// MarkingCheck is the body of GET /api/v1/marking.
type MarkingCheck struct {
	Canonical string          `json:"canonical"`
	TLP       string          `json:"tlp"`
	Marking   liaison.Marking `json:"marking"`
}

func (a *Authenticator) checkMarking(r *http.Request) (any, error) {
	mk := marking.Marker{Policy: a.policy, Nations: a.nations}
	m, err := mk.Parse(r.Context(), r.URL.Query().Get("text"))
	if err != nil {
		return nil, err
	}
	return MarkingCheck{Canonical: marking.Format(m), TLP: a.policy.TLP(m), Marking: m}, nil
}

// listAudit answers GET /api/v1/audit: a page of the entries the viewer
// may read, as every list answers ({items, next_cursor, total}).
func (a *Authenticator) listAudit(r *http.Request) (any, error) {
	q, err := ParseAuditQuery(r.URL.Query())
	if err != nil {
		return nil, err
	}
	return listAudit(r.Context(), a.audit, q)
}

// NewToken answers a freshly issued API token: the secret is shown once.
type NewToken struct {
	ID    string             `json:"id"`
	User  string             `json:"user"`
	Scope liaison.TokenScope `json:"scope"`
	Token string             `json:"token"`
}

// actorCtx is the request context as the real (not viewed-as) user, so
// admin actions are attributed to the admin.
func actorCtx(r *http.Request) (context.Context, liaison.Viewer) {
	own, _ := RealUser(r.Context())
	return liaison.WithViewer(r.Context(), own), own
}

func (a *Authenticator) addUser(r *http.Request) (any, error) {
	ctx, own := actorCtx(r)
	var req struct {
		Name, Nation, Role, Clearance, Password string
		Caveats                                 []string
	}
	err := DecodeJSON(r, &req)
	var lvl int
	if err == nil && own.Role != liaison.RoleAdmin {
		err = liaison.Errorf(liaison.ErrForbidden, "adding users: admins only")
	}
	if err == nil {
		lvl, err = a.policy.Level(req.Clearance)
	}
	if err == nil {
		_, err = a.nations.Nation(ctx, strings.ToUpper(req.Nation))
		if errors.Is(err, liaison.ErrNotFound) {
			err = liaison.Errorf(liaison.ErrInvalid, "nation %q is not known", req.Nation)
		}
	}
	if err != nil {
		return nil, err
	}
	u := &liaison.User{Name: req.Name, Nation: req.Nation, Role: liaison.Role(req.Role), Clearance: lvl, Caveats: req.Caveats}
	secret, t, err := a.svc.AddUser(ctx, u, req.Password)
	if err != nil {
		return nil, err
	}
	return NewToken{ID: t.ID, User: u.Name, Scope: t.Scope, Token: secret}, nil
}

func (a *Authenticator) issueToken(r *http.Request) (any, error) {
	ctx, own := actorCtx(r)
	name := r.PathValue("name")
	if own.Role != liaison.RoleAdmin && own.Name != name {
		// Refused before any lookup, so the answer says nothing of who exists.
		return nil, liaison.Errorf(liaison.ErrForbidden, "tokens for %q: admins or the user themself only", name)
	}
	u, err := a.users.UserByName(ctx, name)
	if err != nil {
		return nil, err
	}
	scope := liaison.TokenScope(r.URL.Query().Get("scope"))
	if scope == "" {
		scope = liaison.ScopeRead
	}
	secret, t, err := a.svc.IssueToken(ctx, u, scope)
	if err != nil {
		return nil, err
	}
	return NewToken{ID: t.ID, User: u.Name, Scope: t.Scope, Token: secret}, nil
}

func (a *Authenticator) revokeToken(r *http.Request) (any, error) {
	ctx, own := actorCtx(r)
	if own.Role != liaison.RoleAdmin {
		return nil, liaison.Errorf(liaison.ErrForbidden, "revoking tokens: admins only")
	}
	return nil, a.svc.RevokeToken(ctx, r.PathValue("id"))
}

func (a *Authenticator) verifyAudit(r *http.Request) (any, error) {
	ctx, own := actorCtx(r)
	if own.Role != liaison.RoleAdmin {
		return nil, liaison.Errorf(liaison.ErrForbidden, "verifying the audit log: admins only")
	}
	return a.audit.Verify(ctx)
}
