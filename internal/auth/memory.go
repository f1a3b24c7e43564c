package auth

import (
	"context"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// Memory is an in-memory NationStore, UserStore and AuditLog for tests and
// for handlers run without SQLite. Its audit List applies the same rule as
// the SQLite log (AuditVisible).
type Memory struct {
	mu       sync.Mutex
	nations  map[string]liaison.Nation
	users    map[string]liaison.User
	tokens   map[string]liaison.Token // by hash
	sessions map[string]liaison.Session
	audit    []liaison.AuditEntry
}

var (
	_ liaison.NationStore = (*Memory)(nil)
	_ liaison.UserStore   = (*Memory)(nil)
	_ liaison.AuditLog    = (*Memory)(nil)
)

// NewMemory returns an empty store.
func NewMemory() *Memory {
	return &Memory{nations: map[string]liaison.Nation{}, users: map[string]liaison.User{},
		tokens: map[string]liaison.Token{}, sessions: map[string]liaison.Session{}}
}

func notFound(what, key string) error { return liaison.Errorf(liaison.ErrNotFound, "%s %q", what, key) }

// PutNation implements liaison.NationStore.
func (m *Memory) PutNation(_ context.Context, n *liaison.Nation) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	c := *n
	c.Groups = slices.Clone(n.Groups)
	m.nations[n.Code] = c
	return nil
}

// Nation implements liaison.NationStore.
func (m *Memory) Nation(_ context.Context, code string) (*liaison.Nation, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	n, ok := m.nations[code]
	if !ok {
		return nil, notFound("nation", code)
	}
	return &n, nil
}

// Nations implements liaison.NationStore.
func (m *Memory) Nations(_ context.Context) ([]liaison.Nation, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]liaison.Nation, 0, len(m.nations))
	for _, n := range m.nations {
		out = append(out, n)
	}
	slices.SortFunc(out, func(a, b liaison.Nation) int { return strings.Compare(a.Code, b.Code) })
	return out, nil
}

// PutUser implements liaison.UserStore.
func (m *Memory) PutUser(_ context.Context, u *liaison.User) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, o := range m.users {
		if o.Name == u.Name && o.ID != u.ID {
			return liaison.Errorf(liaison.ErrDuplicate, "user %q", u.Name)
		}
	}
	c := *u
	c.Caveats = slices.Clone(u.Caveats)
	m.users[u.ID] = c
	return nil
}

// User implements liaison.UserStore.
func (m *Memory) User(_ context.Context, id string) (*liaison.User, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	u, ok := m.users[id]
	if !ok {
		return nil, notFound("user", id)
	}
	return &u, nil
}

// UserByName implements liaison.UserStore.
func (m *Memory) UserByName(_ context.Context, name string) (*liaison.User, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, u := range m.users {
		if u.Name == name {
			return &u, nil
		}
	}
	return nil, notFound("user", name)
}

// Users implements liaison.UserStore.
func (m *Memory) Users(_ context.Context) ([]liaison.User, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]liaison.User, 0, len(m.users))
	for _, u := range m.users {
		out = append(out, u)
	}
	slices.SortFunc(out, func(a, b liaison.User) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

// SetLoginState implements liaison.UserStore.
func (m *Memory) SetLoginState(_ context.Context, id string, failed int, until time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	u, ok := m.users[id]
	if !ok {
		return notFound("user", id)
	}
	u.FailedLogins, u.LockedUntil = failed, until
	m.users[id] = u
	return nil
}

// FailLogin implements liaison.UserStore.
func (m *Memory) FailLogin(_ context.Context, id string, maxFailures int, lockUntil time.Time) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	u, ok := m.users[id]
	if !ok {
		return false, notFound("user", id)
	}
	u.FailedLogins++
	locked := u.FailedLogins >= maxFailures
	if locked {
		u.FailedLogins, u.LockedUntil = 0, lockUntil
	}
	m.users[id] = u
	return locked, nil
}

// PutToken implements liaison.UserStore.
func (m *Memory) PutToken(_ context.Context, t *liaison.Token) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.tokens[t.Hash] = *t
	return nil
}

// TokenByHash implements liaison.UserStore.
func (m *Memory) TokenByHash(_ context.Context, hash string) (*liaison.Token, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	t, ok := m.tokens[hash]
	if !ok {
		return nil, notFound("token", "…")
	}
	return &t, nil
}

// Tokens implements liaison.UserStore.
func (m *Memory) Tokens(_ context.Context, userID string) ([]liaison.Token, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []liaison.Token
	for _, t := range m.tokens {
		if userID == "" || t.UserID == userID {
			out = append(out, t)
		}
	}
	slices.SortFunc(out, func(a, b liaison.Token) int { return strings.Compare(a.ID, b.ID) })
	return out, nil
}

func (m *Memory) updateToken(id string, f func(*liaison.Token)) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for h, t := range m.tokens {
		if t.ID == id {
			f(&t)
			m.tokens[h] = t
			return nil
		}
	}
	return notFound("token", id)
}

// RevokeToken implements liaison.UserStore.
func (m *Memory) RevokeToken(_ context.Context, id string, at time.Time) error {
	return m.updateToken(id, func(t *liaison.Token) {
		if t.Revoked.IsZero() {
			t.Revoked = at
		}
	})
}

// TouchToken implements liaison.UserStore.
func (m *Memory) TouchToken(_ context.Context, id string, at time.Time) error {
	return m.updateToken(id, func(t *liaison.Token) { t.LastUsed = at })
}

// PutSession implements liaison.UserStore.
func (m *Memory) PutSession(_ context.Context, s *liaison.Session) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.sessions[s.Hash] = *s
	return nil
}

// SessionByHash implements liaison.UserStore.
func (m *Memory) SessionByHash(_ context.Context, hash string) (*liaison.Session, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s, ok := m.sessions[hash]
	if !ok {
		return nil, notFound("session", "…")
	}
	return &s, nil
}

// DeleteSession implements liaison.UserStore.
func (m *Memory) DeleteSession(_ context.Context, hash string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.sessions, hash)
	return nil
}

// Append implements liaison.AuditLog.
func (m *Memory) Append(_ context.Context, e *liaison.AuditEntry) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if e.Time.IsZero() {
		e.Time = time.Now().UTC()
	}
	e.Seq = int64(len(m.audit)) + 1
	if len(m.audit) > 0 {
		e.PrevHash = m.audit[len(m.audit)-1].Hash
	}
	e.Hash = liaison.ChainHash(e.PrevHash, *e)
	m.audit = append(m.audit, *e)
	return nil
}

// List implements liaison.AuditLog.
func (m *Memory) List(ctx context.Context, f liaison.AuditFilter) ([]liaison.AuditEntry, error) {
	v, ok := liaison.ViewerFrom(ctx)
	if !ok {
		return nil, nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	out := []liaison.AuditEntry{}
	for i := range m.audit {
		e := m.audit[i]
		if f.Newest {
			e = m.audit[len(m.audit)-1-i]
		}
		if !m.matches(v, e, f) || e.Seq <= f.After || (f.Before > 0 && e.Seq >= f.Before) {
			continue
		}
		out = append(out, e)
		if f.Limit > 0 && len(out) == f.Limit {
			break
		}
	}
	return out, nil
}

// Count implements liaison.AuditLog.
func (m *Memory) Count(ctx context.Context, f liaison.AuditFilter) (int, error) {
	v, ok := liaison.ViewerFrom(ctx)
	if !ok {
		return 0, nil
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	n := 0
	for _, e := range m.audit {
		if m.matches(v, e, f) {
			n++
		}
	}
	return n, nil
}

// matches reports whether v may read e and e matches f's Actor, Action and
// Nation. Callers hold m.mu.
func (m *Memory) matches(v liaison.Viewer, e liaison.AuditEntry, f liaison.AuditFilter) bool {
	return AuditVisible(v, e) && m.itemVisible(v, e.Item) && (f.Actor == "" || e.Actor == f.Actor) &&
		(f.Action == "" || e.Action == f.Action) && (f.Nation == "" || e.Nation == f.Nation)
}

// itemVisible reports whether the latest entry naming item — the item's
// current marking — is visible to v by its marking, as the SQLite log
// requires: an item re-marked more restrictively later hides its earlier
// entries too; one widened later shows the entries v may see. Callers hold
// m.mu.
func (m *Memory) itemVisible(v liaison.Viewer, item string) bool {
	if item == "" {
		return true
	}
	for i := len(m.audit) - 1; i >= 0; i-- {
		if m.audit[i].Item == item {
			return marking.Visible(v, m.audit[i].Marking)
		}
	}
	return true
}

// Verify implements liaison.AuditLog.
func (m *Memory) Verify(_ context.Context) (liaison.AuditVerification, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return liaison.VerifyChain(m.audit, "", 0), nil
}

// AuditVisible is the audit log's read rule for one entry: the system reads
// every entry; anyone else only entries whose marking (that of the item the
// entry names) they may see by the reference rule marking.Visible — see
// auditScope for whose entries — so no entry reveals the
// id of an item its reader may not see. A viewer bounded by another
// (Viewer.Within) reads only entries both may read. List also hides an
// entry when another entry naming the same item is hidden by its marking.
func AuditVisible(v liaison.Viewer, e liaison.AuditEntry) bool {
	if !marking.Visible(v, e.Marking) { // every bound of v, too
		return false
	}
	for _, b := range v.Bounds() { // an admin viewing as a nation: that nation's entries only
		if !auditScope(b, e) {
			return false
		}
	}
	return true
}

// auditScope is the nation part of the audit read rule for one viewer: the
// system reads all; anyone else their own nation's entries; an admin also
// node entries (no nation) and other nations' entries that name a marked
// item (marked as the item), but not another nation's logins, tokens, user
// changes or refusals (unmarked) — those stay that nation's, as its users do.
func auditScope(b liaison.Viewer, e liaison.AuditEntry) bool {
	switch {
	case b.System:
		return true
	case b.Nation == "":
		return false
	case b.Role == liaison.RoleAdmin:
		m := e.Marking
		marked := m.Classification != "" || m.Level != 0 || len(m.RelTo) > 0 || len(m.Caveats) > 0
		return e.Nation == b.Nation || e.Nation == "" || marked
	}
	return e.Nation == b.Nation
}
