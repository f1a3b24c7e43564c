package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/app"
	"github.com/liaison-project/liaison/internal/extract"
	"github.com/liaison-project/liaison/internal/ingest"
	"github.com/liaison-project/liaison/internal/ingest/sqlitebatch"
	"github.com/liaison-project/liaison/internal/marking"
	"github.com/liaison-project/liaison/internal/pipeline"
	"github.com/liaison-project/liaison/internal/sqlite"
)

// runIngest ingests files, directories, web pages and feeds into the store,
// prints the summary, one stderr line per failure, and fails if any item did.
func runIngest(ctx context.Context, env *Env, args []string) error {
	f, err := parseIngestFlags(env, args)
	if err != nil {
		return err
	}
	dir, err := resolveDataDir(f.data)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, dir)
	if err != nil {
		return err
	}
	defer st.Close()
	cfg, err := ingestConfig(ctx, env, dir, st, f)
	if err != nil {
		return err
	}
	in := ingest.New(cfg)
	sum, runErr := in.Run(ctx, f.inputs)
	return reportIngest(env, sum, runErr, f.asJSON)
}

// ingestFlags are the arguments of `liaison ingest`, parsed and checked
// before the store is opened.
type ingestFlags struct {
	data, textCol, marking, nation string
	limit                          int64
	asJSON, noExtract              bool
	inputs                         []string
}

// parseIngestFlags reads the flags and inputs, failing on a missing input
// or a bad --max-bytes.
func parseIngestFlags(env *Env, args []string) (ingestFlags, error) {
	fs := newFlags(env, "ingest", "[flags] PATH|URL...",
		"Ingest local files and directories (.txt .md .html .json .jsonl .csv, RSS/Atom/JSON feeds),\n"+
			"web pages and feed URLs. Each document is stored once; near-duplicates are linked to the first copy.")
	data := dataFlag(fs)
	textCol := fs.String("text-column", "text", "CSV column holding the text")
	maxBytes := fs.String("max-bytes", "10MiB", "largest file, page or record accepted (e.g. 500000, 2MB, 10MiB)")
	mkText := fs.String("marking", defaultMarking, `marking of every document, e.g. "NATO RESTRICTED // REL TO NATO, JPN"`)
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	nation := fs.String("nation", "", "ISO 3166 alpha-3 `CODE` of this node's nation, recorded as the origin\n(default: the one serve --nation or ingest was given before, else XNS)")
	noExtract := fs.Bool("no-extract", false, "store and index only; serve or a later ingest runs the extraction")
	inputs, err := parseInterspersed(fs, args)
	if err != nil {
		return ingestFlags{}, err
	}
	if len(inputs) == 0 {
		fs.Usage()
		return ingestFlags{}, errors.New("give at least one PATH or URL")
	}
	limit, err := parseSize(*maxBytes)
	if err != nil {
		return ingestFlags{}, err
	}
	return ingestFlags{data: *data, textCol: *textCol, marking: *mkText, nation: *nation,
		limit: limit, asJSON: *asJSON, noExtract: *noExtract, inputs: inputs}, nil
}

// ingestConfig wires the ingester to the store of data directory dir the
// way `serve` does: the node's marking rules, node id and nation, and
// (unless --no-extract) the default extraction engine and pipeline.
func ingestConfig(ctx context.Context, env *Env, dir string, st *sqlite.DB, f ingestFlags) (ingest.Config, error) {
	mk, err := nodeMarking(ctx, dir, st, f.marking)
	if err != nil {
		return ingest.Config{}, err
	}
	// The same node id and nation as `serve` on this data directory.
	origin, err := app.NodeOrigin(dir, f.nation)
	if err != nil {
		return ingest.Config{}, err
	}
	// Failures are printed once each by reportIngest; the log only carries errors.
	log := slog.New(slog.NewTextHandler(env.Stderr, &slog.HandlerOptions{Level: slog.LevelError}))
	cfg := ingest.Config{
		Store: st, Batch: sqlitebatch.New(st), MaxBytes: f.limit, TextColumn: f.textCol, Marking: mk,
		Origin: origin, Logger: log, Progress: env.Stderr,
	}
	if !f.noExtract {
		// The same engine as internal/app's default wiring.
		eng, err := extract.WithDictionaries(extract.Dictionaries{}, log)
		if err != nil {
			return ingest.Config{}, err
		}
		p, err := pipeline.New(eng, st, log)
		if err != nil {
			return ingest.Config{}, err
		}
		cfg.Pipeline = p
	}
	return cfg, nil
}

// reportIngest prints the summary and the failures.
func reportIngest(env *Env, sum ingest.Summary, runErr error, asJSON bool) error {
	for _, e := range sum.Errors {
		fmt.Fprintf(env.Stderr, "ingest: %s\n", e.Error())
	}
	if asJSON {
		if err := printJSON(env.Stdout, sum); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(env.Stdout, "%d stored, %d duplicate, %d near-duplicate, %d failed\n",
			sum.Stored, sum.Duplicates, sum.NearDuplicates, sum.Failed)
		if sum.Completed > 0 {
			fmt.Fprintf(env.Stdout, "%d documents of an interrupted run extracted\n", sum.Completed)
		}
	}
	if runErr != nil {
		return fmt.Errorf("interrupted: %w", runErr)
	}
	if sum.Failed > 0 {
		return errSilentFailure
	}
	return nil
}

// nodeMarking parses a --marking text as the server of the data directory
// dir would (nodeMarkingParser). A nation added to the store later
// therefore never gains access to items marked before it joined a group.
func nodeMarking(ctx context.Context, dir string, st liaison.NationStore, text string) (liaison.Marking, error) {
	parse, err := nodeMarkingParser(ctx, dir, st)
	if err != nil {
		return liaison.Marking{}, err
	}
	m, err := parse(text)
	if err != nil {
		return liaison.Marking{}, fmt.Errorf("--marking %q: %w", text, err)
	}
	return m, nil
}

// nodeMarkingParser returns the parser of marking texts of the server of
// data directory dir: its policy (<dir>/policy.json, else the built-in one)
// and the nations of its store st with their dated group memberships as of
// now — the built-in nations only while the store holds none (the rule of
// `liaison marking check`; a store the CLI opens is seeded with them:
// openStore). Loaded once, it serves every text of a command;
// its errors are marking.Parse's, for the caller to name the flag.
func nodeMarkingParser(ctx context.Context, dir string, st liaison.NationStore) (func(string) (liaison.Marking, error), error) {
	p, err := loadPolicy("", dir)
	if err != nil {
		return nil, err
	}
	ns, err := st.Nations(liaison.SystemContext(ctx))
	if err != nil {
		return nil, fmt.Errorf("reading nations: %w", err)
	}
	if len(ns) == 0 {
		ns = marking.SeedNations()
	}
	known := marking.NewNations(ns, time.Now().UTC())
	return func(text string) (liaison.Marking, error) { return marking.Parse(p, known, text) }, nil
}

// sizeUnits are the suffixes --max-bytes accepts.
var sizeUnits = []struct {
	suffix string
	mult   int64
}{
	{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30},
	{"kb", 1000}, {"mb", 1000 * 1000}, {"gb", 1000 * 1000 * 1000},
	{"k", 1 << 10}, {"m", 1 << 20}, {"g", 1 << 30}, {"b", 1},
}

// parseSize reads a byte count with an optional unit.
func parseSize(s string) (int64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range sizeUnits {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseFloat(t, 64)
	if err != nil || n <= 0 || n*float64(mult) > 1<<40 {
		return 0, liaison.Errorf(liaison.ErrInvalid, "--max-bytes %q: want a positive size such as 500000, 2MB or 10MiB", s)
	}
	return int64(n * float64(mult)), nil
}
