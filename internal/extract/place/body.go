package place

import "github.com/liaison-project/liaison/internal/extract/actor/phrase"

// bodyHead words end the names of organisations: a run of capitalised
// words that reaches one is a body's name ("Maritime Self-Defense Force",
// "Kenya Revenue Authority", "Central Military Commission").
var bodyHead = set(`force forces agency ministry command guard party council department authority
commission committee bureau service corps navy army institute association federation
company corporation board administration directorate coalition front movement league society
fund foundation organization organisation secretariat`)

// bodyRunMax is how many capitalised words may follow a toponym before the
// head of the body's name.
const bodyRunMax = 5

// bodyName reports whether the n-token toponym at i is part of a body's
// name, and whether it opens that name. A toponym inside a body's name is
// never a place ("Japan Maritime Self-Defense Force"); one that opens it
// may locate the body ("Kenya Revenue Authority", "Florida Highway Patrol
// Command") and is kept when it resolves to a country or a town, or to an
// area of a country the document otherwise speaks of (see dropBodyAreas).
func bodyName(toks []phrase.Token, sentOf []int, i, n int) (in, opens bool) {
	head := false
	for j := i + n; j < len(toks) && j < i+n+bodyRunMax && sentOf[j] == sentOf[i]; j++ {
		t := toks[j]
		if !t.Word || !t.Cap {
			break
		}
		if bodyHead[t.Lower] {
			head = true
			break
		}
	}
	if !head {
		return false, false
	}
	p := i - 1
	opens = p < 0 || !toks[p].Word || !toks[p].Cap || titleOK[toks[p].Lower] || sentenceInitial(toks, sentOf, i)
	return true, opens
}

// dropBodyAreas unsets the mentions that open a body's name and resolved
// to a first-level area or a named region that nothing else in the
// document supports: "Maritime" in "Maritime Self-Defense Force" is not
// Togo's Maritime Region when Togo is not otherwise mentioned.
func (f *Finder) dropBodyAreas(cands []candidate, groups [][]int, dc docContext) {
	for _, g := range groups {
		best := cands[g[0]].best
		if best < 0 {
			continue
		}
		e := &f.g.entries[best]
		if e.Kind != KindAdmin && e.Kind != KindRegion {
			continue
		}
		opens, other := false, false
		for _, ci := range g {
			if cands[ci].bodyOpen {
				opens = true
			} else {
				other = true
			}
		}
		if !opens || other || (e.Country != "" && dc.country[e.Country] > voteWeight(cands[g[0]])) {
			continue
		}
		for _, ci := range g {
			cands[ci].best = -1
		}
	}
}
