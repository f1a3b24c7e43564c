package auth

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

func TestPassword(t *testing.T) {
	h, err := HashPassword("correct horse", TestParams)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=64,t=1,p=1$") {
		t.Errorf("hash = %q", h)
	}
	h2, _ := HashPassword("correct horse", TestParams)
	if h == h2 {
		t.Error("two hashes of one password are equal: salt not random")
	}
	for pw, want := range map[string]bool{"correct horse": true, "correct horsf": false, "": false} {
		if ok, err := VerifyPassword(h, pw); err != nil || ok != want {
			t.Errorf("Verify(%q) = %v, %v; want %v", pw, ok, err, want)
		}
	}
	if _, err := HashPassword("", TestParams); !errors.Is(err, liaison.ErrInvalid) {
		t.Errorf("empty password: %v", err)
	}
	bad := []string{"", "plain", "$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5",
		"$argon2id$v=19$m=99999999,t=1,p=1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5",
		"$argon2id$v=18$m=64,t=1,p=1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5",
		"$argon2id$v=19$m=64,t=1,p=1$!!$a2V5a2V5a2V5a2V5a2V5"}
	for _, b := range bad {
		if _, err := VerifyPassword(b, "x"); !errors.Is(err, liaison.ErrInvalid) {
			t.Errorf("Verify with hash %q: err = %v, want ErrInvalid", b, err)
		}
	}
}

func FuzzVerifyPassword(f *testing.F) {
	h, _ := HashPassword("pw", TestParams)
	f.Add(h, "pw")
	f.Add("$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5", "")
	f.Fuzz(func(t *testing.T, encoded, pw string) {
		p, _, _, err := decodeHash(encoded)
		if err != nil {
			return
		}
		if p.Memory > 4096 || p.Time > 2 {
			return // valid but too slow to run per fuzz input
		}
		_, _ = VerifyPassword(encoded, pw)
	})
}

func TestCSRF(t *testing.T) {
	a, b := CSRFToken("s1"), CSRFToken("s2")
	if a == b || !CheckCSRF("s1", a) || CheckCSRF("s1", b) || CheckCSRF("s1", "") {
		t.Error("CSRF tokens do not distinguish sessions")
	}
}

type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func newService(t *testing.T) (*Service, *Memory, *clock) {
	t.Helper()
	mem := NewMemory()
	c := &clock{t: time.Date(2023, 7, 12, 9, 0, 0, 0, time.UTC)}
	s, err := New(Config{Users: mem, Audit: mem, Params: TestParams, Now: c.now, MaxFailures: 3})
	if err != nil {
		t.Fatal(err)
	}
	return s, mem, c
}

func addUser(t *testing.T, s *Service, name string) (*liaison.User, string) {
	t.Helper()
	u := &liaison.User{Name: name, Nation: "JPN", Role: liaison.RoleAnalyst, Clearance: 2}
	tok, _, err := s.AddUser(context.Background(), u, name+"-passphrase")
	if err != nil {
		t.Fatal(err)
	}
	return u, tok
}

func TestLoginAndLockout(t *testing.T) {
	s, mem, c := newService(t)
	ctx := context.Background()
	addUser(t, s, "kenji")
	secret, u, err := s.Login(ctx, "kenji", "kenji-passphrase")
	if err != nil || u.Name != "kenji" || secret == "" {
		t.Fatalf("login: %v", err)
	}
	if got, err := s.Session(ctx, secret); err != nil || got.ID != u.ID {
		t.Fatalf("session: %v", err)
	}
	for i := 0; i < 3; i++ {
		if _, _, err := s.Login(ctx, "kenji", "wrong"); !errors.Is(err, liaison.ErrUnauthorized) {
			t.Fatalf("wrong password %d: %v", i, err)
		}
	}
	_, _, err = s.Login(ctx, "kenji", "kenji-passphrase")
	if !errors.Is(err, liaison.ErrUnauthorized) {
		t.Fatalf("locked account logged in: %v", err)
	}
	_, _, errUnknown := s.Login(ctx, "nobody", "x")
	if err.Error() != errUnknown.Error() {
		t.Errorf("locked %q and unknown %q answer differently", err, errUnknown)
	}
	c.t = c.t.Add(16 * time.Minute)
	if _, _, err := s.Login(ctx, "kenji", "kenji-passphrase"); err != nil {
		t.Fatalf("login after lock expired: %v", err)
	}
	c.t = c.t.Add(13 * time.Hour)
	if _, err := s.Session(ctx, secret); !errors.Is(err, liaison.ErrUnauthorized) {
		t.Errorf("expired session: %v", err)
	}
	if err := s.Logout(ctx, secret); err != nil {
		t.Error(err)
	}
	entries, _ := mem.List(liaison.SystemContext(ctx), liaison.AuditFilter{Action: liaison.AuditLockedOut})
	if len(entries) != 1 {
		t.Errorf("lock-out audited %d times, want 1", len(entries))
	}
}

func TestTokens(t *testing.T) {
	s, mem, c := newService(t)
	ctx := context.Background()
	u, tok := addUser(t, s, "anna")
	got, tk, err := s.Token(ctx, tok)
	if err != nil || got.ID != u.ID || tk.Scope != liaison.ScopeWrite {
		t.Fatalf("token: %v", err)
	}
	for _, bad := range []string{"", "lia_nope", tok + "x", strings.TrimPrefix(tok, TokenPrefix)} {
		if _, _, err := s.Token(ctx, bad); !errors.Is(err, liaison.ErrUnauthorized) {
			t.Errorf("token %q: err = %v", bad, err)
		}
	}
	s.Token(ctx, tok)
	c.t = c.t.Add(2 * time.Hour)
	s.Token(ctx, tok)
	uses, _ := mem.List(liaison.SystemContext(ctx), liaison.AuditFilter{Action: liaison.AuditTokenUsed})
	if len(uses) != 2 {
		t.Errorf("token use audited %d times, want 2 (once per hour)", len(uses))
	}
	rsecret, rt, err := s.IssueToken(ctx, u, liaison.ScopeRead)
	if err != nil || rt.Scope != liaison.ScopeRead {
		t.Fatal(err)
	}
	if err := s.RevokeToken(ctx, rt.ID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Token(ctx, rsecret); !errors.Is(err, liaison.ErrUnauthorized) {
		t.Errorf("revoked token accepted: %v", err)
	}
	if err := s.RevokeToken(ctx, "nope"); !errors.Is(err, liaison.ErrNotFound) {
		t.Errorf("revoke unknown: %v", err)
	}
	toks, _ := mem.Tokens(ctx, u.ID)
	for _, tk := range toks {
		if strings.Contains(tk.Hash, TokenPrefix) || tk.Hash == rsecret {
			t.Error("token stored in clear")
		}
	}
}

func TestAddUserErrors(t *testing.T) {
	s, _, _ := newService(t)
	ctx := context.Background()
	addUser(t, s, "dup")
	tests := []struct {
		u    liaison.User
		want error
	}{
		{liaison.User{Name: "dup", Role: liaison.RoleReader}, liaison.ErrDuplicate},
		{liaison.User{Name: "", Role: liaison.RoleReader}, liaison.ErrInvalid},
		{liaison.User{Name: "a b", Role: liaison.RoleReader}, liaison.ErrInvalid},
		{liaison.User{Name: "x", Role: "king"}, liaison.ErrInvalid},
		{liaison.User{Name: "y", Role: liaison.RoleReader, Clearance: -1}, liaison.ErrInvalid},
	}
	for _, tt := range tests {
		if _, _, err := s.AddUser(ctx, &tt.u, ""); !errors.Is(err, tt.want) {
			t.Errorf("%+v: err = %v, want %v", tt.u, err, tt.want)
		}
	}
}

func TestAuditChainAndVisibility(t *testing.T) {
	s, mem, _ := newService(t)
	ctx := context.Background()
	addUser(t, s, "a")
	s.Record(ctx, "pierre", "FRA", liaison.AuditRelease, "doc:1", "")
	sys := liaison.SystemContext(ctx)
	if v, _ := mem.Verify(sys); !v.OK || v.Entries != 3 {
		t.Fatalf("verify = %+v", v)
	}
	fra, _ := mem.List(liaison.WithViewer(ctx, liaison.Viewer{Nation: "FRA", Role: liaison.RoleOfficer}), liaison.AuditFilter{})
	if len(fra) != 1 || fra[0].Actor != "pierre" {
		t.Errorf("FRA sees %d entries, want its own 1", len(fra))
	}
	none, _ := mem.List(ctx, liaison.AuditFilter{})
	if len(none) != 0 {
		t.Error("no viewer sees entries")
	}
	mem.audit[1].Detail = "edited"
	if v, _ := mem.Verify(sys); v.OK || v.BadSeq != 2 {
		t.Errorf("edited entry: verify = %+v", v)
	}
	mem.audit = append(mem.audit[:1], mem.audit[2:]...)
	if v, _ := mem.Verify(sys); v.OK || v.BadSeq != 3 {
		t.Errorf("removed entry: verify = %+v", v)
	}
}

// TestAuditMarkedEntries: an entry naming a marked item is read only by
// those who may see the item — admins of every nation, others of the actor's
// nation — and its marking is covered by the chain. An unmarked entry (a
// login) is its nation's alone: another nation's admin does not read it.
func TestAuditMarkedEntries(t *testing.T) {
	s, mem, _ := newService(t)
	ctx := context.Background()
	ns := liaison.Marking{Classification: "NATO SECRET", Level: 4, RelTo: []string{"USA"}}
	if err := s.RecordMarked(ctx, "sam", "USA", liaison.AuditRelease, "report-1", "NATO SECRET // REL TO USA", ns); err != nil {
		t.Fatal(err)
	}
	if err := s.Record(ctx, "sam", "USA", liaison.AuditLogin, "user:1", "session"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		v    liaison.Viewer
		want int
	}{
		{"system", liaison.Viewer{System: true}, 2},
		{"USA reader NR", liaison.Viewer{Nation: "USA", Role: liaison.RoleReader, Clearance: 2}, 1},
		{"USA officer NS", liaison.Viewer{Nation: "USA", Role: liaison.RoleOfficer, Clearance: 4}, 2},
		{"GBR admin NS", liaison.Viewer{Nation: "GBR", Role: liaison.RoleAdmin, Clearance: 4}, 0},
		{"USA admin NS", liaison.Viewer{Nation: "USA", Role: liaison.RoleAdmin, Clearance: 4}, 2},
		{"USA admin NR", liaison.Viewer{Nation: "USA", Role: liaison.RoleAdmin, Clearance: 2}, 1},
		{"GBR officer NS", liaison.Viewer{Nation: "GBR", Role: liaison.RoleOfficer, Clearance: 4}, 0},
	}
	for _, tt := range tests {
		es, err := mem.List(liaison.WithViewer(ctx, tt.v), liaison.AuditFilter{})
		if err != nil || len(es) != tt.want {
			t.Errorf("%s: sees %d entries (%v), want %d", tt.name, len(es), err, tt.want)
		}
	}
	mem.audit[0].Marking.RelTo = nil
	if v, _ := mem.Verify(liaison.SystemContext(ctx)); v.OK || v.BadSeq != 1 {
		t.Errorf("edited marking: verify = %+v", v)
	}
}

func TestSeedDemo(t *testing.T) {
	s, mem, _ := newService(t)
	ctx := context.Background()
	users, err := SeedDemo(ctx, mem, s, marking.Default())
	if err != nil {
		t.Fatal(err)
	}
	if len(users) != 17 {
		t.Errorf("%d demo users, want 17", len(users))
	}
	ns, _ := mem.Nations(ctx)
	if len(ns) != 37 {
		t.Errorf("%d nations, want 37", len(ns))
	}
	if _, _, err := s.Login(ctx, "jpn-analyst", "jpn-analyst-demo"); err != nil {
		t.Errorf("demo login: %v", err)
	}
	if again, err := SeedDemo(ctx, mem, s, marking.Default()); err != nil || again[0].Token != "" {
		t.Errorf("second seed: %v", err)
	}
}

func BenchmarkHashPasswordDefault(b *testing.B) {
	for b.Loop() {
		if _, err := HashPassword("correct horse battery staple", DefaultParams); err != nil {
			b.Fatal(err)
		}
	}
}
