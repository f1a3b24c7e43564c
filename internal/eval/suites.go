// Package eval scores the extraction engine on gold data nobody on the
// project wrote. Each suite reads its gold set from the shared directory,
// runs the engine and reports metrics with the thresholds the tests enforce.
package eval

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Suite is one evaluation: a name and a function that runs it. Run may write
// per-item detail to w (pass io.Discard for none).
type Suite struct {
	Name string
	Run  func(ctx context.Context, w io.Writer) (Result, error)
}

// Metric is one measured figure. Min is the floor the tests enforce (0 when
// there is none; floors only ever rise); Target is the goal set by the
// issue, shown beside it when it is not yet met.
type Metric struct {
	Name   string  `json:"name"`
	Value  float64 `json:"value"`
	Min    float64 `json:"min,omitempty"`
	Target float64 `json:"target,omitempty"`
}

// Pass reports whether the metric reaches its target.
func (m Metric) Pass() bool { return m.Value >= m.Min }

// Result is what a suite measured: how many items it scored and its metrics.
type Result struct {
	Suite   string   `json:"suite"`
	Items   int      `json:"items"`
	Metrics []Metric `json:"metrics"`
	Note    string   `json:"note,omitempty"`
}

// Pass reports whether every metric reaches its target.
func (r Result) Pass() bool {
	for _, m := range r.Metrics {
		if !m.Pass() {
			return false
		}
	}
	return true
}

// Failures names the metrics below their targets, for test messages.
func (r Result) Failures() string {
	var b strings.Builder
	for _, m := range r.Metrics {
		if !m.Pass() {
			fmt.Fprintf(&b, "%s: %s = %.4f < %.4f\n", r.Suite, m.Name, m.Value, m.Min)
		}
	}
	return b.String()
}

// breakdowns are the first words of per-group metric names ("category X %",
// "root 04 hits %"): suites fill them from maps, in random order.
var breakdowns = []string{"category ", "root "}

// Tidy returns r with each run of breakdown metrics sorted by name, so a
// table or JSON printed twice is the same, and an empty group name shown
// as "(none)" (a gold record with no category) rather than as a blank.
// Headline metrics keep their places.
func (r Result) Tidy() Result {
	ms := slices.Clone(r.Metrics)
	group := func(name string) string {
		for _, b := range breakdowns {
			if strings.HasPrefix(name, b) {
				return b
			}
		}
		return ""
	}
	for i := range ms {
		if b := group(ms[i].Name); b != "" && strings.HasPrefix(ms[i].Name, b+" ") {
			ms[i].Name = b + "(none)" + ms[i].Name[len(b):]
		}
	}
	for i := 0; i < len(ms); {
		b, j := group(ms[i].Name), i+1
		for b != "" && j < len(ms) && group(ms[j].Name) == b {
			j++
		}
		if j-i > 1 {
			slices.SortStableFunc(ms[i:j], func(x, y Metric) int { return strings.Compare(x.Name, y.Name) })
		}
		i = j
	}
	r.Metrics = ms
	return r
}

// ErrNoData is returned by a suite whose gold data is not available, so the
// runner can report it as skipped rather than failed.
var ErrNoData = errors.New("gold data not available")

// All lists every registered suite in display order. To add a suite, write a
// constructor returning a Suite in your own file and add one line here.
func All() []Suite {
	return []Suite{
		DatesSuite(),
		QuotesSuite(),
		// entities, coder: add your suites below, one line each.
		TABARISuite(), PETRARCHSuite(), UDPETRARCHSuite(), GSRSuite(), GSRBuiltinSuite(), SeedEventsSuite(),
		SeedEntitiesSuite(), GeoVirusSuite(), LGLSuite(), GUMSuite(), CoNLLSuite(),
	}
}

// Find returns the suites whose names contain any of the given words (case
// insensitive); no words means all suites.
func Find(words ...string) []Suite {
	all := All()
	if len(words) == 0 {
		return all
	}
	var out []Suite
	for _, s := range all {
		for _, w := range words {
			if strings.Contains(strings.ToLower(s.Name), strings.ToLower(w)) {
				out = append(out, s)
				break
			}
		}
	}
	return out
}
