package eval

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/extract/place"
	"github.com/liaison-project/liaison/internal/shareddata"
)

// TestGeoAnalysis breaks the far resolutions (> 161 km) of a corpus down by
// the kind of the gold toponym and by cause, when GEOANALYSIS names a
// corpus file (GeoVirus.xml or LGL_lgl.xml); skipped otherwise. Causes:
//
//	homonym   another gazetteer entry of that name is right (within 161 km,
//	          or an area holding the gold point): the wrong one was chosen
//	refpoint  the chosen entry is an area holding the gold point, but its
//	          reference point is more than 161 km from the gold point
//	missing   no entry of that name is right: not in the gazetteer
func TestGeoAnalysis(t *testing.T) {
	file := os.Getenv("GEOANALYSIS")
	if file == "" {
		t.Skip("set GEOANALYSIS=GeoVirus.xml or LGL_lgl.xml")
	}
	p := shareddata.Need(t, "data/gold/geo/"+file)
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	read := ReadLGL
	if file == "GeoVirus.xml" {
		read = ReadGeoVirus
	}
	docs, err := read(f)
	if err != nil {
		t.Fatal(err)
	}
	pf, err := place.Default()
	if err != nil {
		t.Fatal(err)
	}
	g := pf.Gazetteer()
	cells := map[[2]string]int{}
	examples := map[[2]string]map[string]int{}
	resolved, find := 0, geoFinder(t)
	for _, d := range docs {
		for _, m := range matchGeo(d, find(d.Text)) {
			if !m.gold.HasCoord {
				continue
			}
			resolved++
			km := Haversine(m.gold.Lat, m.gold.Lon, m.pred.Lat, m.pred.Lon)
			if km <= 161 {
				continue
			}
			kind, cause := classifyFar(g, m.gold, m.pred)
			key := [2]string{kind, cause}
			cells[key]++
			if examples[key] == nil {
				examples[key] = map[string]int{}
			}
			examples[key][fmt.Sprintf("%s -> %s/%s/%s (%.0f km)", m.gold.Name, m.pred.Name, m.pred.Country, m.pred.Kind, km)]++
		}
	}
	printAnalysis(resolved, cells, examples)
}

// geoMatch is a gold toponym and the prediction it was matched with.
type geoMatch struct {
	gold GeoGold
	pred liaison.PlaceMention
}

// matchGeo pairs gold toponyms with overlapping predictions, one to one,
// as ScoreGeo does.
func matchGeo(d GeoDoc, pred []liaison.PlaceMention) []geoMatch {
	used := make([]bool, len(pred))
	var out []geoMatch
	for _, gd := range d.Toponyms {
		for i, p := range pred {
			if !used[i] && p.Start < gd.End && gd.Start < p.End {
				used[i] = true
				out = append(out, geoMatch{gd, p})
				break
			}
		}
	}
	return out
}

// classifyFar returns the kind of the gold toponym and the cause of a far
// resolution pm. An entry is right when its point is within 161 km of the
// gold point or, for an area, the gold point is within 161 km of the area
// (place.Gazetteer.AreaDistance, as in the area-aware figure).
func classifyFar(g *place.Gazetteer, gd GeoGold, pm liaison.PlaceMention) (kind, cause string) {
	right := func(p liaison.Place) bool {
		if Haversine(gd.Lat, gd.Lon, p.Lat, p.Lon) <= 161 {
			return true
		}
		km, ok := g.AreaDistance(p, gd.Lat, gd.Lon)
		return ok && km <= 161
	}
	if right(pm.Place) {
		return kindGroup(pm.Kind), "refpoint"
	}
	for _, name := range []string{pm.Text, gd.Name} {
		for _, e := range g.Lookup(name) {
			if right(liaison.Place{Name: e.Name, Country: e.Country, Lat: e.Lat, Lon: e.Lon, Kind: e.Kind, BBox: e.BBox}) {
				return kindGroup(e.Kind), "homonym"
			}
		}
	}
	return "? (chose " + kindGroup(pm.Kind) + ")", "missing"
}

func kindGroup(k string) string {
	if k == place.KindCapital {
		return place.KindCity
	}
	return k
}

func printAnalysis(resolved int, cells map[[2]string]int, examples map[[2]string]map[string]int) {
	var keys [][2]string
	total := 0
	for k, v := range cells {
		keys = append(keys, k)
		total += v
	}
	sort.Slice(keys, func(i, j int) bool { return cells[keys[i]] > cells[keys[j]] })
	fmt.Printf("resolved %d, far %d\n", resolved, total)
	for _, k := range keys {
		var ex []string
		for e, n := range examples[k] {
			ex = append(ex, fmt.Sprintf("%d× %s", n, e))
		}
		sort.Slice(ex, func(i, j int) bool { return ex[i] > ex[j] })
		sort.SliceStable(ex, func(i, j int) bool { return leadInt(ex[i]) > leadInt(ex[j]) })
		if len(ex) > 12 {
			ex = ex[:12]
		}
		fmt.Printf("%-22s %-9s %4d\n    %s\n", k[0], k[1], cells[k], strings.Join(ex, "\n    "))
	}
}

func leadInt(s string) int {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			break
		}
		n = n*10 + int(r-'0')
	}
	return n
}
