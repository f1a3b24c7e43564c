package httpapi

import (
	"context"
	"errors"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/auth"
	"github.com/liaison-project/liaison/internal/marking"
)

// Admin is the node's administration — nations, users and their API
// tokens, the audit view and the marking check — for admins only. The API
// routes (Register) and the web pages both call it, so the role check, the
// validation and the audit records are written once.
type Admin struct {
	svc     *auth.Service
	nations liaison.NationStore
	users   liaison.UserStore
	audit   liaison.AuditLog
	policy  *marking.Policy
	country func(code string) bool
	log     *slog.Logger
}

// AdminConfig configures an Admin.
type AdminConfig struct {
	Service *auth.Service
	Nations liaison.NationStore
	Users   liaison.UserStore
	Audit   liaison.AuditLog
	Policy  *marking.Policy // nil: marking.Default()
	// Country reports whether code is an ISO 3166 alpha-3 country code, so
	// that a typo ("JAP") does not become a nation no marking names. Nil
	// accepts any three letters. Codes X.. (user-assigned, for
	// organisations) are always accepted.
	Country func(code string) bool
	Logger  *slog.Logger
}

// NewAdmin checks cfg and returns the administration.
func NewAdmin(cfg AdminConfig) (*Admin, error) {
	if cfg.Service == nil || cfg.Nations == nil || cfg.Users == nil || cfg.Audit == nil {
		return nil, errors.New("httpapi: admin needs the auth service and the nation, user and audit stores")
	}
	if cfg.Policy == nil {
		cfg.Policy = marking.Default()
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	return &Admin{svc: cfg.Service, nations: cfg.Nations, users: cfg.Users, audit: cfg.Audit, policy: cfg.Policy,
		country: cfg.Country, log: cfg.Logger.With("part", "admin")}, nil
}

// Policy is the classification policy (the forms list its levels).
func (a *Admin) Policy() *marking.Policy { return a.policy }

// Require returns the context to act in as the real (not viewed-as) user,
// or an audited ErrForbidden when that user is not an admin. Every admin
// operation calls it before touching a store, so a refusal says nothing of
// what exists.
func (a *Admin) Require(ctx context.Context) (context.Context, error) {
	own, ok := RealUser(ctx)
	if !ok {
		own, ok = liaison.ViewerFrom(ctx) // fixed-viewer node (development, tests)
	}
	if ok && (own.System || own.Role == liaison.RoleAdmin) {
		return liaison.WithViewer(ctx, own), nil
	}
	err := liaison.Errorf(liaison.ErrForbidden, "administration: admins only")
	if aerr := a.svc.Denied(ctx, own.Name, own.Nation, "", err.Error()); aerr != nil {
		a.log.Error("audit denial", "err", aerr)
	}
	return nil, err
}

// GroupRequest is one dated group membership: dates are YYYY-MM-DD, empty
// for "since always" / "still a member".
type GroupRequest struct {
	Group string `json:"group"`
	Since string `json:"since,omitempty"`
	Until string `json:"until,omitempty"`
}

// NationRequest adds or replaces a nation (POST /api/v1/nations).
type NationRequest struct {
	Code   string         `json:"code"`
	Name   string         `json:"name"`
	Status string         `json:"status"`
	Groups []GroupRequest `json:"groups,omitempty"`
}

// Nations lists every nation (admins only here; GET /api/v1/nations is open).
func (a *Admin) Nations(ctx context.Context) ([]liaison.Nation, error) {
	ctx, err := a.Require(ctx)
	if err != nil {
		return nil, err
	}
	return a.nations.Nations(ctx)
}

// PutNation validates and stores a nation with its dated memberships, and
// audits it (nation.put). Memberships change no past marking: markings
// record their expansion.
func (a *Admin) PutNation(ctx context.Context, req NationRequest) (*liaison.Nation, error) {
	ctx, err := a.Require(ctx)
	if err != nil {
		return nil, err
	}
	n, err := a.nationOf(ctx, req)
	if err != nil {
		return nil, err
	}
	if err := a.nations.PutNation(ctx, n); err != nil {
		return nil, err
	}
	own, _ := liaison.ViewerFrom(ctx)
	if err := a.svc.Record(ctx, actorName(own), own.Nation, liaison.AuditNationPut, "nation:"+n.Code,
		string(n.Status)+" "+GroupsText(n.Groups)); err != nil {
		return nil, err
	}
	return n, nil
}

// nationOf validates a nation request.
func (a *Admin) nationOf(ctx context.Context, req NationRequest) (*liaison.Nation, error) {
	n := &liaison.Nation{Code: strings.ToUpper(strings.TrimSpace(req.Code)), Name: strings.TrimSpace(req.Name),
		Status: liaison.NationStatus(strings.ToLower(strings.TrimSpace(req.Status)))}
	switch {
	case len(n.Code) != 3 || strings.Trim(n.Code, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "":
		return nil, liaison.Errorf(liaison.ErrInvalid, "nation code %q: want three letters (ISO 3166 alpha-3, or X.. for organisations)", req.Code)
	case !strings.HasPrefix(n.Code, "X") && a.country != nil && !a.country(n.Code):
		return nil, liaison.Errorf(liaison.ErrInvalid, "nation code %q is not an ISO 3166 alpha-3 country code (codes X.. are free for organisations)", n.Code)
	case n.Name == "" || len(n.Name) > 200:
		return nil, liaison.Errorf(liaison.ErrInvalid, "nation %s: a name of 1 to 200 characters is required", n.Code)
	case !n.Status.Valid():
		return nil, liaison.Errorf(liaison.ErrInvalid, "nation %s: status %q: want member, partner or organisation", n.Code, req.Status)
	}
	for _, g := range req.Groups {
		if strings.Contains(g.Group, ":") {
			return nil, liaison.Errorf(liaison.ErrInvalid, "group %q: a group name has no ':'", g.Group)
		}
		m, err := marking.ParseMembership(strings.TrimSpace(g.Group) + ":" + strings.TrimSpace(g.Since) + ":" + strings.TrimSpace(g.Until))
		if err != nil {
			return nil, err
		}
		if len(m.Group) == 3 && m.Group != n.Code && a.isNation(ctx, m.Group) {
			return nil, liaison.Errorf(liaison.ErrInvalid, "group %q: that is a nation's code; REL TO would be ambiguous", m.Group)
		}
		n.Groups = append(n.Groups, m)
	}
	return n, nil
}

// isNation reports whether code names a stored nation.
func (a *Admin) isNation(ctx context.Context, code string) bool {
	_, err := a.nations.Nation(ctx, code)
	return err == nil
}

// GroupsText prints memberships as the CLI's --group flags take them:
// "NATO:1949-08-24, IP4:2022-06-29:2030-01-01".
func GroupsText(ms []liaison.Membership) string {
	parts := make([]string, 0, len(ms))
	for _, m := range ms {
		s := m.Group
		if !m.Since.IsZero() || !m.Until.IsZero() {
			s += ":" + dateText(m.Since)
		}
		if !m.Until.IsZero() {
			s += ":" + dateText(m.Until)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}

// ParseGroupsText reads GroupsText's form (comma- or space-separated
// GROUP[:SINCE[:UNTIL]]) into requests; PutNation validates them.
func ParseGroupsText(s string) []GroupRequest {
	var out []GroupRequest
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\n' || r == '\r' || r == '\t' }) {
		parts := strings.SplitN(f, ":", 3)
		g := GroupRequest{Group: parts[0]}
		if len(parts) > 1 {
			g.Since = parts[1]
		}
		if len(parts) > 2 {
			g.Until = parts[2]
		}
		out = append(out, g)
	}
	return out
}

func dateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// actorName names the acting user in audit entries.
func actorName(v liaison.Viewer) string {
	if v.System || v.Name == "" {
		return "system"
	}
	return v.Name
}

// MarkingText is the body of POST /api/v1/markings/check.
type MarkingText struct {
	Text string `json:"text"`
}

// CheckMarking parses text under the policy with groups expanded as of
// now: the canonical form, the TLP 2.0 label and the nations it reaches.
// Errors wrap ErrInvalid and name the offending part.
func (a *Admin) CheckMarking(ctx context.Context, text string) (MarkingCheck, error) {
	ctx, err := a.Require(ctx)
	if err != nil {
		return MarkingCheck{}, err
	}
	if strings.TrimSpace(text) == "" {
		return MarkingCheck{}, liaison.Errorf(liaison.ErrInvalid, "marking text is empty (e.g. %q)", "NATO RESTRICTED // REL TO NATO, JPN")
	}
	mk := marking.Marker{Policy: a.policy, Nations: a.nations}
	m, err := mk.Parse(ctx, text)
	if err != nil {
		return MarkingCheck{}, err
	}
	m.RelTo = slices.Clone(m.RelTo)
	return MarkingCheck{Canonical: marking.Format(m), TLP: a.policy.TLP(m), Marking: m}, nil
}
