package extract

import (
	"fmt"
	"log/slog"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/extract/event"
)

// Coder adapts the event coder of package event to the engine's EventCoder,
// so the coder does not depend on this package.
type Coder struct{ C *event.Coder }

var _ EventCoder = Coder{}

// codeWindow is how many sentences the coder sees at once. A long document
// is coded window by window so the cost stays linear in its length; news
// reports are shorter and are coded whole.
const codeWindow = 64

// Code codes the document's events.
func (a Coder) Code(d *Doc) []liaison.Event {
	if a.C == nil || d == nil {
		return nil
	}
	if len(d.Sentences) <= codeWindow {
		return a.C.Code(&event.Doc{Text: d.Text, Date: d.Date, Sentences: d.Sentences, Actors: d.Actors, Places: d.Places, Dates: d.Dates})
	}
	runes := d.Runes
	if runes == nil {
		runes = []rune(d.Text)
	}
	var out []liaison.Event
	ai, pi, di := 0, 0, 0
	for first := 0; first < len(d.Sentences); first += codeWindow {
		last := min(first+codeWindow, len(d.Sentences))
		base, end := d.Sentences[first].Start, d.Sentences[last-1].End
		w := &event.Doc{Text: string(runes[base:end]), Date: d.Date}
		for _, sp := range d.Sentences[first:last] {
			w.Sentences = append(w.Sentences, liaison.Span{Start: sp.Start - base, End: sp.End - base})
		}
		for ; ai < len(d.Actors) && d.Actors[ai].Start < end; ai++ {
			if m := d.Actors[ai]; m.Start >= base {
				m.Start, m.End, m.Sentence = m.Start-base, m.End-base, m.Sentence-first
				w.Actors = append(w.Actors, m)
			}
		}
		for ; pi < len(d.Places) && d.Places[pi].Start < end; pi++ {
			if m := d.Places[pi]; m.Start >= base {
				m.Start, m.End, m.Sentence = m.Start-base, m.End-base, m.Sentence-first
				w.Places = append(w.Places, m)
			}
		}
		for ; di < len(d.Dates) && d.Dates[di].Start < end; di++ {
			if m := d.Dates[di]; m.Start >= base {
				m.Start, m.End, m.Sentence = m.Start-base, m.End-base, m.Sentence-first
				w.Dates = append(w.Dates, m)
			}
		}
		for _, ev := range a.C.Code(w) {
			ev.Sentence += first
			out = append(out, ev)
		}
	}
	return out
}

// Dictionaries chooses the event coder's dictionaries: the built-in ones,
// a TABARI project, a PETRARCH directory, or either of the latter with the
// built-in ones stacked underneath.
type Dictionaries struct {
	TABARIProject string // a TABARI .project file
	PETRARCHDir   string // a directory of PETRARCH-format files
	Builtin       bool   // add the built-in dictionaries under a loaded set
	Explain       bool   // record the pattern that coded each event
}

// NewCoder builds the event coder the dictionaries name. A TABARI project
// with the built-in dictionaries is a Layered coder: TABARI's options
// (MINIMUM WORDS, the complexity filter, comma elimination) are written for
// TABARI's dictionaries and would keep the built-in patterns from coding,
// so each set codes with its own options. PETRARCH-format dictionaries are
// merged with the built-in ones: their options suit both.
func NewCoder(d Dictionaries) (EventCoder, error) {
	cfg := event.Config{Explain: d.Explain, Info: event.CAMEOInfo}
	var c *event.Coder
	var err error
	switch {
	case d.TABARIProject != "" && d.PETRARCHDir != "":
		return nil, fmt.Errorf("choose one of a TABARI project and a PETRARCH directory: %w", liaison.ErrInvalid)
	case d.TABARIProject != "" && d.Builtin:
		return newLayered(d.TABARIProject, cfg)
	case d.TABARIProject != "":
		c, err = event.NewTABARI(d.TABARIProject, false, cfg)
	case d.PETRARCHDir != "":
		c, err = event.NewPETRARCH(d.PETRARCHDir, d.Builtin, cfg)
	default:
		c, err = event.NewBuiltin(cfg)
	}
	if err != nil {
		return nil, fmt.Errorf("event dictionaries: %w", err)
	}
	return Coder{C: c}, nil
}

// Default returns an engine with the built-in actor dictionaries, gazetteer
// and event dictionaries.
func Default() (*Engine, error) {
	return Build(Setup{})
}

// WithDictionaries returns an engine with the built-in actors and places
// and the event coder d names.
func WithDictionaries(d Dictionaries, logger *slog.Logger) (*Engine, error) {
	return Build(Setup{Dictionaries: d, Logger: logger})
}
