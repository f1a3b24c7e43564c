package eval

import (
	"context"
	"io"
	"os"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/extract/place"
	"github.com/liaison-project/liaison/internal/extract/sentence"
)

// GeoVirusSuite scores toponym recognition and resolution on GeoVirus.
// The target for acc@161km is 0.85; the floor is the honest,
// held-out figure: reference points are derived by rules chosen on LGL
// (see package place), not picked from this corpus. Countries and
// continents are scored against one gold point each, so acc@161km mostly
// measures the reference convention; "acc@161km area-aware" (reported
// beside it, never instead) counts an area as right when the gold point
// lies within 161 km of it, and shows what the resolution itself gets
// right. The disambiguation rules were chosen on LGL too.
func GeoVirusSuite() Suite {
	s := geoSuite("places/geovirus", "data/gold/geo/GeoVirus.xml", ReadGeoVirus, geoFloors{f1: 0.88, acc: 0.75, area: 0.96, source: 0.75})
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
// the dev set on which the gazetteer's reference-point rules and the
// disambiguation weights were chosen.
func LGLSuite() Suite {
	return geoSuite("places/lgl", "data/gold/geo/LGL_lgl.xml", ReadLGL, geoFloors{f1: 0.70, acc: 0.71, area: 0.75, source: 0.73})
}

// geoFloors are a geo suite's thresholds (they only rise).
type geoFloors struct {
	f1, acc, area, source float64
}

func geoSuite(name, rel string, read func(io.Reader) ([]GeoDoc, error), min geoFloors) Suite {
	return Suite{Name: name, Run: func(ctx context.Context, w io.Writer) (Result, error) {
		p, err := sharedPath(rel)
		if err != nil {
			return Result{}, err
		}
		r, err := RunGeo(p, read)
		if err != nil {
			return Result{}, err
		}
		s := r.Doc
		return Result{Suite: name, Items: s.Docs, Note: s.String() + "; by source: " + r.BySource.String(), Metrics: []Metric{
			{Name: "precision", Value: s.Precision()},
			{Name: "recall", Value: s.Recall()},
			{Name: "f1", Value: s.F1(), Min: min.f1},
			{Name: "acc@161km", Value: s.Acc161(), Min: min.acc},
			{Name: "acc@161km area-aware", Value: s.AccArea161(), Min: min.area},
			{Name: "acc@161km by source", Value: r.BySource.Acc161(), Min: min.source},
		}}, nil
	}}
}

// GeoRun is a corpus scored twice: document by document as `liaison
// extract` reads them (Doc, the figure targets are judged on), and with
// each news source's lexicon learnt from its earlier documents
// (place.Finder.FindFrom, documents in corpus order; BySource).
type GeoRun struct {
	Doc, BySource GeoScore
}

// RunGeo reads a toponym corpus and scores the engine's places on it.
func RunGeo(path string, read func(io.Reader) ([]GeoDoc, error)) (GeoRun, error) {
	f, err := os.Open(path)
	if err != nil {
		return GeoRun{}, err
	}
	defer f.Close()
	docs, err := read(f)
	if err != nil {
		return GeoRun{}, err
	}
	ent, err := newEntities()
	if err != nil {
		return GeoRun{}, err
	}
	area := ent.pf.Gazetteer().AreaDistance
	var r GeoRun
	r.Doc = ScoreGeo(docs, func(d GeoDoc) []liaison.PlaceMention {
		_, p := ent.find(d.Text, time.Time{})
		return p
	}, area)
	srcs := map[string]*place.Source{}
	r.BySource = ScoreGeo(docs, func(d GeoDoc) []liaison.PlaceMention {
		src := srcs[d.Source]
		if src == nil {
			src = place.NewSource()
			srcs[d.Source] = src
		}
		sents := sentence.Split(d.Text)
		return ent.pf.FindFrom(src, d.Text, sents, ent.af.Find(d.Text, sents, time.Time{}))
	}, area)
	return r, nil
}
