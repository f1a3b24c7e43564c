package actor

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison/internal/shareddata"
)

func TestParseDictionary(t *testing.T) {
	in := `# comment
person | Jane Roe; Roe | XYZGOV 2020-01-01..2022-06; XYZELI
organisation | Acme Rebels | XYZREB
bogus line
person | Nobody | lowercase
`
	es, err := ParseDictionary(strings.NewReader(in), "test.txt")
	if err == nil || !strings.Contains(err.Error(), "test.txt:4") || !strings.Contains(err.Error(), "test.txt:5") {
		t.Fatalf("want errors naming lines 4 and 5, got %v", err)
	}
	if len(es) != 2 {
		t.Fatalf("got %d entries, want 2", len(es))
	}
	tests := []struct {
		date time.Time
		want string
	}{
		{time.Date(2021, 5, 1, 0, 0, 0, 0, time.UTC), "XYZGOV"},
		{time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC), "XYZELI"},
		{time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC), "XYZELI"},
	}
	for _, tc := range tests {
		if got := es[0].CodeAt(tc.date); got != tc.want {
			t.Errorf("CodeAt(%v) = %s, want %s", tc.date, got, tc.want)
		}
	}
}

func TestUserDictionary(t *testing.T) {
	p := filepath.Join(t.TempDir(), "mine.txt")
	if err := os.WriteFile(p, []byte("person | Jane Roe | XYZGOV\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := New(Options{Files: []string{p}})
	if err != nil {
		t.Fatal(err)
	}
	got := f.Find("Jane Roe said hello.", nil, time.Time{})
	if len(got) != 1 || got[0].Code != "XYZGOV" {
		t.Fatalf("got %+v", got)
	}
	if _, err := New(Options{Files: []string{filepath.Join(t.TempDir(), "missing.txt")}}); err == nil {
		t.Fatal("want error for a missing file")
	}
}

func TestPetrarchDictionaries(t *testing.T) {
	dir := shareddata.Need(t, "data/eventcoding/petrarch")
	start := time.Now()
	f, err := New(Options{
		PetrarchActors: []string{filepath.Join(dir, "Phoenix.Countries.actors.txt"), filepath.Join(dir, "Phoenix.International.actors.txt")},
		PetrarchAgents: filepath.Join(dir, "Phoenix.agents.txt"),
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("loaded Phoenix actors+agents in %v", time.Since(start))
	got := f.Find("Hosni Mubarak met Thai farmers.", nil, time.Date(2005, 1, 1, 0, 0, 0, 0, time.UTC))
	codes := map[string]bool{}
	for _, m := range got {
		codes[m.Code] = true
	}
	if !codes["EGYGOV"] || !codes["THAAGR"] {
		t.Fatalf("want EGYGOV and THAAGR from Phoenix, got %+v", got)
	}
}

func FuzzParseDictionary(f *testing.F) {
	f.Add("person | A B; B | ABCGOV 2020..2021; ABCELI\n")
	f.Add("organisation | X | IGO\n# c\n|||\n")
	f.Add("country | Y | ZZZ ..\n")
	f.Fuzz(func(t *testing.T, s string) {
		es, _ := ParseDictionary(strings.NewReader(s), "fuzz")
		for _, e := range es {
			if len(e.Names) == 0 || len(e.Terms) == 0 {
				t.Fatalf("entry without names or codes: %+v", e)
			}
			_ = e.CodeAt(time.Now())
		}
	})
}
