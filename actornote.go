package liaison

import (
	"context"
	"strings"
	"time"
)

// ActorNote is an analyst's remark about an actor (a CAMEO actor code such as
// JPNGOV): background, an assessment, a caution about a source. Notes are
// stored items like any other, so each carries a marking and its origin, and
// a reader sees only the notes releasable to them.
type ActorNote struct {
	ID    string `json:"id"`    // ULID
	Actor string `json:"actor"` // CAMEO actor code
	Text  string `json:"text"`  // Markdown
	// Author is the writer's user name; Nation their nation. Both come from
	// the writer's viewer, never from a request body, so nobody can write
	// in another's name.
	Author  string    `json:"author"`
	Nation  string    `json:"nation"`
	Marking Marking   `json:"marking"`
	Origin  Origin    `json:"origin"`
	Created time.Time `json:"created"`
}

// Limits of an actor note, so that one request cannot bloat the store and
// a code stays a plain word the store can index and match exactly.
const (
	MaxActorNoteText = 64 << 10
	MaxActorCode     = 64
)

// ValidActorCode reports whether s has the shape of a CAMEO actor code:
// 1..MaxActorCode letters, digits or '-'. Anything else (spaces, slashes,
// wildcards) is refused rather than stored under a code no page links to.
func ValidActorCode(s string) bool {
	if s == "" || len(s) > MaxActorCode {
		return false
	}
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-':
		default:
			return false
		}
	}
	return true
}

// Validate checks the note's own fields (the store checks the marking's
// shape, as for every item): an id, a plain actor code, non-empty text
// within MaxActorNoteText, an author and a creation time.
func (n *ActorNote) Validate() error {
	switch {
	case n.ID == "":
		return Errorf(ErrInvalid, "actor note: no id")
	case !ValidActorCode(n.Actor):
		return Errorf(ErrInvalid, "actor note: actor code %q is not a CAMEO-style code (letters, digits, '-', at most %d)", n.Actor, MaxActorCode)
	case strings.TrimSpace(n.Text) == "":
		return Errorf(ErrInvalid, "actor note: empty text")
	case len(n.Text) > MaxActorNoteText:
		return Errorf(ErrInvalid, "actor note: text longer than %d bytes", MaxActorNoteText)
	case n.Author == "":
		return Errorf(ErrInvalid, "actor note: no author")
	case n.Created.IsZero():
		return Errorf(ErrInvalid, "actor note: no creation time")
	}
	return nil
}

// ActorNoteStore keeps actor notes. Reads apply the viewer in ctx through the
// store's one visibility rule; a note the viewer may not see answers
// ErrNotFound exactly like a missing one. Writes need a viewer of role
// analyst or above (or the system), and the store takes the note's Author and
// Nation from that viewer.
type ActorNoteStore interface {
	PutActorNote(ctx context.Context, n *ActorNote) error
	// ActorNotes lists the visible notes on actor, newest first, keyset
	// paged by cursor; Total counts the visible notes only.
	ActorNotes(ctx context.Context, actor, cursor string, limit int) (Page[ActorNote], error)
	ActorNote(ctx context.Context, id string) (ActorNote, error)
}
