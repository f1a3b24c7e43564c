package event

import (
	"github.com/liaison-project/liaison/internal/extract/dict"
)

// eliminateCommas drops comma-delimited nonrestrictive clauses whose
// length is within the options' bounds, then compacts the sentence.
func (s *sent) eliminateCommas(o *dict.Options) {
	n := len(s.toks)
	s.active = make([]bool, n)
	for i := range s.active {
		s.active[i] = true
	}
	if o.CommaOff {
		return
	}
	inUnit := make([]bool, n)
	for _, u := range s.units {
		for k := u.start; k < u.end && k < n; k++ {
			inUnit[k] = true
		}
	}
	var cs []int
	for i, t := range s.toks {
		if t.w == "," && !inUnit[i] {
			cs = append(cs, i)
		}
	}
	if len(cs) == 0 {
		return
	}
	off := func(a, b int) {
		for k := a; k < b && k < n; k++ {
			s.active[k] = false
		}
	}
	if w := cs[0]; w > o.CommaBMin && w <= o.CommaBMax {
		off(0, cs[0]+1)
	}
	consumed := false // the last comma closed an eliminated phrase
	for k := 0; k+1 < len(cs); k++ {
		consumed = false
		if w := cs[k+1] - cs[k] - 1; w > o.CommaMin && w <= o.CommaMax {
			off(cs[k], cs[k+1]+1)
			consumed = true
		}
	}
	last := cs[len(cs)-1]
	if w := n - last - 1; !consumed && w > o.CommaEMin && w <= o.CommaEMax {
		off(last, n)
	}
}

// compact removes inactive words, remapping spans and units.
func (s *sent) compact() {
	n := len(s.toks)
	pos := make([]int, n+1)
	var toks []tok
	for i := 0; i < n; i++ {
		pos[i] = -1
		if s.active[i] {
			pos[i] = len(toks)
			toks = append(toks, s.toks[i])
		}
	}
	pos[n] = len(toks)
	remap := func(a, b int) (int, int, bool) {
		if a >= n || pos[a] < 0 || b < 1 || pos[b-1] < 0 {
			return 0, 0, false
		}
		return pos[a], pos[b-1] + 1, true
	}
	var spans []span
	tokSpan := make([]int, len(toks))
	for i := range tokSpan {
		tokSpan[i] = -1
	}
	for _, sp := range s.spans {
		a, b, ok := remap(sp.start, sp.end)
		if !ok {
			continue
		}
		sp.start, sp.end = a, b
		for k := a; k < b; k++ {
			tokSpan[k] = len(spans)
		}
		spans = append(spans, sp)
	}
	var units []unit
	for _, u := range s.units {
		a, b, ok := remap(u.start, u.end)
		if !ok {
			continue
		}
		u.start, u.end = a, b
		units = append(units, u)
	}
	s.toks, s.spans, s.tokSpan, s.units = toks, spans, tokSpan, units
	s.active = nil
}

// clauses splits the sentence at conjunctions that are not inside an
// actor unit, a compound noun phrase or a compound adjective phrase.
func (s *sent) clauses() [][2]int {
	inUnit := make([]bool, len(s.toks))
	for _, u := range s.units {
		for k := u.start; k < u.end; k++ {
			inUnit[k] = true
		}
	}
	var out [][2]int
	start := 0
	for i := range s.toks {
		if s.spanKind(i) != kConj || inUnit[i] {
			continue
		}
		if s.nounCompound(i) {
			continue
		}
		if i > start {
			out = append(out, [2]int{start, i})
		}
		start = i + 1
	}
	if start < len(s.toks) {
		out = append(out, [2]int{start, len(s.toks)})
	}
	return out
}

// nounCompound: <noun> CONJ <adj>* <noun>, or <adj> CONJ <adj>.
func (s *sent) nounCompound(i int) bool {
	if i == 0 || i+1 >= len(s.toks) {
		return false
	}
	before := s.spanKind(i - 1)
	j := i + 1
	for j < len(s.toks) && s.spanKind(j) == kAdj {
		j++
	}
	if before == kAdj && s.spanKind(i+1) == kAdj {
		return true
	}
	return before == kNoun && j < len(s.toks) && s.spanKind(j) == kNoun
}
