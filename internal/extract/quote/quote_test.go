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
		{"apposition and relative clause cue, then she", "Angelique Brunner, a developer and spokeswoman for the EB-5 Coalition, which is made up of investors, said many examples were wrong.\n\n\"It is hard to convince them of that,\" she said.", nil,
			[]string{`Angelique Brunner||It is hard to convince them of that,`}},
		{"he said chain skips objects", "Don Fowler said the party should be ready. That is why, he argued, loyalists to Joe Biden and Bernie Sanders matter.\n\n\"This is a different time for us all,\" he said.", func(s string) []liaison.ActorMention {
			return []liaison.ActorMention{mention(s, "Joe Biden", "Joe Biden", "USAGOV", "person"), mention(s, "Bernie Sanders", "Bernie Sanders", "USALEG", "person")}
		}, []string{`Don Fowler||This is a different time for us all,`}},
		{"she skips a man", "Mr. Grassley met Maria Lopez on Monday.\n\n\"We will keep going with this,\" she said.", func(s string) []liaison.ActorMention {
			return []liaison.ActorMention{mention(s, "Mr. Grassley", "Chuck Grassley", "USALEG", "person"), mention(s, "Maria Lopez", "Maria Lopez", "", "person")}
		}, []string{`Maria Lopez||We will keep going with this,`}},
		{"gender from apposition", "Clinton criticized the officer for shooting Terence Crutcher, a 40-year-old unarmed black man.\n\n\"How many times do we have to see this?\" she said.", func(s string) []liaison.ActorMention {
			return []liaison.ActorMention{mention(s, "Clinton", "Hillary Clinton", "USAELI", "person"), mention(s, "Terence Crutcher", "Terence Crutcher", "", "person")}
		}, []string{`Hillary Clinton|USAELI|How many times do we have to see this?`}},
		{"byline dash", "“Mr. Trump embodies a lasting legacy of racism.” ― Sonya Herrid\n", nil, []string{`Sonya Herrid||Mr. Trump embodies a lasting legacy of racism.`}},
		{"participle hangs off the main clause", "Dean, a former party chairman, poked at Trump's sniffing during the debate, tweeting, “Notice Trump sniffing all the time.”", nil,
			[]string{`Dean||Notice Trump sniffing all the time.`}},
		{"the minister is the last titled person", "Foreign Minister Wang Yi arrived in Jakarta on Monday.\n\n\"We support the talks fully,\" the minister said.", func(s string) []liaison.ActorMention {
			return []liaison.ActorMention{mention(s, "Wang Yi", "Wang Yi", "CHNGOV", "person"), mention(s, "Jakarta", "Indonesia", "IDN", "country")}
		}, []string{`Wang Yi|CHNGOV|We support the talks fully,`}},
		{"surname of another person", "Rakeyia Scott can be heard yelling at the officers.\n\n\"Don't shoot him, please,\" she says.", func(s string) []liaison.ActorMention {
			return []liaison.ActorMention{mention(s, "Scott", "Keith Lamont Scott", "", "person")}
		}, []string{`Rakeyia Scott||Don't shoot him, please,`}},
		{"speech noun is not a cue", `Minyon Moore, a senior adviser, called Mr. Obama's remarks "a true wake-up call" to them.`, nil, []string{`Minyon Moore||a true wake-up call`}},
		{"lead-in sentence speaks", "\"We will win this,\" Pence said.\n\nOn Sunday, Sen. Bernie Sanders identified young voters as the key. \"The younger people are ready for this.\"", func(s string) []liaison.ActorMention {
			return []liaison.ActorMention{mention(s, "Pence", "Mike Pence", "USAGOV", "person"), mention(s, "Bernie Sanders", "Bernie Sanders", "USALEG", "person")}
		}, []string{`Mike Pence|USAGOV|We will win this,`, `Bernie Sanders|USALEG|The younger people are ready for this.`}},
		{"state after a name", `"Our assumption is that the veto will be overridden," Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday.`, nil,
			[]string{`Senate Majority Leader Mitch McConnell||Our assumption is that the veto will be overridden,`}},
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

func TestFindHugeTextWithActors(t *testing.T) {
	unit := `Smith met Jones, who told "a b c d" he said and `
	text := strings.Repeat(unit, 20000) // ~1 MB, one sentence, 40k mentions
	var actors []liaison.ActorMention
	n := len([]rune(unit))
	for i := 0; i < 20000; i++ {
		actors = append(actors, liaison.ActorMention{Text: "Smith", Name: "Ann Smith", Kind: "person", Start: i * n, End: i*n + 5},
			liaison.ActorMention{Text: "Jones", Name: "Bob Jones", Kind: "person", Start: i*n + 10, End: i*n + 15})
	}
	done := make(chan int, 1)
	go func() { done <- len(Find(text, sentence.Split(text), actors)) }()
	select {
	case n := <-done:
		if n == 0 {
			t.Error("no quotes found")
		}
	case <-time.After(20 * time.Second):
		t.Fatal("quote attribution is not linear in the text")
	}
}
