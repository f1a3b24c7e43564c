package liaison

import (
	"context"
	"time"
)

// ReportState is where an analyst report stands in the four-eyes release
// workflow: a draft is seen by its author's nation only; a released report by
// everyone its marking allows.
type ReportState string

// Report states.
const (
	ReportDraft    ReportState = "draft"
	ReportReleased ReportState = "released"
)

// Valid reports whether s is a known state.
func (s ReportState) Valid() bool { return s == ReportDraft || s == ReportReleased }

// Report is an analyst's finished intelligence: Markdown text citing stored
// documents, events or other reports. Its marking is at least as restricted as
// everything it cites, and it is released by a second person.
type Report struct {
	ID    string `json:"id"` // ULID
	Title string `json:"title"`
	Body  string `json:"body"` // Markdown
	// Cites are the ids of the documents, events and reports it rests on.
	Cites   []string `json:"cites"`
	Marking Marking  `json:"marking"`
	Origin  Origin   `json:"origin"`
	Author  string   `json:"author"` // user id
	// AuthorName is the author's user name, for display.
	AuthorName string      `json:"author_name,omitempty"`
	State      ReportState `json:"state"`
	ReleasedBy string      `json:"released_by,omitempty"` // user id of the releasing officer
	Created    time.Time   `json:"created"`
	Updated    time.Time   `json:"updated"`
	Released   time.Time   `json:"released,omitzero"`
}

// ReportFilter narrows a report listing.
type ReportFilter struct {
	State  ReportState // "" = any
	Cursor string
	Limit  int
}

// ReportStore keeps analyst reports. Reads apply the viewer in ctx: the
// marking rule, and drafts only for the author's nation and admins.
type ReportStore interface {
	// PutReport inserts r or, when a report with r.ID exists and is visible to
	// the viewer, replaces it.
	PutReport(ctx context.Context, r *Report) error
	Report(ctx context.Context, id string) (*Report, error)
	Reports(ctx context.Context, f ReportFilter) (Page[Report], error)
}
