package event

import (
	"strings"

	"github.com/liaison-project/liaison/internal/extract/dict"
)

// altIndex finds, for a text word, the alternatives of a large { a | b }
// or &SET element whose last word may match it, so that a pattern word
// before the anchor ("&INTENT_ *": some seventy phrases) is checked with a
// few map lookups instead of one comparison per alternative. It only
// narrows the candidates; each is still matched in full, in order.
type altIndex struct {
	byLast map[string][]int32
	always []int32 // alternatives not ending in a plain word: always tried
}

// minIndexedAlts is the size from which an alternative list is indexed.
const minIndexedAlts = 8

// indexAlts builds the indexes of every large alternative list in the
// dictionaries' patterns, keyed by the list's first element (shared by
// all patterns using the same synonym set).
func indexAlts(d *dict.Dict) map[*[]dict.Elem]*altIndex {
	out := map[*[]dict.Elem]*altIndex{}
	var walk func(es []dict.Elem)
	walk = func(es []dict.Elem) {
		for k := range es {
			e := &es[k]
			if e.Kind != dict.KAlt && e.Kind != dict.KSynset || len(e.Alts) == 0 {
				continue
			}
			key := &e.Alts[0]
			if _, done := out[key]; done {
				continue
			}
			out[key] = nil
			if len(e.Alts) >= minIndexedAlts {
				out[key] = newAltIndex(e.Alts)
			}
			for _, a := range e.Alts {
				walk(a)
			}
		}
	}
	for _, v := range d.Verbs {
		for _, p := range v.Patterns {
			walk(p.Elems)
		}
	}
	for key, x := range out {
		if x == nil {
			delete(out, key)
		}
	}
	return out
}

func newAltIndex(alts [][]dict.Elem) *altIndex {
	x := &altIndex{byLast: map[string][]int32{}}
	for i, a := range alts {
		n := len(a)
		if n == 0 || a[n-1].Kind != dict.KWord || a[n-1].Stem {
			x.always = append(x.always, int32(i))
			continue
		}
		w := a[n-1].Word
		x.byLast[w] = append(x.byLast[w], int32(i))
	}
	return x
}

// wordEndings are all the endings a pattern word may take (the union of
// the verb, noun, possessive and plural endings matcher.word allows).
var wordEndings = []string{"S", "ES", "ED", "EN", "ING", "D", "'S", "S'", "'"}

// candidates appends to buf, in ascending order and without repeats, the
// alternatives whose last word may match the text word w.
func (x *altIndex) candidates(w string, buf []int32) []int32 {
	buf = append(buf, x.always...)
	buf = append(buf, x.byLast[w]...)
	for _, end := range wordEndings {
		if len(w) > len(end) && strings.HasSuffix(w, end) {
			buf = append(buf, x.byLast[w[:len(w)-len(end)]]...)
		}
	}
	base := strings.TrimSuffix(strings.TrimSuffix(w, "'S"), "'")
	if base != w {
		for _, end := range []string{"S", "ES"} {
			if len(base) > len(end) && strings.HasSuffix(base, end) {
				buf = append(buf, x.byLast[base[:len(base)-len(end)]]...)
			}
		}
	}
	if len(base) > 3 && strings.HasSuffix(base, "IES") {
		buf = append(buf, x.byLast[base[:len(base)-3]+"Y"]...)
	}
	// insertion sort and dedupe: the lists are short
	for i := 1; i < len(buf); i++ {
		for j := i; j > 0 && buf[j] < buf[j-1]; j-- {
			buf[j], buf[j-1] = buf[j-1], buf[j]
		}
	}
	out := buf[:0]
	for i, v := range buf {
		if i == 0 || v != buf[i-1] {
			out = append(out, v)
		}
	}
	return out
}
