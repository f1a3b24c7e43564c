package eval

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/extract"
	"github.com/liaison-project/liaison/internal/extract/actor"
	"github.com/liaison-project/liaison/internal/extract/dict"
	"github.com/liaison-project/liaison/internal/extract/event"
	"github.com/liaison-project/liaison/internal/extract/place"
	"github.com/liaison-project/liaison/internal/shareddata"
)

// Event-coding thresholds; they only rise.
const (
	MinTABARIValidate = 95.0 // % of records exactly right
	MinPETRUnit       = 91.0
	MinUDHitRate      = 90.0
	MaxUDExtraRate    = 9.5 // extra events per record, %, must stay below
	MinSeedRequired   = 12
	MaxSeedFalsePos   = 3
)

func sharedPath(rel string) (string, error) {
	p, err := shareddata.Path(rel)
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrNoData, err)
	}
	return p, nil
}

func readRecords(path string, parse func(io.Reader) ([]EventRecord, error)) ([]EventRecord, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("event records: %w", err)
	}
	defer f.Close()
	return parse(f)
}

func writeFailures(w io.Writer, fs []string) {
	for _, f := range fs {
		fmt.Fprintln(w, f)
	}
}

func categoryMetrics(sc *EventScore) []Metric {
	var ms []Metric
	for c, v := range sc.Categories {
		ms = append(ms, Metric{Name: "category " + c + " %", Value: pct(v[0], v[1])})
	}
	return ms
}

// TABARISuite runs TABARI's validation records with their dictionaries.
func TABARISuite() Suite {
	return Suite{Name: "events/tabari-validate", Run: func(ctx context.Context, w io.Writer) (Result, error) {
		p, err := sharedPath("data/eventcoding/tabari/Validate.project")
		if err != nil {
			return Result{}, err
		}
		proj, err := dict.LoadTABARIProject(p)
		if err != nil {
			return Result{}, err
		}
		recs, err := readRecords(filepath.Join(filepath.Dir(p), "Validate.text"), ParseTABARIValidation)
		if err != nil {
			return Result{}, err
		}
		sc := RunTABARIValidation(event.New(proj.Dict, event.Config{}), recs)
		writeFailures(w, sc.Failures)
		fmt.Fprint(w, sc.Table())
		return Result{Suite: "events/tabari-validate", Items: sc.Records,
			Metrics: append([]Metric{{Name: "records correct %", Value: sc.Pct(), Min: MinTABARIValidate}}, categoryMetrics(sc)...)}, nil
	}}
}

// udOntology is the UD-PETRARCH coding ontology shipped with its
// validation dictionaries.
const udOntology = "PETR_Validate_Internal_Coding_Ontology_1_01.txt"

// loadPETRDict loads a validation suite's PETRARCH-format dictionaries
// (dir/prefix+kind+suffix). ud selects UD-PETRARCH's conventions, as
// dict.LoadPETRARCH does for a directory holding a coding ontology: the
// ontology codes negated verbs, and dict.UDPETRARCHOptions apply.
func loadPETRDict(dir, prefix, suffix string, ud bool) (*dict.Dict, error) {
	f := func(kind string) string { return filepath.Join(dir, prefix+kind+suffix) }
	d, err := dict.LoadPETRARCHFiles(f("verbs"), []string{f("actors")}, f("agents"), f("discards"))
	if err != nil || !ud {
		return d, err
	}
	if err := d.LoadOntology(filepath.Join(dir, udOntology)); err != nil {
		return nil, err
	}
	d.Options = dict.UDPETRARCHOptions()
	return d, nil
}

func petrSuite(name, records, prefix, suffix string, ud bool, min, minHit float64) Suite {
	return Suite{Name: name, Run: func(ctx context.Context, w io.Writer) (Result, error) {
		p, err := sharedPath(records)
		if err != nil {
			return Result{}, err
		}
		d, err := loadPETRDict(filepath.Dir(p), prefix, suffix, ud)
		if err != nil {
			return Result{}, err
		}
		recs, err := readRecords(p, ParsePETRXML)
		if err != nil {
			return Result{}, err
		}
		sc := RunRecords(name, event.New(d, event.Config{}), recs)
		writeFailures(w, sc.Failures)
		fmt.Fprint(w, sc.Summary())
		ms := []Metric{{Name: "records correct %", Value: sc.Pct(), Min: min}, {Name: "hit rate %", Value: sc.HitRate(), Min: minHit},
			{Name: "extra events per record %", Value: sc.ExtraRate()}}
		return Result{Suite: name, Items: sc.Records, Metrics: append(ms, categoryMetrics(&sc.EventScore)...)}, nil
	}}
}

// PETRARCHSuite runs PETRARCH's unit-test records (raw text only).
func PETRARCHSuite() Suite {
	return petrSuite("events/petrarch-unit", "data/eventcoding/petrarch/PETR.UnitTest.records.xml", "PETR.Validate.", ".txt", false, MinPETRUnit, 0)
}

// UDPETRARCHSuite runs UD-PETRARCH's validation records.
func UDPETRARCHSuite() Suite {
	return petrSuite("events/udpetrarch", "data/eventcoding/udpetrarch-validate/PETR_Validate_records_2_02.xml", "PETR_Validate_", "_2_02.txt", true, 0, MinUDHitRate)
}

// GSRSuite runs the PETRARCH-2 sentences with the production dictionaries.
func GSRSuite() Suite {
	return Suite{Name: "events/petr2-gsr", Run: func(ctx context.Context, w io.Writer) (Result, error) {
		p, err := sharedPath("data/eventcoding/petrarch2-gsr/PETR2_GSR_validation.xml")
		if err != nil {
			return Result{}, err
		}
		v, err := sharedPath("data/eventcoding/petrarch/CAMEO.2.0.txt")
		if err != nil {
			return Result{}, err
		}
		start := time.Now()
		c, err := event.NewPETRARCH(filepath.Dir(v), false, event.Config{})
		if err != nil {
			return Result{}, err
		}
		load := time.Since(start)
		recs, err := readRecords(p, ParsePETRXML)
		if err != nil {
			return Result{}, err
		}
		sc := RunRecords("events/petr2-gsr", c, recs)
		writeFailures(w, sc.Failures)
		fmt.Fprint(w, sc.Summary())
		ms := []Metric{{Name: "records correct %", Value: sc.Pct()}, {Name: "triple hit rate %", Value: sc.HitRate()},
			{Name: "triple precision %", Value: sc.Precision()}, {Name: "dictionary load s", Value: load.Seconds()}}
		for r, v := range sc.Roots {
			ms = append(ms, Metric{Name: "root " + r + " hits %", Value: pct(v[0], v[1])})
		}
		return Result{Suite: "events/petr2-gsr", Items: sc.Records, Metrics: ms}, nil
	}}
}

// SeedEventsSuite codes the seed report through the full engine with the
// built-in dictionaries.
func SeedEventsSuite() Suite {
	return Suite{Name: "events/seed", Run: func(ctx context.Context, w io.Writer) (Result, error) {
		sc, err := RunSeedEvents(ctx, w)
		if err != nil {
			return Result{}, err
		}
		fmt.Fprintln(w, sc)
		return Result{Suite: "events/seed", Items: sc.Required, Metrics: []Metric{
			{Name: "required events found", Value: float64(sc.Found), Min: MinSeedRequired},
			{Name: "dates right", Value: float64(sc.WithDate), Min: float64(sc.DatesWanted)},
			{Name: "places right", Value: float64(sc.WithPlace), Min: float64(sc.PlacesWanted)},
			{Name: "false positives (max 3) inverted", Value: float64(MaxSeedFalsePos - sc.FalsePositives), Min: 0},
		}}, nil
	}}
}

// RunSeedEvents extracts the seed report with the default finders and the
// built-in coder and scores its events.
func RunSeedEvents(ctx context.Context, w io.Writer) (*SeedEventScore, error) {
	gp, err := sharedPath("data/seed/seed-gold.json")
	if err != nil {
		return nil, err
	}
	tp, err := sharedPath("data/seed/000_9dd6a84f78e3ca2e.txt")
	if err != nil {
		return nil, err
	}
	raw, err := os.ReadFile(tp)
	if err != nil {
		return nil, fmt.Errorf("seed report: %w", err)
	}
	first, body, _ := strings.Cut(string(raw), "\n")
	date, err := time.Parse("January 2, 2006", strings.TrimSpace(first))
	if err != nil {
		return nil, fmt.Errorf("seed report date %q: %w", first, liaison.ErrInvalid)
	}
	coder, err := event.NewBuiltin(event.Config{Explain: true})
	if err != nil {
		return nil, err
	}
	cfg := extract.Config{Events: EngineCoder{coder}}
	if af, err := actor.Default(); err == nil {
		cfg.Actors = af
	}
	if pf, err := place.Default(); err == nil {
		cfg.Places = pf
	}
	x, err := extract.New(cfg).Extract(ctx, liaison.ExtractInput{ID: "seed", Text: body, Date: date.Format("2006-01-02")})
	if err != nil {
		return nil, err
	}
	for _, e := range x.Events {
		fmt.Fprintf(w, "s%d %s/%s/%s %q date=%s | %s\n", e.Sentence, e.Source, e.Target, e.CAMEO, e.VerbText, e.Date, e.Explain)
	}
	g, err := os.Open(gp)
	if err != nil {
		return nil, fmt.Errorf("seed gold: %w", err)
	}
	defer g.Close()
	return ScoreSeedEvents(g, body, x)
}
