package place

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/extract/actor/phrase"
)

// Finder finds and resolves the toponyms of a document. It implements
// extract.PlaceFinder and is safe for concurrent use.
type Finder struct {
	g *Gazetteer
}

// NewFinder returns a finder over g.
func NewFinder(g *Gazetteer) *Finder { return &Finder{g: g} }

// Gazetteer returns the finder's gazetteer.
func (f *Finder) Gazetteer() *Gazetteer { return f.g }

// candidate is one toponym occurrence and the entries it may denote.
type candidate struct {
	tok0, tokN int // token range [tok0, tokN)
	ids        []int32
	hint       string // kind suggested by a following word (admin, city)
	best       int32
	county     bool   // "Laurel County": a second-level area named after a town
	text       string // the words matched, space-joined
	bodyOpen   bool   // opens the name of a body: "Kenya Revenue Authority"
}

func joinText(toks []phrase.Token) string {
	parts := make([]string, 0, len(toks))
	for _, t := range toks {
		if t.Word {
			parts = append(parts, t.Text)
		}
	}
	return strings.Join(parts, " ")
}

// Find returns the places named in text. Sentences give each mention its
// sentence index; actors are the document's actor mentions, whose
// countries help disambiguation and whose person or organisation spans
// are not places ("George Washington").
func (f *Finder) Find(text string, sents []liaison.Span, actors []liaison.ActorMention) []liaison.PlaceMention {
	return f.findAll(nil, text, sents, actors)
}

// findAll reads text in pieces of at most phrase.ChunkBytes.
func (f *Finder) findAll(src *Source, text string, sents []liaison.Span, actors []liaison.ActorMention) []liaison.PlaceMention {
	chunks := phrase.Chunks(text, sents, phrase.ChunkBytes)
	if len(chunks) == 1 {
		return f.find(src, text, sents, actors)
	}
	out := []liaison.PlaceMention{}
	for _, c := range chunks {
		end := c.Offset + utf8.RuneCountInString(c.Text)
		var local []liaison.ActorMention
		for _, a := range actors {
			if a.Start >= c.Offset && a.End <= end {
				a.Start -= c.Offset
				a.End -= c.Offset
				local = append(local, a)
			}
		}
		for _, m := range f.find(src, c.Text, c.Sents, local) {
			m.Start += c.Offset
			m.End += c.Offset
			m.Sentence += c.FirstSent
			out = append(out, m)
		}
	}
	return out
}

func (f *Finder) find(src *Source, text string, sents []liaison.Span, actors []liaison.ActorMention) []liaison.PlaceMention {
	toks := phrase.Tokenize(text)
	sentOf := sentenceIndex(toks, sents)
	cands := f.candidates(toks, sentOf, actors)
	if len(cands) == 0 {
		return []liaison.PlaceMention{}
	}
	cands = f.countyFallback(cands)
	f.resolve(toks, cands, actors, src)
	src.record(f, cands)
	out := make([]liaison.PlaceMention, 0, len(cands))
	runes := []rune(text)
	for _, c := range cands {
		if c.best < 0 {
			continue
		}
		e := &f.g.entries[c.best]
		s, en := toks[c.tok0].Start, toks[c.tokN-1].End
		pm := liaison.PlaceMention{Text: string(runes[s:en]), Place: e.place(), Start: s, End: en, Sentence: sentOf[c.tok0]}
		if c.county {
			pm.Name, pm.Kind = pm.Text, KindAdmin
		}
		out = append(out, pm)
	}
	return out
}

// sentenceIndex maps each token to the index of the sentence holding it
// (0 when no sentences are given).
func sentenceIndex(toks []phrase.Token, sents []liaison.Span) []int {
	out := make([]int, len(toks))
	s := 0
	for i, t := range toks {
		for s+1 < len(sents) && t.Start >= sents[s].End {
			s++
		}
		out[i] = s
	}
	return out
}

// sentenceInitial reports whether token i opens its sentence (or follows
// an opening quote or bracket).
func sentenceInitial(toks []phrase.Token, sentOf []int, i int) bool {
	j := i - 1
	for j >= 0 && !toks[j].Word && strings.ContainsAny(toks[j].Lower, "\"“‘'([") {
		j--
	}
	return j < 0 || sentOf[j] != sentOf[i] || toks[j].Lower == "." || toks[j].Lower == ":"
}

func (f *Finder) candidates(toks []phrase.Token, sentOf []int, actors []liaison.ActorMention) []candidate {
	blocked := blockedSpans(actors)
	names := personWords(actors)
	var out []candidate
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if !t.Word || !t.Cap {
			continue
		}
		if c, ok := f.county(toks, i); ok {
			out = append(out, c)
			i = c.tokN - 1
			continue
		}
		n, ids := f.longestAcceptable(toks, sentOf, i)
		if n == 0 || f.overlaps(blocked, t.Start, toks[i+n-1].End, ids) || (n == 1 && names[t.Lower]) {
			continue
		}
		inBody, opens := bodyName(toks, sentOf, i, n)
		if inBody && !opens {
			continue // "Japan Maritime Self-Defense Force": Maritime is no place
		}
		c := candidate{tok0: i, tokN: i + n, ids: ids, best: -1, text: t.Text, bodyOpen: opens}
		if n > 1 {
			c.text = joinText(toks[i : i+n])
		}
		if i+n < len(toks) {
			c.hint = suffixHint[toks[i+n].Lower]
			if c.hint == "" && localNoun[toks[i+n].Lower] {
				c.hint = hintLocal // "a Palestine man", "Lebanon police": not a country
			}
		}
		if c.hint == "" && t.Upper && datelineAt(toks, sentOf, i, n) {
			c.hint = KindCity // a dateline names a town: "NEW YORK 1996-08-30"
		}
		out = append(out, c)
		i += n - 1
	}
	return out
}

// longestAcceptable returns the longest gazetteer phrase at i that passes
// the acceptability filters ("Indo-Pacific region": the region, not the
// lower-case word after it).
func (f *Finder) longestAcceptable(toks []phrase.Token, sentOf []int, i int) (int, []int32) {
	var ns []int
	var vs [][]int32
	f.g.trie.All(toks, i, func(n int, ids []int32) {
		ns = append(ns, n)
		vs = append(vs, ids)
	})
	for k := len(ns) - 1; k >= 0; k-- {
		if f.acceptable(toks, sentOf, i, ns[k], vs[k]) {
			return ns[k], vs[k]
		}
	}
	return 0, nil
}

// acceptable filters matches that are more likely ordinary words or parts
// of a longer proper name than places.
func (f *Finder) acceptable(toks []phrase.Token, sentOf []int, i, n int, ids []int32) bool {
	first := toks[i]
	for j := i + 1; j < i+n; j++ {
		if tj := toks[j]; tj.Word && !tj.Cap && !connector[tj.Lower] {
			return false
		}
	}
	if first.Upper && len(first.Lower) > 1 && n == 1 && !f.anyAcronym(ids, first.Text) && !dateline(toks, sentOf, i) &&
		!(capsLine(toks, sentOf, i) && len(first.Lower) > 3 && f.maxPop(ids) >= 100000) {
		return false // "US" matches only where the gazetteer has the acronym
	}
	if n == 1 {
		if never[first.Lower] {
			return false
		}
		if common[first.Lower] && !(first.Upper && dateline(toks, sentOf, i)) && (sentenceInitial(toks, sentOf, i) || f.maxPop(ids) < 200000) {
			return false
		}
	}
	// part of a longer capitalised name: "George Washington", "Jackson Smith"
	if i > 0 && toks[i-1].Word && toks[i-1].Cap && !sentenceInitial(toks, sentOf, i-1) && !titleOK[toks[i-1].Lower] {
		if k, _ := f.g.trie.Longest(toks, i-1); k == 0 {
			return false
		}
	}
	if e := i + n; e < len(toks) && toks[e].Word && toks[e].Cap && suffixHint[toks[e].Lower] == "" && orgTail[toks[e].Lower] {
		return false // "Madrid Summit" is fine, "Beijing University" is not a place mention
	}
	if i >= 2 && toks[i-1].Lower == "of" && orgHead[toks[i-2].Lower] {
		return false // "Bank of America", "University of Chicago"
	}
	if i > 0 && shipPrefix[toks[i-1].Lower] {
		return false // "JS Kaga", "USS Ronald Reagan"
	}
	if e := i + n; e < len(toks) {
		nx := toks[e]
		if nx.Lower == "\"" || nx.Lower == "”" || nx.Lower == "'" {
			if e+1 < len(toks) {
				nx = toks[e+1]
			}
		}
		if nx.Lower == "class" || (nx.Start == toks[e-1].End+1 && nx.Lower[0] >= '0' && nx.Lower[0] <= '9' && len(nx.Lower) <= 3) {
			return false // "Izumo-class", "Hwasong-17"
		}
	}
	return true
}

func (f *Finder) anyAcronym(ids []int32, text string) bool {
	for _, id := range ids {
		e := &f.g.entries[id]
		if e.Name == text {
			return true
		}
		for _, a := range e.Alts {
			if a == text {
				return true
			}
		}
	}
	return false
}

func (f *Finder) maxPop(ids []int32) int {
	m := 0
	for _, id := range ids {
		m = max(m, f.g.entries[id].Pop)
	}
	return m
}

type span struct {
	s, e int
	org  bool   // a body, not a person
	gov  bool   // a government: the whole span may be a capital
	cty  string // the body's country code
}

// blockedSpans are the person and organisation spans, sorted by start.
func blockedSpans(actors []liaison.ActorMention) []span {
	var out []span
	for _, a := range actors {
		if a.Kind != "country" {
			cty := ""
			if len(a.Code) >= 3 {
				cty = a.Code[:3]
			}
			out = append(out, span{a.Start, a.End, a.Kind != "person", a.Kind == "government", cty})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].s < out[j].s })
	return out
}

// personWords are the words of the document's multi-word person names:
// alone they are short names, not places ("Valeska Paris ... Paris said").
func personWords(actors []liaison.ActorMention) map[string]bool {
	m := map[string]bool{}
	for _, a := range actors {
		if a.Kind != "person" {
			continue
		}
		toks := phrase.Tokenize(a.Name)
		if len(toks) < 2 {
			continue
		}
		for _, t := range toks {
			if t.Word && t.Cap {
				m[t.Lower] = true
			}
		}
	}
	return m
}

// overlaps reports whether s..e overlaps a person or a body's name,
// except a place of the body's own country that opens its name ("Mexico's
// Health Ministry": Mexico is still a place; "Maritime Self-Defense Force"
// holds no place) or is the whole of it ("Tokyo said": a capital standing
// for its government is still a place). sp is sorted by start.
func (f *Finder) overlaps(sp []span, s, e int, ids []int32) bool {
	k := sort.Search(len(sp), func(k int) bool { return sp[k].s >= e })
	for j := k - 1; j >= 0 && j >= k-8; j-- {
		b := sp[j]
		if s < b.e && b.s < e && !(b.org && s == b.s && (e < b.e || b.gov) && (b.cty == "" || f.inCountry(ids, b.cty))) {
			return true
		}
	}
	return false
}

func (f *Finder) inCountry(ids []int32, cty string) bool {
	for _, id := range ids {
		if f.g.entries[id].Country == cty {
			return true
		}
	}
	return false
}

// Default returns a finder over the built-in gazetteer.
func Default() (*Finder, error) {
	g, err := Builtin()
	if err != nil {
		return nil, err
	}
	return NewFinder(g), nil
}
