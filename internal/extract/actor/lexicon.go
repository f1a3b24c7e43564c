package actor

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"strings"
	"sync"

	"github.com/liaison-project/liaison/internal/extract/actor/phrase"
	"github.com/liaison-project/liaison/internal/extract/place"
)

//go:embed data/*.txt
var builtinData embed.FS

// lexType says what a matched phrase is.
type lexType uint8

const (
	lexEntry   lexType = iota + 1 // a dictionary actor (IGO, body, person)
	lexCountry                    // a country's name
	lexDemonym                    // a country's adjective or people
	lexCapital                    // a capital (actor only as a metonym)
	lexRole                       // a generic agent word
)

// lex is one meaning of a phrase.
type lex struct {
	typ     lexType
	entry   int32  // index into Lexicon.entries for lexEntry
	country string // ISO-3 for country, demonym, capital
	role    role
	short   bool // a one-word person name (surname)
	caps    bool // the phrase is an acronym: must be written in capitals
	name    string
}

// Lexicon is the compiled actor dictionary: entries and the token trie
// over all their names. Read-only after construction.
type Lexicon struct {
	entries   []Entry
	trie      phrase.Trie[lex]
	countries map[string]string // ISO-3 -> name
	pop       map[string]int
	crecs     []place.Country
	gaz       *place.Gazetteer // optional: tells places from unknown names
}

var builtinLexicon = sync.OnceValues(func() (*Lexicon, error) {
	var all []Entry
	files, err := fs.Glob(builtinData, "data/*.txt") // sorted: igo, offices-*, people
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		b, err := builtinData.ReadFile(f)
		if err != nil {
			return nil, err
		}
		es, err := ParseDictionary(bytes.NewReader(b), f)
		if err != nil {
			return nil, fmt.Errorf("built-in actor dictionary: %w", err)
		}
		all = append(all, es...)
	}
	g, err := place.Builtin()
	if err != nil {
		return nil, err
	}
	lx := NewLexicon(g.Countries(), all)
	lx.gaz = g
	return lx, nil
})

// Builtin returns the built-in lexicon, compiled once.
func Builtin() (*Lexicon, error) { return builtinLexicon() }

// NewLexicon compiles countries, the role words and entries into a lexicon.
// Later entries add to (never remove) earlier names.
func NewLexicon(countries []place.Country, entries []Entry) *Lexicon {
	lx := &Lexicon{countries: map[string]string{}, pop: map[string]int{}, crecs: countries}
	for _, c := range countries {
		lx.addCountry(c)
	}
	for _, c := range countries {
		lx.addAttributive(c)
	}
	for w, r := range roles {
		lx.trie.Add(w, lex{typ: lexRole, role: r, name: w})
	}
	lx.Add(entries...)
	return lx
}

// With returns a new lexicon with more entries (user dictionaries), leaving
// lx untouched.
func (lx *Lexicon) With(entries []Entry) *Lexicon {
	all := append(append([]Entry(nil), lx.entries...), entries...)
	cp := NewLexicon(lx.crecs, all)
	cp.gaz = lx.gaz
	return cp
}

func (lx *Lexicon) addCountry(c place.Country) {
	lx.countries[c.ISO3] = c.Name
	lx.pop[c.ISO3] = c.Pop
	lx.trie.Add(c.Name, lex{typ: lexCountry, country: c.ISO3, name: c.Name})
	for _, n := range c.Names {
		lx.trie.Add(n, lex{typ: lexCountry, country: c.ISO3, name: c.Name, caps: isAcronym(n)})
	}
	for _, d := range c.Demonyms {
		lx.trie.Add(d, lex{typ: lexDemonym, country: c.ISO3, name: c.Name})
		if !strings.HasSuffix(d, "s") && !strings.HasSuffix(d, "ese") {
			lx.trie.Add(d+"s", lex{typ: lexDemonym, country: c.ISO3, name: c.Name}) // Americans, Italians
		}
	}
	if c.Capital != "" {
		lx.trie.Add(c.Capital, lex{typ: lexCapital, country: c.ISO3, name: c.Capital})
	}
}

// addAttributive adds the singular a one-word plural country name takes
// before a noun ("Philippine President Marcos", "Philippine Navy"), which
// the demonym lists leave out (they give "Filipino"), unless the word
// already names something.
func (lx *Lexicon) addAttributive(c place.Country) {
	n := c.Name // the English name; other names may be generic ("Emirates")
	if len(n) < 6 || strings.ContainsAny(n, " -.") || !strings.HasSuffix(n, "s") || strings.HasSuffix(n, "ss") {
		return
	}
	if sing := n[:len(n)-1]; len(lx.trie.Exact(sing)) == 0 {
		lx.trie.Add(sing, lex{typ: lexDemonym, country: c.ISO3, name: c.Name})
	}
}

// Add compiles entries into the lexicon.
func (lx *Lexicon) Add(entries ...Entry) {
	for _, e := range entries {
		id := int32(len(lx.entries))
		lx.entries = append(lx.entries, e)
		for _, n := range e.Names {
			toks := phrase.Tokenize(n)
			short := e.Kind == KindPerson && len(toks) == 1
			lx.trie.Add(n, lex{typ: lexEntry, entry: id, short: short, caps: isAcronym(n), name: n})
			if e.Kind == KindPerson && len(toks) == 2 && toks[0].Word && toks[1].Word {
				rev := toks[1].Text + " " + toks[0].Text
				lx.trie.Add(rev, lex{typ: lexEntry, entry: id, name: rev})
			}
		}
	}
}

// isAcronym reports whether a name is written in capitals (NATO, US,
// U.S.), so that lower- or title-case text does not match it.
func isAcronym(n string) bool {
	letters, upper := 0, 0
	for _, r := range n {
		if r >= 'a' && r <= 'z' {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			letters++
			upper++
		}
	}
	return letters >= 2 && upper == letters && len(n) <= 8
}

// Entries returns the compiled entries.
func (lx *Lexicon) Entries() []Entry { return lx.entries }

// Default returns a finder over the built-in dictionaries.
func Default() (*Finder, error) {
	lx, err := Builtin()
	if err != nil {
		return nil, err
	}
	return NewFinder(lx), nil
}
