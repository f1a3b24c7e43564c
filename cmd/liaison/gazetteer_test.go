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
		{[]string{"import", "--data", data, cities, info}, "imported 1 places", ""},
		{[]string{"lookup", "--data", data, "Testville", "Nowhere"}, "Testville\tcity\tXAA", ""},
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
