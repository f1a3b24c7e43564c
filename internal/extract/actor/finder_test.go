package actor

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func mustFinder(t testing.TB) *Finder {
	t.Helper()
	f, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// render lists mentions as "text=CODE/kind".
func render(f *Finder, text string, date time.Time) string {
	var parts []string
	for _, m := range f.Find(text, nil, date) {
		parts = append(parts, fmt.Sprintf("%s=%s/%s", m.Text, m.Code, m.Kind))
	}
	return strings.Join(parts, " ")
}

func TestFind(t *testing.T) {
	f := mustFinder(t)
	tests := []struct {
		name, text, date, want string
	}{
		{"country and IGO", "Japan will attend the NATO summit.", "2023-07-09",
			"Japan=JPN/country NATO=IGOWSTNAT/organisation"},
		{"demonym and role", "Italian Navy ships and Japanese troops arrived.", "2023-07-09",
			"Italian Navy=ITAMIL/military Japanese troops=JPNMIL/military"},
		{"own body", "Japan's Maritime Self-Defense Force hosted them.", "2023-07-09",
			"Japan's Maritime Self-Defense Force=JPNMIL/military"},
		{"definite government", "NATO is discussing with the Japanese government.", "2023-07-09",
			"NATO=IGOWSTNAT/organisation Japanese government=JPNGOV/government"},
		{"title and office-holder", "French President Macron informed NATO's General Secretary Stoltenberg.", "2023-07-09",
			"French President Macron=FRAGOV/person NATO's General Secretary Stoltenberg=IGOWSTNAT/person"},
		{"term ended", "Stoltenberg spoke in Oslo.", "2025-06-01", "Stoltenberg=NORGOV/person"},
		{"successor", "Mark Rutte spoke.", "2024-10-02", "Mark Rutte=IGOWSTNAT/person"},
		{"before the term", "Mark Rutte spoke.", "2023-07-09", "Mark Rutte=NLDGOV/person"},
		{"prime minister by date", "Prime Minister Ishiba spoke.", "2025-01-10", "Prime Minister Ishiba=JPNGOV/person"},
		{"Japanese name order", "Kishida Fumio met Fumio Kishida.", "2023-01-01",
			"Kishida Fumio=JPNGOV/person Fumio Kishida=JPNGOV/person"},
		{"apposition and short name", "JMSDF Chief of Staff, Admiral Sakai Ryo, spoke. Sakai said so. He smiled.", "2023-07-09",
			"JMSDF Chief of Staff, Admiral Sakai Ryo=JPNMIL/person Sakai=JPNMIL/person He=JPNMIL/person"},
		{"capital metonym", "Tokyo said it would respond. He lives in Tokyo.", "2023-07-09", "Tokyo=JPNGOV/government"},
		{"capital possessive", "Beijing's claims and Tokyo's Shinjuku ward.", "2023-07-09", "Beijing=CHN/country"},
		{"the country", "China was named. NATO called the country a challenge.", "2023-07-09",
			"China=CHN/country NATO=IGOWSTNAT/organisation the country=CHN/country"},
		{"definite role", "Japan protested. The government said its navy would sail.", "2023-07-09",
			"Japan=JPN/country The government=JPNGOV/government its navy=JPNMIL/military"},
		{"generic body of a country", "Japan's Ministry of Defence and Britain's Ministry of Defence met.", "2023-07-09",
			"Japan's Ministry of Defence=JPNGOVMIL/government Britain's Ministry of Defence=GBRGOVMIL/government"},
		{"role of country", "The President of France spoke.", "2023-07-09", "President of France=FRAGOV/person"},
		{"acronym needs capitals", "Let us go. The US agreed.", "2023-07-09", "US=USA/country"},
		{"weak surname needs context", "Kim went home.", "2023-07-09", ""},
		{"unknown titled person", "Defense Minister Jane Roe of Japan spoke.", "2023-07-09", "Defense Minister Jane Roe of Japan=JPNGOVMIL/person"},
		{"titled known office-holder, no country", "Prime Minister Manasseh Sogavare spoke.", "2023-07-09",
			"Prime Minister Manasseh Sogavare=SLBGOV/person"},
		{"titled unknown name, no country", "Prime Minister John Doerty spoke.", "2023-07-09",
			"Prime Minister John Doerty=/person"},
		{"it as subject", "NATO met on Monday. It said the talks went well.", "2023-07-09",
			"NATO=IGOWSTNAT/organisation It=IGOWSTNAT/organisation"},
		{"they after a country", "China sent ships, and they sailed past Japan.", "2023-07-09",
			"China=CHN/country they=CHN/country Japan=JPN/country"},
		{"expletive it", "Japan met NATO. It is expected to rain.", "2023-07-09",
			"Japan=JPN/country NATO=IGOWSTNAT/organisation"},
		{"it skips a person", "NATO met Kishida. It said the talks went well.", "2023-07-09",
			"NATO=IGOWSTNAT/organisation Kishida=JPNGOV/person It=IGOWSTNAT/organisation"},
		{"acronym defined in text", "The Bureau of Animal Industry (BAI) said BAI staff left.", "2023-07-09",
			"Bureau of Animal Industry=/organisation BAI=/organisation BAI=/organisation"},
		{"acronym of a coded body", "The Japan Coast Guard (JCG) said JCG ships left.", "2023-07-09",
			"Japan Coast Guard=JPNMIL/military JCG=JPNMIL/military JCG=JPNMIL/military"},
		{"acronym of a place is no organisation", "Horses in New South Wales (NSW) were banned.", "2023-07-09", ""},
		{"initial and surname", "The bowler D. Gough took five wickets.", "2023-07-09", "D. Gough=/person"},
		{"state abbreviation is no initial", "He lives in Charleston, W. Va. now.", "2023-07-09", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := render(f, tc.text, day(tc.date)); got != tc.want {
				t.Errorf("Find(%q)\n got  %s\n want %s", tc.text, got, tc.want)
			}
		})
	}
}

func TestOffsetsAndSentences(t *testing.T) {
	f := mustFinder(t)
	text := "Café owners cheered. “Japan” agreed."
	runes := []rune(text)
	got := f.Find(text, nil, time.Time{})
	if len(got) == 0 {
		t.Fatal("no mentions")
	}
	for _, m := range got {
		if string(runes[m.Start:m.End]) != m.Text {
			t.Errorf("mention %q at %d:%d reads %q", m.Text, m.Start, m.End, string(runes[m.Start:m.End]))
		}
	}
}

func TestBadInput(t *testing.T) {
	f := mustFinder(t)
	for _, s := range []string{"", "\x00\xff\xfe", strings.Repeat("NATO ", 10000), "'s 's ' the the"} {
		_ = f.Find(s, nil, time.Time{}) // must not panic
	}
}

func FuzzFind(f *testing.F) {
	f.Add("The Bureau of Animal Industry (BAI) said. It said (X) D. Gough, they agreed (")
	fd, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Add("Japan's Prime Minister Kishida Fumio said, \"yes\". He left.")
	f.Add("the the 's , President , Admiral")
	f.Fuzz(func(t *testing.T, s string) {
		n := len([]rune(s))
		for _, m := range fd.Find(s, nil, time.Time{}) {
			if m.Start < 0 || m.End > n || m.Start >= m.End {
				t.Fatalf("bad span %d:%d of %d", m.Start, m.End, n)
			}
		}
	})
}

func FuzzParsePetrarchActors(f *testing.F) {
	f.Add("JAPAN_ [JPN]\n+NIPPON_\nFUMIO_KISHIDA_ # x\n\t[JPNGOV 211004-241001]\n\t[JPNELI]\n")
	f.Add("X [Y 9008223]\n[\n+\n")
	f.Fuzz(func(t *testing.T, s string) {
		es, _ := ParsePetrarchActors(strings.NewReader(s), "fuzz")
		for _, e := range es {
			if len(e.Names) == 0 || len(e.Terms) == 0 {
				t.Fatalf("empty entry %+v", e)
			}
		}
	})
}

func FuzzParsePetrarchAgents(f *testing.F) {
	f.Add("!P! = MAN, MEN\nPOLICE!P! [~COP]\nSOLDIER [~MIL]\n")
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = ParsePetrarchAgents(strings.NewReader(s), "fuzz")
	})
}

func TestHugeText(t *testing.T) {
	f := mustFinder(t)
	text := strings.Repeat("Prime Minister Kishida met NATO. ", 10000) // 330 KB: read in pieces
	got := f.Find(text, nil, day("2023-07-09"))
	if len(got) != 20000 {
		t.Fatalf("got %d mentions, want 20000", len(got))
	}
	runes := []rune(text)
	for _, m := range got[len(got)-4:] {
		if string(runes[m.Start:m.End]) != m.Text {
			t.Fatalf("offset drift: %q at %d reads %q", m.Text, m.Start, string(runes[m.Start:m.End]))
		}
	}
}
