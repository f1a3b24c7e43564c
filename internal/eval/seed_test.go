package eval

import (
	"context"
	"io"
	"testing"

	"github.com/liaison-project/liaison/internal/shareddata"
)

// TestSeedEntities: every place (within 25 km), actor (with its code) and
// quote (with its speaker) of the seed gold is found, as the seed/entities
// suite's floors demand.
func TestSeedEntities(t *testing.T) {
	p := shareddata.Need(t, "data/seed/seed-gold.json")
	s, err := RunSeed(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("seed: %s missing=%v", s, s.Missing)
	if s.Places != s.PlacesTotal || s.Actors != s.ActorsTotal || s.Quotes != s.QuotesTotal || s.QuotesTotal == 0 {
		t.Errorf("seed entities incomplete: %s, missing %v", s, s.Missing)
	}
}

// TestSeedEntitiesSuiteFloors: the suite enforces every seed metric, so a
// regression in any of them fails `liaison eval`.
func TestSeedEntitiesSuiteFloors(t *testing.T) {
	shareddata.Need(t, "data/seed/seed-gold.json")
	r, err := SeedEntitiesSuite().Run(context.Background(), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Metrics) == 0 {
		t.Fatal("no metrics")
	}
	for _, m := range r.Metrics {
		if m.Min <= 0 {
			t.Errorf("metric %s has no floor", m.Name)
		}
	}
	if !r.Pass() {
		t.Errorf("seed/entities below its floors:\n%s", r.Failures())
	}
}
