package web

import (
	"html/template"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestHighlight(t *testing.T) {
	tests := []struct {
		name string
		text string
		anns []annotation
		want template.HTML
	}{
		{"none", "a < b", nil, "a &lt; b"},
		{"one", "Japan met NATO", []annotation{{0, 5, "actor", "JPN", 2, ""}}, `<mark class="actor" title="JPN">Japan</mark> met NATO`},
		{"code points", "Ōsaka & Tōkyō", []annotation{{8, 13, "place", "Tokyo", 2, ""}}, `Ōsaka &amp; <mark class="place" title="Tokyo">Tōkyō</mark>`},
		{"nested", "He said: \"Japan wins\".", []annotation{{0, 21, "ev", "e", 0, ""}, {9, 21, "quote", "q", 1, ""}, {10, 15, "actor", "a", 2, ""}},
			`<mark class="ev" title="e">He said: <mark class="quote" title="q">&#34;<mark class="actor" title="a">Japan</mark> wins&#34;</mark></mark>.`},
		{"crossing is clipped", "abcdef", []annotation{{0, 4, "a", "", 2, ""}, {2, 6, "b", "", 2, ""}},
			`<mark class="a" title="">ab<mark class="b" title="">cd</mark></mark>ef`},
		{"out of range", "abc", []annotation{{-3, 2, "a", "", 2, ""}, {2, 99, "b", "", 2, ""}, {5, 9, "c", "", 2, ""}, {2, 2, "d", "", 2, ""}},
			`<mark class="a" title="">ab</mark><mark class="b" title="">c</mark>`},
		{"title escaped", "x", []annotation{{0, 1, "a", `"><script>`, 2, ""}}, `<mark class="a" title="&#34;&gt;&lt;script&gt;">x</mark>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := highlight(tt.text, tt.anns); got != tt.want {
				t.Errorf("highlight =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestSnippetHTML(t *testing.T) {
	tests := map[string]template.HTML{
		"the [[Vilnius]] summit": "the <mark>Vilnius</mark> summit",
		"a [[b]] and [[c]]":      "a <mark>b</mark> and <mark>c</mark>",
		"<b>[[x & y]]</b>":       "&lt;b&gt;<mark>x &amp; y</mark>&lt;/b&gt;",
		"unbalanced [[ here":     "unbalanced [[ here",
		"stray ]] then [[ok]]":   "stray ]] then <mark>ok</mark>",
	}
	for in, want := range tests {
		if got := snippetHTML(in); got != want {
			t.Errorf("snippetHTML(%q) = %q; want %q", in, got, want)
		}
	}
}

// FuzzHighlight checks the highlighter never panics and always produces
// balanced marks whatever the offsets.
func FuzzHighlight(f *testing.F) {
	f.Add("Japan met NATO in Vilnius", 0, 5, 18, 25, 3, 30)
	f.Add("Ōsaka", -1, 2, 1, 9, 0, 0)
	f.Fuzz(func(t *testing.T, text string, a, b, c, d, e, g int) {
		if !utf8.ValidString(text) {
			return
		}
		out := string(highlight(text, []annotation{{a, b, "x", "t", 2, ""}, {c, d, "y", "u", 1, "s1"}, {e, g, "z", "v", 0, ""}}))
		if strings.Count(out, "<mark") != strings.Count(out, "</mark>") {
			t.Fatalf("unbalanced: %s", out)
		}
		if strings.Contains(out, "<script") {
			t.Fatalf("unescaped: %s", out)
		}
	})
}

// FuzzSnippet checks snippets never leak raw markup.
func FuzzSnippet(f *testing.F) {
	f.Add("a [[b]] <i>c</i>")
	f.Fuzz(func(t *testing.T, s string) {
		out := string(snippetHTML(s))
		stripped := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(out)
		if strings.ContainsAny(stripped, "<>") {
			t.Fatalf("raw markup in %q", out)
		}
	})
}
