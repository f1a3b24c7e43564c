package eval

import (
	"reflect"
	"testing"
)

// TestResultTidy: breakdown rows come out sorted whatever order the suite
// filled them in, a blank group is named, headline rows stay in place.
func TestResultTidy(t *testing.T) {
	names := func(r Result) []string {
		var out []string
		for _, m := range r.Metrics {
			out = append(out, m.Name)
		}
		return out
	}
	r := Result{Suite: "s", Metrics: []Metric{
		{Name: "records correct %", Value: 95, Min: 95},
		{Name: "category PRON %", Value: 1}, {Name: "category  %", Value: 2}, {Name: "category COMMA %", Value: 3},
		{Name: "hit rate %"},
		{Name: "root 12 hits %", Value: 4}, {Name: "root 04 hits %", Value: 5}, {Name: "root 20 hits %", Value: 6},
	}}
	orig := names(r)
	got := r.Tidy()
	want := []string{"records correct %", "category (none) %", "category COMMA %", "category PRON %", "hit rate %",
		"root 04 hits %", "root 12 hits %", "root 20 hits %"}
	if !reflect.DeepEqual(names(got), want) {
		t.Errorf("tidy: %v, want %v", names(got), want)
	}
	if got.Metrics[1].Value != 2 || got.Metrics[5].Value != 5 || got.Metrics[0].Min != 95 {
		t.Errorf("values did not move with their names: %+v", got.Metrics)
	}
	if !reflect.DeepEqual(names(r), orig) {
		t.Errorf("Tidy changed its receiver: %v", names(r))
	}
}
