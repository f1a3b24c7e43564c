package liaison

import (
	"crypto/rand"
	"time"

	"github.com/oklog/ulid/v2"
)

// NewID returns a globally unique, time-sortable identifier (a ULID). Nodes of
// different nations mint IDs independently and can later exchange items
// without clashes.
func NewID(t time.Time) string {
	return ulid.MustNew(ulid.Timestamp(t), rand.Reader).String()
}
