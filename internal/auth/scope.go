package auth

import (
	"context"
	"fmt"
	"slices"

	"github.com/liaison-project/liaison"
)

// The scope of user administration — THE rule every operation on users and
// their tokens goes through (AddUser, UpdateUser, IssueToken, RevokeToken,
// SetPassword here; the admin pages and API call these, and list only the
// users Administers allows):
//
//   - the node's system viewer (the CLI `liaison user …`, seeding) and a
//     context without a viewer (the node's own code: every request path
//     sets one) administer every user;
//   - an admin administers a user only when the user's access is within the
//     admin's own: the same nation, a clearance no higher than the admin's,
//     and only caveats the admin holds — and may give no user more than
//     that, themself included;
//   - anyone else administers nobody (a user may still issue and revoke
//     their own API tokens).
//
// A user outside an admin's scope answers exactly as a user that does not
// exist (ErrNotFound, "user NAME"), so an admin learns nothing of other
// nations' users; the refusal, with its reason, goes to the audit log. A
// request that would create or change a user beyond the admin's own access
// is refused with ErrForbidden naming the reason (the request itself says
// what it asks for, so the answer reveals nothing). One thing cannot be
// hidden: user names are unique on a node, so adding a name another nation
// already uses answers ErrDuplicate.

// scopeReason is "" when admin may administer a user with u's nation,
// clearance and caveats, else why not. A viewer bounded by another
// (Viewer.Within) must pass for each.
func (s *Service) scopeReason(admin liaison.Viewer, u liaison.User) string {
	for _, a := range admin.Bounds() {
		if r := s.scopeReasonOne(a, u); r != "" {
			return r
		}
	}
	return ""
}

func (s *Service) scopeReasonOne(admin liaison.Viewer, u liaison.User) string {
	switch {
	case admin.System:
		return ""
	case admin.Role != liaison.RoleAdmin:
		return "only admins administer users"
	case u.Nation != admin.Nation:
		return fmt.Sprintf("nation %s is not yours (%s): admins administer their own nation's users only", u.Nation, admin.Nation)
	case u.Clearance > admin.Clearance:
		return fmt.Sprintf("clearance %s is above your own (%s)", s.cfg.Policy.LevelName(u.Clearance), s.cfg.Policy.LevelName(admin.Clearance))
	}
	for _, c := range u.Caveats {
		if !slices.Contains(admin.Caveats, c) {
			return fmt.Sprintf("caveat %s is not one you hold", c)
		}
	}
	return ""
}

// actingViewer is the viewer in ctx, or the system viewer when there is
// none (the node's own code; see the rule above).
func actingViewer(ctx context.Context) liaison.Viewer {
	if v, ok := liaison.ViewerFrom(ctx); ok {
		return v
	}
	return liaison.Viewer{Name: "system", Role: liaison.RoleAdmin, System: true}
}

// Administers reports whether the viewer in ctx may administer u (see the
// rule above). The admin views list only such users.
func (s *Service) Administers(ctx context.Context, u liaison.User) bool {
	return s.scopeReason(actingViewer(ctx), u) == ""
}

// CheckAdminister refuses a stored user the viewer in ctx may not
// administer, with the very error a missing user gets (ErrNotFound, "user
// NAME"), and audits the refusal with its reason. Call it right after
// looking a user up, before anything else can tell that the user exists.
func (s *Service) CheckAdminister(ctx context.Context, u liaison.User) error {
	return s.checkExisting(ctx, u, false)
}

// checkExisting is CheckAdminister; self lets a user act on themself (their
// own API tokens).
func (s *Service) checkExisting(ctx context.Context, u liaison.User, self bool) error {
	v := actingViewer(ctx)
	if self && !v.System && v.UserID != "" && v.UserID == u.ID && v.Within == nil {
		return nil
	}
	r := s.scopeReason(v, u)
	if r == "" {
		return nil
	}
	// The refusal is the user's nation's to read (UserMarking): the acting
	// admin's nation sees nothing a missing user would not leave.
	who, nation := actor(ctx)
	if err := s.RecordMarked(ctx, who, nation, liaison.AuditDenied, "user:"+u.ID,
		fmt.Sprintf("administer user %q: %s", u.Name, r), UserMarking(u)); err != nil {
		return err
	}
	return liaison.Errorf(liaison.ErrNotFound, "user %q", u.Name)
}

// checkGrant refuses (ErrForbidden, audited) giving u — a new user or a
// changed one — access beyond the viewer's own.
func (s *Service) checkGrant(ctx context.Context, what string, u liaison.User) error {
	r := s.scopeReason(actingViewer(ctx), u)
	if r == "" {
		return nil
	}
	err := liaison.Errorf(liaison.ErrForbidden, "%s user %q: %s; no admin may give a user more access than they hold", what, u.Name, r)
	who, nation := actor(ctx)
	if aerr := s.Denied(ctx, who, nation, "", err.Error()); aerr != nil {
		return aerr
	}
	return err
}

// UpdateUser stores a change to a stored user: before is the user as
// stored, after the changed user (same ID). The viewer in ctx must
// administer both the user as it was (else ErrNotFound, as for a missing
// user) and as it becomes (else ErrForbidden). The caller audits the change.
func (s *Service) UpdateUser(ctx context.Context, before liaison.User, after *liaison.User) error {
	if after.ID != before.ID {
		return liaison.Errorf(liaison.ErrInvalid, "update user %q: the id may not change", before.Name)
	}
	if err := s.CheckAdminister(ctx, before); err != nil {
		return err
	}
	if err := s.checkGrant(ctx, "change", *after); err != nil {
		return err
	}
	return s.cfg.Users.PutUser(liaison.SystemContext(ctx), after)
}

// tokenOwner finds the user holding the token with id, or ErrNotFound
// ("token ID") when there is no such token.
func (s *Service) tokenOwner(ctx context.Context, id string) (*liaison.User, error) {
	sys := liaison.SystemContext(ctx)
	ts, err := s.cfg.Users.Tokens(sys, "")
	if err != nil {
		return nil, err
	}
	for _, t := range ts {
		if t.ID == id {
			return s.cfg.Users.User(sys, t.UserID)
		}
	}
	return nil, liaison.Errorf(liaison.ErrNotFound, "token %q", id)
}
