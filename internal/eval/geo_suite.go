package eval

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/shareddata"
)

// GeoVirusSuite scores toponym recognition and resolution on GeoVirus.
func GeoVirusSuite() Suite {
	return geoSuite("places/geovirus", "data/gold/geo/GeoVirus.xml", ReadGeoVirus, 0.88, 0.92)
}

// LGLSuite scores toponym recognition and resolution on the Local-Global
// Lexicon corpus (local US news: harder, no target set by the issue).
func LGLSuite() Suite {
	return geoSuite("places/lgl", "data/gold/geo/LGL_lgl.xml", ReadLGL, 0.68, 0.65)
}

func geoSuite(name, rel string, read func(io.Reader) ([]GeoDoc, error), minF1, minAcc float64) Suite {
	return Suite{Name: name, Run: func(ctx context.Context, w io.Writer) (Result, error) {
		p, err := shareddata.Path(rel)
		if err != nil {
			return Result{}, fmt.Errorf("%w: %v", ErrNoData, err)
		}
		s, err := RunGeo(p, read)
		if err != nil {
			return Result{}, err
		}
		return Result{Suite: name, Items: s.Docs, Note: s.String(), Metrics: []Metric{
			{Name: "precision", Value: s.Precision()},
			{Name: "recall", Value: s.Recall()},
			{Name: "f1", Value: s.F1(), Min: minF1},
			{Name: "acc@161km", Value: s.Acc161(), Min: minAcc},
		}}, nil
	}}
}

// RunGeo reads a toponym corpus and scores the engine's places on it.
func RunGeo(path string, read func(io.Reader) ([]GeoDoc, error)) (GeoScore, error) {
	f, err := os.Open(path)
	if err != nil {
		return GeoScore{}, err
	}
	defer f.Close()
	docs, err := read(f)
	if err != nil {
		return GeoScore{}, err
	}
	ent, err := newEntities()
	if err != nil {
		return GeoScore{}, err
	}
	return ScoreGeo(docs, func(text string) []liaison.PlaceMention {
		_, p := ent.find(text, time.Time{})
		return p
	}), nil
}
