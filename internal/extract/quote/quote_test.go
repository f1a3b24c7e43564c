package quote

import (
	"os"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/extract/sentence"
	"github.com/liaison-project/liaison/internal/shareddata"
)

// mention builds an actor mention over the first occurrence of s.
func mention(text, s, name, code, kind string) liaison.ActorMention {
	i := strings.Index(text, s)
	start := len([]rune(text[:i]))
	return liaison.ActorMention{Text: s, Name: name, Code: code, Kind: kind, Start: start, End: start + len([]rune(s))}
}

func TestFind(t *testing.T) {
	for _, tt := range append(append(append(shapeCases(), speakerCases()...), subjectCases()...), cueCases()...) {
		t.Run(tt.name, func(t *testing.T) {
			var actors []liaison.ActorMention
			if tt.actors != nil {
				actors = tt.actors(tt.text)
			}
			var got []string
			for _, q := range Find(tt.text, sentence.Split(tt.text), actors) {
				got = append(got, q.Speaker+"|"+q.SpeakerCode+"|"+q.Text)
				if string([]rune(tt.text)[q.Start:q.End]) != q.Text {
					t.Errorf("offsets %d-%d do not give %q", q.Start, q.End, q.Text)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestSeedQuotes(t *testing.T) {
	b, err := os.ReadFile(shareddata.Need(t, "data/seed/000_9dd6a84f78e3ca2e.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	actors := []liaison.ActorMention{
		mention(text, "Kishida Fumio", "Kishida Fumio", "JPNGOV", "person"),
		mention(text, "Sakai Ryo", "Sakai Ryo", "JPNMIL", "person"),
	}
	qs := Find(text, sentence.Split(text), actors)
	want := []struct{ speaker, code, text string }{
		{"Kishida", "JPN", "The Indo-Pacific region cannot be separated from Europe"},
		{"Sakai", "JPN", "of exchanging information on the operation of F-35 fighter jets"},
	}
	if len(qs) != len(want) {
		t.Fatalf("got %d quotes, want %d: %+v", len(qs), len(want), qs)
	}
	for i, w := range want {
		q := qs[i]
		if !strings.Contains(q.Speaker, w.speaker) || !strings.HasPrefix(q.SpeakerCode, w.code) || !strings.Contains(q.Text, w.text) {
			t.Errorf("quote %d = %+v, want %+v", i, q, w)
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{`"a b c," he said.`, `X said, "`, "\"\n\n\"", `according to`, `“”"”“`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := len([]rune(s))
		for _, q := range Find(s, sentence.Split(s), nil) {
			if q.Start < 0 || q.End > n || q.Start > q.End {
				t.Fatalf("bad quote %+v in %q", q, s)
			}
		}
	})
}

func TestFindHugeText(t *testing.T) {
	text := strings.Repeat(`word "a b c d" he said and `, 40000) // ~1 MB, one sentence
	// Quadratic finding would not finish within go test's own timeout; the
	// speed is a benchmark's to measure (BenchmarkFindHugeText).
	if n := len(Find(text, sentence.Split(text), nil)); n == 0 {
		t.Error("no quotes found")
	}
}

func TestFindHugeTextWithActors(t *testing.T) {
	unit := `Smith met Jones, who told "a b c d" he said and `
	text := strings.Repeat(unit, 20000) // ~1 MB, one sentence, 40k mentions
	var actors []liaison.ActorMention
	n := len([]rune(unit))
	for i := 0; i < 20000; i++ {
		actors = append(actors, liaison.ActorMention{Text: "Smith", Name: "Ann Smith", Kind: "person", Start: i * n, End: i*n + 5},
			liaison.ActorMention{Text: "Jones", Name: "Bob Jones", Kind: "person", Start: i*n + 10, End: i*n + 15})
	}
	// A quadratic attribution would not finish here within go test's own
	// timeout; its speed is measured by BenchmarkFindHugeText, not asserted.
	if n := len(Find(text, sentence.Split(text), actors)); n == 0 {
		t.Error("no quotes found")
	}
}

// BenchmarkFindHugeText measures quote finding over one ~1 MB sentence with
// 40,000 actor mentions: linear attribution keeps it to a fraction of a
// second.
func BenchmarkFindHugeText(b *testing.B) {
	unit := `Smith met Jones, who told "a b c d" he said and `
	text := strings.Repeat(unit, 20000)
	var actors []liaison.ActorMention
	n := len([]rune(unit))
	for i := 0; i < 20000; i++ {
		actors = append(actors, liaison.ActorMention{Text: "Smith", Name: "Ann Smith", Kind: "person", Start: i * n, End: i*n + 5},
			liaison.ActorMention{Text: "Jones", Name: "Bob Jones", Kind: "person", Start: i*n + 10, End: i*n + 15})
	}
	sents := sentence.Split(text)
	for b.Loop() {
		Find(text, sents, actors)
	}
}
