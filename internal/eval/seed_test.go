package eval

import (
	"context"
	"testing"

	"github.com/liaison-project/liaison/internal/shareddata"
)

func TestSeedEntities(t *testing.T) {
	p := shareddata.Need(t, "data/seed/seed-gold.json")
	s, err := RunSeed(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("seed: %s missing=%v", s, s.Missing)
	if s.Places != s.PlacesTotal || s.Actors != s.ActorsTotal {
		t.Errorf("seed entities incomplete: %s, missing %v", s, s.Missing)
	}
}
