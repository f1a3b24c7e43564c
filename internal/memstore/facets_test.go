package memstore

import (
	"testing"

	"github.com/liaison-project/liaison/internal/storetest"
)

// TestSearchFacets runs the store suite's facet test: the memory store's
// facets count exactly the hits its viewer may see, as SQLite's do.
func TestSearchFacets(t *testing.T) {
	storetest.RunSearchFacets(t, func(t *testing.T) storetest.Store { return New() })
}
