package eval

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/liaison-project/liaison/internal/shareddata"
)

// TestNERDebug prints every GUM miss and false alarm when NERDEBUG is set
// (NERDEBUG=testa lists the CoNLL-2003 development split instead; the test
// split eng.testb stays held out): a tool for tuning the entity rules,
// skipped otherwise.
func TestNERDebug(t *testing.T) {
	if os.Getenv("NERDEBUG") == "" {
		t.Skip("set NERDEBUG=1 (GUM) or NERDEBUG=testa (CoNLL dev) to list errors")
	}
	var docs []NERDoc
	if os.Getenv("NERDEBUG") == "testa" {
		f, _ := os.Open(shareddata.Need(t, conllRel))
		defer f.Close()
		docs, _ = ReadCoNLL03Tar(f, "conll/eng.testa", conllDocSents)
	} else {
		f, _ := os.Open(shareddata.Need(t, "data/gold/ner/gum_news_wikinews_24docs.tar.gz"))
		defer f.Close()
		docs, _ = ReadGUMTar(f)
	}
	ent, _ := newEntities()
	for _, d := range docs {
		r := []rune(d.Text)
		a, p := ent.find(d.Text, time.Time{})
		pred := NERSpans(d.Text, a, p, ent.isPlace)
		for _, g := range d.Mentions {
			if !g.Named || g.Type == "misc" {
				continue
			}
			found := ""
			for _, q := range pred {
				if q.Start < g.End && g.Start < q.End {
					found = q.Type
					if q.Type == g.Type {
						break
					}
				}
			}
			if found != g.Type {
				fmt.Printf("FN %s %q got=%s\n", g.Type, string(r[g.Start:g.End]), found)
			}
		}
		for _, q := range pred {
			ok := ""
			for _, g := range d.Mentions {
				if q.Start < g.End && g.Start < q.End {
					ok = g.Type
					if g.Type == q.Type {
						break
					}
				}
			}
			if ok != q.Type && ok != "misc" {
				fmt.Printf("FP %s %q gold=%s\n", q.Type, string(r[q.Start:q.End]), ok)
			}
		}
	}
}
