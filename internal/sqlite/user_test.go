package sqlite

import (
	"context"
	"errors"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/auth"
	"github.com/liaison-project/liaison/internal/marking"
)

func TestNationsRoundTrip(t *testing.T) {
	db := openAccessTestDB(t)
	ctx := liaison.SystemContext(context.Background())
	for _, n := range marking.SeedNations() {
		if err := db.PutNation(ctx, &n); err != nil {
			t.Fatal(err)
		}
	}
	ns, err := db.Nations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := marking.SeedNations()
	if len(ns) != len(want) {
		t.Fatalf("%d nations, want %d", len(ns), len(want))
	}
	swe, err := db.Nation(ctx, "SWE")
	if err != nil || !swe.Groups[0].Since.Equal(time.Date(2024, 3, 7, 0, 0, 0, 0, time.UTC)) || swe.Status != liaison.NationMember {
		t.Errorf("SWE = %+v, %v", swe, err)
	}
	swe.Groups = append(swe.Groups, liaison.Membership{Group: "EU", Since: time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)})
	swe.Name = "Kingdom of Sweden"
	if err := db.PutNation(ctx, swe); err != nil {
		t.Fatal(err)
	}
	again, _ := db.Nation(ctx, "SWE")
	if !reflect.DeepEqual(again, swe) {
		t.Errorf("replaced nation = %+v, want %+v", again, swe)
	}
	if _, err := db.Nation(ctx, "ZZZ"); !errors.Is(err, liaison.ErrNotFound) {
		t.Errorf("missing nation: %v", err)
	}
	if err := db.PutNation(ctx, &liaison.Nation{Code: "QQQ", Status: "friend"}); !errors.Is(err, liaison.ErrInvalid) {
		t.Errorf("bad status: %v", err)
	}
}

// TestAuthOverSQLite runs the auth service's flows against the SQLite store.
func TestAuthOverSQLite(t *testing.T) {
	db := openAccessTestDB(t)
	ctx := context.Background()
	now := time.Date(2023, 7, 12, 9, 0, 0, 0, time.UTC)
	svc, err := auth.New(auth.Config{Users: db, Audit: db, Params: auth.TestParams, MaxFailures: 2,
		Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	users, err := auth.SeedDemo(ctx, db, svc, marking.Default())
	if err != nil {
		t.Fatal(err)
	}
	u, err := db.UserByName(ctx, "usa-officer")
	if err != nil || u.Clearance != 4 || !reflect.DeepEqual(u.Caveats, []string{"ATOMAL"}) || u.PasswordHash == "" {
		t.Fatalf("usa-officer = %+v, %v", u, err)
	}
	if _, _, err := svc.AddUser(ctx, &liaison.User{Name: "usa-officer", Nation: "USA", Role: liaison.RoleReader}, ""); !errors.Is(err, liaison.ErrDuplicate) {
		t.Errorf("duplicate user: %v", err)
	}
	secret, _, err := svc.Login(ctx, "usa-officer", "usa-officer-demo")
	if err != nil {
		t.Fatal(err)
	}
	if s, err := svc.Session(ctx, secret); err != nil || s.Name != "usa-officer" {
		t.Fatalf("session: %v", err)
	}
	svc.Login(ctx, "jpn-reader", "x")
	svc.Login(ctx, "jpn-reader", "x")
	if _, _, err := svc.Login(ctx, "jpn-reader", "jpn-reader-demo"); !errors.Is(err, liaison.ErrUnauthorized) {
		t.Errorf("locked-out login: %v", err)
	}
	jr, _ := db.UserByName(ctx, "jpn-reader")
	if !jr.LockedUntil.Equal(now.Add(15 * time.Minute)) {
		t.Errorf("locked until %v", jr.LockedUntil)
	}
	tu, tk, err := svc.Token(ctx, users[0].Token)
	if err != nil || tu.Name != users[0].Name {
		t.Fatalf("token: %v", err)
	}
	if err := svc.RevokeToken(ctx, tk.ID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := svc.Token(ctx, users[0].Token); !errors.Is(err, liaison.ErrUnauthorized) {
		t.Errorf("revoked token: %v", err)
	}
	if err := svc.Logout(ctx, secret); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Session(ctx, secret); !errors.Is(err, liaison.ErrUnauthorized) {
		t.Errorf("session after logout: %v", err)
	}
	ts, _ := db.Tokens(ctx, "")
	if len(ts) != len(users) {
		t.Errorf("%d tokens, want %d", len(ts), len(users))
	}
	if v, _ := db.Verify(ctx); !v.OK || v.Entries < 2*len(users) {
		t.Errorf("audit after auth flows: %+v", v)
	}
}

// TestFailLoginAtomic: parallel failures are each counted once, so they
// cannot share a count to get more guesses before the lock-out.
func TestFailLoginAtomic(t *testing.T) {
	db := openAccessTestDB(t)
	ctx := context.Background()
	u := &liaison.User{ID: "u1", Name: "guessed", Nation: "USA", Role: liaison.RoleReader, Created: time.Now()}
	if err := db.PutUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	until := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	locks := make(chan bool, 10)
	var wg sync.WaitGroup
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			locked, err := db.FailLogin(ctx, u.ID, 4, until)
			if err != nil {
				t.Error(err)
			}
			locks <- locked
		}()
	}
	wg.Wait()
	close(locks)
	n := 0
	for l := range locks {
		if l {
			n++
		}
	}
	got, _ := db.User(ctx, u.ID)
	if n != 2 || got.FailedLogins != 2 || !got.LockedUntil.Equal(until) {
		t.Errorf("10 parallel failures at max 4: %d lock-outs, count %d, locked until %v; want 2, 2, %v", n, got.FailedLogins, got.LockedUntil, until)
	}
	if _, err := db.FailLogin(ctx, "nobody", 4, until); !errors.Is(err, liaison.ErrNotFound) {
		t.Errorf("unknown user: %v", err)
	}
}
