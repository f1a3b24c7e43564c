package sqlite

import (
	"context"
	"errors"
	"testing"

	"github.com/liaison-project/liaison"
)

func TestFTSQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"vilnius", `"vilnius"`},
		{"NATO summit", `"NATO" "summit"`},
		{`"liaison office" tokyo`, `"liaison office" "tokyo"`},
		{"yoko*", `"yoko"*`},
		{`"patrol ves"*`, `"patrol ves"*`},
		{"a OR b", `"a" OR "b"`},
		{"a NOT b", `"a" NOT "b"`},
		{"title:summit", `"title:summit"`},
		{"NEAR(a b)", `"NEAR" "a" "b"`},
		{"and or", `"and" "or"`},
		{"a - b", `"a" "b"`},
	}
	for _, tc := range tests {
		got, err := FTSQuery(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("FTSQuery(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

// FuzzFTSQuery checks that any input either is refused with ErrInvalid or
// becomes a query that SQLite's FTS5 accepts.
func FuzzFTSQuery(f *testing.F) {
	for _, s := range []string{"vilnius", `"a b"*`, "a OR b", "NOT", `"`, "x*y", "NEAR(a b)", "a:b", "日本 OR 韓国", "(", "^a"} {
		f.Add(s)
	}
	db := openTest(f)
	sys := liaison.SystemContext(context.Background())
	if _, err := db.PutDocument(sys, &liaison.Document{Title: "t", Text: "some text for the fuzzer"}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		match, err := FTSQuery(q)
		if err != nil && !errors.Is(err, liaison.ErrInvalid) {
			t.Fatalf("FTSQuery(%q): %v", q, err)
		}
		if err == nil {
			var n int
			if err := db.db.QueryRow(`SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?`, match).Scan(&n); err != nil {
				t.Fatalf("FTSQuery(%q) = %q, which FTS5 refuses: %v", q, match, err)
			}
		}
		_, err = db.Search(sys, liaison.SearchQuery{Query: q})
		if err != nil && !errors.Is(err, liaison.ErrInvalid) {
			t.Fatalf("Search(%q): %v", q, err)
		}
	})
}
