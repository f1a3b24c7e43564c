package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/liaison-project/liaison/internal/extract/place"
)

// Country reference-point rules (flag -countrypoint). Each is one uniform
// rule over every country, from an independent public source; the rule in
// use was chosen on the LGL corpus (dev) and GeoVirus kept as held-out
// check (see the package doc of place):
//
//	latlng   mledoze `latlng` (ODbL)
//	polygon  area-weighted centroid of the outer ring of the country's
//	         largest polygon in Natural Earth 50m (public domain), planar in
//	         degrees as GIS tools compute it; mledoze latlng when NE lacks it
//	polyall  the same over all of the country's polygons (overseas parts too)
//	capital  the GeoNames PPLC of the country, else its largest place
//	largest  the most populous GeoNames place of the country
//	popmean  population-weighted mean position (on the sphere) of the
//	         country's GeoNames places of at least 15,000 people
//
// The GeoNames rules fall back to mledoze latlng for countries without any
// place in cities15000.
var countryRules = []string{"latlng", "polygon", "polyall", "capital", "largest", "popmean"}

// cityFacts is what the country rules need from the GeoNames places of one
// country (keyed by ISO-2).
type cityFacts struct {
	capital, largest *[2]float64
	largestPop       int
	sum              sphereSum // population-weighted
}

// readCityFacts reads the GeoNames cities dump once for the country rules.
func readCityFacts(path string) (map[string]*cityFacts, error) {
	rc, err := place.OpenGeoNames(path)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	facts := map[string]*cityFacts{}
	sc := bufio.NewScanner(rc)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 15 || strings.HasPrefix(f[0], "#") {
			continue
		}
		lat, err1 := strconv.ParseFloat(f[4], 64)
		lon, err2 := strconv.ParseFloat(f[5], 64)
		pop, err3 := strconv.Atoi(f[14])
		if err1 != nil || err2 != nil || err3 != nil || f[8] == "" {
			continue
		}
		c := facts[f[8]]
		if c == nil {
			c = &cityFacts{}
			facts[f[8]] = c
		}
		pt := &[2]float64{lat, lon}
		if f[7] == "PPLC" && c.capital == nil {
			c.capital = pt
		}
		if c.largest == nil || pop > c.largestPop {
			c.largest, c.largestPop = pt, pop
		}
		c.sum.add(lat, lon, float64(max(pop, 1)))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return facts, nil
}

// sphereSum is a weighted sum of positions as unit vectors, so that
// points on both sides of the antimeridian average correctly.
type sphereSum struct{ x, y, z, w float64 }

func (s *sphereSum) add(lat, lon, w float64) {
	φ, λ := lat*math.Pi/180, lon*math.Pi/180
	s.x += w * math.Cos(φ) * math.Cos(λ)
	s.y += w * math.Cos(φ) * math.Sin(λ)
	s.z += w * math.Sin(φ)
	s.w += w
}

// mean is the weighted mean position (lat, lon).
func (s *sphereSum) mean() [2]float64 {
	return [2]float64{math.Atan2(s.z, math.Hypot(s.x, s.y)) * 180 / math.Pi, math.Atan2(s.y, s.x) * 180 / math.Pi}
}

// countryPoint applies rule to one country; ok is false when the rule's
// source has nothing for it (the caller keeps mledoze latlng).
func countryPoint(rule string, c mledoze, cities map[string]*cityFacts, ne, neAll map[string][2]float64) (lat, lon float64, ok bool) {
	f := cities[c.CCA2]
	switch rule {
	case "polygon", "polyall":
		if rule == "polyall" {
			ne = neAll
		}
		p, ok := ne[c.CCN3]
		if !ok {
			p, ok = ne["name:"+c.Name.Common]
		}
		return p[0], p[1], ok
	case "capital":
		if f != nil && f.capital != nil {
			return f.capital[0], f.capital[1], true
		}
		fallthrough
	case "largest":
		if f != nil && f.largest != nil {
			return f.largest[0], f.largest[1], true
		}
	case "popmean":
		if f != nil && f.sum.w > 0 {
			p := f.sum.mean()
			return p[0], p[1], true
		}
	}
	return 0, 0, false
}

// topology is the part of a TopoJSON file the polygon rule reads.
type topology struct {
	Transform *struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Arcs    [][][2]float64 `json:"arcs"`
	Objects map[string]struct {
		Geometries []struct {
			Type       string          `json:"type"`
			ID         string          `json:"id"`
			Arcs       json.RawMessage `json:"arcs"`
			Properties struct {
				Name string `json:"name"`
			} `json:"properties"`
		} `json:"geometries"`
	} `json:"objects"`
}

// naturalEarthCentroids decodes a Natural Earth countries TopoJSON file and
// returns, by ISO numeric id and by "name:"+name, the centroid (lat, lon)
// of each country's largest polygon.
func naturalEarthCentroids(path string) (largest, all map[string][2]float64, err error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	largest, all, err = parseCountryTopology(raw)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	return largest, all, nil
}

// parseCountryTopology reads the "countries" object of a TopoJSON
// document; see naturalEarthCentroids.
func parseCountryTopology(raw []byte) (largest, all map[string][2]float64, err error) {
	var t topology
	if err := json.Unmarshal(raw, &t); err != nil {
		return nil, nil, err
	}
	arcs := t.decodeArcs()
	out, all := map[string][2]float64{}, map[string][2]float64{}
	areas := map[string]float64{}
	for _, g := range t.Objects["countries"].Geometries {
		var polys [][][]int
		switch g.Type {
		case "Polygon":
			var p [][]int
			if err := json.Unmarshal(g.Arcs, &p); err != nil {
				return nil, nil, fmt.Errorf("%s: %w", g.Properties.Name, err)
			}
			polys = [][][]int{p}
		case "MultiPolygon":
			if err := json.Unmarshal(g.Arcs, &polys); err != nil {
				return nil, nil, fmt.Errorf("%s: %w", g.Properties.Name, err)
			}
		default:
			continue
		}
		best, bestArea := [2]float64{}, -1.0
		var sum sphereSum
		for _, p := range polys {
			if len(p) == 0 {
				continue
			}
			area, lat, lon := ringCentroid(ring(arcs, p[0]))
			sum.add(lat, lon, area)
			if area > bestArea {
				best, bestArea = [2]float64{lat, lon}, area
			}
		}
		if bestArea <= 0 {
			continue
		}
		for _, k := range []string{g.ID, "name:" + g.Properties.Name} {
			// ids repeat (Australia and its Ashmore and Cartier Islands):
			// the biggest polygon wins
			if k != "" && k != "-99" && k != "name:" && bestArea > areas[k] {
				out[k], areas[k] = best, bestArea
				all[k] = sum.mean()
			}
		}
	}
	return out, all, nil
}

// decodeArcs turns quantized, delta-encoded arcs into absolute lon/lat.
func (t *topology) decodeArcs() [][][2]float64 {
	out := make([][][2]float64, len(t.Arcs))
	for i, a := range t.Arcs {
		pts := make([][2]float64, len(a))
		var x, y float64
		for j, p := range a {
			if t.Transform == nil {
				pts[j] = p
				continue
			}
			x, y = x+p[0], y+p[1]
			pts[j] = [2]float64{x*t.Transform.Scale[0] + t.Transform.Translate[0], y*t.Transform.Scale[1] + t.Transform.Translate[1]}
		}
		out[i] = pts
	}
	return out
}

// ring joins arc references into one closed ring; ~i is arc i reversed,
// and each arc after the first drops its shared first point.
func ring(arcs [][][2]float64, refs []int) [][2]float64 {
	var pts [][2]float64
	for k, r := range refs {
		rev := r < 0
		if rev {
			r = ^r
		}
		if r >= len(arcs) {
			continue
		}
		a := arcs[r]
		for j := range a {
			p := a[j]
			if rev {
				p = a[len(a)-1-j]
			}
			if j == 0 && k > 0 {
				continue
			}
			pts = append(pts, p)
		}
	}
	return pts
}

// ringCentroid is the shoelace area (absolute, square degrees) and
// area-weighted centroid of a closed lon/lat ring.
// A ring spanning more than 180° of longitude crosses the antimeridian: its
// western longitudes are shifted by 360° first and the result wrapped back.
func ringCentroid(pts [][2]float64) (area, lat, lon float64) {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range pts {
		lo, hi = min(lo, p[0]), max(hi, p[0])
	}
	shift := func(p [2]float64) [2]float64 {
		if hi-lo > 180 && p[0] < 0 {
			p[0] += 360
		}
		return p
	}
	var a, cx, cy float64
	for i := range pts {
		p, q := shift(pts[i]), shift(pts[(i+1)%len(pts)])
		cr := p[0]*q[1] - q[0]*p[1]
		a += cr
		cx += (p[0] + q[0]) * cr
		cy += (p[1] + q[1]) * cr
	}
	if a == 0 {
		return 0, 0, 0
	}
	lon = cx / (3 * a)
	if lon > 180 {
		lon -= 360
	}
	return math.Abs(a / 2), cy / (3 * a), lon
}
