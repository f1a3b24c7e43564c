package eval

import (
	"strings"
	"testing"

	"github.com/liaison-project/liaison/internal/shareddata"
)

func TestCoNLL03(t *testing.T) {
	shareddata.Need(t, conllRel)
	r, err := CoNLLSuite().Run(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("CoNLL-2003 test: %s", r.Note)
	if !r.Pass() {
		t.Error(r.Failures())
	}
	// the development split, for comparison (rules are tuned on testa and
	// GUM; testb stays held out)
	dev, err := RunCoNLL(shareddata.Need(t, conllRel), "conll/eng.testa")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("CoNLL-2003 dev (testa): %s", dev)
}

func TestReadCoNLL03(t *testing.T) {
	in := "-DOCSTART- -X- -X- O\n\nSOCCER NN B-NP O\n- : O O\nJAPAN NNP B-NP B-LOC\nWIN VB B-VP O\n,  , O O\n" +
		"Nadim NNP B-NP B-PER\nLadki NNP I-NP I-PER\n's POS B-NP O\nEuropean JJ B-NP B-MISC\nUnion NNP I-NP B-ORG\n\n" +
		"Next NN B-NP O\n.  . O O\n\nThird NN B-NP B-ORG\n\n"
	docs, err := ReadCoNLL03(strings.NewReader(in), 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("got %d docs, want 2", len(docs))
	}
	d := docs[0]
	if d.Text != "SOCCER - JAPAN WIN, Nadim Ladki's European Union\nNext." {
		t.Fatalf("text %q", d.Text)
	}
	var got []string
	for _, m := range d.Mentions {
		got = append(got, m.Type+":"+d.Text[m.Start:m.End])
	}
	want := "place:JAPAN person:Nadim Ladki misc:European organization:Union"
	if strings.Join(got, " ") != want {
		t.Fatalf("mentions %q, want %q", strings.Join(got, " "), want)
	}
	if _, err := ReadCoNLL03(strings.NewReader("x\n"), 2); err == nil {
		t.Fatal("want error for a one-field line")
	}
}

func FuzzReadCoNLL03(f *testing.F) {
	f.Add("A NN O B-PER\nB NN O I-PER\n\n-DOCSTART- x x O\n")
	f.Add("x\n\n\n")
	f.Fuzz(func(t *testing.T, s string) {
		docs, err := ReadCoNLL03(strings.NewReader(s), 3)
		if err != nil {
			return
		}
		for _, d := range docs {
			n := len([]rune(d.Text))
			for _, m := range d.Mentions {
				if m.Start < 0 || m.End > n || m.Start > m.End {
					t.Fatalf("bad span %+v in %q", m, d.Text)
				}
			}
		}
	})
}
