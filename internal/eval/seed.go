package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/liaison-project/liaison"
)

// SeedGold is the part of seed-gold.json that the understanding layer is
// scored on: places, actors and quotes.
type SeedGold struct {
	Document     string `json:"document"`
	DocumentDate string `json:"document_date"`
	Places       []struct {
		Names   []string `json:"names"`
		Country string   `json:"country"`
		Lat     *float64 `json:"lat"`
		Lon     *float64 `json:"lon"`
	} `json:"places"`
	Actors []struct {
		Names      []string        `json:"names"`
		CodePrefix json.RawMessage `json:"code_prefix"`
	} `json:"actors"`
	Quotes []struct {
		SpeakerContains string `json:"speaker_contains"`
		SpeakerActor    string `json:"speaker_actor"`
		TextContains    string `json:"text_contains"`
	} `json:"quotes"`
}

// ReadSeedGold parses seed-gold.json.
func ReadSeedGold(r io.Reader) (*SeedGold, error) {
	var g SeedGold
	if err := json.NewDecoder(r).Decode(&g); err != nil {
		return nil, fmt.Errorf("seed gold: %w: %w", liaison.ErrInvalid, err)
	}
	return &g, nil
}

// SeedScore counts what an extraction of the seed report got right; Missing
// names every gold item not found.
type SeedScore struct {
	Places, PlacesTotal int
	Actors, ActorsTotal int
	Quotes, QuotesTotal int
	Missing             []string
}

// String formats the score as one table row.
func (s SeedScore) String() string {
	return fmt.Sprintf("places %d/%d (≤25 km) actors %d/%d quotes %d/%d", s.Places, s.PlacesTotal, s.Actors, s.ActorsTotal, s.Quotes, s.QuotesTotal)
}

// ScoreSeed scores x against the gold: a place counts when a mention has
// one of its names (text or resolved name), its country and, where the gold
// gives coordinates, lies within 25 km; an actor when a mention contains one
// of its names and its code starts with one of the prefixes; a quote when
// its text and speaker contain the gold strings and the speaker code starts
// with the gold actor.
func ScoreSeed(g *SeedGold, x *liaison.Extraction) SeedScore {
	var s SeedScore
	for _, p := range g.Places {
		s.PlacesTotal++
		if seedPlaceFound(p.Names, p.Country, p.Lat, p.Lon, x.Places) {
			s.Places++
		} else {
			s.Missing = append(s.Missing, "place "+strings.Join(p.Names, "/"))
		}
	}
	for _, a := range g.Actors {
		s.ActorsTotal++
		if seedActorFound(a.Names, prefixes(a.CodePrefix), x.Actors) {
			s.Actors++
		} else {
			s.Missing = append(s.Missing, "actor "+strings.Join(a.Names, "/"))
		}
	}
	for _, q := range g.Quotes {
		s.QuotesTotal++
		found := false
		for _, xq := range x.Quotes {
			if strings.Contains(xq.Text, q.TextContains) && strings.Contains(xq.Speaker, q.SpeakerContains) && strings.HasPrefix(xq.SpeakerCode, q.SpeakerActor) {
				found = true
				break
			}
		}
		if found {
			s.Quotes++
		} else {
			s.Missing = append(s.Missing, "quote "+q.SpeakerContains)
		}
	}
	return s
}

func seedPlaceFound(names []string, country string, lat, lon *float64, got []liaison.PlaceMention) bool {
	for _, m := range got {
		if m.Country != country {
			continue
		}
		nameOK := false
		for _, n := range names {
			if strings.EqualFold(n, m.Text) || strings.EqualFold(n, m.Name) {
				nameOK = true
			}
		}
		if nameOK && (lat == nil || lon == nil || Haversine(*lat, *lon, m.Lat, m.Lon) <= 25) {
			return true
		}
	}
	return false
}

func seedActorFound(names, prefs []string, got []liaison.ActorMention) bool {
	for _, m := range got {
		for _, n := range names {
			if !strings.Contains(strings.ToLower(m.Text), strings.ToLower(n)) && !strings.EqualFold(m.Name, n) {
				continue
			}
			for _, p := range prefs {
				if strings.HasPrefix(m.Code, p) {
					return true
				}
			}
		}
	}
	return false
}

// prefixes reads a code_prefix that is a string or a list of strings.
func prefixes(raw json.RawMessage) []string {
	var one string
	if json.Unmarshal(raw, &one) == nil {
		return []string{one}
	}
	var many []string
	_ = json.Unmarshal(raw, &many)
	return many
}
