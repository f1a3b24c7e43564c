package place

import (
	"math"

	"github.com/liaison-project/liaison"
)

// Nearest returns the populated place (city or capital) nearest to a
// point: a coarse reverse geocoder, enough to tell which country and
// first-level area a point lies in. ok is false when the gazetteer has no
// populated place.
func (g *Gazetteer) Nearest(lat, lon float64) (e Entry, ok bool) {
	best := math.Inf(1)
	for i := range g.entries {
		c := &g.entries[i]
		if c.Kind != KindCity && c.Kind != KindCapital {
			continue
		}
		if d := km(lat, lon, c.Lat, c.Lon); d < best {
			best, e, ok = d, *c, true
		}
	}
	return e, ok
}

// AreaDistance is the distance in km from a point to the area p stands
// for, 0 when the point lies in it; ok is false when p is not an area
// (a town) or is not in this gazetteer. It measures whether an area was
// resolved to the right entity whatever single point represents it:
//   - a named region: distance to its bounding box;
//   - a country or first-level area: 0 when the populated place nearest
//     to the point belongs to the area, else the distance to the area's
//     nearest populated place or reference point (an upper bound of the
//     distance to its border: no outlines are kept).
func (g *Gazetteer) AreaDistance(p liaison.Place, lat, lon float64) (float64, bool) {
	switch p.Kind {
	case KindRegion:
		if p.BBox == nil {
			return 0, false
		}
		return boxDistance(p.BBox, lat, lon), true
	case KindCountry, KindAdmin:
	default:
		return 0, false
	}
	area := g.areaEntry(p)
	if area == nil {
		return 0, false
	}
	in := func(e *Entry) bool {
		return e.Country == area.Country && (area.Kind == KindCountry || e.Admin == area.Admin)
	}
	if near, ok := g.Nearest(lat, lon); ok && in(&near) {
		return 0, true
	}
	d := km(lat, lon, area.Lat, area.Lon)
	for i := range g.entries {
		if e := &g.entries[i]; (e.Kind == KindCity || e.Kind == KindCapital) && in(e) {
			d = math.Min(d, km(lat, lon, e.Lat, e.Lon))
		}
	}
	return d, true
}

// areaEntry finds the country or first-level area entry p was made from.
func (g *Gazetteer) areaEntry(p liaison.Place) *Entry {
	var best *Entry
	bestD := math.Inf(1)
	for _, id := range g.trie.Exact(p.Name) {
		e := &g.entries[id]
		if e.Kind != p.Kind || e.Country != p.Country || (e.Kind == KindAdmin && e.Admin == "") {
			continue
		}
		if d := km(p.Lat, p.Lon, e.Lat, e.Lon); d < bestD {
			best, bestD = e, d
		}
	}
	return best
}

// boxDistance is the distance in km from a point to box b (0 inside).
func boxDistance(b *[4]float64, lat, lon float64) float64 {
	if inBox(b, lat, lon) {
		return 0
	}
	clat := math.Max(b[1], math.Min(b[3], lat))
	best := math.Inf(1)
	for _, l := range []float64{lon, lon + 360, lon - 360} {
		clon := math.Max(b[0], math.Min(b[2], l))
		best = math.Min(best, km(lat, lon, clat, clon))
	}
	return best
}
