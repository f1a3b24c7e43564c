package auth

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// Config configures a Service. Zero durations and counts take the defaults.
type Config struct {
	Users  liaison.UserStore
	Audit  liaison.AuditLog
	Logger *slog.Logger
	Params Params // zero: DefaultParams
	// MaxFailures consecutive failed logins lock the account for LockFor.
	MaxFailures int           // default 5
	LockFor     time.Duration // default 15 minutes
	SessionTTL  time.Duration // default 12 hours
	// TokenTouchEvery bounds how often the use of one token is recorded
	// (last-used time and a token.use audit entry). Default 1 hour.
	TokenTouchEvery time.Duration
	Now             func() time.Time // default time.Now
	// Policy names clearance levels in refusals (nil: marking.Default()).
	Policy *marking.Policy
}

// Service logs users in, checks sessions and API tokens, issues and revokes
// tokens, and writes each of those to the audit log.
type Service struct {
	cfg   Config
	log   *slog.Logger
	dummy string // a hash verified for unknown names, so timing does not reveal them
}

// errBadLogin is the one answer to every failed login, so responses do not
// reveal whether a name exists or is locked.
var errBadLogin = liaison.Errorf(liaison.ErrUnauthorized, "invalid name or password (or account locked)")

// New returns a Service. Users and Audit are required.
func New(cfg Config) (*Service, error) {
	if cfg.Users == nil || cfg.Audit == nil {
		return nil, errors.New("auth: Users and Audit are required")
	}
	if cfg.Params == (Params{}) {
		cfg.Params = DefaultParams
	}
	if cfg.MaxFailures <= 0 {
		cfg.MaxFailures = 5
	}
	if cfg.LockFor <= 0 {
		cfg.LockFor = 15 * time.Minute
	}
	if cfg.SessionTTL <= 0 {
		cfg.SessionTTL = 12 * time.Hour
	}
	if cfg.TokenTouchEvery <= 0 {
		cfg.TokenTouchEvery = time.Hour
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Policy == nil {
		cfg.Policy = marking.Default()
	}
	dummy, err := HashPassword("not a password", cfg.Params)
	if err != nil {
		return nil, err
	}
	return &Service{cfg: cfg, log: cfg.Logger.With("part", "auth"), dummy: dummy}, nil
}

// Params returns the KDF parameters new passwords are hashed with.
func (s *Service) Params() Params { return s.cfg.Params }

func (s *Service) now() time.Time { return s.cfg.Now().UTC() }

// Login checks name and password. On success it returns a new session secret
// (the cookie value) and the user; on failure, an error wrapping
// ErrUnauthorized that says the same whatever the cause.
func (s *Service) Login(ctx context.Context, name, password string) (string, *liaison.User, error) {
	sys := liaison.SystemContext(ctx)
	now := s.now()
	u, err := s.cfg.Users.UserByName(sys, name)
	if errors.Is(err, liaison.ErrNotFound) {
		_, _ = VerifyPassword(s.dummy, password)
		return "", nil, s.fail(ctx, liaison.AuditLoginFailed, name, "", "unknown user")
	}
	if err != nil {
		return "", nil, err
	}
	if u.Disabled || u.PasswordHash == "" {
		_, _ = VerifyPassword(s.dummy, password)
		return "", nil, s.fail(ctx, liaison.AuditLoginFailed, u.Name, u.Nation, "no password login")
	}
	if now.Before(u.LockedUntil) {
		_, _ = VerifyPassword(s.dummy, password)
		return "", nil, s.fail(ctx, liaison.AuditLoginFailed, u.Name, u.Nation, "locked until "+u.LockedUntil.Format(time.RFC3339))
	}
	ok, err := VerifyPassword(u.PasswordHash, password)
	if err != nil {
		return "", nil, fmt.Errorf("user %q: %w", u.Name, err)
	}
	if !ok {
		return "", nil, s.loginFailed(ctx, u, now)
	}
	if err := s.cfg.Users.SetLoginState(sys, u.ID, 0, time.Time{}); err != nil {
		return "", nil, err
	}
	secret, err := NewSecret()
	if err != nil {
		return "", nil, err
	}
	sess := &liaison.Session{Hash: HashSecret(secret), UserID: u.ID, Created: now, Expires: now.Add(s.cfg.SessionTTL)}
	if err := s.cfg.Users.PutSession(sys, sess); err != nil {
		return "", nil, err
	}
	if err := s.record(ctx, u.Name, u.Nation, liaison.AuditLogin, "user:"+u.ID, "session"); err != nil {
		return "", nil, err
	}
	u.FailedLogins, u.LockedUntil = 0, time.Time{}
	return secret, u, nil
}

// loginFailed counts a wrong password and locks the account at MaxFailures.
func (s *Service) loginFailed(ctx context.Context, u *liaison.User, now time.Time) error {
	until := now.Add(s.cfg.LockFor)
	locked, err := s.cfg.Users.FailLogin(liaison.SystemContext(ctx), u.ID, s.cfg.MaxFailures, until)
	if err != nil {
		return err
	}
	if locked {
		if err := s.record(ctx, u.Name, u.Nation, liaison.AuditLockedOut, "user:"+u.ID,
			fmt.Sprintf("%d failures: locked until %s", s.cfg.MaxFailures, until.Format(time.RFC3339))); err != nil {
			return err
		}
	}
	return s.fail(ctx, liaison.AuditLoginFailed, u.Name, u.Nation, "wrong password")
}

// fail audits a denied attempt and returns the uniform login error.
func (s *Service) fail(ctx context.Context, action, actor, nation, detail string) error {
	if err := s.record(ctx, actor, nation, action, "", detail); err != nil {
		return err
	}
	return errBadLogin
}

// Logout ends the session with this secret (no error if already gone).
func (s *Service) Logout(ctx context.Context, secret string) error {
	sys := liaison.SystemContext(ctx)
	sess, err := s.cfg.Users.SessionByHash(sys, HashSecret(secret))
	if errors.Is(err, liaison.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if err := s.cfg.Users.DeleteSession(sys, sess.Hash); err != nil {
		return err
	}
	u, err := s.cfg.Users.User(sys, sess.UserID)
	if err != nil {
		return err
	}
	return s.record(ctx, u.Name, u.Nation, liaison.AuditLogout, "user:"+u.ID, "")
}

// Session returns the user of a live session, or ErrUnauthorized.
func (s *Service) Session(ctx context.Context, secret string) (*liaison.User, error) {
	sys := liaison.SystemContext(ctx)
	sess, err := s.cfg.Users.SessionByHash(sys, HashSecret(secret))
	if errors.Is(err, liaison.ErrNotFound) {
		return nil, liaison.Errorf(liaison.ErrUnauthorized, "no such session")
	}
	if err != nil {
		return nil, err
	}
	if !s.now().Before(sess.Expires) {
		_ = s.cfg.Users.DeleteSession(sys, sess.Hash)
		return nil, liaison.Errorf(liaison.ErrUnauthorized, "session expired")
	}
	return s.activeUser(sys, sess.UserID)
}

// Token returns the user and token of an API token secret, or
// ErrUnauthorized when it is unknown, revoked, or its user is disabled. Use
// is recorded at most once per TokenTouchEvery per token.
func (s *Service) Token(ctx context.Context, secret string) (*liaison.User, *liaison.Token, error) {
	sys := liaison.SystemContext(ctx)
	if !strings.HasPrefix(secret, TokenPrefix) {
		return nil, nil, liaison.Errorf(liaison.ErrUnauthorized, "malformed API token")
	}
	t, err := s.cfg.Users.TokenByHash(sys, HashSecret(secret))
	if errors.Is(err, liaison.ErrNotFound) {
		return nil, nil, liaison.Errorf(liaison.ErrUnauthorized, "unknown API token")
	}
	if err != nil {
		return nil, nil, err
	}
	if !t.Revoked.IsZero() {
		return nil, nil, liaison.Errorf(liaison.ErrUnauthorized, "API token %s was revoked", t.ID)
	}
	u, err := s.activeUser(sys, t.UserID)
	if err != nil {
		return nil, nil, err
	}
	if now := s.now(); now.Sub(t.LastUsed) >= s.cfg.TokenTouchEvery {
		if err := s.cfg.Users.TouchToken(sys, t.ID, now); err != nil {
			return nil, nil, err
		}
		if err := s.record(ctx, u.Name, u.Nation, liaison.AuditTokenUsed, "token:"+t.ID, string(t.Scope)); err != nil {
			return nil, nil, err
		}
		t.LastUsed = now
	}
	return u, t, nil
}

func (s *Service) activeUser(ctx context.Context, id string) (*liaison.User, error) {
	u, err := s.cfg.Users.User(ctx, id)
	if errors.Is(err, liaison.ErrNotFound) {
		return nil, liaison.Errorf(liaison.ErrUnauthorized, "user of the credential no longer exists")
	}
	if err != nil {
		return nil, err
	}
	if u.Disabled {
		return nil, liaison.Errorf(liaison.ErrUnauthorized, "user %q is disabled", u.Name)
	}
	return u, nil
}

// Denied audits a request refused for bad credentials or missing rights.
func (s *Service) Denied(ctx context.Context, actor, nation, item, reason string) error {
	return s.record(ctx, actor, nation, liaison.AuditDenied, item, reason)
}

// Record appends an audit entry for actor naming no marked item; callers
// outside auth (view-as, user and nation commands) use it so every entry has
// the same shape. Entries naming a marked item use RecordMarked.
func (s *Service) Record(ctx context.Context, actor, nation, action, item, detail string) error {
	return s.record(ctx, actor, nation, action, item, detail)
}

// RecordMarked appends an audit entry naming a marked item (e.g. a marking
// change): m is that item's marking, so only readers who may see the item
// see the entry.
func (s *Service) RecordMarked(ctx context.Context, actor, nation, action, item, detail string, m liaison.Marking) error {
	return s.recordEntry(ctx, &liaison.AuditEntry{Actor: actor, Nation: nation, Action: action, Item: item,
		Detail: detail, Marking: m})
}

// record appends an entry naming no marked item (users, tokens, nations):
// its marking is the zero one, readable by everyone the nation rule allows.
func (s *Service) record(ctx context.Context, actor, nation, action, item, detail string) error {
	return s.recordEntry(ctx, &liaison.AuditEntry{Actor: actor, Nation: nation, Action: action, Item: item, Detail: detail})
}

func (s *Service) recordEntry(ctx context.Context, e *liaison.AuditEntry) error {
	e.Time = s.now()
	if err := s.cfg.Audit.Append(liaison.SystemContext(ctx), e); err != nil {
		return fmt.Errorf("audit %s by %q: %w", e.Action, e.Actor, err)
	}
	return nil
}
