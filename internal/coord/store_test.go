package coord

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
	"github.com/liaison-project/liaison/internal/sqlite"
)

// clock is a settable fake clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time          { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Set(t time.Time)         { c.mu.Lock(); c.t = t; c.mu.Unlock() }
func (c *clock) Advance(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

func openDB(t testing.TB, path string) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(context.Background(), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// tempDB opens a new store in the test's temporary directory, closed when
// the test ends.
func tempDB(t testing.TB) *sqlite.DB {
	t.Helper()
	db := openDB(t, filepath.Join(t.TempDir(), "l.db"))
	t.Cleanup(func() { db.Close() })
	return db
}

// seedNations stores the built-in nations.
func seedNations(t testing.TB, db *sqlite.DB) {
	t.Helper()
	ctx := liaison.SystemContext(context.Background())
	for _, n := range marking.SeedNations() {
		if err := db.PutNation(ctx, &n); err != nil {
			t.Fatal(err)
		}
	}
}

func newService(t testing.TB, db *sqlite.DB, c *clock) *Service {
	t.Helper()
	s, err := NewService(Config{Proposals: db, Threads: db, Nations: db, Audit: db,
		Notify: &Notifier{Store: db, Now: c.Now}, Now: c.Now, Origin: liaison.Origin{Node: "test"}})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func as(nation string, role liaison.Role) context.Context {
	return liaison.WithViewer(context.Background(), liaison.Viewer{UserID: "u-" + nation, Name: "officer-" + nation,
		Nation: nation, Role: role, Clearance: 4})
}

// circulating creates and circulates a silence proposal by GBR with
// deciders DEU, FRA, GBR and JPN consulted.
func circulating(t testing.TB, s *Service, proc liaison.Procedure, mk liaison.Marking, dl time.Time) *liaison.Proposal {
	t.Helper()
	p, err := s.Create(as("GBR", liaison.RoleOfficer), Draft{Title: "Open a liaison office", Text: "We propose…",
		Procedure: proc, Deciders: []string{"DEU", "FRA", "GBR"}, Consulted: []string{"JPN"}, Marking: mk})
	if err != nil {
		t.Fatal(err)
	}
	p, err = s.Act(as("GBR", liaison.RoleOfficer), p.ID, Step{Action: ActCirculate, Deadline: dl})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestConcurrentObjections(t *testing.T) {
	db := tempDB(t)
	seedNations(t, db)
	c := &clock{t: t0}
	s := newService(t, db, c)
	for round := range 3 {
		p := circulating(t, s, liaison.ProcedureSilence, liaison.Marking{}, t0.Add(48*time.Hour))
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i, n := range []string{"FRA", "DEU"} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = s.Act(as(n, liaison.RoleOfficer), p.ID, Step{Action: ActObject, Text: "objection by " + n})
			}()
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		got, err := s.Get(as("GBR", liaison.RoleOfficer), p.ID)
		if err != nil {
			t.Fatal(err)
		}
		blocked := 0
		for _, e := range got.History {
			if e.Action == "blocked" {
				blocked++
			}
		}
		if got.State != liaison.StateBlocked || len(got.Positions) != 2 || blocked != 1 {
			t.Fatalf("round %d: state %s, positions %d, blocked events %d", round, got.State, len(got.Positions), blocked)
		}
	}
}

func TestRestartSettlesAtDeadline(t *testing.T) {
	for _, objected := range []bool{false, true} {
		path := filepath.Join(t.TempDir(), "l.db")
		c := &clock{t: t0}
		db := openDB(t, path)
		seedNations(t, db)
		s := newService(t, db, c)
		dl := t0.Add(72 * time.Hour)
		p := circulating(t, s, liaison.ProcedureSilence, liaison.Marking{}, dl)
		if objected {
			if _, err := s.Act(as("FRA", liaison.RoleOfficer), p.ID, Step{Action: ActObject, Text: "France objects"}); err != nil {
				t.Fatal(err)
			}
		}
		if err := db.Close(); err != nil { // the server stops
			t.Fatal(err)
		}
		c.Set(dl.Add(5 * 24 * time.Hour)) // the deadline passes while it is down
		db = openDB(t, path)
		s = newService(t, db, c)
		n, err := s.SettleDue(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		got, err := db.Proposal(liaison.SystemContext(context.Background()), p.ID)
		if err != nil {
			t.Fatal(err)
		}
		last := got.History[len(got.History)-1]
		switch {
		case objected && (n != 0 || got.State != liaison.StateBlocked):
			t.Fatalf("objected: settled %d, state %s", n, got.State)
		case !objected && (n != 1 || got.State != liaison.StateAdopted || !last.Time.Equal(dl) || !got.Updated.Equal(dl)):
			t.Fatalf("silence: settled %d, state %s, last %+v", n, got.State, last)
		}
		if n, _ := s.SettleDue(context.Background()); n != 0 {
			t.Fatalf("settled twice")
		}
		db.Close()
	}
}

func TestConsensusExpiresAtDeadline(t *testing.T) {
	db := tempDB(t)
	c := &clock{t: t0}
	s := newService(t, db, c)
	p := circulating(t, s, liaison.ProcedureConsensus, liaison.Marking{}, t0.Add(time.Hour))
	if _, err := s.Act(as("FRA", liaison.RoleOfficer), p.ID, Step{Action: ActConcur}); err != nil {
		t.Fatal(err)
	}
	c.Set(t0.Add(time.Hour)) // exactly the deadline
	if _, err := s.Act(as("DEU", liaison.RoleOfficer), p.ID, Step{Action: ActConcur}); !errors.Is(err, liaison.ErrConflict) {
		t.Fatalf("concur at the deadline: %v", err)
	}
	got, err := s.Get(as("DEU", liaison.RoleOfficer), p.ID)
	if err != nil || got.State != liaison.StateExpired {
		t.Fatalf("state %v %v", got, err)
	}
}

func TestVisibilityUnnamedPartner(t *testing.T) {
	db := tempDB(t)
	seedNations(t, db)
	c := &clock{t: t0}
	s := newService(t, db, c)
	open := circulating(t, s, liaison.ProcedureSilence, liaison.Marking{}, t0.Add(time.Hour*48))
	if _, err := s.Act(as("JPN", liaison.RoleAnalyst), open.ID, Step{Action: ActComment, Text: "Japan welcomes this"}); err != nil {
		t.Fatalf("consulted comment: %v", err)
	}
	restricted := liaison.Marking{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"DEU", "FRA", "GBR"}}
	if _, err := s.Create(as("GBR", liaison.RoleOfficer), Draft{Title: "x", Text: "x", Procedure: liaison.ProcedureSilence,
		Deciders: []string{"FRA", "GBR"}, Consulted: []string{"JPN"}, Marking: restricted}); !errors.Is(err, liaison.ErrInvalid) {
		t.Fatalf("a marking hiding the proposal from a party: %v", err)
	}
	// The store must hide it from a consulted nation the marking excludes
	// even if one was stored that way (e.g. received from another node).
	hidden := circulating(t, s, liaison.ProcedureSilence, liaison.Marking{}, t0.Add(time.Hour*48))
	hidden.Marking = restricted
	if err := db.SaveProposal(liaison.SystemContext(context.Background()), hidden); err != nil {
		t.Fatal(err)
	}
	draft, err := s.Create(as("GBR", liaison.RoleOfficer), Draft{Title: "Draft", Text: "x", Procedure: liaison.ProcedureConsensus, Deciders: []string{"FRA", "GBR"}})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		nation string
		want   []string // visible proposal ids
	}{
		{"KOR", nil},                                    // partner not named
		{"JPN", []string{open.ID}},                      // consulted, but not releasable the restricted one
		{"FRA", []string{open.ID, hidden.ID}},           // decider: not the draft
		{"GBR", []string{open.ID, hidden.ID, draft.ID}}, // proposer
	}
	all := []string{open.ID, hidden.ID, draft.ID}
	for _, tc := range cases {
		ctx := as(tc.nation, liaison.RoleOfficer)
		list, err := s.List(ctx, liaison.ProposalFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != len(tc.want) {
			t.Errorf("%s: lists %d proposals, want %d", tc.nation, len(list), len(tc.want))
		}
		for _, id := range all {
			_, err := s.Get(ctx, id)
			_, aerr := s.Act(ctx, id, Step{Action: ActComment, Text: "probe"})
			if contains(tc.want, id) != (err == nil) {
				t.Errorf("%s get %s: %v", tc.nation, id, err)
			}
			if !contains(tc.want, id) && !errors.Is(aerr, liaison.ErrNotFound) {
				t.Errorf("%s comment on invisible %s: %v, want not found", tc.nation, id, aerr)
			}
		}
		notes, err := db.Notifications(ctx, 100, false)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range notes {
			if !contains(tc.want, n.ItemID) || n.Nation != tc.nation {
				t.Errorf("%s sees a notification about %s", tc.nation, n.ItemID)
			}
		}
		if tc.nation == "JPN" && len(notes) == 0 {
			t.Errorf("consulted JPN got no notifications")
		}
	}
}

func TestThreadsVisibility(t *testing.T) {
	db := tempDB(t)
	seedNations(t, db)
	c := &clock{t: t0}
	s := newService(t, db, c)
	th, err := s.OpenThread(as("FRA", liaison.RoleAnalyst), NewThread{Subject: "Tokyo office", Participants: []string{"JPN", "DEU"},
		Text: "Can we talk?"})
	if err != nil {
		t.Fatal(err)
	}
	secret := liaison.Marking{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"FRA", "DEU"}}
	if _, err := s.Post(as("DEU", liaison.RoleAnalyst), th.ID, "Between us", secret, []liaison.Attachment{{Name: "note.txt", Data: []byte("hi")}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Post(as("KOR", liaison.RoleAnalyst), th.ID, "let me in", liaison.Marking{}, nil); !errors.Is(err, liaison.ErrNotFound) {
		t.Fatalf("outsider posts: %v", err)
	}
	for nation, want := range map[string]int{"FRA": 2, "DEU": 2, "JPN": 1, "KOR": -1} {
		ctx := as(nation, liaison.RoleAnalyst)
		ms, err := s.Messages(ctx, th.ID, 0)
		ts, _ := s.Threads(ctx, 0)
		if want < 0 {
			if !errors.Is(err, liaison.ErrNotFound) || len(ts) != 0 {
				t.Errorf("%s: messages err %v, threads %d", nation, err, len(ts))
			}
			continue
		}
		if err != nil || len(ms) != want || len(ts) != 1 || ts[0].Messages != want {
			t.Errorf("%s: %d messages (%v), threads %v, want %d", nation, len(ms), err, ts, want)
		}
	}
	// Notifications of messages: to participants the message is released to.
	for nation, want := range map[string]int{"JPN": 1, "FRA": 1, "DEU": 1, "KOR": 0} {
		ns, err := db.Notifications(as(nation, liaison.RoleAnalyst), 100, false)
		if err != nil || len(ns) != want {
			t.Errorf("%s: %d message notifications, want %d (%v)", nation, len(ns), want, err)
		}
	}
	// Groups expand to nations: IP4 brings in AUS, JPN, KOR, NZL.
	g, err := s.OpenThread(as("FRA", liaison.RoleAnalyst), NewThread{Subject: "IP4", Participants: []string{"IP4"}})
	if err != nil || !contains(g.Participants, "KOR") || !contains(g.Participants, "FRA") {
		t.Fatalf("group thread: %v %v", g, err)
	}
}

func TestAuditTrail(t *testing.T) {
	db := tempDB(t)
	c := &clock{t: t0}
	s := newService(t, db, c)
	p := circulating(t, s, liaison.ProcedureSilence, liaison.Marking{}, t0.Add(time.Hour))
	c.Advance(2 * time.Hour)
	if _, err := s.SettleDue(context.Background()); err != nil {
		t.Fatal(err)
	}
	es, err := db.List(liaison.SystemContext(context.Background()), liaison.AuditFilter{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	var acts []string
	for _, e := range es {
		if e.Item == "proposal:"+p.ID {
			acts = append(acts, e.Action)
		}
	}
	want := []string{"proposal.create", "proposal.circulate", "proposal.adopted"}
	if len(acts) != len(want) || acts[0] != want[0] || acts[2] != want[2] {
		t.Fatalf("audit %v, want %v", acts, want)
	}
	if v, err := db.Verify(context.Background()); err != nil || !v.OK {
		t.Fatalf("verify %+v %v", v, err)
	}
}

func TestSeedDemo(t *testing.T) {
	db := tempDB(t)
	seedNations(t, db)
	s := newService(t, db, &clock{t: t0})
	for range 2 {
		if err := SeedDemo(context.Background(), s); err != nil {
			t.Fatal(err)
		}
	}
	ps, err := s.List(liaison.SystemContext(context.Background()), liaison.ProposalFilter{})
	if err != nil || len(ps) != 2 {
		t.Fatalf("%d proposals, %v", len(ps), err)
	}
	states := map[string]liaison.ProposalState{}
	for _, p := range ps {
		states[p.Title] = p.State
	}
	if states[DemoTokyoTitle] != liaison.StateBlocked || states[DemoAdoptedTitle] != liaison.StateAdopted {
		t.Fatalf("states %v", states)
	}
	if ps, _ := s.List(as("KOR", liaison.RoleReader), liaison.ProposalFilter{}); len(ps) != 1 {
		t.Fatalf("KOR (consulted only on the statement) sees %d proposals", len(ps))
	}
}

func TestRunSettlesInBackground(t *testing.T) {
	db := tempDB(t)
	c := &clock{t: t0}
	s := newService(t, db, c)
	p := circulating(t, s, liaison.ProcedureSilence, liaison.Marking{}, t0.Add(time.Hour))
	c.Advance(2 * time.Hour)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { s.Run(ctx, 10*time.Millisecond, 10*time.Millisecond); close(done) }()
	deadline := time.Now().Add(5 * time.Second)
	for {
		got, err := db.Proposal(liaison.SystemContext(context.Background()), p.ID)
		if err == nil && got.State == liaison.StateAdopted {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("not settled in the background: %v %v", got, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	<-done
}
