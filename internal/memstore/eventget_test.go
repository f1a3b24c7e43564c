package memstore

import (
	"testing"

	"github.com/liaison-project/liaison/internal/storetest"
)

// TestEventGet holds the memory store's Event lookup to the suite's: the
// report tests that run on it see the cites the SQLite store gives.
func TestEventGet(t *testing.T) {
	storetest.RunEventGet(t, func(t *testing.T) storetest.Store { return New() })
}
