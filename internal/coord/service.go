package coord

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/liaison-project/liaison"
)

// Auditor is the part of the audit log the service writes to
// (liaison.AuditLog satisfies it).
type Auditor interface {
	Append(ctx context.Context, e *liaison.AuditEntry) error
}

// Publisher is told of every step so that it can notify the parties
// (Notifier satisfies it).
type Publisher interface {
	Publish(ctx context.Context, p *liaison.Proposal, evs []liaison.ProposalEvent) error
}

// Config is what the service needs. Only Proposals is required.
type Config struct {
	Proposals liaison.ProposalStore
	Threads   liaison.ThreadStore // optional: message threads
	// Nations gives the default deciders (member nations) of a new proposal
	// and checks deciders and consulted nations exist. Optional.
	Nations liaison.NationStore
	Audit   Auditor   // optional
	Notify  Publisher // optional
	Logger  *slog.Logger
	Now     func() time.Time // nil: time.Now
	Origin  liaison.Origin   // the node, recorded on new proposals
}

// Service runs proposals through Decide against a store: each step is read,
// decided and saved under an optimistic revision check, retried when another
// step won the race; then audited and published.
type Service struct {
	cfg Config
	log *slog.Logger
}

// maxRetries bounds how often a step is re-decided after losing a race.
const maxRetries = 8

// NewService checks cfg and returns a service.
func NewService(cfg Config) (*Service, error) {
	if cfg.Proposals == nil {
		return nil, errors.New("coord: a proposal store is required")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Service{cfg: cfg, log: cfg.Logger.With("part", "coord")}, nil
}

// Now is the service's clock, in UTC.
func (s *Service) Now() time.Time { return s.cfg.Now().UTC() }

func actorOf(ctx context.Context) (Actor, liaison.Viewer, error) {
	v, ok := liaison.ViewerFrom(ctx)
	if !ok {
		return Actor{}, v, liaison.Errorf(liaison.ErrUnauthorized, "proposal: no viewer")
	}
	return ActorFrom(v), v, nil
}

// Create stores a new draft proposal of the viewer's nation. Without stated
// deciders, the member nations of the day decide.
func (s *Service) Create(ctx context.Context, d Draft) (*liaison.Proposal, error) {
	a, v, err := actorOf(ctx)
	if err != nil {
		return nil, err
	}
	now := s.Now()
	if err := s.checkNations(ctx, &d, now); err != nil {
		return nil, err
	}
	if d.Origin.Node == "" {
		d.Origin.Node = s.cfg.Origin.Node
	}
	p, evs, err := New(d, a, now)
	if err != nil {
		return nil, err
	}
	if err := checkWritable(fmt.Sprintf("create proposal %q", p.Title), v, p.Marking, p.Attachments); err != nil {
		return nil, err
	}
	if err := s.cfg.Proposals.CreateProposal(ctx, p); err != nil {
		return nil, err
	}
	s.after(ctx, v, p, evs)
	return forViewer(v, p), nil
}

// checkNations fills in the default deciders and checks that deciders are
// members and consulted nations are partners or organisations.
func (s *Service) checkNations(ctx context.Context, d *Draft, now time.Time) error {
	if s.cfg.Nations == nil {
		return nil
	}
	ns, err := s.cfg.Nations.Nations(liaison.SystemContext(ctx))
	if err != nil {
		return err
	}
	if len(ns) == 0 {
		return nil // a node with no nations configured: codes are taken as given
	}
	status := map[string]liaison.NationStatus{}
	var members []string
	for _, n := range ns {
		status[n.Code] = n.Status
		if n.Status == liaison.NationMember && memberAt(n, now) {
			members = append(members, n.Code)
		}
	}
	if len(d.Deciders) == 0 {
		d.Deciders = members
	}
	for _, c := range normNations(d.Deciders) {
		if _, ok := status[c]; !ok {
			return liaison.Errorf(liaison.ErrInvalid, "create proposal: decider %s is not a known nation", c)
		}
	}
	for _, c := range normNations(d.Consulted) {
		st, ok := status[c]
		if !ok || st == liaison.NationMember {
			return liaison.Errorf(liaison.ErrInvalid, "create proposal: consulted %s must be a known partner or organisation", c)
		}
	}
	return nil
}

// memberAt reports whether a member nation had joined its groups by t (a
// nation with no dated membership counts as a member).
func memberAt(n liaison.Nation, t time.Time) bool {
	if len(n.Groups) == 0 {
		return true
	}
	for _, g := range n.Groups {
		if g.ActiveAt(t) {
			return true
		}
	}
	return false
}

// Get returns a visible proposal, settled if its deadline has passed, with
// only the attachments the viewer may see.
func (s *Service) Get(ctx context.Context, id string) (*liaison.Proposal, error) {
	p, err := s.get(ctx, id)
	if err != nil {
		return nil, err
	}
	v, _ := liaison.ViewerFrom(ctx)
	return forViewer(v, p), nil
}

// get is Get with every stored attachment: what a step decides on and
// saves back, so that an attachment the actor cannot see is kept.
func (s *Service) get(ctx context.Context, id string) (*liaison.Proposal, error) {
	p, err := s.cfg.Proposals.Proposal(ctx, id)
	if err != nil {
		return nil, err
	}
	return s.settleOne(ctx, p)
}

// List returns visible proposals (due ones are settled by the Settler; a
// listing shows them settled in memory already).
func (s *Service) List(ctx context.Context, f liaison.ProposalFilter) ([]liaison.Proposal, error) {
	ps, err := s.cfg.Proposals.Proposals(ctx, f)
	if err != nil {
		return nil, err
	}
	now := s.Now()
	v, _ := liaison.ViewerFrom(ctx)
	out := ps[:0]
	for _, p := range ps {
		q, _, _ := Settle(&p, now)
		if f.State == "" || q.State == f.State {
			out = append(out, *forViewer(v, q))
		}
	}
	return out, nil
}

// settleOne settles and saves p (as the system) if its deadline has passed.
func (s *Service) settleOne(ctx context.Context, p *liaison.Proposal) (*liaison.Proposal, error) {
	q, evs, changed := Settle(p, s.Now())
	if !changed {
		return p, nil
	}
	sys := liaison.SystemContext(ctx)
	if err := s.cfg.Proposals.SaveProposal(sys, q); err != nil {
		if errors.Is(err, liaison.ErrConflict) {
			return s.cfg.Proposals.Proposal(ctx, p.ID) // someone else settled it
		}
		return nil, err
	}
	v, _ := liaison.ViewerFrom(sys)
	s.after(sys, v, q, evs)
	return q, nil
}

// MayAct lists the actions the viewer in ctx may take on p now (p as Get
// returned it), by the same rules Act applies: what a proposal page offers.
// Nil without a viewer.
func (s *Service) MayAct(ctx context.Context, p *liaison.Proposal) []Action {
	a, _, err := actorOf(ctx)
	if err != nil {
		return nil
	}
	return MayAct(p, a, s.Now())
}

// Act takes a step on proposal id as the viewer in ctx.
func (s *Service) Act(ctx context.Context, id string, st Step) (*liaison.Proposal, error) {
	a, v, err := actorOf(ctx)
	if err != nil {
		return nil, err
	}
	for range maxRetries {
		p, err := s.get(ctx, id)
		if err != nil {
			return nil, err
		}
		q, evs, err := Decide(p, st, a, s.Now())
		if err != nil {
			return nil, err
		}
		err = s.cfg.Proposals.SaveProposal(ctx, q)
		if errors.Is(err, liaison.ErrConflict) {
			continue // another step won the race: decide again on the new state
		}
		if err != nil {
			return nil, err
		}
		s.after(ctx, v, q, evs)
		return forViewer(v, q), nil
	}
	return nil, liaison.Errorf(liaison.ErrConflict, "proposal %s: too many concurrent changes, try again", id)
}

// audit appends one entry as the viewer, logging failures: the step itself
// is already stored. mk is the marking of the item named, so the entry is
// read only by those who may see that item.
func (s *Service) audit(ctx context.Context, v liaison.Viewer, t time.Time, action, item, detail string, mk liaison.Marking) {
	if s.cfg.Audit == nil {
		return
	}
	actor := v.Name
	if actor == "" {
		actor = v.UserID
	}
	if v.System && actor == "" {
		actor = "system"
	}
	e := &liaison.AuditEntry{Time: t, Actor: actor, Nation: v.Nation, Action: action, Item: item, Detail: detail,
		Marking: mk}
	if err := s.cfg.Audit.Append(liaison.SystemContext(ctx), e); err != nil {
		s.log.Error("audit", "item", item, "action", action, "err", err)
	}
}

// after audits and publishes the events of a step. Failures are logged:
// the step itself is already stored.
func (s *Service) after(ctx context.Context, v liaison.Viewer, p *liaison.Proposal, evs []liaison.ProposalEvent) {
	for _, e := range evs {
		// Who may see it: as proposalVisible in the store, in the event's state.
		s.audit(ctx, v, e.Time, "proposal."+e.Action, "proposal:"+p.ID, fmt.Sprintf("version %d, state %s", e.Version, e.State),
			liaison.AuditScope(p.Marking, proposalParties(p, e.State)...))
	}
	if s.cfg.Notify != nil {
		if err := s.cfg.Notify.Publish(ctx, p, evs); err != nil {
			s.log.Error("notify", "proposal", p.ID, "err", err)
		}
	}
}
