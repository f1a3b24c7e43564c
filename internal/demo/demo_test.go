package demo

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/oklog/ulid/v2"
)

func TestReports(t *testing.T) {
	reports, err := Reports()
	if err != nil {
		t.Fatal(err)
	}
	if len(reports) < 30 || len(reports) > 40 {
		t.Fatalf("corpus has %d reports, want 30-40", len(reports))
	}
	from := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	titles := map[string]string{}
	markings := map[string]int{}
	for _, r := range reports {
		if r.Title == "" || r.Source == "" || r.Marking == "" || r.Text == "" || r.Name == "" {
			t.Errorf("%s: empty field in %+v", r.Name, r)
		}
		if r.Date.Before(from) || !r.Date.Before(to) {
			t.Errorf("%s: date %s outside 2022-2023", r.Name, r.Date.Format(time.DateOnly))
		}
		if prev, dup := titles[r.Title]; dup {
			t.Errorf("%s: title %q already used by %s", r.Name, r.Title, prev)
		}
		titles[r.Title] = r.Name
		if n := len(strings.Fields(r.Text)); n < 150 || n > 350 {
			t.Errorf("%s: %d words, want 150-350", r.Name, n)
		}
		for _, real := range []string{"Reuters", "Kyodo", "Associated Press", "AFP", "Yonhap", "Nikkei"} {
			if strings.Contains(r.Source, real) {
				t.Errorf("%s: source %q names a real outlet", r.Name, r.Source)
			}
		}
		markings[r.Marking]++
	}
	for _, m := range []string{"PUBLIC", "NATO UNCLASSIFIED", "NATO RESTRICTED // REL TO NATO",
		"NATO RESTRICTED // REL TO NATO, JPN, KOR, AUS, NZL", "NATO CONFIDENTIAL // REL TO NATO"} {
		if markings[m] == 0 {
			t.Errorf("no report marked %q", m)
		}
	}
	if markings["PUBLIC"]*2 < len(reports) {
		t.Errorf("only %d of %d reports are PUBLIC, want most", markings["PUBLIC"], len(reports))
	}
}

// TestSeedEvents checks the corpus covers the events the product was
// conceived from, so the demo shows them.
func TestSeedEvents(t *testing.T) {
	reports, err := Reports()
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, r := range reports {
		all.WriteString(r.Text)
	}
	for _, want := range []string{"Vilnius", "Yokosuka", "liaison office in Tokyo", "Macron", "Madrid",
		"Strategic Concept", "Kishida", "Finland", "Sweden", "AUKUS", "Camp David", "Second Thomas Shoal",
		"Hiroshima", "Solomon Islands", "Reciprocal Access Agreement", "Quad", "Taiwan"} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("no report mentions %q", want)
		}
	}
}

func TestParse(t *testing.T) {
	const good = "title: T\ndate: 2023-07-11\nsource: S\nmarking: PUBLIC\n\nBody text.\n"
	tests := []struct {
		name, in, wantErr string
	}{
		{"good", good, ""},
		{"crlf", strings.ReplaceAll(good, "\n", "\r\n"), ""},
		{"no blank line", "title: T\ndate: 2023-07-11", "no blank line"},
		{"missing marking", "title: T\ndate: 2023-07-11\nsource: S\n\nBody", `"marking" missing`},
		{"bad date", "title: T\ndate: 11 July 2023\nsource: S\nmarking: P\n\nBody", "not YYYY-MM-DD"},
		{"ancient date", "title: T\ndate: 0001-01-01\nsource: S\nmarking: P\n\nBody", "before 1900"},
		{"unknown key", "title: T\ndate: 2023-07-11\nsource: S\nmarking: P\nurl: x\n\nBody", "unknown header"},
		{"duplicate", "title: T\ntitle: U\ndate: 2023-07-11\nsource: S\nmarking: P\n\nBody", "given twice"},
		{"no colon", "title T\n\nBody", "want \"key: value\""},
		{"empty value", "title:\n\nBody", "want \"key: value\""},
		{"empty text", "title: T\ndate: 2023-07-11\nsource: S\nmarking: P\n\n \n", "empty text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse("x.txt", tt.in)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				if r.Title != "T" || r.Source != "S" || r.Marking != "PUBLIC" || r.Text != "Body text." ||
					!r.Date.Equal(time.Date(2023, 7, 11, 0, 0, 0, 0, time.UTC)) {
					t.Fatalf("got %+v", r)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), "x.txt") ||
				!errors.Is(err, liaison.ErrInvalid) {
				t.Fatalf("err = %v, want one naming x.txt containing %q wrapping ErrInvalid", err, tt.wantErr)
			}
		})
	}
}

func TestDocuments(t *testing.T) {
	var seen []string
	mark := func(s string) (liaison.Marking, error) {
		seen = append(seen, s)
		return liaison.Marking{Classification: s}, nil
	}
	docs, err := Documents(mark)
	if err != nil {
		t.Fatal(err)
	}
	reports, _ := Reports()
	if len(docs) != len(reports) || len(seen) != len(reports) {
		t.Fatalf("%d docs, %d markings parsed, %d reports", len(docs), len(seen), len(reports))
	}
	for i, d := range docs {
		r := reports[i]
		if d.ID != "" || d.ContentHash != "" || d.Title != r.Title || d.Source != r.Source || d.Text != r.Text ||
			!d.Published.Equal(r.Date) || d.DateSource != liaison.DateFromInput || d.Marking.Classification != r.Marking {
			t.Errorf("doc %d = %+v, from %s", i, d, r.Name)
		}
	}
	if _, err := reports[0].Document(nil); !errors.Is(err, liaison.ErrInvalid) {
		t.Errorf("nil marking parser: err = %v, want ErrInvalid", err)
	}
	bad := func(string) (liaison.Marking, error) { return liaison.Marking{}, liaison.ErrInvalid }
	if _, err := Documents(bad); !errors.Is(err, liaison.ErrInvalid) || !strings.Contains(err.Error(), reports[0].Name) {
		t.Errorf("failing marking parser: err = %v", err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add("title: T\ndate: 2023-07-11\nsource: S\nmarking: PUBLIC\n\nBody text.\n")
	f.Add("title:\n\n")
	f.Add(":\n\n\n")
	f.Fuzz(func(t *testing.T, s string) {
		r, err := Parse("fuzz.txt", s)
		if err == nil && (r.Title == "" || r.Source == "" || r.Marking == "" || r.Text == "" || r.Date.IsZero()) {
			t.Fatalf("accepted incomplete report %+v", r)
		}
	})
}

func BenchmarkReports(b *testing.B) {
	for b.Loop() {
		if _, err := Reports(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestVariedMarkings: the corpus shows what markings do — a NATO SECRET
// report, a caveated one, one releasable to a single nation and one
// releasable to the EU group — besides most reports being PUBLIC.
func TestVariedMarkings(t *testing.T) {
	reports, err := Reports()
	if err != nil {
		t.Fatal(err)
	}
	has := map[string]bool{}
	for _, r := range reports {
		m := r.Marking
		rel := ""
		if _, after, ok := strings.Cut(m, "REL TO "); ok {
			rel = after
		}
		has["secret"] = has["secret"] || strings.HasPrefix(m, "NATO SECRET")
		has["caveat"] = has["caveat"] || strings.Count(m, "//") > strings.Count(m, "REL TO")
		has["one nation"] = has["one nation"] || (len(rel) == 3 && rel != "EU" && !strings.Contains(rel, ","))
		has["EU"] = has["EU"] || rel == EUGroup
	}
	for _, want := range []string{"secret", "caveat", "one nation", "EU"} {
		if !has[want] {
			t.Errorf("no report marked with %s", want)
		}
	}
}

// TestEUMemberships: dated memberships, with the United Kingdom's ending.
func TestEUMemberships(t *testing.T) {
	ns := WithEU([]liaison.Nation{{Code: "FRA"}, {Code: "GBR"}, {Code: "USA"}, {Code: "HRV"},
		{Code: "SWE", Groups: []liaison.Membership{{Group: "NATO"}}}})
	at := func(code string, y, m, d int) bool {
		for _, n := range ns {
			if n.Code == code {
				return n.MemberOf(EUGroup, time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC))
			}
		}
		return false
	}
	for _, c := range []struct {
		code    string
		y, m, d int
		want    bool
	}{
		{"FRA", 2023, 7, 1, true}, {"GBR", 2019, 12, 31, true}, {"GBR", 2020, 1, 31, true}, {"GBR", 2020, 2, 1, false},
		{"USA", 2023, 7, 1, false}, {"HRV", 2013, 6, 30, false}, {"HRV", 2013, 7, 1, true}, {"SWE", 2023, 7, 1, true},
	} {
		if got := at(c.code, c.y, c.m, c.d); got != c.want {
			t.Errorf("%s in EU on %d-%02d-%02d = %v; want %v", c.code, c.y, c.m, c.d, got, c.want)
		}
	}
	if len(ns[4].Groups) != 2 || ns[4].Groups[0].Group != "NATO" {
		t.Errorf("SWE groups %v: the NATO membership must stay", ns[4].Groups)
	}
	for code := range euAccessions {
		if _, ok := EUMembership(code); !ok {
			t.Errorf("no membership for %s", code)
		}
	}
}

// TestNotes: the demo notes have stable, distinct, valid ULIDs (so loading
// twice stores each once) dated by the note, and non-empty texts.
func TestNotes(t *testing.T) {
	a, b := Notes(), Notes()
	seen := map[string]bool{}
	for i, n := range a {
		id, err := ulid.ParseStrict(n.ID)
		if err != nil {
			t.Fatalf("note %d: id %q: %v", i, n.ID, err)
		}
		if n.ID != b[i].ID || seen[n.ID] {
			t.Errorf("note %d: id %q not stable or not unique", i, n.ID)
		}
		seen[n.ID] = true
		if ulid.Time(id.Time()).UTC() != n.Date {
			t.Errorf("note %d: id time %v, want %v", i, ulid.Time(id.Time()), n.Date)
		}
		if n.Text == "" || n.Actor == "" || n.Marking == "" {
			t.Errorf("note %d: %+v", i, n)
		}
	}
}
