package extract_test

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/extract"
)

func TestZZHuge(t *testing.T) {
	b, _ := os.ReadFile("/work/shared/data/seed/000_9dd6a84f78e3ca2e.txt")
	text := strings.Repeat(string(b)+"\n\n", 3700)
	e, _ := extract.Default()
	for _, tx := range []string{text, strings.Repeat("Kishida said \"a b c d\" and ", 250000), strings.Repeat("x", 8<<20-1)} {
		t0 := time.Now()
		x, err := e.Extract(context.Background(), liaison.ExtractInput{Text: tx, Date: "2023-07-09"})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%d bytes: %v, %d sentences %d quotes %d events", len(tx), time.Since(t0), len(x.Sentences), len(x.Quotes), len(x.Events))
	}
}
