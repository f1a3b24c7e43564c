package quote

import (
	"os"
	"strings"
	"testing"
	"time"

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
	tests := []struct {
		name   string
		text   string
		actors func(string) []liaison.ActorMention
		want   []string // "speaker|code|text"
	}{
		{"said comma", `Macron said, "We oppose the office in Tokyo."`, nil, []string{`Macron||We oppose the office in Tokyo.`}},
		{"quote then X said", `"We will attend the summit," Kishida said.`, nil, []string{`Kishida||We will attend the summit,`}},
		{"quote then said X", `"We will attend the summit," said Dr. Jhung of the CDC.`, nil, []string{`Dr. Jhung||We will attend the summit,`}},
		{"according to", `According to the minister, "nothing has been decided yet" on the matter.`, nil, []string{`the minister||nothing has been decided yet`}},
		{"split quote", `"We will go," Kishida said, "and we will stay there."`, nil, []string{`Kishida||We will go,`, `Kishida||and we will stay there.`}},
		{"official", `"The talks were useful," a senior official said.`, nil, []string{`a senior official||The talks were useful,`}},
		{"question cue", `"Why would we leave the alliance now?" Stoltenberg asked.`, nil, []string{`Stoltenberg||Why would we leave the alliance now?`}},
		{"apposition", `"We stand with Ukraine," Kishida, the prime minister, said.`, nil, []string{`Kishida||We stand with Ukraine,`}},
		{"scare quotes", `Japan as a NATO "partner country" will attend.`, nil, nil},
		{"continuation", `"We will go there," he said. "It is important for us all."`, func(s string) []liaison.ActorMention {
			return nil
		}, []string{`he||We will go there,`, `he||It is important for us all.`}},
		{"pronoun to actor", `Stoltenberg arrived on Monday. "Allies stand together now," he said.`, func(s string) []liaison.ActorMention {
			return []liaison.ActorMention{mention(s, "Stoltenberg", "Jens Stoltenberg", "IGOWSTNAT", "person")}
		}, []string{`Jens Stoltenberg|IGOWSTNAT|Allies stand together now,`}},
		{"actor covers speaker", `Japan's Prime Minister Kishida Fumio said, "The region matters to us."`, func(s string) []liaison.ActorMention {
			return []liaison.ActorMention{mention(s, "Japan", "Japan", "JPN", "country"), mention(s, "Kishida Fumio", "Kishida Fumio", "JPNGOV", "person")}
		}, []string{`Kishida Fumio|JPNGOV|The region matters to us.`}},
		{"unclosed paragraph", "The minister said: \"We will stay the course.\n\n\"We will not give up.\"", nil, []string{`The minister||We will stay the course.`, `The minister||We will not give up.`}},
	}
	for _, tt := range tests {
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
	done := make(chan int, 1)
	go func() { done <- len(Find(text, sentence.Split(text), nil)) }()
	select {
	case n := <-done:
		if n == 0 {
			t.Error("no quotes found")
		}
	case <-time.After(20 * time.Second):
		t.Fatal("quote finding is not linear in the text")
	}
}
