package extract_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/extract"
	"github.com/liaison-project/liaison/internal/shareddata"
)

var _ liaison.Extractor = (*extract.Engine)(nil)

func TestEngineNoFinders(t *testing.T) {
	e := extract.New(extract.Config{})
	x, err := e.Extract(context.Background(), liaison.ExtractInput{ID: "a", Text: "Japan will attend on July 11. \"We are ready to go,\" Kishida said.", Date: "2023-07-09"})
	if err != nil {
		t.Fatal(err)
	}
	if len(x.Sentences) != 2 || len(x.Dates) != 1 || x.Dates[0].Value != "2023-07-11" || len(x.Quotes) != 1 || x.Quotes[0].Speaker != "Kishida" {
		t.Fatalf("got %+v", x)
	}
	if x.Actors == nil || x.Places == nil || x.Events == nil {
		t.Fatal("nil slices in extraction")
	}
}

func TestEngineBadInput(t *testing.T) {
	e := extract.New(extract.Config{})
	for _, in := range []liaison.ExtractInput{
		{ID: "nodate", Text: "x"},
		{ID: "baddate", Text: "x", Date: "9 July"},
		{ID: "huge", Text: strings.Repeat("a", extract.MaxTextBytes+1), Date: "2023-07-09"},
	} {
		if _, err := e.Extract(context.Background(), in); !errors.Is(err, liaison.ErrInvalid) {
			t.Errorf("%s: err = %v, want ErrInvalid", in.ID, err)
		}
	}
}

func TestSeedEngine(t *testing.T) {
	b, err := os.ReadFile(shareddata.Need(t, "data/seed/000_9dd6a84f78e3ca2e.txt"))
	if err != nil {
		t.Fatal(err)
	}
	e, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	x, err := e.Extract(context.Background(), liaison.ExtractInput{ID: "seed", Text: string(b), Date: "2023-07-09"})
	if err != nil {
		t.Fatal(err)
	}
	dates := map[string]string{}
	for _, d := range x.Dates {
		dates[d.Text] = d.Value + "/" + d.EndValue
	}
	for text, want := range map[string]string{"Jul. 11, Jul. 12": "2023-07-11/2023-07-12", "June last year": "2022-06/",
		"last year": "2022/", "June 21": "2023-06-21/", "July 4": "2023-07-04/"} {
		if dates[text] != want {
			t.Errorf("date %q = %q, want %q (all: %v)", text, dates[text], want, dates)
		}
	}
	want := []struct{ speaker, code, text string }{
		{"Kishida", "JPN", "The Indo-Pacific region cannot be separated from Europe"},
		{"Sakai", "JPN", "of exchanging information on the operation of F-35 fighter jets"},
	}
	if len(x.Quotes) != len(want) {
		t.Fatalf("quotes = %+v, want %d", x.Quotes, len(want))
	}
	for i, w := range want {
		q := x.Quotes[i]
		if !strings.Contains(q.Speaker, w.speaker) || !strings.HasPrefix(q.SpeakerCode, w.code) || !strings.Contains(q.Text, w.text) {
			t.Errorf("quote %d = %+v, want %+v", i, q, w)
		}
	}
	t.Logf("sentences %d actors %d places %d dates %d quotes %d events %d", len(x.Sentences), len(x.Actors), len(x.Places), len(x.Dates), len(x.Quotes), len(x.Events))
}

// TestEngineLongDocument checks that a long document (about 1 MB) is
// extracted in time linear in its length: every step, the event coder
// included (it is fed in windows of sentences).
func TestEngineLongDocument(t *testing.T) {
	b, err := os.ReadFile(shareddata.Need(t, "data/seed/000_9dd6a84f78e3ca2e.txt"))
	if err != nil {
		t.Fatal(err)
	}
	e, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	one, err := e.Extract(context.Background(), liaison.ExtractInput{ID: "one", Text: string(b), Date: "2023-07-09"})
	if err != nil {
		t.Fatal(err)
	}
	const copies = 450
	text := strings.Repeat(string(b)+"\n\n", copies)
	// A step quadratic in the length would not finish within go test's own
	// timeout; the engine's speed is measured by the Reuters benchmarks.
	x, err := e.Extract(context.Background(), liaison.ExtractInput{ID: "long", Text: text, Date: "2023-07-09"})
	if err != nil {
		t.Fatal(err)
	}
	if len(x.Sentences) != copies*len(one.Sentences) || len(x.Quotes) != copies*len(one.Quotes) {
		t.Errorf("sentences %d quotes %d, want %d and %d", len(x.Sentences), len(x.Quotes), copies*len(one.Sentences), copies*len(one.Quotes))
	}
	if len(x.Events) < copies*len(one.Events)*9/10 {
		t.Errorf("events %d, want about %d", len(x.Events), copies*len(one.Events))
	}
}
