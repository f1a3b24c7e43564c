package phrase

import (
	"github.com/liaison-project/liaison"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"Japan's Maritime Self-Defense Force", "japan|'s|maritime|self|defense|force"},
		{"the U.S. and U.K. said", "the|u.s.|and|u.k.|said"},
		{"O'Brien, Kanagawa Pref.", "o'brien|,|kanagawa|pref|."},
		{"countries' troops", "countries|'|troops"},
		{"Kim Jong-un’s", "kim|jong|un|'s"},
		{"", ""},
	}
	for _, tc := range tests {
		var got []string
		for _, tk := range Tokenize(tc.in) {
			got = append(got, tk.Lower)
		}
		if g := strings.Join(got, "|"); g != tc.want {
			t.Errorf("Tokenize(%q) = %q, want %q", tc.in, g, tc.want)
		}
	}
}

func TestOffsetsAreCodePoints(t *testing.T) {
	text := "Café in Zürich, “NATO” said"
	runes := []rune(text)
	for _, tk := range Tokenize(text) {
		if string(runes[tk.Start:tk.End]) != tk.Text {
			t.Errorf("token %q at %d:%d reads %q", tk.Text, tk.Start, tk.End, string(runes[tk.Start:tk.End]))
		}
	}
}

func TestTrieLongest(t *testing.T) {
	var tr Trie[int]
	tr.Add("New York", 1)
	tr.Add("New York City", 2)
	tr.Add("York", 3)
	toks := Tokenize("in New York City today")
	n, v := tr.Longest(toks, 1)
	if n != 3 || len(v) != 1 || v[0] != 2 {
		t.Fatalf("Longest = %d %v", n, v)
	}
	if n, _ := tr.Longest(toks, 0); n != 0 {
		t.Fatalf("want no match at 'in', got %d", n)
	}
	if got := tr.Exact("new york"); len(got) != 1 || got[0] != 1 {
		t.Fatalf("Exact = %v", got)
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"U.S.", "Japan's", "a.b", "’s", "x-", "\xff\xfe", "A.B.C.D", "O'", "'s"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := utf8.RuneCountInString(s)
		prev := 0
		for _, tk := range Tokenize(s) {
			if tk.Start < prev || tk.End <= tk.Start || tk.End > n {
				t.Fatalf("bad offsets %d:%d (prev %d, len %d) in %q", tk.Start, tk.End, prev, n, s)
			}
			prev = tk.End
		}
	})
}

func TestChunks(t *testing.T) {
	text := strings.Repeat("Japan met NATO. ", 100)
	var sents []liaison.Span
	for i := 0; i < 100; i++ {
		sents = append(sents, liaison.Span{Start: i * 16, End: i*16 + 15})
	}
	for _, ss := range [][]liaison.Span{sents, nil} {
		cs := Chunks(text, ss, 100)
		if len(cs) < 10 {
			t.Fatalf("only %d chunks", len(cs))
		}
		var b strings.Builder
		for _, c := range cs {
			if c.Offset != utf8.RuneCountInString(b.String()) {
				t.Fatalf("chunk offset %d, want %d", c.Offset, utf8.RuneCountInString(b.String()))
			}
			b.WriteString(c.Text)
		}
		if b.String() != text {
			t.Fatal("chunks do not rebuild the text")
		}
	}
	if cs := Chunks("short", nil, 100); len(cs) != 1 || cs[0].Text != "short" {
		t.Fatalf("short text: %+v", cs)
	}
}
