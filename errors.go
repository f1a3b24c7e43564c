// Package liaison holds the nouns of the Liaison system — documents, extractions,
// events, markings, viewers — and the small interfaces the rest of the code
// implements. It imports nothing of ours, so every other package can depend on it.
package liaison

import (
	"errors"
	"fmt"
)

// Domain sentinels. Every error that crosses a package boundary wraps one of
// these with %w so that transports (HTTP, CLI) can map it in exactly one place.
var (
	// ErrNotFound: the item does not exist — or exists but the viewer may not
	// see it. The two cases are deliberately indistinguishable.
	ErrNotFound = errors.New("not found")
	// ErrInvalid: the caller's input is malformed or violates a rule.
	ErrInvalid = errors.New("invalid")
	// ErrForbidden: the viewer is known but lacks the role for an action.
	// Never used for visibility of items: that answers ErrNotFound.
	ErrForbidden = errors.New("forbidden")
	// ErrUnauthorized: no valid credentials were presented.
	ErrUnauthorized = errors.New("unauthorized")
	// ErrConflict: the action clashes with the current state (e.g. a proposal
	// that is no longer circulating).
	ErrConflict = errors.New("conflict")
	// ErrDuplicate: the item is already stored; ingest counts it, not fails it.
	ErrDuplicate = errors.New("duplicate")
)

// Errorf wraps a sentinel with a message naming the input and the reason.
func Errorf(sentinel error, format string, args ...any) error {
	return fmt.Errorf("%w: %s", sentinel, fmt.Sprintf(format, args...))
}
