package event

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/cameo"
	"github.com/liaison-project/liaison/internal/extract/dict"
)

// Doc is what the coder reads of a document: its text and date and what
// the understanding layer found in it. Offsets are code points into Text.
type Doc struct {
	Text      string
	Date      time.Time
	Sentences []liaison.Span
	Actors    []liaison.ActorMention
	Places    []liaison.PlaceMention
	Dates     []liaison.DateMention
}

// NewBuiltin returns a coder with Liaison's own embedded dictionaries.
func NewBuiltin(cfg Config) (*Coder, error) {
	d, err := dict.Builtin()
	if err != nil {
		return nil, err
	}
	return New(d, cfg), nil
}

// NewTABARI returns a coder with the dictionaries a TABARI .project file
// names; builtin stacks Liaison's dictionaries underneath.
func NewTABARI(projectFile string, builtin bool, cfg Config) (*Coder, error) {
	p, err := dict.LoadTABARIProject(projectFile)
	if err != nil {
		return nil, err
	}
	return stack(p.Dict, builtin, cfg)
}

// NewPETRARCH returns a coder with the PETRARCH-format dictionaries in dir;
// builtin stacks Liaison's dictionaries underneath.
func NewPETRARCH(dir string, builtin bool, cfg Config) (*Coder, error) {
	d, err := dict.LoadPETRARCH(dir)
	if err != nil {
		return nil, err
	}
	return stack(d, builtin, cfg)
}

func stack(d *dict.Dict, builtin bool, cfg Config) (*Coder, error) {
	if builtin {
		b, err := dict.Builtin()
		if err != nil {
			return nil, err
		}
		d.Merge(b) // earlier entries win ties, so the loaded files come first
	}
	return New(d, cfg), nil
}

// CAMEOInfo is the CodeInfoFunc backed by internal/cameo.
func CAMEOInfo(code string) (CodeInfo, bool) {
	c, ok := cameo.Lookup(code)
	if !ok {
		return CodeInfo{}, false
	}
	return CodeInfo{Name: c.Name, Root: c.Root, Quad: c.Quad, Goldstein: c.Goldstein, PLOVER: c.PLOVER}, true
}

// Code codes every sentence of a document into events with their CAMEO
// facts, date and place. It implements the extraction engine's EventCoder
// (through a thin adapter in package extract).
func (c *Coder) Code(d *Doc) []liaison.Event {
	if d == nil || d.Text == "" {
		return nil
	}
	runes := []rune(d.Text)
	sents := d.Sentences
	if len(sents) == 0 {
		sents = []liaison.Span{{Start: 0, End: len(runes)}}
	}
	date := 0
	if !d.Date.IsZero() {
		date = d.Date.Year()*10000 + int(d.Date.Month())*100 + d.Date.Day()
	}
	var out []liaison.Event
	var prev *Antecedent
	for si, sp := range sents {
		if sp.Start < 0 || sp.End > len(runes) || sp.Start >= sp.End {
			continue
		}
		text := string(runes[sp.Start:sp.End])
		res := c.Sentence(Input{Text: text, Date: date, Ext: extActors(d.Actors, si, sp), Prev: prev})
		prev = res.First
		if res.Discard && res.Story {
			return nil
		}
		own := liaison.Span{Start: sp.Start + res.Body, End: sp.End} // after a dateline
		for _, r := range res.Events {
			if r.Negated && c.cfg.DropNegated {
				continue
			}
			out = append(out, c.dress(r, d, si, sp, own))
		}
	}
	return out
}

func extActors(ms []liaison.ActorMention, si int, sp liaison.Span) []ExtActor {
	var out []ExtActor
	for _, m := range ms {
		if m.Start >= sp.Start && m.End <= sp.End && m.Code != "" {
			out = append(out, ExtActor{Start: m.Start - sp.Start, End: m.End - sp.Start, Code: m.Code, Text: m.Text})
		}
	}
	return out
}

// dress turns a raw event into a liaison.Event with code facts, date and
// place taken from the sentence's own words (own: the sentence span sp
// after any dateline, which gives the report's place and date).
func (c *Coder) dress(r Raw, d *Doc, si int, sp, own liaison.Span) liaison.Event {
	e := liaison.Event{Source: r.Source, Target: r.Target, CAMEO: r.Code, Sentence: si,
		SourceText: r.SourceText, TargetText: r.TargetText, VerbText: r.VerbText, Negated: r.Negated}
	info := c.cfg.Info
	if info == nil {
		info = CAMEOInfo
	}
	if ci, ok := info(r.Code); ok {
		e.CAMEOName, e.Root, e.Quad, e.Goldstein, e.PLOVER = ci.Name, ci.Root, ci.Quad, ci.Goldstein, ci.PLOVER
	} else if len(r.Code) >= 2 {
		e.Root = r.Code[:2]
	}
	if c.cfg.Explain {
		e.Explain = r.Explain
	}
	e.Date = sentenceDate(d, si, sp, own)
	e.Place = sentencePlace(d, own)
	return e
}

// sentenceDate is the first date the sentence mentions after any
// dateline (own), else the report's.
func sentenceDate(d *Doc, si int, sp, own liaison.Span) string {
	filed := "" // the dateline's date: the report's when it has none
	for _, dm := range d.Dates {
		if dm.Sentence != si && (dm.Start < sp.Start || dm.End > sp.End) {
			continue
		}
		v, ok := calendarDate(dm.Value)
		switch {
		case !ok:
		case own.Start > sp.Start && dm.Start >= sp.Start && dm.Start < own.Start:
			if filed == "" {
				filed = v
			}
		default:
			return v
		}
	}
	if d.Date.IsZero() {
		return filed
	}
	return d.Date.Format("2006-01-02")
}

// calendarDate turns a date mention's value into an event date: a calendar
// date at the precision the text gives (2023, 2023-07, 2023-07-11). An ISO
// week (2023-W28) becomes the Monday of that week; values that name no
// calendar day, month or year (seasons, decades, centuries) are refused.
func calendarDate(v string) (string, bool) {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(v) == len(layout) {
			if _, err := time.Parse(layout, v); err == nil {
				return v, true
			}
		}
	}
	var year, week int
	if len(v) == 8 && v[4:6] == "-W" {
		if _, err := fmt.Sscanf(v, "%4d-W%2d", &year, &week); err == nil && week >= 1 && week <= 53 {
			// ISO week 1 holds January 4th; weeks start on Monday.
			jan4 := time.Date(year, time.January, 4, 0, 0, 0, 0, time.UTC)
			monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(week-1))
			return monday.Format("2006-01-02"), true
		}
	}
	return "", false
}

// sentencePlace picks where the event happened: a place the sentence
// introduces with in/at/near/to/visited, else its first non-country place.
func sentencePlace(d *Doc, sp liaison.Span) *liaison.Place {
	runes := []rune(d.Text)
	var cands []liaison.PlaceMention
	for _, pm := range d.Places {
		if pm.Start >= sp.Start && pm.End <= sp.End {
			cands = append(cands, pm)
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].Start < cands[j].Start })
	for _, pm := range cands {
		before := strings.ToLower(strings.TrimSpace(string(runes[max(sp.Start, pm.Start-12):pm.Start])))
		for _, w := range []string{" in", " at", " near", " visited", " to", "(", " off"} {
			if strings.HasSuffix(" "+before, w) && pm.Kind != "country" && pm.Kind != "region" {
				p := pm.Place
				return &p
			}
		}
	}
	for _, pm := range cands {
		if pm.Kind != "country" && pm.Kind != "region" {
			p := pm.Place
			return &p
		}
	}
	return nil
}

// String describes the coder for logs.
func (c *Coder) String() string { return fmt.Sprintf("event coder (%s)", c.Stats()) }
