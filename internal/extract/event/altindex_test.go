package event

import (
	"testing"

	"github.com/liaison-project/liaison/internal/extract/dict"
)

// TestAltIndexMatchesLinear: for every indexed alternative list of the
// built-in dictionaries and words in all their inflected forms, the
// index yields exactly the alternatives a full scan accepts, in order.
func TestAltIndexMatchesLinear(t *testing.T) {
	c := builtin(t)
	if len(c.alts) == 0 {
		t.Fatal("no alternative list indexed")
	}
	m := &matcher{s: &sent{c: c, opts: c.opts}}
	accepts := func(alt []dict.Elem, w string) bool {
		n := len(alt)
		return n == 0 || alt[n-1].Kind != dict.KWord || m.word(&alt[n-1], w)
	}
	checked := 0
	for key, x := range c.alts {
		alts := altsOf(c, key)
		for _, a := range alts {
			if len(a) == 0 || a[len(a)-1].Kind != dict.KWord {
				continue
			}
			root := a[len(a)-1].Word
			for _, w := range []string{root, root + "S", root + "ES", root + "ED", root + "ING", root + "'S", root + "S'", root + "X", "Q" + root} {
				var want []int32
				for i, b := range alts {
					if accepts(b, w) {
						want = append(want, int32(i))
					}
				}
				var got []int32
				for _, i := range x.candidates(w, nil) {
					if accepts(alts[i], w) {
						got = append(got, i)
					}
				}
				if len(got) != len(want) {
					t.Fatalf("word %q: index gives %v, scan %v", w, got, want)
				}
				for i := range got {
					if got[i] != want[i] {
						t.Fatalf("word %q: index gives %v, scan %v", w, got, want)
					}
				}
				checked++
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d words checked", checked)
	}
}

// altsOf finds the alternative list an index key stands for.
func altsOf(c *Coder, key *[]dict.Elem) [][]dict.Elem {
	var found [][]dict.Elem
	var walk func(es []dict.Elem)
	walk = func(es []dict.Elem) {
		for k := range es {
			if e := &es[k]; len(e.Alts) > 0 && found == nil {
				if &e.Alts[0] == key {
					found = e.Alts
					return
				}
				for _, a := range e.Alts {
					walk(a)
				}
			}
		}
	}
	for _, v := range c.d.Verbs {
		for _, p := range v.Patterns {
			walk(p.Elems)
		}
	}
	return found
}
