package place_test

import (
	"github.com/liaison-project/liaison/internal/extract"
	"github.com/liaison-project/liaison/internal/extract/place"
)

// The finder plugs into the engine as its PlaceFinder.
var _ extract.PlaceFinder = (*place.Finder)(nil)
