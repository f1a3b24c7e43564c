package place

import (
	"sync"

	"github.com/liaison-project/liaison"
)

// Source is what a finder has learnt about one news source (a feed, a
// newspaper) from the documents it has read from it: in how many of them
// each country and first-level area was named. A local paper's towns lie
// in its own state; "Newark" in an Ohio paper is Newark, Ohio even where
// the article names nothing else (the local lexicon of Lieberman et al.'s
// LGL work, learnt here from the finder's own output, no gold). It is
// safe for concurrent use; use one Source per source, and FindFrom to
// read and learn at once.
type Source struct {
	mu      sync.RWMutex
	docs    int
	country map[string]int
	admin   map[string]int
}

// NewSource returns a Source that has read nothing.
func NewSource() *Source {
	return &Source{country: map[string]int{}, admin: map[string]int{}}
}

// Weights of a source's lexicon: the share of its documents naming an
// entry's country and first-level area, times these. Chosen on LGL (dev,
// documents read in corpus order, each source learning only from its
// earlier documents): country/area 0/2 → .730, 2/0 → .720, 1/1 → .726,
// 2/2 → .731, 2/4 → .736, 3/3 → .735, 4/4 → .732, 6/6 → .735 acc@161km
// (.714 without).
const (
	sourceCountryWeight = 2.0
	sourceAdminWeight   = 4.0
)

// sourceMinDocs is how many documents a source must have given before its
// lexicon counts.
const sourceMinDocs = 3

// share returns the fraction of the source's documents that named the
// country and the first-level area of e (0 before sourceMinDocs).
func (s *Source) share(e *Entry) (country, admin float64) {
	if s == nil {
		return 0, 0
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.docs < sourceMinDocs {
		return 0, 0
	}
	n := float64(s.docs)
	if e.Country != "" {
		country = float64(s.country[e.Country]) / n
	}
	if e.Admin != "" {
		admin = float64(s.admin[e.Admin]) / n
	}
	return country, admin
}

// record counts one document's resolved names.
func (s *Source) record(f *Finder, cands []candidate) {
	if s == nil {
		return
	}
	countries, admins := map[string]bool{}, map[string]bool{}
	for _, c := range cands {
		if c.best < 0 {
			continue
		}
		e := &f.g.entries[c.best]
		if e.Country != "" {
			countries[e.Country] = true
		}
		if e.Admin != "" && !c.county {
			admins[e.Admin] = true
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.docs++
	for k := range countries {
		s.country[k]++
	}
	for k := range admins {
		s.admin[k]++
	}
}

// FindFrom is Find for a document of a known source: the source's
// lexicon helps resolve its names, and the document is then added to it.
// Documents of one source should be read in the order they appeared.
func (f *Finder) FindFrom(src *Source, text string, sents []liaison.Span, actors []liaison.ActorMention) []liaison.PlaceMention {
	return f.findAll(src, text, sents, actors)
}
