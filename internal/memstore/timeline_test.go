package memstore

import (
	"testing"

	"github.com/liaison-project/liaison/internal/storetest"
)

// TestTimeline holds the memory store's timeline to the suite's: the
// handler and page tests that run on it see the counts the SQLite store
// gives.
func TestTimeline(t *testing.T) {
	storetest.RunTimeline(t, func(t *testing.T) storetest.Store { return New() })
}
