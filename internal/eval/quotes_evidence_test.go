package eval

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/extract/actor"
	"github.com/liaison-project/liaison/internal/extract/quote"
	"github.com/liaison-project/liaison/internal/extract/sentence"
)

// TestQuotesEvidence is the error-analysis aid for quote speakers on a
// PolNeAR tuning split: `EVAL_SPLIT=train|dev QUOTE_EVIDENCE=file go test
// ./internal/eval -run TestQuotesEvidence` writes every scored quote as
// OK / ERR / NONE (no speaker given) with its evidence path, the resolved
// gold source and its context, every missed direct gold quote (MISS), and
// a count per evidence path (STAT). The test split is refused.
func TestQuotesEvidence(t *testing.T) {
	split, path := os.Getenv("EVAL_SPLIT"), os.Getenv("QUOTE_EVIDENCE")
	if split != "dev" && split != "train" || path == "" {
		t.Skip("set EVAL_SPLIT=train|dev and QUOTE_EVIDENCE=<output file>")
	}
	docs, err := loadPolNeAR(split)
	if err != nil {
		t.Fatal(err)
	}
	af, err := actor.Default()
	if err != nil {
		t.Fatal(err)
	}
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	stat := map[string][3]int{}
	for _, d := range docs {
		sents := sentence.Split(d.Text)
		qs, vias := quote.FindEvidence(d.Text, sents, af.Find(d.Text, sents, polnearDate(d.Name)))
		if len(vias) != len(qs) {
			t.Fatalf("%s: %d quotes, %d evidence paths", d.Name, len(qs), len(vias))
		}
		writeEvidence(out, d, qs, vias, stat)
	}
	keys := make([]string, 0, len(stat))
	for k := range stat {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(out, "STAT %-40s ok %4d err %4d none %4d\n", k, stat[k][0], stat[k][1], stat[k][2])
	}
}

// writeEvidence writes one document's scored quotes and missed gold
// quotes, counting outcomes per evidence path in stat.
func writeEvidence(w io.Writer, d AttrDoc, qs []liaison.Quote, vias []string, stat map[string][3]int) {
	src, direct := quoteSources(d.Attrs), quoteDirect(d)
	r := []rune(d.Text)
	clip := func(a, b int) string { return strings.ReplaceAll(string(r[max(0, a):min(len(r), b)]), "\n", "¶") }
	hit := make([]bool, len(d.Attrs))
	for i, q := range qs {
		b := quoteBest(q, d.Attrs)
		if b < 0 {
			continue
		}
		hit[b] = true
		if src[b] == "" {
			continue
		}
		st, k := "OK", 0
		switch {
		case q.Speaker == "":
			st, k = "NONE", 2
		case !quoteSameSpeaker(q.Speaker, src[b]):
			st, k = "ERR", 1
		}
		c := stat[vias[i]]
		c[k]++
		stat[vias[i]] = c
		fmt.Fprintf(w, "%s\t%s\t%q\twant %q (raw %q)\t%s\n\t…%s〈%s〉%s\n", st, vias[i], q.Speaker, src[b], d.Attrs[b].Source,
			d.Name, clip(q.Start-220, q.Start), quoteClip(q.Text), clip(q.End, q.End+60))
	}
	for i, a := range d.Attrs {
		if direct[i] && !hit[i] {
			c := a.Content[0]
			fmt.Fprintf(w, "MISS\t%q\t%s\n\t…%s〈%s〉%s\n", a.Source, d.Name, clip(c[0]-160, c[0]), quoteClip(string(r[c[0]:c[1]])), clip(c[1], c[1]+60))
		}
	}
}
