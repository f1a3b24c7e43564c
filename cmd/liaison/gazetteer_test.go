package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGazetteerImportAndLookup(t *testing.T) {
	dir := t.TempDir()
	cities := filepath.Join(dir, "cities.txt")
	info := filepath.Join(dir, "countryInfo.txt")
	if err := os.WriteFile(cities, []byte("1\tTestville\tTestville\t\t10.5\t20.25\tP\tPPL\tXA\t\t01\t\t\t\t250000\t\t\t\t2020-01-01\nbad\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(info, []byte("#c\nXA\tXAA\t000\tXA\tExampleland\tTestville\t1\t1\tEU\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, "data")
	tests := []struct {
		args    []string
		wantOut string
		wantErr string
	}{
		{[]string{"import", cities, info, "--data", data}, "imported 1 places", ""},
		{[]string{"lookup", "--data", data, "Testville"}, "Testville\tcity\tXAA", ""},
		{[]string{"lookup", "Testville", "--json", "--data", data}, `"country": "XAA"`, ""},
		{[]string{"lookup", "--data", data, "Testville", "Nowhere", "Atlantis"}, "", "not found: Nowhere, Atlantis"},
		{[]string{"import", "--data", data, filepath.Join(data, "none.zip"), info}, "", "no such file or directory"},
		{[]string{"lookup", "--data", data}, "", "at least one NAME"},
		{[]string{"import", "--data", data, info, info}, "", "no places imported"},
		{[]string{"import", "--data", data, cities}, "", "want two files"},
		{[]string{"frobnicate"}, "", "unknown subcommand"},
	}
	for _, tc := range tests {
		var out, errb bytes.Buffer
		err := runGazetteer(context.Background(), &Env{Stdout: &out, Stderr: &errb}, tc.args)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%v: err = %v, want %q", tc.args, err, tc.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%v: %v", tc.args, err)
			continue
		}
		if !strings.Contains(out.String(), tc.wantOut) {
			t.Errorf("%v: output %q lacks %q", tc.args, out.String(), tc.wantOut)
		}
	}
	// a failed import keeps the previous gazetteer
	var out bytes.Buffer
	if err := runGazetteer(context.Background(), &Env{Stdout: &out, Stderr: &out}, []string{"lookup", "--data", data, "Testville"}); err != nil || !strings.Contains(out.String(), "XAA") {
		t.Fatalf("after failed import: %v %q", err, out.String())
	}
}

// TestExtractUsesImportedGazetteer shows that an import widens what
// 'liaison extract' finds: a town only the imported gazetteer knows is a
// place with --data pointing at it, and none without.
func TestExtractUsesImportedGazetteer(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "empty-home"))
	cities := filepath.Join(dir, "cities.txt")
	info := filepath.Join(dir, "countryInfo.txt")
	if err := os.WriteFile(cities, []byte("1\tQuorvilleton\tQuorvilleton\t\t10.5\t20.25\tP\tPPL\tXA\t\t01\t\t\t\t250000\t\t\t\t2020-01-01\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(info, []byte("XA\tXAA\t000\tXA\tExampleland\tQuorvilleton\t1\t1\tEU\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, "data")
	var out bytes.Buffer
	if err := runGazetteer(context.Background(), &Env{Stdout: &out, Stderr: &out}, []string{"import", "--data", data, cities, info}); err != nil {
		t.Fatal(err)
	}
	in := `{"id":"q","text":"Officials met in Quorvilleton on Monday.","date":"2023-07-09"}`
	with, stderr, err := runExtractCmd(t, in, "--data", data)
	if err != nil {
		t.Fatalf("with --data: %v %s", err, stderr)
	}
	if !strings.Contains(with, `"name":"Quorvilleton","country":"XAA"`) {
		t.Errorf("imported town not found with --data:\n%s", with)
	}
	without, _, err := runExtractCmd(t, in)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(without, "XAA") {
		t.Errorf("built-in gazetteer knows the made-up town:\n%s", without)
	}
	if _, _, err := runExtractCmd(t, in, "--data", filepath.Join(dir, "missing")); err == nil {
		t.Error("a missing --data directory was accepted")
	}
}
