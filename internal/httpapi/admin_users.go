package httpapi

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/auth"
)

// AuditUserChanged is the audit action of a change to a user's role,
// clearance, caveats or disabled flag.
const AuditUserChanged = "user.change"

// minPassword is the shortest password an admin may set (OWASP: at least
// 8; longer since the KDF makes guessing, not typing, the cost).
const minPassword = 12

// UserInfo is a user as the admin views show it: the user (never the
// password hash), the clearance's level name and the user's API tokens
// (ids and use, never the secrets).
type UserInfo struct {
	liaison.User
	ClearanceName string          `json:"clearance_name"`
	Tokens        []liaison.Token `json:"tokens"`
}

// UserRequest adds a user (POST /api/v1/users; the web form).
type UserRequest struct {
	Name      string   `json:"name"`
	Nation    string   `json:"nation"`
	Role      string   `json:"role"`
	Clearance string   `json:"clearance"` // level name, alias or number
	Caveats   []string `json:"caveats,omitempty"`
	Password  string   `json:"password,omitempty"` // empty: API tokens only
}

// UserUpdate changes a user (PATCH /api/v1/users/{name}); absent fields
// stay as they are.
type UserUpdate struct {
	Role      *string   `json:"role,omitempty"`
	Clearance *string   `json:"clearance,omitempty"`
	Caveats   *[]string `json:"caveats,omitempty"`
	Disabled  *bool     `json:"disabled,omitempty"`
}

// Users lists, with their tokens, the users the admin may administer:
// those within the admin's own access (auth's scope rule: same nation,
// clearance no higher, caveats held; the system viewer: every user).
func (a *Admin) Users(ctx context.Context) ([]UserInfo, error) {
	ctx, err := a.Require(ctx)
	if err != nil {
		return nil, err
	}
	us, err := a.users.Users(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]UserInfo, 0, len(us))
	for _, u := range us {
		if !a.svc.Administers(ctx, u) {
			continue
		}
		info, err := a.info(ctx, u)
		if err != nil {
			return nil, err
		}
		out = append(out, info)
	}
	return out, nil
}

func (a *Admin) info(ctx context.Context, u liaison.User) (UserInfo, error) {
	ts, err := a.users.Tokens(ctx, u.ID)
	if err != nil {
		return UserInfo{}, err
	}
	u.PasswordHash = ""
	return UserInfo{User: u, ClearanceName: a.policy.LevelName(u.Clearance), Tokens: ensureSlice(ts)}, nil
}

// AddUser validates and stores a user of a known nation and answers the
// write token the auth service issues with it (the secret, shown once).
func (a *Admin) AddUser(ctx context.Context, req UserRequest) (NewToken, error) {
	ctx, err := a.Require(ctx)
	if err != nil {
		return NewToken{}, err
	}
	if n := len([]rune(req.Password)); n > 0 && n < minPassword {
		return NewToken{}, liaison.Errorf(liaison.ErrInvalid, "password: at least %d characters (or none, for API tokens only)", minPassword)
	}
	lvl, err := a.policy.Level(req.Clearance)
	if err != nil {
		return NewToken{}, err
	}
	nation := strings.ToUpper(strings.TrimSpace(req.Nation))
	if _, err := a.nations.Nation(ctx, nation); err != nil {
		if errors.Is(err, liaison.ErrNotFound) {
			return NewToken{}, liaison.Errorf(liaison.ErrInvalid, "nation %q is not known (add it first)", req.Nation)
		}
		return NewToken{}, err
	}
	caveats, err := cleanCaveats(req.Caveats)
	if err != nil {
		return NewToken{}, err
	}
	u := &liaison.User{Name: req.Name, Nation: nation, Role: liaison.Role(strings.ToLower(strings.TrimSpace(req.Role))),
		Clearance: lvl, Caveats: caveats}
	secret, t, err := a.svc.AddUser(ctx, u, req.Password)
	if err != nil {
		return NewToken{}, err
	}
	return NewToken{ID: t.ID, User: u.Name, Scope: t.Scope, Token: secret}, nil
}

// cleanCaveats upper-cases, trims and sorts caveats, refusing empty ones
// and ones that could not appear in a marking.
func cleanCaveats(in []string) ([]string, error) {
	var out []string
	for _, c := range in {
		c = strings.ToUpper(strings.Join(strings.Fields(c), " "))
		if c == "" {
			continue
		}
		if strings.ContainsAny(c, "/,") || len(c) > 64 {
			return nil, liaison.Errorf(liaison.ErrInvalid, "caveat %q: at most 64 characters without '/' or ','", c)
		}
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out, nil
}

// UpdateUser changes a user's role, clearance, caveats or disabled flag,
// and audits the change. A nation's last enabled admin can be neither
// demoted nor disabled, so each nation keeps someone to administer it. A user
// the admin may not administer answers as a missing one; a change giving
// more access than the admin holds is ErrForbidden (auth's scope rule).
func (a *Admin) UpdateUser(ctx context.Context, name string, ch UserUpdate) (UserInfo, error) {
	ctx, err := a.Require(ctx)
	if err != nil {
		return UserInfo{}, err
	}
	u, err := a.users.UserByName(ctx, name)
	if err != nil {
		return UserInfo{}, err
	}
	if err := a.svc.CheckAdminister(ctx, *u); err != nil { // before anything can tell that the user exists
		return UserInfo{}, err
	}
	before := *u
	if err := a.apply(u, ch); err != nil {
		return UserInfo{}, err
	}
	if before.Role == liaison.RoleAdmin && !before.Disabled && (u.Role != liaison.RoleAdmin || u.Disabled) {
		if err := a.keepAnAdmin(ctx, *u); err != nil {
			return UserInfo{}, err
		}
	}
	if err := a.svc.UpdateUser(ctx, before, u); err != nil {
		return UserInfo{}, err
	}
	own, _ := liaison.ViewerFrom(ctx)
	if err := a.svc.RecordMarked(ctx, actorName(own), own.Nation, AuditUserChanged, "user:"+u.ID, a.changeText(before, *u),
		auth.UserMarking(*u)); err != nil {
		return UserInfo{}, err
	}
	return a.info(ctx, *u)
}

// apply validates ch and applies it to u.
func (a *Admin) apply(u *liaison.User, ch UserUpdate) error {
	if ch.Role != nil {
		r := liaison.Role(strings.ToLower(strings.TrimSpace(*ch.Role)))
		if !r.Valid() {
			return liaison.Errorf(liaison.ErrInvalid, "user %q: unknown role %q (reader, analyst, officer, admin)", u.Name, *ch.Role)
		}
		u.Role = r
	}
	if ch.Clearance != nil {
		lvl, err := a.policy.Level(*ch.Clearance)
		if err != nil {
			return fmt.Errorf("user %q: %w", u.Name, err)
		}
		u.Clearance = lvl
	}
	if ch.Caveats != nil {
		cs, err := cleanCaveats(*ch.Caveats)
		if err != nil {
			return err
		}
		u.Caveats = cs
	}
	if ch.Disabled != nil {
		u.Disabled = *ch.Disabled
	}
	return nil
}

// keepAnAdmin refuses a change that would leave u's nation with no enabled
// admin but u: admins administer only their own nation's users, so a
// nation without one could be administered only from the node's CLI.
func (a *Admin) keepAnAdmin(ctx context.Context, u liaison.User) error {
	us, err := a.users.Users(ctx)
	if err != nil {
		return err
	}
	for _, o := range us {
		if o.ID != u.ID && o.Nation == u.Nation && o.Role == liaison.RoleAdmin && !o.Disabled {
			return nil
		}
	}
	return liaison.Errorf(liaison.ErrConflict, "the last enabled admin of %s can be neither demoted nor disabled", u.Nation)
}

// changeText describes a user change for the audit log.
func (a *Admin) changeText(b, u liaison.User) string {
	var parts []string
	if b.Role != u.Role {
		parts = append(parts, fmt.Sprintf("role %s→%s", b.Role, u.Role))
	}
	if b.Clearance != u.Clearance {
		parts = append(parts, fmt.Sprintf("clearance %s→%s", a.policy.LevelName(b.Clearance), a.policy.LevelName(u.Clearance)))
	}
	if !slices.Equal(b.Caveats, u.Caveats) {
		parts = append(parts, fmt.Sprintf("caveats [%s]→[%s]", strings.Join(b.Caveats, " "), strings.Join(u.Caveats, " ")))
	}
	if b.Disabled != u.Disabled {
		parts = append(parts, fmt.Sprintf("disabled %t→%t", b.Disabled, u.Disabled))
	}
	if len(parts) == 0 {
		return u.Name + ": no change"
	}
	return u.Name + ": " + strings.Join(parts, ", ")
}

// IssueToken issues an API token for the named user (scope read or write)
// and answers its secret, shown once.
func (a *Admin) IssueToken(ctx context.Context, name string, scope liaison.TokenScope) (NewToken, error) {
	ctx, err := a.Require(ctx)
	if err != nil {
		return NewToken{}, err
	}
	u, err := a.users.UserByName(ctx, name)
	if err != nil {
		return NewToken{}, err
	}
	secret, t, err := a.svc.IssueToken(ctx, u, scope)
	if err != nil {
		return NewToken{}, err
	}
	return NewToken{ID: t.ID, User: u.Name, Scope: t.Scope, Token: secret}, nil
}

// RevokeToken revokes an API token by id (audited by the auth service).
func (a *Admin) RevokeToken(ctx context.Context, id string) error {
	ctx, err := a.Require(ctx)
	if err != nil {
		return err
	}
	return a.svc.RevokeToken(ctx, strings.TrimSpace(id))
}
