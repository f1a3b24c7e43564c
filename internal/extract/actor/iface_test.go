package actor_test

import (
	"github.com/liaison-project/liaison/internal/extract"
	"github.com/liaison-project/liaison/internal/extract/actor"
)

// The finder plugs into the engine as its ActorFinder.
var _ extract.ActorFinder = (*actor.Finder)(nil)
