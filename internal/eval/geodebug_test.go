package eval

import (
	"fmt"
	"os"
	"sort"
	"testing"

	"github.com/liaison-project/liaison/internal/shareddata"
)

// TestGeoDebug prints toponym misses, false alarms and far resolutions
// when GEODEBUG names a corpus (GeoVirus.xml or LGL_lgl.xml); skipped
// otherwise.
func TestGeoDebug(t *testing.T) {
	if os.Getenv("GEODEBUG") == "" {
		t.Skip("set GEODEBUG=GeoVirus.xml or LGL_lgl.xml to list errors")
	}
	p := shareddata.Need(t, "data/gold/geo/"+os.Getenv("GEODEBUG"))
	f, _ := os.Open(p)
	defer f.Close()
	var docs []GeoDoc
	if os.Getenv("GEODEBUG") == "GeoVirus.xml" {
		docs, _ = ReadGeoVirus(f)
	} else {
		docs, _ = ReadLGL(f)
	}
	find := geoFinder(t)
	cnt := map[string]int{}
	for _, d := range docs {
		pred := find(d.Text)
		for _, g := range d.Toponyms {
			found := false
			for _, p := range pred {
				if p.Start < g.End && g.Start < p.End {
					found = true
					if g.HasCoord {
						if km := Haversine(g.Lat, g.Lon, p.Lat, p.Lon); km > 161 {
							cnt[fmt.Sprintf("WRONG %s -> %s %s %s (%.0f km)", g.Name, p.Name, p.Country, p.Kind, km)]++
						}
					}
				}
			}
			if !found {
				cnt["FN "+g.Name]++
			}
		}
		for _, p := range pred {
			ok := false
			for _, g := range d.Toponyms {
				if p.Start < g.End && g.Start < p.End {
					ok = true
				}
			}
			if !ok {
				cnt["FP "+p.Text+" "+p.Country+" "+p.Kind]++
			}
		}
	}
	type kv struct {
		k string
		v int
	}
	var kvs []kv
	for k, v := range cnt {
		kvs = append(kvs, kv{k, v})
	}
	sort.Slice(kvs, func(i, j int) bool { return kvs[i].v > kvs[j].v })
	for _, x := range kvs {
		fmt.Println(x.v, x.k)
	}
}
