// Package shareddata finds the test data, gold standards and dictionaries in
// ../shared beside the project. Tests and benchmarks read it from there and
// skip when it is absent — except under CI=true, where absence is a failure.
package shareddata

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Root returns the shared directory: $LIAISON_SHARED if set, else the first
// "shared" directory found beside this directory or one of its parents.
func Root() (string, error) {
	if d := os.Getenv("LIAISON_SHARED"); d != "" {
		return d, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		cand := filepath.Join(dir, "..", "shared")
		if fi, err := os.Stat(filepath.Join(cand, "data")); err == nil && fi.IsDir() {
			return filepath.Clean(cand), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("shared data not found: set LIAISON_SHARED or place the shared/ directory beside the project")
		}
		dir = parent
	}
}

// Path returns the absolute path of rel (e.g. "data/seed/seed-gold.json")
// under the shared directory, or an error naming what is missing.
func Path(rel string) (string, error) {
	root, err := Root()
	if err != nil {
		return "", err
	}
	p := filepath.Join(root, rel)
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("shared data %s: %w", rel, err)
	}
	return p, nil
}

// Need returns the path of rel for a test or benchmark. When the file is
// absent it skips with a clear message, or fails under CI=true.
func Need(tb testing.TB, rel string) string {
	tb.Helper()
	p, err := Path(rel)
	if err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("required shared data missing under CI: %v", err)
		}
		tb.Skipf("skipping: %v", err)
	}
	return p
}
