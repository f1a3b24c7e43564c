// Command gen derives the built-in gazetteer tables of package place from
// the public fact files a user can also download: GeoNames cities15000,
// countryInfo and admin-1 names (CC BY 4.0) and the mledoze country facts
// (ODbL: demonyms, alternative spellings, centroid as fallback) and Natural
// Earth 50m countries (public domain: the polygon a country's reference
// point is the centroid of; see countrypoint.go for the rules). It writes
// data/countries.tsv and data/cities.tsv.gz; run it with `go generate`.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/liaison-project/liaison/internal/extract/place"
)

func main() {
	shared := flag.String("shared", "", "directory holding the GeoNames and mledoze files")
	out := flag.String("out", "data", "output directory")
	minPop := flag.Int("minpop", 15000, "smallest populated place kept")
	adminPoint := flag.String("adminpoint", "box", "rule placing first-level areas: box, mean or seat")
	countryRule := flag.String("countrypoint", "polygon", "rule placing countries: "+strings.Join(countryRules, ", "))
	flag.Parse()
	if err := run(*shared, *out, *minPop, *adminPoint, *countryRule); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(shared, out string, minPop int, adminPoint, countryRule string) error {
	if err := writeCountries(shared, out, countryRule); err != nil {
		return err
	}
	cities, err := place.OpenGeoNames(filepath.Join(shared, "geonames_cities15000.zip"))
	if err != nil {
		return err
	}
	defer cities.Close()
	ci, err := os.Open(filepath.Join(shared, "geonames_countryInfo.txt"))
	if err != nil {
		return err
	}
	defer ci.Close()
	a1, err := os.Open(filepath.Join(shared, "geonames_admin1_regionInfo.tsv"))
	if err != nil {
		return err
	}
	defer a1.Close()
	f, err := os.Create(filepath.Join(out, "cities.tsv.gz"))
	if err != nil {
		return err
	}
	st, err := place.ImportGeoNames(f, cities, ci, a1, place.ImportOptions{MinPop: minPop, AltPop: 100000, MaxAlts: 12, AdminPoint: adminPoint})
	if err != nil {
		f.Close()
		return err
	}
	fmt.Fprintf(os.Stderr, "gen: %d places, %d admin areas, %d skipped\n", st.Cities, st.Admins, st.Skipped)
	return f.Close()
}

type mledoze struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	CCA2         string                       `json:"cca2"`
	CCA3         string                       `json:"cca3"`
	CCN3         string                       `json:"ccn3"`
	Capital      []string                     `json:"capital"`
	AltSpellings []string                     `json:"altSpellings"`
	LatLng       []float64                    `json:"latlng"`
	Demonyms     map[string]map[string]string `json:"demonyms"`
}

func writeCountries(shared, out, rule string) error {
	raw, err := os.ReadFile(filepath.Join(shared, "mledoze_countries.json"))
	if err != nil {
		return err
	}
	if !slices.Contains(countryRules, rule) {
		return fmt.Errorf("-countrypoint %q: want one of %s", rule, strings.Join(countryRules, ", "))
	}
	cities, err := readCityFacts(filepath.Join(shared, "geonames_cities15000.zip"))
	if err != nil {
		return err
	}
	ne, neAll, err := naturalEarthCentroids(filepath.Join(shared, "naturalearth_countries-50m.topo.json"))
	if err != nil {
		return err
	}
	var cs []mledoze
	if err := json.Unmarshal(raw, &cs); err != nil {
		return err
	}
	pops, err := countryPops(filepath.Join(shared, "geonames_countryInfo.txt"))
	if err != nil {
		return err
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].CCA3 < cs[j].CCA3 })
	var b strings.Builder
	b.WriteString("# iso3\tiso2\tname\tlat\tlon\tcapital\tpopulation\tnames\tdemonyms\n")
	for _, c := range cs {
		if len(c.LatLng) < 2 {
			continue
		}
		names := uniq(c.Name.Common, append([]string{c.Name.Official}, c.AltSpellings...), func(s string) bool {
			return len(s) > 3 && isLatin(s) && !strings.Contains(s, ",")
		})
		var dem []string
		if d := c.Demonyms["eng"]; d != nil {
			dem = uniq("", []string{d["m"], d["f"]}, func(s string) bool { return s != "" })
		}
		capital := ""
		if len(c.Capital) > 0 {
			capital = c.Capital[0]
		}
		lat, lon := c.LatLng[0], c.LatLng[1]
		if la, lo, ok := countryPoint(rule, c, cities, ne, neAll); ok {
			lat, lon = la, lo
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\t%.3f\t%.3f\t%s\t%d\t%s\t%s\n", c.CCA3, c.CCA2, c.Name.Common, lat, lon,
			capital, pops[c.CCA3], strings.Join(names, "|"), strings.Join(dem, "|"))
	}
	return os.WriteFile(filepath.Join(out, "countries.tsv"), []byte(b.String()), 0o644)
}

func countryPops(path string) (map[string]int, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	pops := map[string]int{}
	for _, line := range strings.Split(string(raw), "\n") {
		f := strings.Split(line, "\t")
		if len(f) > 7 && !strings.HasPrefix(line, "#") {
			var p int
			fmt.Sscan(f[7], &p)
			pops[f[1]] = p
		}
	}
	return pops, nil
}

func uniq(skip string, in []string, keep func(string) bool) []string {
	seen := map[string]bool{strings.ToLower(skip): true}
	var out []string
	for _, s := range in {
		if !keep(s) || seen[strings.ToLower(s)] {
			continue
		}
		seen[strings.ToLower(s)] = true
		out = append(out, s)
	}
	return out
}

func isLatin(s string) bool {
	for _, r := range s {
		if r > 0x24F {
			return false
		}
	}
	return true
}
