package ingest

import (
	"context"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/shareddata"
)

// TestWikinewsCSV ingests the 295 dated Wikinews articles of the shared data
// through the CSV reader: every row must be stored with its title and date.
func TestWikinewsCSV(t *testing.T) {
	a := shareddata.Need(t, "data/news/wikinews_2019_vanatteveldt.csv")
	b := shareddata.Need(t, "data/news/wikinews_2020_vanatteveldt.csv")
	st := &fakeStore{}
	sum, err := New(Config{Store: st, HostInterval: -1}).Run(context.Background(), []string{a, b})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Failed != 0 || sum.Stored+sum.NearDuplicates+sum.Duplicates != 295 {
		t.Fatalf("summary %s, errors %v", summaryCounts(sum), sum.Errors)
	}
	for _, d := range st.all() {
		if len(strings.Fields(d.Text)) < 10 {
			continue // a stub page (a date line only): no language to detect
		}
		checkFilled(t, d)
		if d.DateSource != liaison.DateFromInput && d.DateSource != liaison.DateFromText {
			t.Errorf("%q: date from %s", d.Title, d.DateSource)
		}
		if d.Lang != "en" {
			t.Errorf("%q: language %q", d.Title, d.Lang)
		}
	}
	t.Logf("wikinews: %s", summaryCounts(sum))
}
