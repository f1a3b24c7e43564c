package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/extract"
	"github.com/liaison-project/liaison/internal/extract/event"
)

// seedEvent is one expected event of seed-gold.json. Source, target and
// the roots are strings or lists (null allowed for "no actor").
type seedEvent struct {
	ID       string          `json:"id"`
	Sentence string          `json:"sentence_contains"`
	Source   json.RawMessage `json:"source"`
	Target   json.RawMessage `json:"target"`
	Roots    []string        `json:"cameo_roots"`
	Date     string          `json:"date"`
	DateYear string          `json:"date_year"`
	Place    *struct {
		Country string   `json:"country"`
		Names   []string `json:"names"`
	} `json:"place"`
}

type seedEvents struct {
	Prefixes map[string][]string `json:"actor_prefixes"`
	Required []seedEvent         `json:"required"`
	Optional []seedEvent         `json:"optional"`
}

// SeedEventScore is the seed-report outcome.
type SeedEventScore struct {
	Required, Found, WithDate, WithPlace, DatesWanted, PlacesWanted int
	FalsePositives                                                  int
	Missing, Extra                                                  []string
}

func (s *SeedEventScore) String() string {
	return fmt.Sprintf("seed events: %d/%d required found, dates %d/%d, places %d/%d, false positives %d\n  missing: %v\n  extra: %v",
		s.Found, s.Required, s.WithDate, s.DatesWanted, s.WithPlace, s.PlacesWanted, s.FalsePositives, s.Missing, s.Extra)
}

func rawList(m json.RawMessage) []string {
	var one *string
	if json.Unmarshal(m, &one) == nil {
		if one == nil {
			return []string{""}
		}
		return []string{*one}
	}
	var many []*string
	_ = json.Unmarshal(m, &many)
	var out []string
	for _, s := range many {
		if s == nil {
			out = append(out, "")
		} else {
			out = append(out, *s)
		}
	}
	return out
}

func (g *seedEvents) actorOK(want json.RawMessage, code string) bool {
	for _, w := range rawList(want) {
		if w == "" {
			if code == "" {
				return true
			}
			continue
		}
		prefs := g.Prefixes[w]
		if len(prefs) == 0 {
			prefs = []string{w}
		}
		for _, p := range prefs {
			if code != "" && strings.HasPrefix(code, p) {
				return true
			}
		}
	}
	return false
}

func (g *seedEvents) matches(e seedEvent, ev liaison.Event, sentence string) bool {
	if !strings.Contains(sentence, e.Sentence) || !g.actorOK(e.Source, ev.Source) || !g.actorOK(e.Target, ev.Target) {
		return false
	}
	for _, r := range e.Roots {
		if strings.HasPrefix(ev.CAMEO, r) {
			return true
		}
	}
	return false
}

// ScoreSeedEvents matches the events of the seed report against the gold
// by the rule in its "about" field.
func ScoreSeedEvents(gold io.Reader, text string, x *liaison.Extraction) (*SeedEventScore, error) {
	var g seedEvents
	if err := json.NewDecoder(gold).Decode(&g); err != nil {
		return nil, fmt.Errorf("seed gold: %w", err)
	}
	sentOf := seedSentenceOf(text, x)
	sc := &SeedEventScore{Required: len(g.Required)}
	for _, e := range g.Required {
		sc.addRequired(e, g.find(e, x.Events, sentOf))
	}
	g.countExtra(sc, x.Events, sentOf)
	return sc, nil
}

// seedSentenceOf returns the text of an event's sentence ("" when its index
// is out of range), which the gold's sentence_contains is matched against.
func seedSentenceOf(text string, x *liaison.Extraction) func(liaison.Event) string {
	runes := []rune(text)
	return func(ev liaison.Event) string {
		if ev.Sentence < 0 || ev.Sentence >= len(x.Sentences) {
			return ""
		}
		sp := x.Sentences[ev.Sentence]
		return string(runes[sp.Start:sp.End])
	}
}

// seedHit is what the extraction gave for one gold event: some matching
// event, one with the gold date, one at the gold place (not necessarily
// the same event).
type seedHit struct{ found, dated, placed bool }

// find looks for gold event e among the extracted events.
func (g *seedEvents) find(e seedEvent, evs []liaison.Event, sentOf func(liaison.Event) string) seedHit {
	var h seedHit
	for _, ev := range evs {
		if !g.matches(e, ev, sentOf(ev)) {
			continue
		}
		h.found = true
		if (e.Date != "" && strings.HasPrefix(ev.Date, e.Date)) || (e.DateYear != "" && strings.HasPrefix(ev.Date, e.DateYear)) {
			h.dated = true
		}
		if seedPlaced(e, ev) {
			h.placed = true
		}
	}
	return h
}

// seedPlaced tells whether ev is placed where the gold says: the same
// country and one of the gold's names for the place.
func seedPlaced(e seedEvent, ev liaison.Event) bool {
	if e.Place == nil || ev.Place == nil || ev.Place.Country != e.Place.Country {
		return false
	}
	for _, n := range e.Place.Names {
		if strings.EqualFold(n, ev.Place.Name) {
			return true
		}
	}
	return false
}

// addRequired counts one required gold event: what it asks for (a date, a
// place) and what of it was found; a missed event is listed by id.
func (s *SeedEventScore) addRequired(e seedEvent, h seedHit) {
	if e.Date != "" || e.DateYear != "" {
		s.DatesWanted++
	}
	if e.Place != nil {
		s.PlacesWanted++
	}
	if h.found {
		s.Found++
	} else {
		s.Missing = append(s.Missing, e.ID)
	}
	if h.dated {
		s.WithDate++
	}
	if h.placed {
		s.WithPlace++
	}
}

// countExtra counts as false positives the extracted events that match no
// gold event, required or optional, and lists them.
func (g *seedEvents) countExtra(s *SeedEventScore, evs []liaison.Event, sentOf func(liaison.Event) string) {
	all := append(append([]seedEvent{}, g.Required...), g.Optional...)
	for _, ev := range evs {
		ok := false
		for _, e := range all {
			if g.matches(e, ev, sentOf(ev)) {
				ok = true
				break
			}
		}
		if !ok {
			s.FalsePositives++
			s.Extra = append(s.Extra, fmt.Sprintf("%s/%s/%s %q", ev.Source, ev.Target, ev.CAMEO, ev.VerbText))
		}
	}
}

// EngineCoder adapts an event.Coder to the extraction engine's EventCoder.
type EngineCoder struct{ C *event.Coder }

var _ extract.EventCoder = EngineCoder{}

// Code converts the engine's Doc and codes it.
func (a EngineCoder) Code(d *extract.Doc) []liaison.Event {
	return a.C.Code(&event.Doc{Text: d.Text, Date: d.Date, Sentences: d.Sentences, Actors: d.Actors, Places: d.Places, Dates: d.Dates})
}
