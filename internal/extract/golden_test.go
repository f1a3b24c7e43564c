package extract_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/extract"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestGolden runs the engine without finders (sentences, dates, quotes:
// this package's own steps) over project-written reports and compares the
// JSON with testdata/reports.golden.jsonl.
func TestGolden(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "reports.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	e := extract.New(extract.Config{})
	var out bytes.Buffer
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var in liaison.ExtractInput
		if err := json.Unmarshal(sc.Bytes(), &in); err != nil {
			t.Fatal(err)
		}
		x, err := e.Extract(context.Background(), in)
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.MarshalIndent(x, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		out.Write(b)
		out.WriteByte('\n')
	}
	golden := filepath.Join("testdata", "reports.golden.json")
	if *update {
		if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(out.Bytes(), want) {
		t.Errorf("output differs from %s (run with -update and review the diff):\n%s", golden, out.String())
	}
}
