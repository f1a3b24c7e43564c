package liaison

import (
	"context"
	"slices"
	"time"
)

// Procedure is how a proposal is decided. Alliance decisions are taken by
// consensus; the silence procedure adopts a text unless a decider objects
// before the deadline.
type Procedure string

// Procedures.
const (
	ProcedureConsensus Procedure = "consensus"
	ProcedureSilence   Procedure = "silence"
)

// Valid reports whether p is a known procedure.
func (p Procedure) Valid() bool { return p == ProcedureConsensus || p == ProcedureSilence }

// ProposalState is where a proposal stands. draft → circulating → adopted |
// blocked | withdrawn | expired; a blocked proposal may be amended (and so
// circulate again) or withdrawn.
type ProposalState string

// Proposal states.
const (
	StateDraft       ProposalState = "draft"
	StateCirculating ProposalState = "circulating"
	StateAdopted     ProposalState = "adopted"
	StateBlocked     ProposalState = "blocked"
	StateWithdrawn   ProposalState = "withdrawn"
	StateExpired     ProposalState = "expired"
)

// ProposalStates lists every state in board order.
var ProposalStates = []ProposalState{StateDraft, StateCirculating, StateBlocked, StateAdopted, StateExpired, StateWithdrawn}

// Valid reports whether s is a known state.
func (s ProposalState) Valid() bool { return slices.Contains(ProposalStates, s) }

// Final reports whether nothing more can happen to a proposal in state s.
func (s ProposalState) Final() bool {
	return s == StateAdopted || s == StateWithdrawn || s == StateExpired
}

// PositionKind is what a decider says about a version of a proposal.
type PositionKind string

// Position kinds. An objection must carry a written text.
const (
	PositionConcur          PositionKind = "concur"
	PositionObject          PositionKind = "object"
	PositionAgreeToDisagree PositionKind = "agree-to-disagree"
)

// Valid reports whether k is a known position kind.
func (k PositionKind) Valid() bool {
	return k == PositionConcur || k == PositionObject || k == PositionAgreeToDisagree
}

// Position is a decider's recorded stance on one version. Positions on older
// versions stay in the proposal but do not count.
type Position struct {
	Nation  string       `json:"nation"`
	Kind    PositionKind `json:"kind"`
	Version int          `json:"version"`
	Text    string       `json:"text,omitempty"`
	Time    time.Time    `json:"time"`
	UserID  string       `json:"user_id,omitempty"`
}

// Comment is a remark by any participant (deciders and consulted partners).
type Comment struct {
	ID      string    `json:"id"`
	Nation  string    `json:"nation"`
	UserID  string    `json:"user_id,omitempty"`
	Version int       `json:"version"`
	Text    string    `json:"text"`
	Time    time.Time `json:"time"`
}

// Attachment is a small file carried with a proposal or message, either
// inline (Data) or as a reference to an item elsewhere (Ref).
type Attachment struct {
	Name      string `json:"name"`
	MediaType string `json:"media_type,omitempty"`
	Data      []byte `json:"data,omitempty"`
	Ref       string `json:"ref,omitempty"`
	// Marking is the attachment's own marking, so that a stricter annex can
	// travel with a wider proposal or message. The zero marking means the
	// parent's; a set one is at least as restricted as the parent's (checked
	// when the parent is stored), and the attachment is seen only by those
	// who may see both.
	Marking Marking `json:"marking,omitzero"`
}

// Link points from a proposal to an item in Liaison (document, event, report).
type Link struct {
	Kind string `json:"kind"` // "document", "event", "report"
	ID   string `json:"id"`
}

// ProposalVersion is one text of a proposal. Amending creates a new one and
// restarts the clock.
type ProposalVersion struct {
	Version  int       `json:"version"`
	Title    string    `json:"title"`
	Text     string    `json:"text"`
	Time     time.Time `json:"time"`
	Nation   string    `json:"nation"`
	UserID   string    `json:"user_id,omitempty"`
	Deadline time.Time `json:"deadline,omitzero"`
}

// ProposalEvent is one step of a proposal's history (and the payload of its
// notifications and audit entries).
type ProposalEvent struct {
	Time    time.Time     `json:"time"`
	Action  string        `json:"action"` // create, amend, circulate, concur, object, …, adopted, blocked, expired
	Nation  string        `json:"nation,omitempty"`
	UserID  string        `json:"user_id,omitempty"`
	Version int           `json:"version"`
	State   ProposalState `json:"state"` // the state after the step
	Detail  string        `json:"detail,omitempty"`
}

// Proposal is a text put to nations for decision by consensus or silence.
type Proposal struct {
	ID              string            `json:"id"`
	Title           string            `json:"title"`
	Text            string            `json:"text"` // Markdown
	Version         int               `json:"version"`
	Attachments     []Attachment      `json:"attachments,omitempty"`
	Links           []Link            `json:"links,omitempty"`
	Marking         Marking           `json:"marking"`
	Origin          Origin            `json:"origin"`
	ProposingNation string            `json:"proposing_nation"`
	Procedure       Procedure         `json:"procedure"`
	Deadline        time.Time         `json:"deadline,omitzero"` // UTC; exclusive: at the deadline it is too late
	CirculatedAt    time.Time         `json:"circulated_at,omitzero"`
	Deciders        []string          `json:"deciders"`
	Consulted       []string          `json:"consulted,omitempty"`
	State           ProposalState     `json:"state"`
	Positions       []Position        `json:"positions,omitempty"`
	Comments        []Comment         `json:"comments,omitempty"`
	Versions        []ProposalVersion `json:"versions,omitempty"`
	History         []ProposalEvent   `json:"history,omitempty"`
	Created         time.Time         `json:"created"`
	Updated         time.Time         `json:"updated"`
	// Rev counts stored changes; saves check it (optimistic concurrency).
	Rev int64 `json:"rev"`
}

// IsDecider reports whether nation decides on p.
func (p *Proposal) IsDecider(nation string) bool { return slices.Contains(p.Deciders, nation) }

// IsConsulted reports whether nation is a consulted partner of p.
func (p *Proposal) IsConsulted(nation string) bool { return slices.Contains(p.Consulted, nation) }

// Current returns the latest position of each nation on the current version.
func (p *Proposal) Current() map[string]Position {
	out := map[string]Position{}
	for _, pos := range p.Positions {
		if pos.Version == p.Version {
			out[pos.Nation] = pos
		}
	}
	return out
}

// Clone returns a deep copy, so a state transition never mutates its input.
func (p *Proposal) Clone() *Proposal {
	c := *p
	c.Attachments = slices.Clone(p.Attachments)
	c.Links = slices.Clone(p.Links)
	c.Marking.RelTo = slices.Clone(p.Marking.RelTo)
	c.Marking.Groups = slices.Clone(p.Marking.Groups)
	c.Marking.Caveats = slices.Clone(p.Marking.Caveats)
	c.Deciders = slices.Clone(p.Deciders)
	c.Consulted = slices.Clone(p.Consulted)
	c.Positions = slices.Clone(p.Positions)
	c.Comments = slices.Clone(p.Comments)
	c.Versions = slices.Clone(p.Versions)
	c.History = slices.Clone(p.History)
	return &c
}

// ProposalFilter narrows a proposal listing.
type ProposalFilter struct {
	State ProposalState // "" = every state
	Limit int           // 0: a default page
}

// ProposalStore keeps proposals. Every read applies the viewer in ctx: the
// marking AND participation (deciders, consulted, proposing nation; drafts
// only to the proposing nation). An invisible proposal answers ErrNotFound.
type ProposalStore interface {
	// CreateProposal stores a new proposal (Rev becomes 1).
	CreateProposal(ctx context.Context, p *Proposal) error
	// Proposal returns one visible proposal.
	Proposal(ctx context.Context, id string) (*Proposal, error)
	// Proposals lists visible proposals, most recently updated first.
	Proposals(ctx context.Context, f ProposalFilter) ([]Proposal, error)
	// SaveProposal replaces a proposal if its stored Rev is still p.Rev
	// (else ErrConflict), incrementing p.Rev.
	SaveProposal(ctx context.Context, p *Proposal) error
	// DueProposals lists circulating proposals whose deadline is at or
	// before t, for the settler (system viewer only).
	DueProposals(ctx context.Context, t time.Time) ([]Proposal, error)
}
