package main

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/liaison-project/liaison/internal/eval"
)

// TestEvalTableOrder: per-category rows print sorted, whatever order the
// suite produced them in, and a blank category is named; a metric below
// its floor fails the run.
func TestEvalTableOrder(t *testing.T) {
	suite := func(order []string, value float64) eval.Suite {
		return eval.Suite{Name: "s", Run: func(context.Context, io.Writer) (eval.Result, error) {
			ms := []eval.Metric{{Name: "records correct %", Value: value, Min: 95}}
			for _, c := range order {
				ms = append(ms, eval.Metric{Name: "category " + c + " %", Value: 50})
			}
			return eval.Result{Suite: "s", Items: 3, Metrics: ms}, nil
		}}
	}
	table := func(order []string, value float64) (string, bool) {
		rows, failed, err := runSuites(context.Background(), []eval.Suite{suite(order, value)}, io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		printEvalTable(&b, rows)
		return b.String(), failed
	}
	a, failed := table([]string{"PRON", "", "COMMA"}, 96)
	b, _ := table([]string{"COMMA", "PRON", ""}, 96)
	if a != b {
		t.Errorf("tables differ with the input order:\n%s\n%s", a, b)
	}
	if failed {
		t.Error("a passing suite failed")
	}
	i, j, k := strings.Index(a, "category (none) %"), strings.Index(a, "category COMMA %"), strings.Index(a, "category PRON %")
	if i < 0 || !(i < j && j < k) {
		t.Errorf("want (none), COMMA, PRON in order:\n%s", a)
	}
	if _, failed := table(nil, 90); !failed {
		t.Error("a suite below its floor did not fail")
	}
}
