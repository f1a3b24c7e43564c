package liaison

import "context"

// Role orders what a user may do. Visibility of items is decided by the
// viewer's nation, clearance and caveats, never by role.
type Role string

// Roles, from least to most privileged.
const (
	RoleReader  Role = "reader"
	RoleAnalyst Role = "analyst"
	RoleOfficer Role = "officer"
	RoleAdmin   Role = "admin"
)

// Viewer is who is looking. Every store read takes the viewer from the
// context; a context without one sees nothing.
type Viewer struct {
	UserID    string   `json:"user_id,omitempty"`
	Name      string   `json:"name,omitempty"`
	Nation    string   `json:"nation"`
	Role      Role     `json:"role"`
	Clearance int      `json:"clearance"` // highest policy level the viewer may read
	Caveats   []string `json:"caveats,omitempty"`
	// System marks the node's own machinery (ingest, pipeline, deadline
	// settler, local CLI operator): it sees every item. Never set from a
	// request.
	System bool `json:"-"`
	// Within, when set, bounds this viewer by another: an item is visible
	// only when it is visible to this viewer AND to *Within (and to what
	// bounds that one, and so on). An admin viewing as a nation reads as
	// that nation within their own access, so "view as" only ever narrows
	// what the admin sees, never widens it. The stores' predicates and the
	// reference rule marking.Visible both apply it; never cyclic.
	Within *Viewer `json:"-"`
}

// Bounds returns v followed by every viewer bounding it (v.Within, its
// Within, …): an item is visible to v only when each of them may see it.
// Visibility rules that go beyond the marking (drafts, participation,
// nation-scoped lists) apply themselves once per entry.
func (v Viewer) Bounds() []Viewer {
	out := []Viewer{v}
	for w := v.Within; w != nil; w = w.Within {
		out = append(out, *w)
	}
	return out
}

type viewerKey struct{}

// WithViewer returns a context carrying v.
func WithViewer(ctx context.Context, v Viewer) context.Context {
	return context.WithValue(ctx, viewerKey{}, v)
}

// ViewerFrom returns the viewer in ctx and whether there was one.
func ViewerFrom(ctx context.Context) (Viewer, bool) {
	v, ok := ctx.Value(viewerKey{}).(Viewer)
	return v, ok
}

// SystemContext returns a context whose viewer is the node itself.
func SystemContext(ctx context.Context) context.Context {
	return WithViewer(ctx, Viewer{Name: "system", Role: RoleAdmin, System: true, Clearance: 1 << 30})
}
