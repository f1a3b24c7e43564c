package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/extract/place"
)

// runGazetteer imports a GeoNames dump into the data directory (where the
// place finder prefers it to the built-in gazetteer) or looks names up.
func runGazetteer(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 {
		fmt.Fprintln(env.Stderr, "usage: liaison gazetteer import [--data DIR] [--min-pop N] [--admin1 FILE] CITIES.zip|.txt countryInfo.txt")
		fmt.Fprintln(env.Stderr, "       liaison gazetteer lookup [--data DIR] NAME...")
		return errors.New("missing subcommand: import or lookup")
	}
	switch args[0] {
	case "import":
		return gazetteerImport(env, args[1:])
	case "lookup":
		return gazetteerLookup(env, args[1:])
	}
	return fmt.Errorf("unknown subcommand %q: want import or lookup", args[0])
}

func gazetteerImport(env *Env, args []string) error {
	fs := flag.NewFlagSet("gazetteer import", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	data := dataFlag(fs)
	minPop := fs.Int("min-pop", 0, "drop populated places smaller than this")
	admin1 := fs.String("admin1", "", "GeoNames admin1CodesASCII.txt, to add first-level areas (optional)")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 2 {
		return liaison.Errorf(liaison.ErrInvalid, "want two files: CITIES (cities15000.zip or .txt) and countryInfo.txt")
	}
	dir, err := resolveDataDir(*data)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("data directory %s: %w", dir, err)
	}
	// A missing file is named as such, not as an unreadable zip.
	if _, err := os.Stat(files[0]); err != nil {
		return fmt.Errorf("cities: %w", err)
	}
	cities, err := place.OpenGeoNames(files[0])
	if err != nil {
		return err
	}
	defer cities.Close()
	ci, err := os.Open(files[1])
	if err != nil {
		return fmt.Errorf("countryInfo: %w", err)
	}
	defer ci.Close()
	var a1 io.Reader
	if *admin1 != "" {
		f, err := os.Open(*admin1)
		if err != nil {
			return fmt.Errorf("admin1: %w", err)
		}
		defer f.Close()
		a1 = f
	}
	return writeGazetteer(env, dir, cities, ci, a1, place.ImportOptions{MinPop: *minPop, AltPop: 100000, MaxAlts: 8})
}

// writeGazetteer imports into a temporary file and renames it into place,
// so a failed import leaves the previous gazetteer intact.
func writeGazetteer(env *Env, dir string, cities, ci, a1 io.Reader, opt place.ImportOptions) error {
	tmp, err := os.CreateTemp(dir, "gazetteer-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	st, err := place.ImportGeoNames(tmp, cities, ci, a1, opt)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if st.Cities == 0 {
		return fmt.Errorf("no places imported (%d lines skipped): is the first file a GeoNames cities dump?", st.Skipped)
	}
	dst := filepath.Join(dir, place.FileName)
	if err := os.Rename(tmp.Name(), dst); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "imported %d places and %d admin areas into %s (%d lines skipped)\n", st.Cities, st.Admins, dst, st.Skipped)
	return nil
}

func gazetteerLookup(env *Env, args []string) error {
	fs := flag.NewFlagSet("gazetteer lookup", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	data := dataFlag(fs)
	asJSON := fs.Bool("json", false, "print the entries as JSON")
	names, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(names) == 0 {
		return liaison.Errorf(liaison.ErrInvalid, "want at least one NAME")
	}
	dir, err := resolveDataDir(*data)
	if err != nil {
		return err
	}
	g, err := place.Load(dir)
	if err != nil {
		return err
	}
	return printLookups(env, g, names, *asJSON)
}

// lookupRow is one gazetteer entry a name matched, as lookup --json prints it.
type lookupRow struct {
	Query   string  `json:"query"`
	Name    string  `json:"name"`
	Kind    string  `json:"kind"`
	Country string  `json:"country"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
	Pop     int     `json:"population"`
}

// printLookups prints every entry each name matches; names that match none
// are reported on stderr and make the command fail, as grep does, so that
// scripts can test for them.
func printLookups(env *Env, g *place.Gazetteer, names []string, asJSON bool) error {
	rows := []lookupRow{}
	var missing []string
	for _, name := range names {
		es := g.Lookup(name)
		if len(es) == 0 {
			missing = append(missing, name)
		}
		for _, e := range es {
			rows = append(rows, lookupRow{Query: name, Name: e.Name, Kind: e.Kind, Country: e.Country, Lat: e.Lat, Lon: e.Lon, Pop: e.Pop})
		}
	}
	if asJSON {
		if err := printJSON(env.Stdout, rows); err != nil {
			return err
		}
	} else {
		for _, r := range rows {
			fmt.Fprintf(env.Stdout, "%s\t%s\t%s\t%.3f\t%.3f\t%d\n", r.Query, r.Kind, r.Country, r.Lat, r.Lon, r.Pop)
		}
	}
	if len(missing) > 0 {
		return liaison.Errorf(liaison.ErrNotFound, "%s", strings.Join(missing, ", "))
	}
	return nil
}
