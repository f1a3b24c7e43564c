package sentence

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/liaison-project/liaison"
)

func texts(text string, spans []liaison.Span) []string {
	r := []rune(text)
	out := make([]string, len(spans))
	for i, s := range spans {
		out[i] = string(r[s.Start:s.End])
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"empty", "", nil},
		{"blank", " \n\t ", nil},
		{"two", "Japan will attend. NATO agreed.", []string{"Japan will attend.", "NATO agreed."}},
		{"month abbrev", "The summit (Jul. 11, Jul. 12) is in Vilnius. It ends.", []string{"The summit (Jul. 11, Jul. 12) is in Vilnius.", "It ends."}},
		{"pref in brackets", "The base (Yokosuka City, Kanagawa Pref.) for the first time. Next.", []string{"The base (Yokosuka City, Kanagawa Pref.) for the first time.", "Next."}},
		{"us mid", "The U.S. Navy and the U.S. Army met. Then.", []string{"The U.S. Navy and the U.S. Army met.", "Then."}},
		{"us end", "He flew to the U.S. The talks began.", []string{"He flew to the U.S.", "The talks began."}},
		{"titles", "Gen. Milley met Dr. Jhung and Adm. Sakai. They spoke.", []string{"Gen. Milley met Dr. Jhung and Adm. Sakai.", "They spoke."}},
		{"initials", "George W. Bush and J. R. Smith left. Done.", []string{"George W. Bush and J. R. Smith left.", "Done."}},
		{"number", "No. 10 said prices rose 3.5 percent. Markets fell.", []string{"No. 10 said prices rose 3.5 percent.", "Markets fell."}},
		{"quote close", `He said, "We will go." Then he left.`, []string{`He said, "We will go."`, "Then he left."}},
		{"quote curly", "He said, “We will go. We must.” Then he left.", []string{"He said, “We will go.", "We must.”", "Then he left."}},
		{"quote lower after", `"Help!" he said. Fine.`, []string{`"Help!" he said.`, "Fine."}},
		{"ellipsis", "He paused... and went on. Then... Silence.", []string{"He paused... and went on.", "Then...", "Silence."}},
		{"headline", "Japan to attend NATO summit\nTokyo said on Monday it would attend.", []string{"Japan to attend NATO summit", "Tokyo said on Monday it would attend."}},
		{"date line", "July 9, 2023\nJapan will attend.", []string{"July 9, 2023", "Japan will attend."}},
		{"dateline", "TOKYO, July 4 (Reuters) - Japan said it would attend. More.", []string{"TOKYO, July 4 (Reuters) - Japan said it would attend.", "More."}},
		{"wrapped", "Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since\nearly January. Farmers said.", []string{"Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since\nearly January.", "Farmers said."}},
		{"paragraphs", "First paragraph without stop\n\nSecond one.", []string{"First paragraph without stop", "Second one."}},
		{"question", "Will it work? Nobody knows!", []string{"Will it work?", "Nobody knows!"}},
		{"inc", "Shares of Acme Corp. rose. The company said.", []string{"Shares of Acme Corp. rose.", "The company said."}},
		{"wrapped first line", "Standard Oil Co and BP North America\nInc said they plan to form a venture to manage the money market\nborrowing of both companies.", []string{"Standard Oil Co and BP North America\nInc said they plan to form a venture to manage the money market\nborrowing of both companies."}},
		{"indented paragraph", "Prices rose in the week to\nFriday, traders said\n    The dry period continues.", []string{"Prices rose in the week to\nFriday, traders said", "The dry period continues."}},
		{"year end", "It happened in 2022. Later.", []string{"It happened in 2022.", "Later."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := texts(tt.text, Split(tt.text))
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Split(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{"", "A. B.", "U.S. Gen. X said, \"y.\" z", "a\n\nb\nC", "...", "\"'.)\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		n := utf8.RuneCountInString(s)
		prev := 0
		for _, sp := range Split(s) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > n {
				t.Fatalf("bad span %+v (prev %d, len %d) in %q", sp, prev, n, s)
			}
			prev = sp.End
		}
	})
}
