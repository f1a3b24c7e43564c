package liaison

import (
	"context"
	"time"
)

// User is a person who logs in. What they see is decided by their nation,
// clearance and caveats (see Viewer); what they may do, by their role.
type User struct {
	ID        string   `json:"id"`
	Name      string   `json:"name"`
	Nation    string   `json:"nation"`
	Role      Role     `json:"role"`
	Clearance int      `json:"clearance"` // policy level index
	Caveats   []string `json:"caveats,omitempty"`
	// PasswordHash is the encoded KDF output (argon2id PHC string); empty
	// means the user cannot log in with a password (API tokens only).
	PasswordHash string    `json:"-"`
	FailedLogins int       `json:"failed_logins"`
	LockedUntil  time.Time `json:"locked_until,omitzero"`
	Disabled     bool      `json:"disabled,omitempty"`
	Created      time.Time `json:"created"`
}

// Viewer is the user as the stores see them.
func (u User) Viewer() Viewer {
	return Viewer{UserID: u.ID, Name: u.Name, Nation: u.Nation, Role: u.Role, Clearance: u.Clearance,
		Caveats: append([]string(nil), u.Caveats...)}
}

// Can reports whether the role r is at least min (reader < analyst < officer < admin).
func (r Role) Can(min Role) bool {
	return roleRank(r) >= roleRank(min) && roleRank(min) >= 0
}

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return roleRank(r) >= 0 }

func roleRank(r Role) int {
	switch r {
	case RoleReader:
		return 0
	case RoleAnalyst:
		return 1
	case RoleOfficer:
		return 2
	case RoleAdmin:
		return 3
	}
	return -1
}

// TokenScope limits what an API token may do.
type TokenScope string

// Token scopes: read allows safe methods only; write allows all the user's role allows.
const (
	ScopeRead  TokenScope = "read"
	ScopeWrite TokenScope = "write"
)

// Token is an API token. Only the SHA-256 of the secret is stored; the
// secret is shown once, when issued.
type Token struct {
	ID       string     `json:"id"`
	UserID   string     `json:"user_id"`
	Hash     string     `json:"-"`
	Scope    TokenScope `json:"scope"`
	Created  time.Time  `json:"created"`
	LastUsed time.Time  `json:"last_used,omitzero"`
	Revoked  time.Time  `json:"revoked,omitzero"` // zero: valid
}

// Session is a logged-in browser. Only the SHA-256 of the cookie value is
// stored, so a copy of the database does not yield live sessions.
type Session struct {
	Hash    string    `json:"-"`
	UserID  string    `json:"user_id"`
	Created time.Time `json:"created"`
	Expires time.Time `json:"expires"`
}

// UserStore keeps users, their API tokens and sessions. It is an
// administrative store: it is not filtered by the viewer; callers (CLI, admin
// handlers) check the role.
type UserStore interface {
	// PutUser inserts u (ErrDuplicate if the name is taken) or, when a user
	// with u.ID exists, updates it.
	PutUser(ctx context.Context, u *User) error
	User(ctx context.Context, id string) (*User, error)
	UserByName(ctx context.Context, name string) (*User, error)
	Users(ctx context.Context) ([]User, error)
	// SetLoginState sets the failed-login count and lock-out (e.g. reset
	// after a successful login).
	SetLoginState(ctx context.Context, userID string, failed int, lockedUntil time.Time) error
	// FailLogin atomically counts one failed login; on reaching maxFailures it
	// locks the user until lockUntil and resets the count. Atomic so that
	// parallel guesses cannot share one count.
	FailLogin(ctx context.Context, userID string, maxFailures int, lockUntil time.Time) (locked bool, err error)

	PutToken(ctx context.Context, t *Token) error
	// TokenByHash finds a token by the SHA-256 of its secret (revoked ones too).
	TokenByHash(ctx context.Context, hash string) (*Token, error)
	Tokens(ctx context.Context, userID string) ([]Token, error)
	RevokeToken(ctx context.Context, id string, at time.Time) error
	TouchToken(ctx context.Context, id string, at time.Time) error

	PutSession(ctx context.Context, s *Session) error
	SessionByHash(ctx context.Context, hash string) (*Session, error)
	DeleteSession(ctx context.Context, hash string) error
}
