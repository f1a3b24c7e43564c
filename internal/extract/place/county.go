package place

import "github.com/liaison-project/liaison/internal/extract/actor/phrase"

// countyWords end the names of second-level areas.
var countyWords = map[string]bool{"county": true, "parish": true, "borough": true}

// county recognises "Laurel County" at i. Second-level areas are not in the
// gazetteer: the area is placed at the town it is named after, if any.
func (f *Finder) county(toks []phrase.Token, i int) (candidate, bool) {
	j := i
	for j < len(toks) && j-i < 3 && toks[j].Word && toks[j].Cap && !countyWords[toks[j].Lower] {
		j++
	}
	if j == i || j >= len(toks) || !countyWords[toks[j].Lower] || !toks[j].Cap {
		return candidate{}, false
	}
	n, ids := f.g.trie.Longest(toks, i)
	var keep []int32
	if n == j-i {
		for _, id := range ids {
			if k := f.g.entries[id].Kind; k == KindCity || k == KindCapital {
				keep = append(keep, id)
			}
		}
	}
	return candidate{tok0: i, tokN: j + 1, ids: keep, best: -1, county: true, hint: KindCity}, true
}

// countyFallback places counties without a namesake town in the admin
// area mentioned nearest to them, and drops them when there is none.
func (f *Finder) countyFallback(cands []candidate) []candidate {
	out := cands[:0]
	for ci, c := range cands {
		if c.county && len(c.ids) == 0 {
			for d := 1; d < len(cands) && len(c.ids) == 0; d++ {
				for _, k := range []int{ci + d, ci - d} {
					if k >= 0 && k < len(cands) && !cands[k].county && f.hasKind(cands[k].ids, KindAdmin) {
						c.ids = cands[k].ids
						break
					}
				}
			}
			if len(c.ids) == 0 {
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

func (f *Finder) hasKind(ids []int32, kind string) bool {
	for _, id := range ids {
		if f.g.entries[id].Kind == kind {
			return true
		}
	}
	return false
}
