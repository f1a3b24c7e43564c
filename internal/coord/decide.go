// Package coord runs the coordination process of a liaison office: proposals
// decided by consensus or by silence procedure, positions of deciders,
// comments of consulted partners, durable deadlines, and marked message
// threads between nations.
//
// The heart is Decide, a pure state machine: it takes a proposal, a step, an
// actor and the time, and returns the new proposal and the events it caused,
// without touching storage. Service wraps it with the store (optimistic
// concurrency), the audit log and notifications; Settler settles deadlines.
//
// Rules chosen where the issue leaves room:
//   - The deadline is exclusive: a position taken at t == deadline is too
//     late. At the deadline a circulating proposal settles first — silence:
//     adopted; consensus: expired — and the step is then judged against the
//     settled state (ErrConflict).
//   - agree-to-disagree never blocks. Under silence it is a recorded
//     statement; under consensus it counts as concurrence (the decider lets
//     the text pass while recording its view), so a proposal is adopted when
//     every decider has concurred or agreed to disagree on the current version.
//   - blocked is not final, but no position can lift it (one objection
//     blocks): only the proposer (or an admin) moves it on, by amending (the
//     new version circulates again, clock restarted, old positions no longer
//     count) or withdrawing. A further objection is still recorded until the
//     deadline — the amendment has to meet every objection, so the proposer
//     must know them all — and comments stay open; concur and
//     agree-to-disagree are refused (ErrConflict), since they cannot change
//     the outcome and would read as if they had.
//   - Only the current version's positions count; the latest position of a
//     nation on it is the one that counts.
//   - Drafts are seen only by the proposing nation. Admins — the node
//     itself (CLI --admin, the settler) or a user with the admin role — may
//     amend, circulate and withdraw any proposal they can see; the node sees
//     all, an admin user sees as their nation. Positions are taken only by
//     deciding nations, whatever the role.
package coord

import (
	"strings"
	"time"

	"github.com/liaison-project/liaison"
)

// Action is a step a participant takes on a proposal.
type Action string

// Actions accepted by Decide.
const (
	ActAmend     Action = "amend"
	ActCirculate Action = "circulate"
	ActConcur    Action = "concur"
	ActObject    Action = "object"
	ActAgree     Action = "agree-to-disagree"
	ActComment   Action = "comment"
	ActWithdraw  Action = "withdraw"
)

// Actions lists every action Decide accepts, for tables and usage texts.
var Actions = []Action{ActAmend, ActCirculate, ActConcur, ActObject, ActAgree, ActComment, ActWithdraw}

// ParseAction reads an action name ("agree" is short for agree-to-disagree).
func ParseAction(s string) (Action, error) {
	if s == "agree" {
		return ActAgree, nil
	}
	for _, a := range Actions {
		if string(a) == s {
			return a, nil
		}
	}
	return "", liaison.Errorf(liaison.ErrInvalid, "action %q: want one of amend, circulate, concur, object, agree-to-disagree, comment, withdraw", s)
}

// Step is an action with its arguments.
type Step struct {
	Action Action
	// Text: the objection or statement, the comment, or the amended text.
	Text string
	// Title: the amended title ("" keeps it).
	Title string
	// Deadline: for circulate (required unless the draft has one) and amend
	// (zero keeps the same duration from now).
	Deadline time.Time
}

// Actor is who takes a step.
type Actor struct {
	Nation string
	UserID string
	Role   liaison.Role
	System bool
}

// ActorFrom turns a viewer into an actor.
func ActorFrom(v liaison.Viewer) Actor {
	return Actor{Nation: v.Nation, UserID: v.UserID, Role: v.Role, System: v.System}
}

// Admin reports whether the actor may withdraw any proposal it can see.
func (a Actor) Admin() bool { return a.System || a.Role == liaison.RoleAdmin }

// can reports whether the actor's role allows min.
func (a Actor) can(min liaison.Role) bool { return a.System || a.Role.Can(min) }

// CanSee is the participation rule, the same as the store's: the node
// itself and the proposing nation always; deciders and consulted nations
// once it has left draft. An admin user sees as their nation (to check
// another nation's view they use "view as"). The store adds the marking.
func CanSee(p *liaison.Proposal, a Actor) bool {
	switch {
	case a.System, a.Nation != "" && a.Nation == p.ProposingNation:
		return true
	case p.State == liaison.StateDraft:
		return false
	}
	return p.IsDecider(a.Nation) || p.IsConsulted(a.Nation)
}

// Decide applies step to p on behalf of actor at now. It never mutates p.
// A circulating proposal whose deadline has passed is settled first. Errors:
// ErrNotFound when the actor may not see p, ErrForbidden when it may see but
// not take the step, ErrConflict when the state (or deadline) forbids it,
// ErrInvalid for bad arguments.
func Decide(p *liaison.Proposal, st Step, a Actor, now time.Time) (*liaison.Proposal, []liaison.ProposalEvent, error) {
	if p == nil {
		return nil, nil, liaison.Errorf(liaison.ErrInvalid, "decide: no proposal")
	}
	now = now.UTC()
	q := p.Clone()
	events := settle(q, now)
	if !CanSee(q, a) {
		return nil, nil, liaison.Errorf(liaison.ErrNotFound, "proposal %s", p.ID)
	}
	if err := allowed(q, st.Action, a, now); err != nil {
		return nil, nil, err
	}
	var evs []liaison.ProposalEvent
	var err error
	switch st.Action {
	case ActAmend:
		evs, err = amend(q, st, a, now)
	case ActCirculate:
		evs, err = circulate(q, st, a, now)
	case ActConcur, ActObject, ActAgree:
		evs, err = position(q, st, a, now)
	case ActComment:
		evs, err = comment(q, st, a, now)
	case ActWithdraw:
		evs = []liaison.ProposalEvent{record(q, now, a, "withdraw", liaison.StateWithdrawn, st.Text)}
	}
	if err != nil {
		return nil, nil, err
	}
	q.Updated = now
	return q, append(events, evs...), nil
}

// MayAct lists the actions actor may take on p at now, in the order of
// Actions: exactly those Decide would not refuse for who the actor is or
// the (settled) state the proposal is in — a step may still be refused for
// its arguments (an objection without text, an unchanged amendment). Pages
// offer these instead of every action. Nil when the actor may not see p.
func MayAct(p *liaison.Proposal, a Actor, now time.Time) []Action {
	if p == nil {
		return nil
	}
	now = now.UTC()
	q := p.Clone()
	settle(q, now)
	if !CanSee(q, a) {
		return nil
	}
	var out []Action
	for _, act := range Actions {
		if allowed(q, act, a, now) == nil {
			out = append(out, act)
		}
	}
	return out
}

// allowed checks role, kind of participant, state and (for positions on a
// blocked proposal) the deadline for an action on the settled q.
func allowed(q *liaison.Proposal, act Action, a Actor, now time.Time) error {
	proposer := a.Nation != "" && a.Nation == q.ProposingNation
	switch act {
	case ActAmend, ActCirculate, ActWithdraw:
		if !a.can(liaison.RoleOfficer) || !(proposer || a.Admin()) {
			return liaison.Errorf(liaison.ErrForbidden, "%s proposal %s: only an officer of the proposing nation %s or an admin", act, q.ID, q.ProposingNation)
		}
	case ActConcur, ActObject, ActAgree:
		if !a.can(liaison.RoleOfficer) || !q.IsDecider(a.Nation) {
			return liaison.Errorf(liaison.ErrForbidden, "%s proposal %s: only an officer of a deciding nation", act, q.ID)
		}
	case ActComment:
		if !a.can(liaison.RoleAnalyst) {
			return liaison.Errorf(liaison.ErrForbidden, "comment on proposal %s: readers may not comment", q.ID)
		}
	default:
		return liaison.Errorf(liaison.ErrInvalid, "proposal %s: unknown action %q", q.ID, act)
	}
	return stateAllows(q, act, now)
}

// stateAllows checks that q's state admits act: circulate from draft only;
// positions while circulating, and on a blocked proposal only a further
// objection, before the deadline; amend, comment and withdraw until final.
func stateAllows(q *liaison.Proposal, act Action, now time.Time) error {
	ok := false
	switch act {
	case ActCirculate:
		ok = q.State == liaison.StateDraft
	case ActConcur, ActAgree:
		if q.State == liaison.StateBlocked {
			return liaison.Errorf(liaison.ErrConflict, "%s proposal %s: it is blocked by an objection, which no concurrence "+
				"can lift; the proposing nation may amend or withdraw it", act, q.ID)
		}
		ok = q.State == liaison.StateCirculating
	case ActObject:
		ok = q.State == liaison.StateCirculating || q.State == liaison.StateBlocked
	default: // amend, comment, withdraw
		ok = !q.State.Final()
	}
	if !ok {
		return liaison.Errorf(liaison.ErrConflict, "%s proposal %s: it is %s", act, q.ID, q.State)
	}
	if q.State == liaison.StateBlocked && act == ActObject && !now.Before(q.Deadline) {
		return liaison.Errorf(liaison.ErrConflict, "%s proposal %s: the deadline %s has passed", act, q.ID, fmtT(q.Deadline))
	}
	return nil
}

// settle adopts (silence) or expires (consensus) a circulating proposal whose
// deadline has passed, stamping the change at the deadline itself.
func settle(q *liaison.Proposal, now time.Time) []liaison.ProposalEvent {
	if q.State != liaison.StateCirculating || q.Deadline.IsZero() || now.Before(q.Deadline) {
		return nil
	}
	to := liaison.StateExpired
	detail := "deadline passed without every decider's concurrence"
	if q.Procedure == liaison.ProcedureSilence {
		to, detail = liaison.StateAdopted, "silence was not broken by the deadline"
	}
	q.Updated = q.Deadline
	return []liaison.ProposalEvent{record(q, q.Deadline, Actor{System: true}, string(to), to, detail)}
}

// Settle settles p if its deadline has passed by now; changed is false when
// nothing happened. It is what the Settler runs.
func Settle(p *liaison.Proposal, now time.Time) (*liaison.Proposal, []liaison.ProposalEvent, bool) {
	q := p.Clone()
	evs := settle(q, now.UTC())
	return q, evs, len(evs) > 0
}

// record appends an event to q's history, moving q to state.
func record(q *liaison.Proposal, t time.Time, a Actor, action string, state liaison.ProposalState, detail string) liaison.ProposalEvent {
	nation := a.Nation
	if a.System && nation == "" {
		nation = "system"
	}
	q.State = state
	e := liaison.ProposalEvent{Time: t, Action: action, Nation: nation, UserID: a.UserID, Version: q.Version, State: state, Detail: detail}
	q.History = append(q.History, e)
	return e
}

func circulate(q *liaison.Proposal, st Step, a Actor, now time.Time) ([]liaison.ProposalEvent, error) {
	dl := st.Deadline
	if dl.IsZero() {
		dl = q.Deadline
	}
	if dl.IsZero() || !dl.After(now) {
		return nil, liaison.Errorf(liaison.ErrInvalid, "circulate proposal %s: deadline %s must be after now (%s)", q.ID, fmtT(dl), fmtT(now))
	}
	q.Deadline, q.CirculatedAt = dl.UTC(), now
	if n := len(q.Versions); n > 0 {
		q.Versions[n-1].Deadline = q.Deadline
	}
	return []liaison.ProposalEvent{record(q, now, a, "circulate", liaison.StateCirculating, "deadline "+fmtT(q.Deadline))}, nil
}

func amend(q *liaison.Proposal, st Step, a Actor, now time.Time) ([]liaison.ProposalEvent, error) {
	title, text := strings.TrimSpace(st.Title), st.Text
	if title == "" {
		title = q.Title
	}
	if strings.TrimSpace(text) == "" {
		text = q.Text
	}
	if title == q.Title && text == q.Text {
		return nil, liaison.Errorf(liaison.ErrInvalid, "amend proposal %s: the title and text are unchanged", q.ID)
	}
	q.Title, q.Text = title, text
	if q.State == liaison.StateDraft {
		if n := len(q.Versions); n > 0 {
			q.Versions[n-1].Title, q.Versions[n-1].Text, q.Versions[n-1].Time = title, text, now
		}
		return []liaison.ProposalEvent{record(q, now, a, "amend", q.State, "draft edited")}, nil
	}
	dl := st.Deadline
	if dl.IsZero() {
		dl = now.Add(q.Deadline.Sub(q.CirculatedAt))
	}
	if !dl.After(now) {
		return nil, liaison.Errorf(liaison.ErrInvalid, "amend proposal %s: deadline %s must be after now (%s)", q.ID, fmtT(dl), fmtT(now))
	}
	q.Version++
	q.Deadline, q.CirculatedAt = dl.UTC(), now
	q.Versions = append(q.Versions, liaison.ProposalVersion{Version: q.Version, Title: title, Text: text, Time: now,
		Nation: a.Nation, UserID: a.UserID, Deadline: q.Deadline})
	return []liaison.ProposalEvent{record(q, now, a, "amend", liaison.StateCirculating,
		"version "+itoa(q.Version)+", deadline "+fmtT(q.Deadline))}, nil
}

func position(q *liaison.Proposal, st Step, a Actor, now time.Time) ([]liaison.ProposalEvent, error) {
	text := strings.TrimSpace(st.Text)
	if st.Action == ActObject && text == "" {
		return nil, liaison.Errorf(liaison.ErrInvalid, "object to proposal %s: an objection needs a written text", q.ID)
	}
	kind := liaison.PositionKind(st.Action)
	q.Positions = append(q.Positions, liaison.Position{Nation: a.Nation, Kind: kind, Version: q.Version, Text: text, Time: now, UserID: a.UserID})
	evs := []liaison.ProposalEvent{record(q, now, a, string(st.Action), q.State, text)}
	if q.State != liaison.StateCirculating {
		return evs, nil // blocked stays blocked: the further objection is recorded
	}
	switch {
	case kind == liaison.PositionObject:
		evs = append(evs, record(q, now, a, "blocked", liaison.StateBlocked, "objection by "+a.Nation))
	case q.Procedure == liaison.ProcedureConsensus && allConcur(q):
		evs = append(evs, record(q, now, a, "adopted", liaison.StateAdopted, "every decider concurred"))
	}
	return evs, nil
}

// allConcur reports whether every decider's latest position on the current
// version is concur or agree-to-disagree.
func allConcur(q *liaison.Proposal) bool {
	cur := q.Current()
	for _, d := range q.Deciders {
		k := cur[d].Kind
		if k != liaison.PositionConcur && k != liaison.PositionAgreeToDisagree {
			return false
		}
	}
	return len(q.Deciders) > 0
}

func comment(q *liaison.Proposal, st Step, a Actor, now time.Time) ([]liaison.ProposalEvent, error) {
	text := strings.TrimSpace(st.Text)
	if text == "" {
		return nil, liaison.Errorf(liaison.ErrInvalid, "comment on proposal %s: empty text", q.ID)
	}
	nation := a.Nation
	if nation == "" {
		nation = "system"
	}
	q.Comments = append(q.Comments, liaison.Comment{ID: liaison.NewID(now), Nation: nation, UserID: a.UserID,
		Version: q.Version, Text: text, Time: now})
	return []liaison.ProposalEvent{record(q, now, a, "comment", q.State, excerpt(text, 80))}, nil
}

func fmtT(t time.Time) string {
	if t.IsZero() {
		return "(none)"
	}
	return t.UTC().Format(time.RFC3339)
}
