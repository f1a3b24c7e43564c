package eval

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/liaison-project/liaison/internal/extract/actor"
	"github.com/liaison-project/liaison/internal/extract/quote"
	"github.com/liaison-project/liaison/internal/extract/sentence"
)

// TestQuotesDebug prints one dev article's actor mentions and quotes
// (QUOTE_DOC=name-prefix, QUOTE_SPLIT=dev by default); a tuning aid.
func TestQuotesDebug(t *testing.T) {
	name := os.Getenv("QUOTE_DOC")
	if name == "" {
		t.Skip("set QUOTE_DOC to a PolNeAR article name prefix")
	}
	split := os.Getenv("QUOTE_SPLIT")
	if split == "" {
		split = "dev"
	}
	docs, err := loadPolNeAR(split)
	if err != nil {
		t.Fatal(err)
	}
	af, err := actor.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if !strings.HasPrefix(d.Name, name) {
			continue
		}
		r := []rune(d.Text)
		sents := sentence.Split(d.Text)
		am := af.Find(d.Text, sents, polnearDate(d.Name))
		for _, m := range am {
			fmt.Printf("A s%d %q %s %s %s\n", m.Sentence, string(r[m.Start:m.End]), m.Name, m.Code, m.Kind)
		}
		for _, q := range quote.Find(d.Text, sents, am) {
			fmt.Printf("Q s%d %q <- %s\n", q.Sentence, quoteClip(q.Text), q.Speaker)
		}
	}
}
