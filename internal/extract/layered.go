package extract

import (
	"fmt"
	"slices"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/extract/event"
)

// Layered codes with a loaded dictionary set on top and a second set
// underneath, each with its own options. A sentence the top set codes
// keeps the top set's events only; a sentence it leaves uncoded (no
// pattern, too short for its MINIMUM WORDS, filtered as too complex) takes
// the events of the set underneath. The loaded dictionaries so decide
// wherever they speak, and the built-in ones fill the silence.
type Layered struct {
	Top, Under EventCoder
}

var _ EventCoder = Layered{}

// newLayered stacks the built-in dictionaries under a TABARI project.
func newLayered(project string, cfg event.Config) (EventCoder, error) {
	top, err := event.NewTABARI(project, false, cfg)
	if err != nil {
		return nil, fmt.Errorf("event dictionaries: %w", err)
	}
	under, err := event.NewBuiltin(cfg)
	if err != nil {
		return nil, fmt.Errorf("built-in event dictionaries: %w", err)
	}
	return Layered{Top: Coder{C: top}, Under: Coder{C: under}}, nil
}

// Code codes the document with both layers, sentence by sentence.
func (l Layered) Code(d *Doc) []liaison.Event {
	var out []liaison.Event
	if l.Top != nil {
		out = l.Top.Code(d)
	}
	if l.Under == nil {
		return out
	}
	coded := map[int]bool{}
	for _, ev := range out {
		coded[ev.Sentence] = true
	}
	added := false
	for _, ev := range l.Under.Code(d) {
		if !coded[ev.Sentence] {
			out = append(out, ev)
			added = true
		}
	}
	if added {
		// Each layer lists its events in sentence order; keep that order
		// across layers, top events first within a sentence.
		slices.SortStableFunc(out, func(a, b liaison.Event) int { return a.Sentence - b.Sentence })
	}
	return out
}
