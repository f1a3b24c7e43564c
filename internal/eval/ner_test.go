package eval

import (
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/shareddata"
)

func TestGUM(t *testing.T) {
	p := shareddata.Need(t, "data/gold/ner/gum_news_wikinews_24docs.tar.gz")
	s, err := RunGUM(p)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("GUM news: %s", s)
	if s.F1() < 0.75 {
		t.Errorf("GUM news F1 %.3f < 0.75", s.F1())
	}
}

func TestReadConllu(t *testing.T) {
	in := "# text = Kim met the North Korean army\n" +
		"1\tKim\tKim\tPROPN\tNNP\t_\t2\tnsubj\t_\tEntity=(1-person-new-x-x-1-x-Kim)\n" +
		"2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
		"3\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\tEntity=(2-organization-new-x-x-1-x-KPA\n" +
		"4\tNorth\tNorth\tPROPN\tNNP\t_\t5\tcompound\t_\tEntity=(3-place-new-x-x-1-x-NK\n" +
		"5\tKorean\tKorean\tPROPN\tNNP\t_\t6\tamod\t_\tEntity=3)\n" +
		"6\tarmy\tarmy\tNOUN\tNN\t_\t2\tobj\t_\tEntity=2)|SpaceAfter=No\n\n"
	d, err := ReadConllu(strings.NewReader(in), "t")
	if err != nil {
		t.Fatal(err)
	}
	if d.Text != "Kim met the North Korean army" {
		t.Fatalf("text %q", d.Text)
	}
	want := map[string]bool{"person Kim true": true, "place North Korean true": true, "organization the North Korean army false": true}
	for _, m := range d.Mentions {
		k := m.Type + " " + d.Text[m.Start:m.End] + " " + map[bool]string{true: "true", false: "false"}[m.Named]
		if !want[k] {
			t.Errorf("unexpected mention %q", k)
		}
		delete(want, k)
	}
	if len(want) > 0 {
		t.Errorf("missing %v", want)
	}
}

func TestNERSpansSplitsCountryPrefix(t *testing.T) {
	text := "U.S. President Bill Clinton met U.S. officials."
	actors := []liaison.ActorMention{
		{Text: "U.S. President Bill Clinton", Name: "Bill Clinton", Code: "USAGOV", Kind: "person", Start: 0, End: 27},
		{Text: "U.S. officials", Name: "U.S. officials", Code: "USAGOV", Kind: "government", Start: 32, End: 46},
	}
	isPlace := func(s string) bool { return s == "U.S." }
	var got []string
	for _, s := range NERSpans(text, actors, nil, isPlace) {
		got = append(got, s.Type+":"+text[s.Start:s.End])
	}
	want := "place:U.S. person:Bill Clinton place:U.S."
	if strings.Join(got, " ") != want {
		t.Fatalf("NERSpans = %q, want %q", strings.Join(got, " "), want)
	}
}
