package auth

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
)

// actor names who acts, from the viewer in ctx ("system" for the node itself).
// UserMarking is the marking of audit entries about a user (added, changed,
// tokens issued or revoked, refused administration): releasable to the
// user's nation only, so that no other nation's admin learns which users a
// nation has, as the user routes answer them "not found" (scope.go).
func UserMarking(u liaison.User) liaison.Marking {
	return liaison.AuditScope(liaison.Marking{}, u.Nation)
}

func actor(ctx context.Context) (name, nation string) {
	v, ok := liaison.ViewerFrom(ctx)
	if !ok || v.System || v.Name == "" {
		return "system", v.Nation
	}
	return v.Name, v.Nation
}

// AddUser validates and stores u, hashing password when given (an empty
// one: API tokens only; else it must pass CheckPassword), and issues a
// write-scoped API token, whose secret it returns (shown once).
func (s *Service) AddUser(ctx context.Context, u *liaison.User, password string) (string, *liaison.Token, error) {
	u.Name = strings.TrimSpace(u.Name)
	u.Nation = strings.ToUpper(strings.TrimSpace(u.Nation))
	switch {
	case u.Name == "" || len(u.Name) > 64 || strings.ContainsAny(u.Name, " \t\r\n:/"):
		return "", nil, liaison.Errorf(liaison.ErrInvalid, "user name %q: 1-64 characters without spaces, ':' or '/'", u.Name)
	case !u.Role.Valid():
		return "", nil, liaison.Errorf(liaison.ErrInvalid, "user %q: unknown role %q (reader, analyst, officer, admin)", u.Name, u.Role)
	case u.Clearance < 0:
		return "", nil, liaison.Errorf(liaison.ErrInvalid, "user %q: clearance %d below 0", u.Name, u.Clearance)
	}
	if err := s.checkGrant(ctx, "add", *u); err != nil { // before the name is looked up: see scope.go
		return "", nil, err
	}
	sys := liaison.SystemContext(ctx)
	if _, err := s.cfg.Users.UserByName(sys, u.Name); err == nil {
		return "", nil, liaison.Errorf(liaison.ErrDuplicate, "user %q already exists", u.Name)
	}
	if password != "" {
		if err := CheckPassword(password); err != nil {
			return "", nil, err
		}
		h, err := HashPassword(password, s.cfg.Params)
		if err != nil {
			return "", nil, err
		}
		u.PasswordHash = h
	}
	slices.Sort(u.Caveats)
	if u.ID == "" {
		u.ID = liaison.NewID(s.now())
	}
	if u.Created.IsZero() {
		u.Created = s.now()
	}
	if err := s.cfg.Users.PutUser(sys, u); err != nil {
		return "", nil, err
	}
	who, nation := actor(ctx)
	if err := s.RecordMarked(ctx, who, nation, liaison.AuditUserAdded, "user:"+u.ID,
		u.Name+" "+u.Nation+" "+string(u.Role), UserMarking(*u)); err != nil {
		return "", nil, err
	}
	return s.IssueToken(ctx, u, liaison.ScopeWrite)
}

// SetPassword replaces a user's password (checked by CheckPassword) and
// clears any lock-out.
func (s *Service) SetPassword(ctx context.Context, u *liaison.User, password string) error {
	if err := s.checkExisting(ctx, *u, true); err != nil { // the user, or who administers them (scope.go)
		return err
	}
	if err := CheckPassword(password); err != nil {
		return err
	}
	h, err := HashPassword(password, s.cfg.Params)
	if err != nil {
		return err
	}
	u.PasswordHash, u.FailedLogins, u.LockedUntil = h, 0, time.Time{}
	return s.cfg.Users.PutUser(liaison.SystemContext(ctx), u)
}

// IssueToken creates an API token for u and returns its secret, which is
// not stored and cannot be shown again. Only u themself or who administers
// u may (scope.go); anyone else gets ErrNotFound, as for a missing user.
func (s *Service) IssueToken(ctx context.Context, u *liaison.User, scope liaison.TokenScope) (string, *liaison.Token, error) {
	if err := s.checkExisting(ctx, *u, true); err != nil {
		return "", nil, err
	}
	if scope != liaison.ScopeRead && scope != liaison.ScopeWrite {
		return "", nil, liaison.Errorf(liaison.ErrInvalid, "token scope %q: want read or write", scope)
	}
	raw, err := NewSecret()
	if err != nil {
		return "", nil, err
	}
	secret := TokenPrefix + raw
	t := &liaison.Token{ID: liaison.NewID(s.now()), UserID: u.ID, Hash: HashSecret(secret), Scope: scope, Created: s.now()}
	if err := s.cfg.Users.PutToken(liaison.SystemContext(ctx), t); err != nil {
		return "", nil, err
	}
	who, nation := actor(ctx)
	if err := s.RecordMarked(ctx, who, nation, liaison.AuditTokenIssued, "token:"+t.ID, u.Name+" "+string(scope),
		UserMarking(*u)); err != nil {
		return "", nil, err
	}
	return secret, t, nil
}

// RevokeToken revokes the token with id; revoking twice is not an error.
// Only the token's user or who administers them may (scope.go); to anyone
// else the token answers ErrNotFound, as a missing one does.
func (s *Service) RevokeToken(ctx context.Context, id string) error {
	sys := liaison.SystemContext(ctx)
	owner, err := s.tokenOwner(ctx, id)
	if err != nil {
		return err
	}
	if err := s.checkExisting(ctx, *owner, true); err != nil {
		if errors.Is(err, liaison.ErrNotFound) {
			return liaison.Errorf(liaison.ErrNotFound, "token %q", id)
		}
		return err
	}
	if err := s.cfg.Users.RevokeToken(sys, id, s.now()); err != nil {
		if errors.Is(err, liaison.ErrNotFound) {
			return liaison.Errorf(liaison.ErrNotFound, "token %q", id)
		}
		return err
	}
	who, nation := actor(ctx)
	return s.RecordMarked(ctx, who, nation, liaison.AuditTokenRevoked, "token:"+id, "", UserMarking(*owner))
}
