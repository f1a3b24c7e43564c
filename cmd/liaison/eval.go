package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/liaison-project/liaison/internal/eval"
)

// evalRow is one suite's outcome in the JSON output.
type evalRow struct {
	eval.Result
	Skipped string `json:"skipped,omitempty"`
	Error   string `json:"error,omitempty"`
}

func runEval(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	asJSON := fs.Bool("json", false, "print the results as JSON")
	verbose := fs.Bool("v", false, "print each suite's per-item errors to stderr")
	list := fs.Bool("list", false, "list the suites (with --json: as a JSON array) and exit")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "usage: liaison eval [--json] [-v] [SUITE...]\n\nScores the extraction engine on the gold sets in ../shared; SUITE words select suites by name.")
		fs.PrintDefaults()
	}
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	suites := eval.Find(pos...)
	if *list {
		names := []string{}
		for _, s := range eval.All() {
			names = append(names, s.Name)
		}
		if *asJSON {
			return printJSON(env.Stdout, names)
		}
		fmt.Fprintln(env.Stdout, strings.Join(names, "\n"))
		return nil
	}
	if len(suites) == 0 {
		return fmt.Errorf("no suite matches %v (see --list)", pos)
	}
	detail := io.Discard
	if *verbose {
		detail = env.Stderr
	}
	rows, failed, err := runSuites(ctx, suites, detail)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rows); err != nil {
			return err
		}
	} else {
		printEvalTable(env.Stdout, rows)
	}
	if failed {
		return errSilentFailure
	}
	return nil
}

// runSuites runs each suite, recording a skip for missing gold data; failed
// reports a suite error or a metric below its floor.
func runSuites(ctx context.Context, suites []eval.Suite, detail io.Writer) ([]evalRow, bool, error) {
	var rows []evalRow
	failed := false
	for _, s := range suites {
		if err := ctx.Err(); err != nil {
			return nil, false, err
		}
		res, err := s.Run(ctx, detail)
		row := evalRow{Result: res.Tidy()}
		row.Suite = s.Name
		switch {
		case errors.Is(err, eval.ErrNoData):
			row.Skipped = err.Error()
		case err != nil:
			row.Error = err.Error()
			failed = true
		case !res.Pass():
			failed = true
		}
		rows = append(rows, row)
	}
	return rows, failed, nil
}

// printEvalTable prints one line per metric: suite, metric, value, the
// floor the tests enforce and the target.
func printEvalTable(w io.Writer, rows []evalRow) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SUITE\tITEMS\tMETRIC\tVALUE\tFLOOR\tTARGET\tSTATUS")
	for _, r := range rows {
		switch {
		case r.Skipped != "":
			fmt.Fprintf(tw, "%s\t-\t-\t-\t-\t-\tskipped: %s\n", r.Suite, r.Skipped)
			continue
		case r.Error != "":
			fmt.Fprintf(tw, "%s\t-\t-\t-\t-\t-\terror: %s\n", r.Suite, r.Error)
			continue
		}
		for _, m := range r.Metrics {
			status := "ok"
			if !m.Pass() {
				status = "BELOW FLOOR"
			} else if m.Target > 0 && m.Value < m.Target {
				status = "below target"
			}
			fmt.Fprintf(tw, "%s\t%d\t%s\t%.3f\t%s\t%s\t%s\n", r.Suite, r.Items, m.Name, m.Value, opt(m.Min), opt(m.Target), status)
		}
	}
	tw.Flush()
	printEvalNotes(w, rows)
}

// printEvalNotes prints each suite's note under the table: what was counted
// and the breakdowns (per entity type, per source) that have no row of
// their own, so the text output holds everything --json does.
func printEvalNotes(w io.Writer, rows []evalRow) {
	first := true
	for _, r := range rows {
		if r.Note == "" || r.Skipped != "" || r.Error != "" {
			continue
		}
		if first {
			fmt.Fprintln(w, "\nNOTES")
			first = false
		}
		fmt.Fprintf(w, "%s: %s\n", r.Suite, strings.ReplaceAll(strings.TrimSpace(r.Note), "\n", "\n  "))
	}
}

func opt(v float64) string {
	if v == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", v)
}
