package event

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/liaison-project/liaison/internal/extract/dict"
)

// TestDebugSentence prints the analysis of $LIAISON_DEBUG_SENT coded with
// the TABARI project in $LIAISON_DEBUG_PROJECT (developer aid).
func TestDebugSentence(t *testing.T) {
	text, proj := os.Getenv("LIAISON_DEBUG_SENT"), os.Getenv("LIAISON_DEBUG_PROJECT")
	if text == "" || proj == "" {
		t.Skip("set LIAISON_DEBUG_SENT and LIAISON_DEBUG_PROJECT")
	}
	var d *dict.Dict
	if strings.HasSuffix(proj, ".project") {
		p, err := dict.LoadTABARIProject(proj)
		if err != nil {
			t.Fatal(err)
		}
		d = p.Dict
	} else if os.Getenv("LIAISON_DEBUG_PREFIX") == "BUILTIN" {
		var err error
		if d, err = dict.Builtin(); err != nil {
			t.Fatal(err)
		}
	} else if os.Getenv("LIAISON_DEBUG_PREFIX") == "FULL" {
		var err error
		if d, err = dict.LoadPETRARCH(proj); err != nil {
			t.Fatal(err)
		}
	} else {
		var err error
		pre := os.Getenv("LIAISON_DEBUG_PREFIX")
		d, err = dict.LoadPETRARCHFiles(proj+"/"+pre+"verbs"+os.Getenv("LIAISON_DEBUG_SUFFIX"), []string{proj + "/" + pre + "actors" + os.Getenv("LIAISON_DEBUG_SUFFIX")}, proj+"/"+pre+"agents"+os.Getenv("LIAISON_DEBUG_SUFFIX"), "")
		if err != nil {
			t.Fatal(err)
		}
	}
	if cfg := os.Getenv("LIAISON_DEBUG_CONFIG"); cfg != "" { // "require_dyad=false,comma_max=8"
		for _, kv := range strings.Split(cfg, ",") {
			k, v, _ := strings.Cut(kv, "=")
			if err := d.Options.SetConfig(k, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	c := New(d, Config{Explain: true})
	s := &sent{c: c, opts: c.opts, text: []rune(text), date: 20090101}
	s.toks = tokenize(text, 0, c.opts.SplitContractions)
	s.classify()
	s.resolve(allCaps(text))
	s.buildUnits(c.opts)
	var b strings.Builder
	for i, tk := range s.toks {
		fmt.Fprintf(&b, "%d:%s/%d ", i, tk.w, s.spanKind(i))
	}
	t.Log(b.String())
	for _, u := range s.units {
		t.Logf("unit %d-%d %v %v %q", u.start, u.end, u.codes, u.compound, u.text)
	}
	s.eliminateCommas(c.opts)
	s.compact()
	var b2 strings.Builder
	for i, tk := range s.toks {
		fmt.Fprintf(&b2, "%d:%s/%d ", i, tk.w, s.spanKind(i))
	}
	t.Log(b2.String())
	t.Logf("clauses %v", s.clauses())
	r := c.CodeSentence(text, 19950101, nil, nil)
	t.Logf("%+v", r)
}
