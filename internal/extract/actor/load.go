package actor

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/liaison-project/liaison"
)

// Options names the dictionaries a finder loads on top of the built-in
// ones.
type Options struct {
	// Files are dictionaries in the project format (see the package doc).
	Files []string
	// PetrarchActors are PETRARCH/Phoenix actor files
	// (Phoenix.Countries.actors.txt, ...).
	PetrarchActors []string
	// PetrarchAgents is a PETRARCH agents file (Phoenix.agents.txt): its
	// nouns become role words ("~GOV" appends GOV to the actor's country).
	PetrarchAgents string
}

// New returns a finder over the built-in lexicon plus the dictionaries of
// opt. A file that fails to load is an error naming the file.
func New(opt Options) (*Finder, error) {
	lx, err := Builtin()
	if err != nil {
		return nil, err
	}
	var extra []Entry
	for _, f := range opt.Files {
		es, err := LoadFile(f)
		if err != nil {
			return nil, err
		}
		extra = append(extra, es...)
	}
	for _, f := range opt.PetrarchActors {
		es, err := LoadPetrarchActors(f)
		if err != nil {
			return nil, err
		}
		extra = append(extra, es...)
	}
	if len(extra) > 0 || opt.PetrarchAgents != "" {
		lx = lx.With(extra)
	}
	if opt.PetrarchAgents != "" {
		if err := lx.loadPetrarchAgents(opt.PetrarchAgents); err != nil {
			return nil, err
		}
	}
	return NewFinder(lx), nil
}

// LoadFile reads a dictionary in the project format.
func LoadFile(path string) ([]Entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("actor dictionary: %w", err)
	}
	defer f.Close()
	return ParseDictionary(f, path)
}

// LoadPetrarchActors reads a PETRARCH/Phoenix actor file.
func LoadPetrarchActors(path string) ([]Entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("PETRARCH actors: %w", err)
	}
	defer f.Close()
	es, err := ParsePetrarchActors(f, path)
	if len(es) == 0 {
		return nil, errors.Join(fmt.Errorf("PETRARCH actors %s: no entries: %w", path, liaison.ErrInvalid), err)
	}
	return es, nil // bad lines were skipped; err only reports them
}

// loadPetrarchAgents adds the nouns of a PETRARCH agents file as role words.
func (lx *Lexicon) loadPetrarchAgents(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("PETRARCH agents: %w", err)
	}
	defer f.Close()
	ags, err := ParsePetrarchAgents(f, path)
	if len(ags) == 0 {
		return errors.Join(fmt.Errorf("PETRARCH agents %s: no entries: %w", path, liaison.ErrInvalid), err)
	}
	for _, a := range ags {
		if _, builtin := roles[a.Phrase]; builtin {
			continue
		}
		r := lex{typ: lexRole, role: role{code: a.Code, kind: KindGroup}, name: a.Phrase}
		lx.trie.Add(a.Phrase, r)
		if pl := plural(a.Phrase); pl != a.Phrase {
			lx.trie.Add(pl, r) // PETRARCH dictionaries leave regular plurals out
		}
	}
	return nil
}

// plural returns the regular plural of a noun phrase's last word.
func plural(p string) string {
	switch {
	case strings.HasSuffix(p, "s") || strings.HasSuffix(p, "x") || strings.HasSuffix(p, "ch") || strings.HasSuffix(p, "sh"):
		return p + "es"
	case strings.HasSuffix(p, "y") && len(p) > 1 && !strings.ContainsRune("aeiou", rune(p[len(p)-2])):
		return p[:len(p)-1] + "ies"
	case strings.HasSuffix(p, "man"):
		return p[:len(p)-3] + "men"
	}
	return p + "s"
}
