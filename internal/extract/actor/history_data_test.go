package actor

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"
	"time"
)

// historyEntries parses the 1980-2014 office-holder files.
func historyEntries(t *testing.T) map[string][]Entry {
	t.Helper()
	files, err := fs.Glob(builtinData, "data/offices-history-*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no historical office files: %v", err)
	}
	out := map[string][]Entry{}
	for _, f := range files {
		b, err := builtinData.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		es, err := ParseDictionary(bytes.NewReader(b), f)
		if err != nil {
			t.Fatal(err)
		}
		out[f] = es
	}
	return out
}

// nameKeys returns the lower-case phrases a person entry is matched by,
// the reversed order of two-word names included.
func nameKeys(e Entry) []string {
	var out []string
	for _, n := range e.Names {
		out = append(out, strings.ToLower(n))
		if f := strings.Fields(n); len(f) == 2 {
			out = append(out, strings.ToLower(f[1]+" "+f[0]))
		}
	}
	return out
}

// TestHistoryNamesUnique checks that no name of a historical office-holder
// is also a name of another built-in person: the finder takes the first
// entry of a shared name whatever the date, so a shared surname would code
// one of the two people with the other's country.
func TestHistoryNamesUnique(t *testing.T) {
	lx, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	owners := map[string]map[string]bool{} // name -> canonical names of the entries
	for _, e := range lx.Entries() {
		if e.Kind != KindPerson {
			continue
		}
		for _, k := range nameKeys(e) {
			if owners[k] == nil {
				owners[k] = map[string]bool{}
			}
			owners[k][e.Names[0]] = true
		}
	}
	n := 0
	for f, es := range historyEntries(t) {
		for _, e := range es {
			n++
			for _, k := range nameKeys(e) {
				if len(owners[k]) > 1 {
					t.Errorf("%s: %q names %d people: %v", f, k, len(owners[k]), owners[k])
				}
			}
		}
	}
	if n < 400 {
		t.Errorf("only %d historical office-holders", n)
	}
}

// TestHistoryTermsClosed checks that the historical tables close every
// term except offices still held: one begun after 2014, or a reigning
// head of state's.
func TestHistoryTermsClosed(t *testing.T) {
	recent := time.Date(2014, 1, 1, 0, 0, 0, 0, time.UTC)
	for f, es := range historyEntries(t) {
		for _, e := range es {
			for _, tm := range e.Terms {
				if tm.From.IsZero() && tm.To.IsZero() {
					continue // the fallback code
				}
				if tm.From.IsZero() {
					t.Errorf("%s: %s: term %s has no start", f, e.Names[0], tm.Code)
				}
				if tm.To.IsZero() && tm.From.Before(recent) && !tm.HasOffice("hos") {
					t.Errorf("%s: %s: term %s from %s is never closed", f, e.Names[0], tm.Code, tm.From.Format("2006-01"))
				}
			}
		}
	}
}

// TestHistoryCoverage checks that the major states have a head of
// government (or a head of state, where that is the office that governs)
// at sample dates from 1985 to 2012, and that the finder codes the holder
// with the country at that date.
func TestHistoryCoverage(t *testing.T) {
	lx, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	f := NewFinder(lx)
	hog := strings.Fields(`USA GBR FRA DEU ITA ESP CAN JPN KOR CHN IND AUS NZL TUR POL NLD BEL GRC PRT NOR DNK SWE FIN
		IDN PHL THA MYS SGP VNM ISR IRN EGY SAU`)
	for _, c := range hog {
		for _, ds := range []string{"1985-07-01", "1995-07-01", "2005-07-01", "2012-07-01"} {
			d := day(ds)
			hs := holdersAt(lx, c, "hog", d)
			if len(hs) == 0 {
				t.Errorf("%s hog %s: no office-holder", c, ds)
				continue
			}
			checkCoded(t, f, c+" hog "+ds, hs[0], c, d)
		}
	}
}
