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
