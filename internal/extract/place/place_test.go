package place

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
)

func mustFinder(t testing.TB) *Finder {
	t.Helper()
	f, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestBuiltinCoverage(t *testing.T) {
	g, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(g.Countries()); n < 240 {
		t.Errorf("only %d countries", n)
	}
	for _, name := range []string{"Vilnius", "Tokyo", "Yokosuka", "Kanagawa", "Madrid", "Lithuania", "Indo-Pacific", "Euro-Atlantic", "South China Sea", "Korean Peninsula"} {
		if len(g.Lookup(name)) == 0 {
			t.Errorf("%s missing from the built-in gazetteer", name)
		}
	}
	if c, ok := g.Country("JPN"); !ok || c.Capital != "Tokyo" {
		t.Errorf("JPN = %+v", c)
	}
}

func TestFind(t *testing.T) {
	f := mustFinder(t)
	tests := []struct {
		text string
		want []string // "Text/ISO3/kind"
	}{
		{"Japan will attend the summit in Vilnius, Lithuania.", []string{"Japan/JPN/country", "Vilnius/LTU/capital", "Lithuania/LTU/country"}},
		{"The vessel visited the naval base (Yokosuka City, Kanagawa Pref.) on Monday.", []string{"Yokosuka/JPN/city", "Kanagawa/JPN/admin"}},
		{"Troops moved to the Indo-Pacific region and the South China Sea.", []string{"Indo-Pacific/ADM/region", "South China Sea//region"}},
		{"It may be nice to read in March.", nil},
		{"George Washington slept here.", nil},
	}
	for _, tc := range tests {
		var got []string
		var actors []liaison.ActorMention
		if strings.HasPrefix(tc.text, "George") {
			actors = []liaison.ActorMention{{Text: "George Washington", Kind: "person", Start: 0, End: 17}}
		}
		for _, m := range f.Find(tc.text, nil, actors) {
			got = append(got, m.Text+"/"+m.Country+"/"+m.Kind)
		}
		want := strings.Join(tc.want, " ")
		want = strings.ReplaceAll(want, "/ADM/", "//")
		if g := strings.Join(got, " "); g != want {
			t.Errorf("Find(%q)\n got  %s\n want %s", tc.text, g, want)
		}
	}
}

func TestContextDisambiguation(t *testing.T) {
	f := mustFinder(t)
	got := f.Find("Officials in Texas said Paris, Texas was flooded.", nil, nil)
	for _, m := range got {
		if m.Text == "Paris" && m.Country != "USA" {
			t.Errorf("Paris resolved to %s, want USA from context", m.Country)
		}
	}
}

const citiesTSV = "1\tTestville\tTestville\tTestburg,Tville\t10.5\t20.25\tP\tPPL\tXA\t\t01\t\t\t\t250000\t\t\t\t2020-01-01\n" +
	"2\tCapitol\tCapitol\t\t11\t21\tP\tPPLC\tXA\t\t01\t\t\t\t900000\t\t\t\t2020-01-01\n" +
	"bad line\n"

const countryInfo = "#ISO\tISO3\n" + "XA\tXAA\t000\tXA\tExampleland\tCapitol\t1\t1\tEU\n"

func TestImportAndLoad(t *testing.T) {
	dir := t.TempDir()
	var buf bytes.Buffer
	st, err := ImportGeoNames(&buf, strings.NewReader(citiesTSV), strings.NewReader(countryInfo),
		strings.NewReader("XA.01\tRegion One\tRegion One\t3\n"), ImportOptions{AltPop: 100000, MaxAlts: 4})
	if err != nil {
		t.Fatal(err)
	}
	if st.Cities != 2 || st.Admins != 1 || st.Skipped != 1 {
		t.Fatalf("stats %+v", st)
	}
	if err := os.WriteFile(filepath.Join(dir, FileName), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if e := g.Lookup("Tville"); len(e) != 1 || e[0].Country != "XAA" || e[0].Lat != 10.5 {
		t.Fatalf("Lookup(Tville) = %+v", e)
	}
	if len(g.Lookup("Vilnius")) != 0 {
		t.Fatal("an imported gazetteer replaces the built-in places")
	}
	if g2, err := Load(t.TempDir()); err != nil || len(g2.Lookup("Vilnius")) == 0 {
		t.Fatalf("empty dir must fall back to built-in: %v", err)
	}
	if _, err := ImportGeoNames(&buf, strings.NewReader(""), strings.NewReader(""), nil, ImportOptions{}); err == nil {
		t.Fatal("want error for an empty countryInfo")
	}
}

func FuzzImportGeoNames(f *testing.F) {
	f.Add(citiesTSV)
	f.Add("1\tA\tA\t\tx\ty\tP\tPPL\tXA\t\t\t\t\t\t-5\n")
	f.Fuzz(func(t *testing.T, s string) {
		var buf bytes.Buffer
		_, _ = ImportGeoNames(&buf, strings.NewReader(s), strings.NewReader(countryInfo), strings.NewReader(s), ImportOptions{AltPop: 1, MaxAlts: 3})
	})
}

func BenchmarkFind(b *testing.B) {
	f := mustFinder(b)
	text := "Japan as a NATO partner country will attend the 2-day NATO summit in Vilnius, Lithuania. On June 21, a patrol vessel of the Italian Navy visited Yokosuka (Kanagawa Pref.) near Tokyo."
	b.ResetTimer()
	for b.Loop() {
		f.Find(text, nil, nil)
	}
}

func TestHugeText(t *testing.T) {
	f := mustFinder(t)
	unit := "Troops left Vilnius for Madrid. "
	text := strings.Repeat(unit, 20000) // 640 KB: read in pieces
	got := f.Find(text, nil, nil)
	if len(got) != 40000 {
		t.Fatalf("got %d places, want 40000", len(got))
	}
	runes := []rune(text)
	for _, m := range got[len(got)-4:] {
		if string(runes[m.Start:m.End]) != m.Text {
			t.Fatalf("offset drift: %q at %d reads %q", m.Text, m.Start, string(runes[m.Start:m.End]))
		}
	}
}

func FuzzFind(f *testing.F) {
	fd := mustFinder(f)
	f.Add("Yokosuka City, Kanagawa Pref. and Laurel County, Ky.", 3, 9)
	f.Add("CHARLESTON, W.Va. -- \"Izumo\"-class", 0, 100)
	f.Fuzz(func(t *testing.T, s string, a, b int) {
		n := len([]rune(s))
		actors := []liaison.ActorMention{{Kind: "organisation", Code: "JPNMIL", Start: a, End: b}}
		for _, m := range fd.Find(s, nil, actors) {
			if m.Start < 0 || m.End > n || m.Start >= m.End {
				t.Fatalf("bad span %d:%d of %d", m.Start, m.End, n)
			}
		}
	})
}

func TestReferencePoints(t *testing.T) {
	// Countries sit at the centroid of their largest Natural Earth polygon,
	// first-level areas at the centre of their places' box, named regions
	// at the population-weighted centre of the places in their box: no
	// hand-set points (see the package doc).
	g, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, kind string
		lat, lon   float64
	}{
		{"United States", KindCountry, 39.526, -99.144}, // contiguous states, not Alaska
		{"China", KindCountry, 36.617, 103.797},
		{"Russia", KindCountry, 61.699, 99.728}, // mainland ring over the antimeridian
		{"Fiji", KindCountry, -17.823, 177.973},
		{"Africa", KindRegion, 12.630, 21.902},
		{"Indo-Pacific", KindRegion, 27.421, 95.297},
	} {
		var got *Entry
		for _, e := range g.Lookup(tc.name) {
			if e.Kind == tc.kind {
				got = &e
				break
			}
		}
		if got == nil || math.Abs(got.Lat-tc.lat) > 0.01 || math.Abs(got.Lon-tc.lon) > 0.01 {
			t.Errorf("%s: got %+v, want %v,%v", tc.name, got, tc.lat, tc.lon)
		}
	}
}

func TestInBox(t *testing.T) {
	b := &[4]float64{170, -20, 190, 0} // over the antimeridian
	for _, tc := range []struct {
		lat, lon float64
		want     bool
	}{{-10, 175, true}, {-10, -175, true}, {-10, -165, false}, {5, 175, false}, {-10, 160, false}} {
		if got := inBox(b, tc.lat, tc.lon); got != tc.want {
			t.Errorf("inBox(%v,%v) = %v", tc.lat, tc.lon, got)
		}
	}
}

func TestAdminContext(t *testing.T) {
	// Other places of the same state pull an ambiguous town name there.
	f := mustFinder(t)
	ms := f.Find("Police in Macon, Warner Robins and Dublin searched the area.", nil, nil)
	found := false
	for _, m := range ms {
		found = found || m.Text == "Dublin"
		if m.Text == "Dublin" && (m.Country != "USA" || m.Lat < 32 || m.Lat > 33 || m.Lon < -83.5 || m.Lon > -82.5) {
			t.Errorf("Dublin resolved to %+v, want Dublin, Georgia", m.Place)
		}
	}
	if !found {
		t.Errorf("Dublin not found in %+v", ms)
	}
}

func TestDatelinesAndHeadlines(t *testing.T) {
	f := mustFinder(t)
	for _, tc := range []struct{ text, want string }{
		{"LONDON 1996-08-30\nThe pound rose.", "LONDON/GBR/capital"},
		{"NEW YORK 1996-08-30\nStocks rose.", "NEW YORK/USA/city"},
		{"WASHINGTON (AP) -- The Senate voted.", "WASHINGTON/USA/capital"},
		{"The Hwasong-17 flew.", ""},
		{"POLICE IN CHICAGO ARREST TWO MEN", "CHICAGO/USA/city"}, // an all-capitals headline
	} {
		var got []string
		for _, m := range f.Find(tc.text, nil, nil) {
			got = append(got, m.Text+"/"+m.Country+"/"+m.Kind)
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("Find(%q) = %v, want %s", tc.text, got, tc.want)
		}
	}
}
