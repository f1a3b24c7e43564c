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
// The target for acc@161km is 0.85; the floor is the honest,
// held-out figure: reference points are derived by rules chosen on LGL
// (see package place), not picked from this corpus. Countries and
// continents are scored against one gold point each, so acc@161km mostly
// measures the reference convention.
func GeoVirusSuite() Suite {
	s := geoSuite("places/geovirus", "data/gold/geo/GeoVirus.xml", ReadGeoVirus, 0.88, 0.75)
	run := s.Run
	s.Run = func(ctx context.Context, w io.Writer) (Result, error) {
		r, err := run(ctx, w)
		for i := range r.Metrics {
			switch r.Metrics[i].Name {
			case "f1":
				r.Metrics[i].Target = 0.80
			case "acc@161km":
				r.Metrics[i].Target = 0.85
			}
		}
		return r, err
	}
	return s
}

// LGLSuite scores toponym recognition and resolution on the Local-Global
// Lexicon corpus (local US news: harder, no target set by the issue). It is
// the dev set on which the gazetteer's reference-point rules were chosen.
func LGLSuite() Suite {
	return geoSuite("places/lgl", "data/gold/geo/LGL_lgl.xml", ReadLGL, 0.70, 0.66)
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
