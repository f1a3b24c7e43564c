package cameo

// This file is the generator of table.go and the check that the committed
// table still matches the public CAMEO and CAMEO→PLOVER tables in ../shared:
//
//	go test ./internal/cameo -run TestGeneratedTable -update
//
// rewrites table.go from the shared files; without -update the test fails if
// the two differ.

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/liaison-project/liaison/internal/shareddata"
)

var update = flag.Bool("update", false, "rewrite table.go from the shared CAMEO/PLOVER tables")

const (
	eventCodesFile = "data/eventcoding/cameo/CAMEO.eventcodes.txt"
	goldsteinFile  = "data/eventcoding/cameo/CAMEO.goldsteinscale.txt"
	ploverFile     = "data/eventcoding/plover/CAMEO2PLOVER-2021.txt"
)

// namedCode is one line of the CAMEO event code file.
type namedCode struct{ code, name string }

// parseEventCodes reads "CODE<TAB>NAME" lines, skipping the header; names
// are decoded and checked by cleanName (gen_names_test.go).
func parseEventCodes(r io.Reader) ([]namedCode, error) {
	var out []namedCode
	err := eachTabLine(r, func(n int, code, rest string) error {
		if rest == "" {
			return fmt.Errorf("line %d: code %q has no name", n, code)
		}
		name, err := cleanName(code, rest)
		if err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
		out = append(out, namedCode{code, name})
		return nil
	})
	return out, err
}

// parseGoldstein reads "CODE<TAB>SCORE" lines, skipping the header.
func parseGoldstein(r io.Reader) (map[string]float64, error) {
	out := map[string]float64{}
	err := eachTabLine(r, func(n int, code, rest string) error {
		g, err := strconv.ParseFloat(rest, 64)
		if err != nil || g < -10 || g > 10 {
			return fmt.Errorf("line %d: code %s: bad Goldstein score %q", n, code, rest)
		}
		out[code] = g
		return nil
	})
	return out, err
}

// eachTabLine calls fn for every "CODE<TAB>REST" line whose code is 2–4
// digits; a header line (non-digit first field on line 1) and blank lines are
// skipped, anything else is an error naming the line.
func eachTabLine(r io.Reader, fn func(n int, code, rest string) error) error {
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		code, rest, _ := strings.Cut(line, "\t")
		code, rest = strings.TrimSpace(code), strings.TrimSpace(rest)
		if !isCode(code) {
			if n == 1 {
				continue
			}
			return fmt.Errorf("line %d: %q is not a CAMEO code", n, code)
		}
		if err := fn(n, code, rest); err != nil {
			return err
		}
	}
	return sc.Err()
}

// isCode reports whether s looks like a CAMEO code: 2–4 digits.
func isCode(s string) bool { return len(s) >= 2 && len(s) <= 4 && allDigits(s) }

// ploverEntry is one mapping line: event type, mode and context.
type ploverEntry struct{ event, mode, context string }

// parsePLOVER reads the CAMEO→PLOVER table: "CODE: EVENT, mode, context #
// comment", root lines "CODE: EVENT", '#' comments. When a code appears twice
// (root 08 is listed as CONCEDE and then RETREAT) the first line wins.
func parsePLOVER(r io.Reader) (map[string]ploverEntry, error) {
	out := map[string]ploverEntry{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		if line == "" || strings.Trim(line, "~") == "" {
			continue
		}
		code, rest, ok := strings.Cut(line, ":")
		code = strings.TrimSpace(code)
		if !ok || !isCode(code) {
			return nil, fmt.Errorf("line %d: want \"CODE: EVENT, mode, context\", got %q", n, line)
		}
		f := strings.Split(rest, ",")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		if f[0] == "" || len(f) > 3 {
			return nil, fmt.Errorf("line %d: code %s: want \"EVENT, mode, context\", got %q", n, code, rest)
		}
		e := ploverEntry{event: f[0]}
		if len(f) > 1 {
			e.mode = f[1]
		}
		if len(f) > 2 {
			e.context = f[2]
		}
		if _, dup := out[code]; !dup {
			out[code] = e
		}
	}
	return out, sc.Err()
}

// buildTable joins the three tables into sorted Codes. A code without a PLOVER
// line inherits its nearest parent's; roots 01 and 02 have none (dropped).
func buildTable(codes []namedCode, gold map[string]float64, plover map[string]ploverEntry) ([]Code, error) {
	out := make([]Code, 0, len(codes))
	for _, nc := range codes {
		g, ok := gold[nc.code]
		if !ok {
			return nil, fmt.Errorf("code %s has no Goldstein score", nc.code)
		}
		root := nc.code[:2]
		q := QuadOfRoot(root)
		if q == 0 {
			return nil, fmt.Errorf("code %s: root %s is not 01-20", nc.code, root)
		}
		c := Code{Code: nc.code, Name: nc.name, Root: root, Quad: q, Goldstein: g, Base: nc.code}
		for n := len(nc.code); n >= 2; n-- {
			if p, ok := plover[nc.code[:n]]; ok {
				c.PLOVER, c.PLOVERMode, c.PLOVERContext = p.event, p.mode, p.context
				break
			}
		}
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	for i := 1; i < len(out); i++ {
		if out[i].Code == out[i-1].Code {
			return nil, fmt.Errorf("code %s listed twice", out[i].Code)
		}
	}
	return out, nil
}

// renderTable prints the Go source of table.go.
func renderTable(codes []Code) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("// Code generated by gen_test.go (go test ./internal/cameo -run TestGeneratedTable -update) " +
		"from the public CAMEO event code and Goldstein scale tables and the 2021 CAMEO to PLOVER " +
		"conversion table (PLOVER manual draft 0.8). DO NOT EDIT.\n\npackage cameo\n\n" +
		"// table holds every CAMEO code, sorted by code. Read-only.\nvar table = []Code{\n")
	for _, c := range codes {
		fmt.Fprintf(&b, "\t{Code: %q, Name: %q, Root: %q, Quad: %d, Goldstein: %s, PLOVER: %q, PLOVERMode: %q, PLOVERContext: %q, Base: %q},\n",
			c.Code, c.Name, c.Root, c.Quad, strconv.FormatFloat(c.Goldstein, 'f', -1, 64), c.PLOVER, c.PLOVERMode, c.PLOVERContext, c.Base)
	}
	b.WriteString("}\n")
	return format.Source(b.Bytes())
}

// sharedTables parses the three shared files.
func sharedTables(tb testing.TB) ([]namedCode, map[string]float64, map[string]ploverEntry) {
	tb.Helper()
	open := func(rel string) *os.File {
		f, err := os.Open(shareddata.Need(tb, rel))
		if err != nil {
			tb.Fatal(err)
		}
		tb.Cleanup(func() { f.Close() })
		return f
	}
	codes, err1 := parseEventCodes(open(eventCodesFile))
	gold, err2 := parseGoldstein(open(goldsteinFile))
	plover, err3 := parsePLOVER(open(ploverFile))
	if err := errors.Join(err1, err2, err3); err != nil {
		tb.Fatal(err)
	}
	return codes, gold, plover
}

func TestGeneratedTable(t *testing.T) {
	codes, gold, plover := sharedTables(t)
	built, err := buildTable(codes, gold, plover)
	if err != nil {
		t.Fatal(err)
	}
	src, err := renderTable(built)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("table.go", src, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	have, err := os.ReadFile("table.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(have, src) {
		t.Fatal("table.go differs from the shared CAMEO/PLOVER tables: run go test ./internal/cameo -run TestGeneratedTable -update")
	}
}

func FuzzParsers(f *testing.F) {
	f.Add("CAMEOEVENTCODE\tEVENTDESCRIPTION\n01\tMAKE PUBLIC STATEMENT\n042\tMake a visit\n")
	f.Add("CAMEOEVENTCODE\tGOLDSTEINSCALE\n042\t1.9\n")
	f.Add("# c\n04: CONSULT\n042: CONSULT, visit,   # Make a visit\n~~~~~\n")
	f.Add("x:\n::\n0: ,,,,\n")
	f.Fuzz(func(t *testing.T, s string) {
		codes, err1 := parseEventCodes(strings.NewReader(s))
		gold, err2 := parseGoldstein(strings.NewReader(s))
		plover, err3 := parsePLOVER(strings.NewReader(s))
		if err1 == nil && err2 == nil && err3 == nil {
			if built, err := buildTable(codes, gold, plover); err == nil {
				if _, err := renderTable(built); err != nil {
					t.Fatalf("render: %v", err)
				}
			}
		}
	})
}
