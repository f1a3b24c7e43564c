package memstore

import (
	"testing"

	"github.com/liaison-project/liaison/internal/storetest"
)

// TestFeedsConformance: the memory store keeps feeds by the suite's rules
// (upsert by URL, a marking never lowered), as the SQLite store does.
func TestFeedsConformance(t *testing.T) {
	storetest.RunFeeds(t, func(t *testing.T) storetest.Store { return New() })
}
