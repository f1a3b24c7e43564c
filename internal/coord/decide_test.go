package coord

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
)

var (
	t0       = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	deadline = t0.Add(48 * time.Hour)
)

// kinds of participant in the fixture: GBR proposes, DEU/FRA/GBR decide,
// JPN is consulted, KOR is a partner not named.
var kinds = map[string]Actor{
	"proposer":        {Nation: "GBR", UserID: "u-gbr", Role: liaison.RoleOfficer},
	"decider":         {Nation: "FRA", UserID: "u-fra", Role: liaison.RoleOfficer},
	"consulted":       {Nation: "JPN", UserID: "u-jpn", Role: liaison.RoleOfficer},
	"non-participant": {Nation: "KOR", UserID: "u-kor", Role: liaison.RoleOfficer},
	"admin":           {UserID: "system", System: true},
	"decider-reader":  {Nation: "FRA", UserID: "u-fra-r", Role: liaison.RoleReader},
	"decider-admin":   {Nation: "DEU", UserID: "u-deu-a", Role: liaison.RoleAdmin},
	"outsider-admin":  {Nation: "KOR", UserID: "u-kor-a", Role: liaison.RoleAdmin},
}

// fixture is a proposal in state st under procedure proc.
func fixture(st liaison.ProposalState, proc liaison.Procedure) *liaison.Proposal {
	p := &liaison.Proposal{ID: "P1", Title: "Office", Text: "Open an office.", Version: 1, ProposingNation: "GBR",
		Procedure: proc, Deadline: deadline, CirculatedAt: t0, Deciders: []string{"DEU", "FRA", "GBR"},
		Consulted: []string{"JPN"}, State: st, Created: t0, Updated: t0,
		Versions: []liaison.ProposalVersion{{Version: 1, Title: "Office", Text: "Open an office.", Time: t0, Nation: "GBR", Deadline: deadline}}}
	if st == liaison.StateBlocked {
		p.Positions = []liaison.Position{{Nation: "DEU", Kind: liaison.PositionObject, Version: 1, Text: "no", Time: t0}}
	}
	return p
}

func stepFor(a Action, now time.Time) Step {
	switch a {
	case ActAmend:
		return Step{Action: a, Text: "Open an office, later."}
	case ActCirculate:
		return Step{Action: a, Deadline: now.Add(24 * time.Hour)}
	}
	return Step{Action: a, Text: "a written statement"}
}

// expected is the specification, written as a table of rules independent of
// Decide's code paths: the error class and the resulting state.
func expected(st liaison.ProposalState, proc liaison.Procedure, act Action, kind string, atDeadline bool) (error, liaison.ProposalState) {
	eff := st
	if st == liaison.StateCirculating && atDeadline {
		eff = map[liaison.Procedure]liaison.ProposalState{liaison.ProcedureSilence: liaison.StateAdopted, liaison.ProcedureConsensus: liaison.StateExpired}[proc]
	}
	visible := kind == "admin" || kind == "proposer" || (eff != liaison.StateDraft && kind != "non-participant" && kind != "outsider-admin")
	if !visible {
		return liaison.ErrNotFound, ""
	}
	var who []string
	switch act {
	case ActAmend, ActCirculate, ActWithdraw:
		who = []string{"proposer", "admin", "decider-admin"}
	case ActConcur, ActObject, ActAgree:
		who = []string{"proposer", "decider", "decider-admin"}
	case ActComment:
		who = []string{"proposer", "decider", "consulted", "admin", "decider-admin"}
	}
	if !slices.Contains(who, kind) {
		return liaison.ErrForbidden, ""
	}
	open := eff == liaison.StateDraft || eff == liaison.StateCirculating || eff == liaison.StateBlocked
	switch act {
	case ActCirculate:
		open = eff == liaison.StateDraft
	case ActConcur, ActAgree: // cannot lift a block: refused on a blocked proposal
		open = eff == liaison.StateCirculating
	case ActObject: // a further objection on a blocked proposal is recorded
		open = eff == liaison.StateCirculating || (eff == liaison.StateBlocked && !atDeadline)
	}
	if !open {
		return liaison.ErrConflict, ""
	}
	switch act {
	case ActAmend:
		if eff == liaison.StateDraft {
			return nil, liaison.StateDraft
		}
		return nil, liaison.StateCirculating
	case ActCirculate:
		return nil, liaison.StateCirculating
	case ActObject:
		return nil, liaison.StateBlocked
	case ActWithdraw:
		return nil, liaison.StateWithdrawn
	}
	return nil, eff
}

// TestDecideMatrix runs every state × action × kind of participant ×
// procedure, one hour before the deadline and at the exact deadline instant,
// and checks that MayAct offers the action exactly when the rules allow it.
func TestDecideMatrix(t *testing.T) {
	n := 0
	for _, proc := range []liaison.Procedure{liaison.ProcedureConsensus, liaison.ProcedureSilence} {
		for _, st := range liaison.ProposalStates {
			for _, act := range Actions {
				for kind, actor := range kinds {
					for _, at := range []bool{false, true} {
						n++
						name := fmt.Sprintf("%s/%s/%s/%s/at-deadline=%v", proc, st, act, kind, at)
						t.Run(name, func(t *testing.T) {
							now := deadline.Add(-time.Hour)
							if at {
								now = deadline
							}
							in := fixture(st, proc)
							before := in.Clone()
							out, evs, err := Decide(in, stepFor(act, now), actor, now)
							if !reflect.DeepEqual(in, before) {
								t.Fatal("Decide mutated its input")
							}
							wantErr, wantState := expected(st, proc, act, kind, at)
							if offered := slices.Contains(MayAct(in, actor, now), act); offered != (wantErr == nil) {
								t.Fatalf("MayAct offers %s: %v, but the rules say %v", act, offered, wantErr)
							}
							if wantErr != nil {
								if !errors.Is(err, wantErr) || out != nil || evs != nil {
									t.Fatalf("got (%v, %v), want error %v", out != nil, err, wantErr)
								}
								return
							}
							if err != nil {
								t.Fatalf("unexpected error %v", err)
							}
							if out.State != wantState {
								t.Fatalf("state %s, want %s", out.State, wantState)
							}
							if len(evs) == 0 || len(out.History) != len(in.History)+len(evs) {
								t.Fatalf("events %d, history %d→%d", len(evs), len(in.History), len(out.History))
							}
						})
					}
				}
			}
		}
	}
	if want := 2 * len(liaison.ProposalStates) * len(Actions) * len(kinds) * 2; n != want {
		t.Fatalf("ran %d cases, want %d", n, want)
	}
}

func mustDecide(t *testing.T, p *liaison.Proposal, st Step, a Actor, now time.Time) *liaison.Proposal {
	t.Helper()
	q, _, err := Decide(p, st, a, now)
	if err != nil {
		t.Fatalf("%s by %s: %v", st.Action, a.Nation, err)
	}
	return q
}

func TestConsensusAdoptedWhenAllConcur(t *testing.T) {
	p := fixture(liaison.StateCirculating, liaison.ProcedureConsensus)
	now := t0.Add(time.Hour)
	for i, n := range []string{"DEU", "FRA", "GBR"} {
		if p.State != liaison.StateCirculating {
			t.Fatalf("state %s before %s", p.State, n)
		}
		act := ActConcur
		if i == 1 {
			act = ActAgree // agree-to-disagree counts as concurrence under consensus
		}
		p = mustDecide(t, p, Step{Action: act, Text: "ok"}, Actor{Nation: n, Role: liaison.RoleOfficer}, now)
	}
	if p.State != liaison.StateAdopted {
		t.Fatalf("state %s, want adopted", p.State)
	}
}

func TestObjectionNeedsText(t *testing.T) {
	p := fixture(liaison.StateCirculating, liaison.ProcedureSilence)
	_, _, err := Decide(p, Step{Action: ActObject, Text: "  "}, kinds["decider"], t0)
	if !errors.Is(err, liaison.ErrInvalid) {
		t.Fatalf("err %v, want invalid", err)
	}
}

func TestAgreeToDisagreeDoesNotBreakSilence(t *testing.T) {
	p := fixture(liaison.StateCirculating, liaison.ProcedureSilence)
	p = mustDecide(t, p, Step{Action: ActAgree, Text: "we note our reservations"}, kinds["decider"], t0)
	if p.State != liaison.StateCirculating {
		t.Fatalf("state %s", p.State)
	}
	q, evs, changed := Settle(p, deadline)
	if !changed || q.State != liaison.StateAdopted || !evs[0].Time.Equal(deadline) || !q.Updated.Equal(deadline) {
		t.Fatalf("settle: %v %s %+v", changed, q.State, evs)
	}
}

func TestDeadlineInstant(t *testing.T) {
	for _, proc := range []liaison.Procedure{liaison.ProcedureSilence, liaison.ProcedureConsensus} {
		p := fixture(liaison.StateCirculating, proc)
		// One nanosecond before: still in time.
		q := mustDecide(t, p, Step{Action: ActObject, Text: "too soon"}, kinds["decider"], deadline.Add(-time.Nanosecond))
		if q.State != liaison.StateBlocked {
			t.Fatalf("%s: state %s, want blocked", proc, q.State)
		}
		// At the instant: too late, settled instead.
		if _, _, err := Decide(p, Step{Action: ActObject, Text: "late"}, kinds["decider"], deadline); !errors.Is(err, liaison.ErrConflict) {
			t.Fatalf("%s: objection at the deadline: %v, want conflict", proc, err)
		}
		if _, _, changed := Settle(p, deadline.Add(-time.Nanosecond)); changed {
			t.Fatalf("%s: settled before the deadline", proc)
		}
	}
}

func TestAmendRestartsClockAndOldPositionsDoNotCount(t *testing.T) {
	p := fixture(liaison.StateCirculating, liaison.ProcedureConsensus)
	now := t0.Add(10 * time.Hour)
	p = mustDecide(t, p, Step{Action: ActConcur}, kinds["decider"], now)
	p = mustDecide(t, p, Step{Action: ActConcur}, Actor{Nation: "DEU", Role: liaison.RoleOfficer}, now)
	p = mustDecide(t, p, Step{Action: ActAmend, Text: "Revised text."}, kinds["proposer"], now)
	if p.Version != 2 || len(p.Versions) != 2 || !p.Deadline.Equal(now.Add(48*time.Hour)) {
		t.Fatalf("version %d versions %d deadline %s", p.Version, len(p.Versions), p.Deadline)
	}
	if len(p.Current()) != 0 || len(p.Positions) != 2 {
		t.Fatalf("old positions: current %d, kept %d", len(p.Current()), len(p.Positions))
	}
	p = mustDecide(t, p, Step{Action: ActConcur}, kinds["proposer"], now)
	if p.State != liaison.StateCirculating {
		t.Fatalf("adopted on old positions")
	}
	// An amendment of a blocked proposal circulates again.
	b := fixture(liaison.StateBlocked, liaison.ProcedureSilence)
	b = mustDecide(t, b, Step{Action: ActAmend, Text: "Compromise.", Deadline: now.Add(time.Hour)}, kinds["proposer"], now)
	if b.State != liaison.StateCirculating || !b.Deadline.Equal(now.Add(time.Hour)) {
		t.Fatalf("amend blocked: %s %s", b.State, b.Deadline)
	}
}

func TestNewValidates(t *testing.T) {
	ok := Draft{Title: "T", Text: "x", Procedure: liaison.ProcedureSilence, Deciders: []string{"fra"}, Consulted: []string{"JPN"}}
	p, _, err := New(ok, kinds["proposer"], t0)
	if err != nil || p.State != liaison.StateDraft || p.Deciders[0] != "FRA" || p.ProposingNation != "GBR" {
		t.Fatalf("New: %v %+v", err, p)
	}
	bad := []Draft{
		{Text: "x", Procedure: "silence", Deciders: []string{"FRA"}},
		{Title: "T", Procedure: "silence", Deciders: []string{"FRA"}},
		{Title: "T", Text: "x", Procedure: "vote", Deciders: []string{"FRA"}},
		{Title: "T", Text: "x", Procedure: "silence"},
		{Title: "T", Text: "x", Procedure: "silence", Deciders: []string{"FRA"}, Consulted: []string{"FRA"}},
		{Title: "T", Text: "x", Procedure: "silence", Deciders: []string{"FRA"}, Deadline: t0},
		{Title: "T", Text: "x", Procedure: "silence", Deciders: []string{"F R"}},
	}
	for i, d := range bad {
		if _, _, err := New(d, kinds["proposer"], t0); !errors.Is(err, liaison.ErrInvalid) {
			t.Errorf("bad draft %d: %v", i, err)
		}
	}
	if _, _, err := New(ok, kinds["decider-reader"], t0); !errors.Is(err, liaison.ErrForbidden) {
		t.Errorf("reader proposing: %v", err)
	}
}

// FuzzDecide drives a proposal through random steps by random actors at
// random times and checks the invariants of the state machine.
func FuzzDecide(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	f.Add([]byte{1, 1, 1, 2, 2, 2, 200, 3, 0, 4})
	names := []string{"proposer", "decider", "consulted", "non-participant", "admin", "decider-reader", "decider-admin", "outsider-admin"}
	f.Fuzz(func(t *testing.T, steps []byte) {
		proc := liaison.ProcedureSilence
		if len(steps) > 0 && steps[0]%2 == 1 {
			proc = liaison.ProcedureConsensus
		}
		p := fixture(liaison.StateDraft, proc)
		now := t0
		for i := 0; i+2 < len(steps); i += 3 {
			a := kinds[names[int(steps[i])%len(names)]]
			act := Actions[int(steps[i+1])%len(Actions)]
			now = now.Add(time.Duration(steps[i+2]) * 17 * time.Minute)
			before := p.State
			q, evs, err := Decide(p, stepFor(act, now), a, now)
			if err != nil {
				if q != nil || evs != nil {
					t.Fatal("error with a result")
				}
				continue
			}
			if !q.State.Valid() || len(q.History) != len(p.History)+len(evs) {
				t.Fatalf("bad state %q or history", q.State)
			}
			if before.Final() {
				t.Fatalf("%s changed a final proposal (%s)", act, before)
			}
			for _, pos := range q.Positions {
				if !q.IsDecider(pos.Nation) || (pos.Kind == liaison.PositionObject && pos.Text == "") {
					t.Fatalf("bad position %+v", pos)
				}
			}
			if q.State == liaison.StateAdopted && before != liaison.StateAdopted && proc == liaison.ProcedureConsensus && !allConcur(q) && now.Before(q.Deadline) {
				t.Fatal("consensus adopted without every concurrence")
			}
			p = q
		}
	})
}

// TestMayAct names, for a few participants and states, the exact actions
// offered: a consulted partner only comments, a decider may not concur with
// a blocked proposal, nobody acts on a final one.
func TestMayAct(t *testing.T) {
	now := deadline.Add(-time.Hour)
	tests := []struct {
		kind string
		st   liaison.ProposalState
		want []Action
	}{
		{"consulted", liaison.StateCirculating, []Action{ActComment}},
		{"decider", liaison.StateCirculating, []Action{ActConcur, ActObject, ActAgree, ActComment}},
		{"decider", liaison.StateBlocked, []Action{ActObject, ActComment}},
		{"proposer", liaison.StateBlocked, []Action{ActAmend, ActObject, ActComment, ActWithdraw}},
		{"proposer", liaison.StateDraft, []Action{ActAmend, ActCirculate, ActComment, ActWithdraw}},
		{"decider-reader", liaison.StateCirculating, nil},
		{"admin", liaison.StateBlocked, []Action{ActAmend, ActComment, ActWithdraw}},
		{"decider", liaison.StateAdopted, nil},
		{"non-participant", liaison.StateCirculating, nil},
	}
	for _, tt := range tests {
		t.Run(tt.kind+"/"+string(tt.st), func(t *testing.T) {
			if got := MayAct(fixture(tt.st, liaison.ProcedureConsensus), kinds[tt.kind], now); !slices.Equal(got, tt.want) {
				t.Fatalf("MayAct = %v, want %v", got, tt.want)
			}
		})
	}
	// The refusal of a concurrence on a blocked proposal says why.
	_, _, err := Decide(fixture(liaison.StateBlocked, liaison.ProcedureConsensus), Step{Action: ActConcur}, kinds["decider"], now)
	if !errors.Is(err, liaison.ErrConflict) || !strings.Contains(err.Error(), "blocked by an objection") {
		t.Fatalf("concur on blocked: %v, want a conflict naming the block", err)
	}
}
