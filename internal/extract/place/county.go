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
					if k >= 0 && k < len(cands) && !cands[k].county {
						if c.ids = f.ofKind(cands[k].ids, KindAdmin); len(c.ids) > 0 {
							break // "Hall County ... Georgia": the state, never the country
						}
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

// ofKind returns the entries of ids that are of the given kind.
func (f *Finder) ofKind(ids []int32, kind string) []int32 {
	var out []int32
	for _, id := range ids {
		if f.g.entries[id].Kind == kind {
			out = append(out, id)
		}
	}
	return out
}

// placeCounties moves a county placed outside the first-level area of its
// country that most of the document's other names lie in to the town of
// that area the document names nearest to it: "Walker County ...
// Huntsville" in a Texas story is not Walker, Michigan. Local news names a
// county with its towns, and no county outlines are kept to do better.
// LGL (dev) acc@161km: .714 → .725; moving only counties outside every
// area the other names lie in: .724; to an area of any country: .726, but
// that put Laurel County, Kentucky at London, England.
func (f *Finder) placeCounties(cands []candidate, groups [][]int) {
	areas, country := map[string]int{}, map[string]string{}
	for _, g := range groups {
		if c := cands[g[0]]; !c.county && c.best >= 0 {
			if e := &f.g.entries[c.best]; e.Admin != "" {
				areas[e.Admin]++
				country[e.Admin] = e.Country
			}
		}
	}
	for _, g := range groups {
		c := cands[g[0]]
		if !c.county || c.best < 0 {
			continue
		}
		own := &f.g.entries[c.best]
		top, n := "", 0 // the area of the county's country most names lie in
		for a, k := range areas {
			if country[a] == own.Country && (k > n || k == n && a < top) {
				top, n = a, k
			}
		}
		if top == "" || own.Admin == top {
			continue
		}
		if town := f.nearestTown(cands, g[0], top); town >= 0 {
			for _, ci := range g {
				cands[ci].best = town
			}
		}
	}
}

// nearestTown is the pick of the town candidate nearest in the text to
// candidate ci whose area is admin, or -1.
func (f *Finder) nearestTown(cands []candidate, ci int, admin string) int32 {
	for d := 1; d < len(cands); d++ {
		for _, k := range []int{ci - d, ci + d} {
			if k < 0 || k >= len(cands) || cands[k].county || cands[k].best < 0 {
				continue
			}
			if e := &f.g.entries[cands[k].best]; (e.Kind == KindCity || e.Kind == KindCapital) && e.Admin == admin {
				return cands[k].best
			}
		}
	}
	return -1
}
