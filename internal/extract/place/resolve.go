package place

import (
	"math"
	"sort"
	"strings"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/extract/actor/phrase"
)

// adminWeight is the bonus per other place of the document in the same
// first-level area (at most two count): local news names towns of one
// state ("Dublin" near "Macon" is Dublin, Georgia).
const adminWeight = 2.0

// proximityWeight is the bonus for a town per other town of the document
// within proximityKm (at most two count): the document's places lie near
// one another. Chosen on LGL (dev): weights 0/1/2/3 at 100 and 200 km gave
// .698/.700/.700/.697 and .698/.700/.699/.696.
const (
	proximityKm     = 150
	proximityWeight = 1.0
)

// km is the great-circle distance in km.
func km(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}

// voteWeight is what a name's round-0 pick adds to its country's context:
// more when the name is unambiguous.
func voteWeight(c candidate) float64 {
	if len(c.ids) == 1 {
		return 2
	}
	return 1
}

// nameGroups gathers the candidates by the words they matched: one sense
// per name and document ("Alexandria City ... Alexandria ... Alexandria"),
// so a name's repetitions neither vote for themselves nor split.
func nameGroups(cands []candidate) [][]int {
	at := map[string]int{}
	var out [][]int
	for ci, c := range cands {
		k := strings.ToLower(c.text)
		if c.county {
			k = "county|" + k
		}
		g, ok := at[k]
		if !ok {
			g = len(out)
			at[k] = g
			out = append(out, nil)
		}
		out[g] = append(out[g], ci)
	}
	return out
}

// docContext is what the document says about where it is: votes by
// country (one per distinct name, plus the actors' codes) and by
// first-level area (one per distinct name).
type docContext struct {
	country map[string]float64
	admin   map[string]float64
	points  []namePoint // round-0 picks that are towns
	src     *Source     // the news source's lexicon, if known
}

// townsNear counts, up to most, the towns of other name groups within
// proximityKm of e. dc.points is sorted by latitude.
func (dc docContext) townsNear(e *Entry, group, most int) int {
	const win = proximityKm / 100.0 // degrees of latitude, more than proximityKm
	n := 0
	lonWin := win / math.Max(math.Cos(e.Lat*math.Pi/180), 0.05) // degrees of longitude
	k := sort.Search(len(dc.points), func(k int) bool { return dc.points[k].lat >= e.Lat-win })
	for ; k < len(dc.points) && dc.points[k].lat <= e.Lat+win && n < most; k++ {
		p := dc.points[k]
		dlon := math.Abs(p.lon - e.Lon)
		if p.group == group || math.Min(dlon, 360-dlon) > lonWin+win {
			continue
		}
		if km(e.Lat, e.Lon, p.lat, p.lon) <= proximityKm {
			n++
		}
	}
	return n
}

// namePoint is a town the document names, by its name group.
type namePoint struct {
	lat, lon float64
	group    int
}

// ownVote scores entry id of a name by the first-level areas of the
// document's other names, and takes back the country context that the
// name's own round-0 pick gave (a lone "Dublin" must not vote for Ireland).
func (f *Finder) ownVote(c *candidate, group int, id int32, dc docContext) float64 {
	e, own := &f.g.entries[id], &f.g.entries[c.best]
	sc, sa := dc.src.share(e)
	s := sourceCountryWeight*sc + sourceAdminWeight*sa
	if e.Kind == KindCity || e.Kind == KindCapital {
		s += proximityWeight * float64(dc.townsNear(e, group, 2))
	}
	if e.Admin != "" {
		n := dc.admin[e.Admin]
		if own.Admin == e.Admin {
			n--
		}
		s += adminWeight * math.Min(n, 2)
	}
	if e.Country != "" && own.Country == e.Country {
		n := dc.country[e.Country]
		s -= 1.5 * (math.Min(n, 3) - math.Min(n-voteWeight(*c), 3))
	}
	return s
}

// resolve picks an entry for every name: first by its own merits (kind,
// population, suffix hints, "City, Region" pairs), then again with the
// document's context: the countries and first-level areas of the other
// names, and the countries of the actors that are not themselves place
// mentions. Every mention of a name gets the entry that scores best on
// its most telling mention.
func (f *Finder) resolve(toks []phrase.Token, cands []candidate, actors []liaison.ActorMention, src *Source) {
	groups := nameGroups(cands)
	spans := candidateSpans(toks, cands)
	actorCtx := map[string]float64{}
	for _, a := range actors {
		if len(a.Code) >= 3 && !spans[[2]int{a.Start, a.End}] {
			actorCtx[a.Code[:3]]++
		}
	}
	dc := docContext{country: actorCtx}
	for round := 0; round < resolveRounds; round++ {
		if round > 0 {
			dc = f.vote(cands, groups, actorCtx)
			dc.src = src
		}
		for gi, g := range groups {
			best := f.pick(toks, cands, gi, g, dc, round)
			for _, ci := range g {
				cands[ci].best = best
			}
		}
	}
	f.placeCounties(cands, groups)
	f.dropBodyAreas(cands, groups, dc)
}

// countryPrior is the bonus of a country over a town or area of the same
// name. Chosen on LGL (dev): 2 → .716, 2.5 and 3 → .714, 3.5 and 4 → .710,
// 5 → .708 acc@161km; 3 (was 4) is within noise of the best and the
// smaller move for news that is not local.
const countryPrior = 3.0

// resolveRounds: round 0 picks by each name's own merits, the later ones
// with the context of the previous round's picks.
const resolveRounds = 2

// vote builds the document context from the names' current picks.
func (f *Finder) vote(cands []candidate, groups [][]int, actorCtx map[string]float64) docContext {
	dc := docContext{country: map[string]float64{}, admin: map[string]float64{}}
	for k, v := range actorCtx {
		dc.country[k] = v
	}
	for gi, g := range groups {
		c := cands[g[0]]
		e := &f.g.entries[c.best]
		if e.Kind == KindCity || e.Kind == KindCapital {
			dc.points = append(dc.points, namePoint{e.Lat, e.Lon, gi})
		}
		if e.Country != "" {
			dc.country[e.Country] += voteWeight(c)
		}
		if e.Admin != "" {
			dc.admin[e.Admin]++
		}
	}
	sort.Slice(dc.points, func(i, j int) bool { return dc.points[i].lat < dc.points[j].lat })
	return dc
}

// pick chooses the entry of name group g (candidate indices) that scores
// best on its most telling mention.
func (f *Finder) pick(toks []phrase.Token, cands []candidate, gi int, g []int, dc docContext, round int) int32 {
	c := &cands[g[0]]
	local := false
	for _, ci := range g {
		local = local || cands[ci].hint == hintLocal
	}
	best, bestScore := int32(-1), math.Inf(-1)
	for _, id := range c.ids {
		s := math.Inf(-1)
		for _, ci := range g {
			s = math.Max(s, f.score(toks, cands, ci, id, dc.country, round))
		}
		if local && f.g.entries[id].Kind == KindCountry {
			s -= 8 // "a Lebanon woman" anywhere: not the country (LGL: 4 → .704, 6/8/20 → .707)
		}
		if round > 0 {
			s += f.ownVote(c, gi, id, dc)
		}
		if s > bestScore {
			best, bestScore = id, s
		}
	}
	return best
}

// candidateSpans are the offsets of the place candidates: an actor with
// the same span ("Georgia" coded as a country) is that candidate seen
// again, and its country is the candidate's vote, not a second one.
func candidateSpans(toks []phrase.Token, cands []candidate) map[[2]int]bool {
	m := make(map[[2]int]bool, len(cands))
	for _, c := range cands {
		m[[2]int{toks[c.tok0].Start, toks[c.tokN-1].End}] = true
	}
	return m
}

func (f *Finder) score(toks []phrase.Token, cands []candidate, ci int, id int32, ctx map[string]float64, round int) float64 {
	c := &cands[ci]
	e := &f.g.entries[id]
	s := math.Log10(float64(e.Pop) + 10)
	switch e.Kind {
	case KindCountry:
		s += countryPrior
	case KindRegion:
		s -= 3
	case KindCapital:
		s += 1.5
	case KindAdmin:
		s += 0.5
	}
	if c.hint != "" && (c.hint == e.Kind || c.hint == KindCity && e.Kind == KindCapital) {
		s += 3
	}
	if strings.EqualFold(e.Name, c.text) {
		s += 1.5 // the main name beats another place's alternate name
	}
	if round > 0 && e.Country != "" {
		s += 1.5 * math.Min(ctx[e.Country], 3)
	}
	// "Pandi, Bulacan" / "Vilnius, Lithuania": a neighbour that contains this one
	for _, nb := range []int{ci - 1, ci + 1} {
		if nb < 0 || nb >= len(cands) || !adjacent(toks, cands, ci, nb) {
			continue
		}
		for _, oid := range cands[nb].ids {
			o := &f.g.entries[oid]
			if o.Country == e.Country && (o.Kind == KindCountry || (o.Admin != "" && o.Admin == e.Admin)) {
				s += 4
				break
			}
		}
	}
	return s
}

// adjacent reports whether candidates a and b are separated only by a
// comma or parenthesis ("Yokosuka City, Kanagawa").
func adjacent(toks []phrase.Token, cands []candidate, a, b int) bool {
	if a > b {
		a, b = b, a
	}
	gap := cands[b].tok0 - cands[a].tokN
	if gap < 0 || gap > 3 {
		return false
	}
	for j := cands[a].tokN; j < cands[b].tok0; j++ {
		if l := toks[j].Lower; l != "," && l != "(" && suffixHint[l] == "" {
			return false
		}
	}
	return true
}
