package place

import (
	"archive/zip"
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/liaison-project/liaison"
)

// ImportOptions tunes ImportGeoNames.
type ImportOptions struct {
	// MinPop drops populated places smaller than this (0 keeps all).
	MinPop int
	// AltPop keeps ASCII alternate names only for places at least this big,
	// since alternate names of small places are mostly transliteration noise.
	AltPop int
	// MaxAlts bounds alternate names per place.
	MaxAlts int
	// AdminPoint is the rule that places a first-level area: "box" (the
	// default: centre of the box around the area's populated places),
	// "mean" (mean position of those places), "popmean" (their
	// population-weighted mean) or "seat" (the GeoNames PPLA seat of the
	// area, else the box centre).
	AdminPoint string
}

// ImportStats says what an import kept and skipped.
type ImportStats struct {
	Cities  int
	Admins  int
	Skipped int // malformed or unknown-country lines
}

// ImportGeoNames reads a GeoNames cities TSV (the 19-column format of
// cities15000.txt), countryInfo.txt and optionally admin1CodesASCII-style
// names (code, name, ascii name, id), and writes the gazetteer format that
// Load reads: gzip-compressed TSV lines
//
//	kind  name  iso3  lat  lon  population  admin-key  alt1|alt2|...
//
// with kind one of city, capital, admin. Admin areas get the centre of the box
// around their cities and the sum of their populations. Malformed lines are
// counted and skipped; the error reports only unreadable input.
func ImportGeoNames(w io.Writer, cities, countryInfo, admin1 io.Reader, opt ImportOptions) (ImportStats, error) {
	var st ImportStats
	iso, err := readCountryInfo(countryInfo)
	if err != nil {
		return st, err
	}
	adminNames, err := readAdmin1(admin1)
	if err != nil {
		return st, err
	}
	admins := map[string]*areaBox{}
	zw := gzip.NewWriter(w)
	bw := bufio.NewWriter(zw)
	err = eachTSV(cities, func(f []string) {
		e, ok := parseCity(f, iso, opt)
		if !ok {
			st.Skipped++
			return
		}
		if e.Admin != "" {
			a := admins[e.Admin]
			if a == nil {
				a = &areaBox{minLat: e.Lat, minLon: e.Lon, maxLat: e.Lat, maxLon: e.Lon}
				admins[e.Admin] = a
			}
			a.addPlace(e, f[7] == "PPLA")
		}
		if e.Pop < opt.MinPop {
			return
		}
		writeEntry(bw, e)
		st.Cities++
	})
	if err != nil {
		return st, fmt.Errorf("cities: %w", err)
	}
	st.Admins = writeAdmins(bw, admins, adminNames, iso, opt.AdminPoint)
	if err := bw.Flush(); err != nil {
		return st, err
	}
	return st, zw.Close()
}

// areaBox accumulates the extent, mean position, seat and population of
// an admin area's places.
type areaBox struct {
	minLat, minLon, maxLat, maxLon float64
	sumLat, sumLon                 float64
	wLat, wLon, w                  float64 // population-weighted sums
	n, pop                         int
	seat                           *[2]float64
}

func (a *areaBox) addPlace(e Entry, seat bool) {
	a.minLat, a.maxLat = min(a.minLat, e.Lat), max(a.maxLat, e.Lat)
	a.minLon, a.maxLon = min(a.minLon, e.Lon), max(a.maxLon, e.Lon)
	a.sumLat += e.Lat
	a.sumLon += e.Lon
	w := float64(max(e.Pop, 1))
	a.wLat, a.wLon, a.w = a.wLat+w*e.Lat, a.wLon+w*e.Lon, a.w+w
	a.n++
	a.pop += e.Pop
	if seat && a.seat == nil {
		a.seat = &[2]float64{e.Lat, e.Lon}
	}
}

// point places the area by rule (see ImportOptions.AdminPoint).
func (a *areaBox) point(rule string) (lat, lon float64) {
	switch {
	case rule == "mean" && a.n > 0:
		return a.sumLat / float64(a.n), a.sumLon / float64(a.n)
	case rule == "popmean" && a.w > 0:
		return a.wLat / a.w, a.wLon / a.w
	case rule == "seat" && a.seat != nil:
		return a.seat[0], a.seat[1]
	}
	return (a.minLat + a.maxLat) / 2, (a.minLon + a.maxLon) / 2
}

// writeAdmins writes one entry per named admin area, in key order, at the
// centre of its places' box; it returns how many it wrote.
func writeAdmins(bw *bufio.Writer, admins map[string]*areaBox, names map[string][2]string, iso map[string]string, rule string) int {
	keys := make([]string, 0, len(admins))
	for k := range admins {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	n := 0
	for _, k := range keys {
		nm := names[k]
		if nm[0] == "" {
			continue
		}
		a := admins[k]
		lat, lon := a.point(rule)
		e := Entry{Kind: KindAdmin, Name: nm[0], Country: iso[k[:2]], Lat: lat, Lon: lon, Pop: a.pop, Admin: k}
		if nm[1] != nm[0] && nm[1] != "" {
			e.Alts = []string{nm[1]}
		}
		if short := stripAreaWord(nm[0]); short != "" {
			e.Alts = append(e.Alts, short) // "Amur Oblast" is also "Amur"
		}
		writeEntry(bw, e)
		n++
	}
	return n
}

// readCountryInfo maps GeoNames ISO-2 codes to ISO-3 from countryInfo.txt.
func readCountryInfo(r io.Reader) (map[string]string, error) {
	iso := map[string]string{}
	if err := eachTSV(r, func(f []string) {
		if len(f) >= 5 && len(f[0]) == 2 && len(f[1]) == 3 {
			iso[f[0]] = f[1]
		}
	}); err != nil {
		return nil, fmt.Errorf("countryInfo: %w", err)
	}
	if len(iso) == 0 {
		return nil, fmt.Errorf("countryInfo: no country lines (ISO, ISO3, ...): %w", liaison.ErrInvalid)
	}
	return iso, nil
}

// readAdmin1 reads admin-1 names (code, name, ASCII name) by code; a nil
// reader gives none.
func readAdmin1(r io.Reader) (map[string][2]string, error) {
	names := map[string][2]string{}
	if r == nil {
		return names, nil
	}
	if err := eachTSV(r, func(f []string) {
		if len(f) >= 3 && strings.Contains(f[0], ".") {
			names[f[0]] = [2]string{clean(f[1]), clean(f[2])}
		}
	}); err != nil {
		return nil, fmt.Errorf("admin1: %w", err)
	}
	return names, nil
}

func parseCity(f []string, iso map[string]string, opt ImportOptions) (Entry, bool) {
	if len(f) < 15 {
		return Entry{}, false
	}
	c3 := iso[f[8]]
	lat, err1 := strconv.ParseFloat(f[4], 64)
	lon, err2 := strconv.ParseFloat(f[5], 64)
	pop, err3 := strconv.Atoi(f[14])
	if c3 == "" || f[1] == "" || err1 != nil || err2 != nil || err3 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return Entry{}, false
	}
	e := Entry{Kind: KindCity, Name: clean(f[1]), Country: c3, Lat: lat, Lon: lon, Pop: pop}
	if f[7] == "PPLC" {
		e.Kind = KindCapital
	}
	if f[10] != "" {
		e.Admin = f[8] + "." + f[10] // GeoNames admin1 key, e.g. JP.19
	}
	seen := map[string]bool{strings.ToLower(e.Name): true}
	addAlt := func(a string) {
		a = clean(a)
		if a == "" || seen[strings.ToLower(a)] || len(e.Alts) >= opt.MaxAlts {
			return
		}
		seen[strings.ToLower(a)] = true
		e.Alts = append(e.Alts, a)
	}
	addAlt(f[2])
	if pop >= opt.AltPop && opt.AltPop > 0 {
		alts := strings.Split(f[3], ",")
		// short forms of the name first ("New York" of "New York City"),
		// since MaxAlts cuts the rest of the (alphabetical) list
		for _, a := range alts {
			if goodAlt(a) && strings.Contains(strings.ToLower(e.Name), strings.ToLower(a)) {
				addAlt(a)
			}
		}
		for _, a := range alts {
			if goodAlt(a) {
				addAlt(a)
			}
		}
	}
	return e, true
}

// goodAlt keeps plain-ASCII title-case alternate names (Bombay, Peking)
// and drops codes, transliteration clutter and non-Latin scripts.
func goodAlt(a string) bool {
	if len(a) < 4 || a[0] < 'A' || a[0] > 'Z' {
		return false
	}
	for i := 0; i < len(a); i++ {
		c := a[i]
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == ' ' || c == '-' || c == '.'
		if !ok {
			return false
		}
	}
	return !strings.Contains(a, "  ")
}

// stripAreaWord drops a trailing or leading area word from an admin
// name ("Amur Oblast", "Province of Cebu"), or returns "".
func stripAreaWord(n string) string {
	for _, w := range []string{" Oblast", " Province", " Prefecture", " Region", " Governorate", " Krai", " Kray", " Voivodeship", " County", " District", " Department", " State"} {
		if strings.HasSuffix(n, w) && len(n) > len(w)+2 {
			return strings.TrimSuffix(n, w)
		}
	}
	for _, w := range []string{"Province of ", "State of ", "Region of ", "Departamento de ", "Provincia de "} {
		if strings.HasPrefix(n, w) && len(n) > len(w)+2 {
			return strings.TrimPrefix(n, w)
		}
	}
	return ""
}

func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || r == '|' {
			return ' '
		}
		return r
	}, strings.TrimSpace(s))
}

func writeEntry(w *bufio.Writer, e Entry) {
	fmt.Fprintf(w, "%s\t%s\t%s\t%.3f\t%.3f\t%d\t%s\t%s\n", e.Kind, e.Name, e.Country, e.Lat, e.Lon, e.Pop, e.Admin, strings.Join(e.Alts, "|"))
}

// eachTSV calls fn with the tab-separated fields of every non-comment line.
func eachTSV(r io.Reader, fn func([]string)) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		fn(strings.Split(line, "\t"))
	}
	return sc.Err()
}

// OpenGeoNames opens a GeoNames dump given as .txt or as the .zip GeoNames
// distributes (the first .txt member is read).
func OpenGeoNames(path string) (io.ReadCloser, error) {
	if !strings.HasSuffix(strings.ToLower(path), ".zip") {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("open gazetteer input: %w", err)
		}
		return f, nil
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: not a readable zip: %w", path, liaison.ErrInvalid)
	}
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, ".txt") {
			rc, err := f.Open()
			if err != nil {
				zr.Close()
				return nil, fmt.Errorf("open %s in %s: %w", f.Name, path, err)
			}
			return &zipFile{rc, zr}, nil
		}
	}
	zr.Close()
	return nil, fmt.Errorf("%s holds no .txt member: %w", path, liaison.ErrInvalid)
}

type zipFile struct {
	io.ReadCloser
	zr *zip.ReadCloser
}

// Close closes the member and the archive.
func (z *zipFile) Close() error {
	err := z.ReadCloser.Close()
	if e := z.zr.Close(); err == nil {
		err = e
	}
	return err
}
