package eval

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/extract"
	"github.com/liaison-project/liaison/internal/extract/actor"
	"github.com/liaison-project/liaison/internal/extract/place"
	"github.com/liaison-project/liaison/internal/extract/sentence"
	"github.com/liaison-project/liaison/internal/shareddata"
)

// entities runs the sentence splitter and the built-in actor and place
// finders: what the place and entity suites measure.
type entities struct {
	af *actor.Finder
	pf *place.Finder
}

func newEntities() (*entities, error) {
	af, err := actor.Default()
	if err != nil {
		return nil, err
	}
	pf, err := place.Default()
	if err != nil {
		return nil, err
	}
	return &entities{af, pf}, nil
}

func (e *entities) find(text string, date time.Time) ([]liaison.ActorMention, []liaison.PlaceMention) {
	sents := sentence.Split(text)
	acts := e.af.Find(text, sents, date)
	return acts, e.pf.Find(text, sents, acts)
}

func (e *entities) isPlace(name string) bool {
	return len(e.pf.Gazetteer().Lookup(name)) > 0
}

// entityEngine is the extraction engine with the built-in actor and place
// finders (no event coder): what the entity suites measure.
func entityEngine() (*extract.Engine, *actor.Finder, *place.Finder, error) {
	af, err := actor.Default()
	if err != nil {
		return nil, nil, nil, err
	}
	pf, err := place.Default()
	if err != nil {
		return nil, nil, nil, err
	}
	return extract.New(extract.Config{Actors: af, Places: pf}), af, pf, nil
}

// SeedEntitiesSuite scores places, actors and quotes of the seed report.
func SeedEntitiesSuite() Suite {
	return Suite{Name: "seed/entities", Run: func(ctx context.Context, w io.Writer) (Result, error) {
		gp, err := shareddata.Path("data/seed/seed-gold.json")
		if err != nil {
			return Result{}, fmt.Errorf("%w: %v", ErrNoData, err)
		}
		s, err := RunSeed(ctx, gp)
		if err != nil {
			return Result{}, err
		}
		for _, m := range s.Missing {
			fmt.Fprintln(w, "missing:", m)
		}
		return Result{Suite: "seed/entities", Items: 1, Metrics: []Metric{
			{Name: "places_within_25km", Value: ratio(s.Places, s.PlacesTotal), Min: 1},
			{Name: "actors_coded", Value: ratio(s.Actors, s.ActorsTotal), Min: 1},
			{Name: "quotes_with_speaker", Value: ratio(s.Quotes, s.QuotesTotal), Min: 1},
		}, Note: s.String()}, nil
	}}
}

// RunSeed extracts the seed report next to the gold file and scores it.
func RunSeed(ctx context.Context, goldPath string) (SeedScore, error) {
	f, err := os.Open(goldPath)
	if err != nil {
		return SeedScore{}, err
	}
	defer f.Close()
	g, err := ReadSeedGold(f)
	if err != nil {
		return SeedScore{}, err
	}
	raw, err := os.ReadFile(strings.TrimSuffix(goldPath, "seed-gold.json") + g.Document)
	if err != nil {
		return SeedScore{}, fmt.Errorf("seed report: %w", err)
	}
	text := string(raw)
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = text[i+1:] // the first line is the date
	}
	eng, _, _, err := entityEngine()
	if err != nil {
		return SeedScore{}, err
	}
	x, err := eng.Extract(ctx, liaison.ExtractInput{ID: g.Document, Text: text, Date: g.DocumentDate})
	if err != nil {
		return SeedScore{}, err
	}
	return ScoreSeed(g, x), nil
}
