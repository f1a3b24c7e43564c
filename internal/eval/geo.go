package eval

import (
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"net/url"
	"strconv"
	"strings"

	"github.com/liaison-project/liaison"
)

// GeoGold is one annotated toponym: its span and where it is.
type GeoGold struct {
	Name       string
	Start, End int // code point offsets
	Lat, Lon   float64
	HasCoord   bool
}

// GeoDoc is one gold document of a toponym corpus.
type GeoDoc struct {
	Text      string
	Toponyms  []GeoGold
	Reference string
	Source    string // the news source (LGL: the paper's domain; GeoVirus: the URL's host)
}

// GeoScore is the toponym recognition and resolution score of a corpus:
// span counts (a prediction matches a gold toponym when the spans overlap,
// one to one) and, over matched toponyms with gold coordinates, how many
// resolved within 161 km (100 miles, the customary threshold).
//
// WithinArea161 is the area-aware count, reported beside (never instead
// of) Within161: a toponym resolved to an area (country, first-level area,
// named region) also counts when the gold point lies within 161 km of
// that area, so a right entity is not scored by which single point stands
// for it.
type GeoScore struct {
	Docs                int
	TP, FP, FN          int
	Resolved, Within161 int
	WithinArea161       int
}

// Precision is TP / (TP + FP).
func (s GeoScore) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is TP / (TP + FN).
func (s GeoScore) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// F1 is the harmonic mean of precision and recall.
func (s GeoScore) F1() float64 { return f1(s.Precision(), s.Recall()) }

// Acc161 is the share of matched toponyms resolved within 161 km.
func (s GeoScore) Acc161() float64 { return ratio(s.Within161, s.Resolved) }

// AccArea161 is the area-aware share (see GeoScore).
func (s GeoScore) AccArea161() float64 { return ratio(s.WithinArea161, s.Resolved) }

// AreaDistance gives the distance in km from a point to the area a
// resolved place stands for (0 inside); ok is false for a town.
type AreaDistance func(p liaison.Place, lat, lon float64) (km float64, ok bool)

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// ScoreGeo runs find over every document and scores it against the gold;
// area, when not nil, gives the area-aware count.
func ScoreGeo(docs []GeoDoc, find func(d GeoDoc) []liaison.PlaceMention, area AreaDistance) GeoScore {
	var s GeoScore
	for _, d := range docs {
		s.Docs++
		pred := find(d)
		used := make([]bool, len(pred))
		for _, g := range d.Toponyms {
			m := -1
			for i, p := range pred {
				if !used[i] && p.Start < g.End && g.Start < p.End {
					m = i
					break
				}
			}
			if m < 0 {
				s.FN++
				continue
			}
			used[m] = true
			s.TP++
			if g.HasCoord {
				s.Resolved++
				if Haversine(g.Lat, g.Lon, pred[m].Lat, pred[m].Lon) <= 161 {
					s.Within161++
					s.WithinArea161++
				} else if area != nil {
					if km, ok := area(pred[m].Place, g.Lat, g.Lon); ok && km <= 161 {
						s.WithinArea161++
					}
				}
			}
		}
		for _, u := range used {
			if !u {
				s.FP++
			}
		}
	}
	return s
}

// Haversine is the great-circle distance in km.
func Haversine(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}

type geoVirusXML struct {
	Articles []struct {
		Source    string `xml:"source"`
		Text      string `xml:"text"`
		Locations []struct {
			Name  string `xml:"name"`
			Start int    `xml:"start"`
			End   int    `xml:"end"`
			Lat   string `xml:"lat"`
			Lon   string `xml:"lon"`
		} `xml:"locations>location"`
	} `xml:"article"`
}

// ReadGeoVirus parses GeoVirus.xml. Its offsets are often off by one or two
// characters, so each span is re-anchored on the nearest occurrence of the
// toponym's name.
func ReadGeoVirus(r io.Reader) ([]GeoDoc, error) {
	var x geoVirusXML
	if err := xml.NewDecoder(r).Decode(&x); err != nil {
		return nil, fmt.Errorf("GeoVirus: %w: %w", liaison.ErrInvalid, err)
	}
	var out []GeoDoc
	for _, a := range x.Articles {
		d := GeoDoc{Text: a.Text, Reference: a.Source, Source: host(a.Source)}
		runes := []rune(a.Text)
		for _, l := range a.Locations {
			lat, e1 := strconv.ParseFloat(strings.TrimSpace(l.Lat), 64)
			lon, e2 := strconv.ParseFloat(strings.TrimSpace(l.Lon), 64)
			s := anchor(runes, []rune(l.Name), l.Start)
			d.Toponyms = append(d.Toponyms, GeoGold{Name: l.Name, Start: s, End: s + len([]rune(l.Name)), Lat: lat, Lon: lon, HasCoord: e1 == nil && e2 == nil})
		}
		out = append(out, d)
	}
	return out, nil
}

// host returns the host of a URL ("" when there is none).
func host(rawURL string) string {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		return ""
	}
	return u.Host
}

// anchor returns the start of the occurrence of name nearest to at.
func anchor(text, name []rune, at int) int {
	for d := 0; d <= 8; d++ {
		for _, s := range []int{at - d, at + d} {
			if s >= 0 && s+len(name) <= len(text) && string(text[s:s+len(name)]) == string(name) {
				return s
			}
		}
	}
	return at
}

type lglXML struct {
	Articles []struct {
		ID       string `xml:"docid,attr"`
		Domain   string `xml:"domain"`
		Text     string `xml:"text"`
		Toponyms []struct {
			Start  int    `xml:"start"`
			End    int    `xml:"end"`
			Phrase string `xml:"phrase"`
			Gaztag *struct {
				Lat string `xml:"lat"`
				Lon string `xml:"lon"`
			} `xml:"gaztag"`
		} `xml:"toponyms>toponym"`
	} `xml:"article"`
}

// ReadLGL parses the Local-Global Lexicon corpus (LGL_lgl.xml).
func ReadLGL(r io.Reader) ([]GeoDoc, error) {
	var x lglXML
	if err := xml.NewDecoder(r).Decode(&x); err != nil {
		return nil, fmt.Errorf("LGL: %w: %w", liaison.ErrInvalid, err)
	}
	var out []GeoDoc
	for _, a := range x.Articles {
		d := GeoDoc{Text: a.Text, Reference: a.ID, Source: a.Domain}
		for _, t := range a.Toponyms {
			g := GeoGold{Name: t.Phrase, Start: t.Start, End: t.End}
			if t.Gaztag != nil {
				lat, e1 := strconv.ParseFloat(strings.TrimSpace(t.Gaztag.Lat), 64)
				lon, e2 := strconv.ParseFloat(strings.TrimSpace(t.Gaztag.Lon), 64)
				g.Lat, g.Lon, g.HasCoord = lat, lon, e1 == nil && e2 == nil
			}
			d.Toponyms = append(d.Toponyms, g)
		}
		out = append(out, d)
	}
	return out, nil
}

// String formats the score as one table row.
func (s GeoScore) String() string {
	return fmt.Sprintf("docs=%d P=%.3f R=%.3f F1=%.3f acc@161=%.3f area-aware=%.3f (tp=%d fp=%d fn=%d)",
		s.Docs, s.Precision(), s.Recall(), s.F1(), s.Acc161(), s.AccArea161(), s.TP, s.FP, s.FN)
}
