package marking

import (
	"context"
	"slices"
	"time"

	"github.com/liaison-project/liaison"
)

// Resolver tells Parse what a REL TO entry means: a nation (members is that
// one code) or a group (members are its nations at the marking date).
type Resolver interface {
	Resolve(entry string) (members []string, isGroup bool, ok bool)
}

// Nations is a Resolver over a fixed set of nations at one date. Nation codes
// win over group names of the same spelling.
type Nations struct {
	codes  map[string]bool
	groups map[string][]string
}

var _ Resolver = (*Nations)(nil)

// NewNations builds a Resolver from nations and their memberships in force
// at t (the marking date). Groups with no member at t resolve to no nation,
// which Parse rejects.
func NewNations(nations []liaison.Nation, t time.Time) *Nations {
	r := &Nations{codes: map[string]bool{}, groups: map[string][]string{}}
	for _, n := range nations {
		r.codes[n.Code] = true
		for _, m := range n.Groups {
			if _, ok := r.groups[m.Group]; !ok {
				r.groups[m.Group] = nil
			}
			if m.ActiveAt(t) && !slices.Contains(r.groups[m.Group], n.Code) {
				r.groups[m.Group] = append(r.groups[m.Group], n.Code)
			}
		}
	}
	for g := range r.groups {
		slices.Sort(r.groups[g])
	}
	return r
}

// Resolve implements Resolver.
func (r *Nations) Resolve(entry string) ([]string, bool, bool) {
	if r.codes[entry] {
		return []string{entry}, false, true
	}
	if m, ok := r.groups[entry]; ok {
		return append([]string(nil), m...), true, true
	}
	return nil, false, false
}

// Marker parses marking text against a policy and the nations currently in a
// store, at the time given by Now. It is what ingest, feeds and the API use
// to turn "--marking TEXT" into a liaison.Marking.
type Marker struct {
	Policy  *Policy
	Nations liaison.NationStore
	Now     func() time.Time // nil: time.Now
}

// Parse reads text with groups expanded as of now.
func (mk *Marker) Parse(ctx context.Context, text string) (liaison.Marking, error) {
	ns, err := mk.Nations.Nations(liaison.SystemContext(ctx))
	if err != nil {
		return liaison.Marking{}, err
	}
	now := time.Now
	if mk.Now != nil {
		now = mk.Now
	}
	return Parse(mk.Policy, NewNations(ns, now()), text)
}
