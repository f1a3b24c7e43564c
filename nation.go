package liaison

import (
	"context"
	"time"
)

// NationStatus says how a nation takes part: a full member, a partner, or the
// alliance's own staff (an organisation with a user-assigned code).
type NationStatus string

// Nation statuses.
const (
	NationMember       NationStatus = "member"
	NationPartner      NationStatus = "partner"
	NationOrganisation NationStatus = "organisation"
)

// Valid reports whether s is one of the known statuses.
func (s NationStatus) Valid() bool {
	return s == NationMember || s == NationPartner || s == NationOrganisation
}

// Membership is a nation's membership of a group (e.g. "NATO", "IP4") over a
// period. Dates matter: a marking expands a group with the members of the day
// it is applied, so Sweden is not in "REL TO NATO" applied in July 2023.
type Membership struct {
	Group string    `json:"group"`
	Since time.Time `json:"since,omitzero"` // zero: since always
	Until time.Time `json:"until,omitzero"` // zero: still a member; else exclusive end
}

// ActiveAt reports whether the membership is in force at t.
func (m Membership) ActiveAt(t time.Time) bool {
	if !m.Since.IsZero() && t.Before(m.Since) {
		return false
	}
	return m.Until.IsZero() || t.Before(m.Until)
}

// Nation is a participant in sharing, keyed by its ISO 3166 alpha-3 code (or a
// user-assigned X.. code for organisations).
type Nation struct {
	Code   string       `json:"code"`
	Name   string       `json:"name"`
	Status NationStatus `json:"status"`
	Groups []Membership `json:"groups,omitempty"`
}

// MemberOf reports whether the nation belongs to group at t.
func (n Nation) MemberOf(group string, t time.Time) bool {
	for _, m := range n.Groups {
		if m.Group == group && m.ActiveAt(t) {
			return true
		}
	}
	return false
}

// NationStore keeps the nations a node shares with. Nations are not marked:
// every authenticated viewer may list them (they are needed to write markings).
type NationStore interface {
	// PutNation inserts or replaces the nation with n.Code, memberships included.
	PutNation(ctx context.Context, n *Nation) error
	// Nation returns one nation, or an error wrapping ErrNotFound.
	Nation(ctx context.Context, code string) (*Nation, error)
	// Nations lists every nation ordered by code.
	Nations(ctx context.Context) ([]Nation, error)
}
