package place

import "math"

// Region reference-point rules. Every named region (regions.go) is placed
// by one rule, applied uniformly; the rule in use (regionRule) was chosen
// on the LGL corpus as dev set, GeoVirus being the held-out check:
//
//	box      centre of the region's bounding box
//	popbox   population-weighted mean position, on the sphere, of the
//	         gazetteer's populated places inside the box (box centre when
//	         the box holds none)
//	members  population-weighted mean position of the populated places of
//	         the member countries, a member being a country whose
//	         reference point lies inside the box (popbox when none does)
const regionRule = "popbox"

// placeRegions sets the point of every region entry of g by rule.
func (g *Gazetteer) placeRegions(rule string) {
	if rule == "box" {
		return
	}
	var regs []*Entry
	for i := range g.entries {
		if r := &g.entries[i]; r.Kind == KindRegion && r.BBox != nil {
			regs = append(regs, r)
		}
	}
	sums := make([]sphereMean, len(regs))
	members := make([]map[string]bool, len(regs))
	for k, r := range regs {
		if rule == "members" {
			members[k] = map[string]bool{}
			for _, c := range g.countries {
				if inBox(r.BBox, c.Lat, c.Lon) {
					members[k][c.ISO3] = true
				}
			}
		}
	}
	for j := range g.entries {
		e := &g.entries[j]
		if e.Kind != KindCity && e.Kind != KindCapital {
			continue
		}
		v := unitVector(e.Lat, e.Lon, float64(max(e.Pop, 1)))
		for k, r := range regs {
			if len(members[k]) > 0 && members[k][e.Country] || len(members[k]) == 0 && inBox(r.BBox, e.Lat, e.Lon) {
				sums[k].add(v)
			}
		}
	}
	for k, r := range regs {
		if lat, lon, ok := sums[k].mean(); ok {
			r.Lat, r.Lon = lat, lon
		}
	}
}

// inBox reports whether a point lies in b (minLon, minLat, maxLon, maxLat;
// maxLon above 180 for a box crossing the antimeridian).
func inBox(b *[4]float64, lat, lon float64) bool {
	if lat < b[1] || lat > b[3] {
		return false
	}
	if lon < b[0] {
		lon += 360
	}
	return lon >= b[0] && lon <= b[2]
}

// sphereMean accumulates a weighted mean of positions as unit vectors, so
// that places on both sides of the antimeridian average correctly.
type sphereMean struct{ x, y, z, w float64 }

func (s *sphereMean) add(v sphereMean) {
	s.x, s.y, s.z, s.w = s.x+v.x, s.y+v.y, s.z+v.z, s.w+v.w
}

// unitVector is w times the unit vector of a position, with weight w.
func unitVector(lat, lon, w float64) sphereMean {
	φ, λ := lat*math.Pi/180, lon*math.Pi/180
	return sphereMean{w * math.Cos(φ) * math.Cos(λ), w * math.Cos(φ) * math.Sin(λ), w * math.Sin(φ), w}
}

func (s *sphereMean) mean() (lat, lon float64, ok bool) {
	if s.w == 0 || math.Hypot(s.x, math.Hypot(s.y, s.z)) < 1e-9 {
		return 0, 0, false
	}
	return math.Atan2(s.z, math.Hypot(s.x, s.y)) * 180 / math.Pi, math.Atan2(s.y, s.x) * 180 / math.Pi, true
}
