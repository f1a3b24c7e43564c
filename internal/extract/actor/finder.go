package actor

import (
	"sort"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/extract/actor/phrase"
)

// Finder finds and codes the actors of a document. It implements
// extract.ActorFinder and is safe for concurrent use.
type Finder struct {
	lx *Lexicon
	// NER also reports uncoded named persons and organisations found by
	// capitalisation cues (Code is then empty or a bare country code).
	NER bool
}

// NewFinder returns a finder over lx with named-entity fallback on.
func NewFinder(lx *Lexicon) *Finder { return &Finder{lx: lx, NER: true} }

// doc is the state of one Find call: tokens, output and the coreference
// memory (last person, last country, known short names).
type doc struct {
	f       *Finder
	toks    []phrase.Token
	sentOf  []int
	runes   []rune
	date    time.Time
	out     []liaison.ActorMention
	seen    map[int32]bool // entries mentioned in full
	lastPer int            // index into out of the last coded person, -1
	lastCty int            // index into out of the last country mention, -1
	short   map[string]int // lower-case name part -> index of its person mention
	lower   map[string]bool
	acr     map[string]int // acronyms defined in the text -> mention index
	caps    map[int]bool   // sentence index -> written all in capitals (a headline)
	teams   map[string]int // lower-case town name -> index of its team mention
}

// Find returns the actor mentions of text, coded as of docDate. A very
// long text is read in pieces cut at sentence ends (coreference does not
// cross pieces).
func (f *Finder) Find(text string, sents []liaison.Span, docDate time.Time) []liaison.ActorMention {
	chunks := phrase.Chunks(text, sents, phrase.ChunkBytes)
	if len(chunks) == 1 {
		return f.find(text, sents, docDate)
	}
	out := []liaison.ActorMention{}
	for _, c := range chunks {
		for _, m := range f.find(c.Text, c.Sents, docDate) {
			m.Start += c.Offset
			m.End += c.Offset
			m.Sentence += c.FirstSent
			out = append(out, m)
		}
	}
	return out
}

func (f *Finder) find(text string, sents []liaison.Span, docDate time.Time) []liaison.ActorMention {
	d := &doc{f: f, toks: phrase.Tokenize(text), date: docDate, seen: map[int32]bool{},
		lastPer: -1, lastCty: -1, short: map[string]int{}}
	d.sentOf = sentenceIndex(d.toks, sents)
	d.runes = []rune(text)
	for i := 0; i < len(d.toks); {
		if n := d.at(i); n > 0 {
			i += n
			continue
		}
		i++
	}
	d.backRefs()
	sort.SliceStable(d.out, func(a, b int) bool { return d.out[a].Start < d.out[b].Start })
	if d.out == nil {
		return []liaison.ActorMention{}
	}
	return d.out
}

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

// backRefs codes short names used before the full name ("Braverman ...
// Home Secretary Suella Braverman"): a second pass over uncovered words.
func (d *doc) backRefs() {
	if len(d.short) == 0 {
		return
	}
	covered := make([]bool, len(d.toks))
	for _, m := range d.out {
		// first token ending after the mention's start, then mark while inside
		k := sort.Search(len(d.toks), func(k int) bool { return d.toks[k].End > m.Start })
		for ; k < len(d.toks) && d.toks[k].Start < m.End; k++ {
			covered[k] = true
		}
	}
	for i, t := range d.toks {
		if covered[i] || !t.Word || !t.Cap {
			continue
		}
		if j, ok := d.short[t.Lower]; ok && (i+1 >= len(d.toks) || !d.toks[i+1].Cap || !d.toks[i+1].Word) {
			d.corefMention(i, i+1, j)
		}
	}
}

// at tries every rule at token i and returns the tokens consumed.
func (d *doc) at(i int) int {
	t := d.toks[i]
	if !t.Word {
		return d.acronymDef(i)
	}
	if personPronouns[t.Lower] {
		d.pronoun(i)
		return 1
	}
	if groupPronouns[t.Lower] {
		d.groupPronoun(i)
		return 1
	}
	if t.Upper && d.acronymUse(i) {
		return 1
	}
	if len(t.Lower) == 1 && t.Upper {
		if n := d.initialName(i); n > 0 {
			return n
		}
	}
	if (t.Lower == "the" || t.Lower == "its") && i+1 < len(d.toks) {
		if n := d.definite(i + 1); n > 0 {
			return n + 1
		}
		return 1
	}
	if j, ok := d.short[t.Lower]; ok && t.Cap && d.shortFirst(i) {
		d.corefMention(i, i+1, j)
		return 1
	}
	if n := d.compound(i); n > 0 {
		return n
	}
	if t.Cap {
		if d.f.NER {
			return d.ner(i)
		}
	}
	return 0
}

// shortFirst reports whether a known short name at i beats the lexicon:
// when no phrase or only a one-word capital, country or name matches
// ("Valeska Paris ... Paris said").
func (d *doc) shortFirst(i int) bool {
	v, n := d.best(i)
	return n == 0 || (n == 1 && v.typ != lexRole)
}

// best returns the preferred meaning of the longest phrase at i that the
// text's capitalisation allows, and its length in tokens.
func (d *doc) best(i int) (lex, int) {
	n, vals := d.f.lx.trie.Longest(d.toks, i)
	for n > 0 {
		var pick lex
		found := false
		for _, v := range vals {
			if !d.allowed(v, i, n) {
				continue
			}
			if !found || rank(v) < rank(pick) || (v.typ == pick.typ && d.f.lx.pop[v.country] > d.f.lx.pop[pick.country]) {
				pick, found = v, true
			}
		}
		if found {
			return pick, n
		}
		// retry shorter phrases starting here
		m, shorter := 0, []lex(nil)
		d.f.lx.trie.All(d.toks, i, func(k int, vs []lex) {
			if k < n {
				m, shorter = k, vs
			}
		})
		n, vals = m, shorter
	}
	return lex{}, 0
}

func rank(l lex) int {
	switch l.typ {
	case lexEntry:
		return 0
	case lexCountry:
		return 1
	case lexDemonym:
		return 2
	case lexCapital:
		return 3
	}
	return 4
}

func (d *doc) allowed(v lex, i, n int) bool {
	first := d.toks[i]
	if v.typ == lexRole {
		return true
	}
	if !first.Cap {
		return false
	}
	if v.caps {
		for j := i; j < i+n; j++ {
			if d.toks[j].Word && !d.toks[j].Upper {
				return false
			}
		}
	}
	if v.short && weakSurnames[first.Lower] && !d.seen[v.entry] && !d.titled(i) {
		return false
	}
	return true
}

// titled reports whether a title word stands right before token i.
func (d *doc) titled(i int) bool {
	for k := 1; k <= 3 && i-k >= 0; k++ {
		if n, vals := d.f.lx.trie.Longest(d.toks, i-k); n == k {
			for _, v := range vals {
				if v.typ == lexRole && v.role.title {
					return true
				}
			}
		}
	}
	return i > 0 && honorifics[strings.TrimSuffix(d.toks[i-1].Lower, ".")]
}

func (d *doc) isLex(i int) bool {
	_, n := d.best(i)
	return n > 0
}

func (d *doc) text(a, b int) string {
	return string(d.runes[d.toks[a].Start:d.toks[b-1].End])
}

func (d *doc) emit(a, b int, name, code, kind string) int {
	m := liaison.ActorMention{Text: d.text(a, b), Name: name, Code: code, Kind: kind,
		Start: d.toks[a].Start, End: d.toks[b-1].End, Sentence: d.sentOf[a]}
	d.out = append(d.out, m)
	idx := len(d.out) - 1
	switch {
	case kind == KindPerson && code != "":
		d.lastPer = idx
		d.remember(name, idx)
	case kind == KindPerson:
		d.remember(name, idx)
	case kind == KindCountry:
		d.lastCty = idx
	}
	return idx
}

// emitRole emits a person known only by role ("Finland's ambassador"): a
// pronoun antecedent, but no name to remember.
func (d *doc) emitRole(a, b int, code string) {
	d.out = append(d.out, liaison.ActorMention{Text: d.text(a, b), Name: d.text(a, b), Code: code, Kind: KindPerson,
		Start: d.toks[a].Start, End: d.toks[b-1].End, Sentence: d.sentOf[a]})
	if code != "" {
		d.lastPer = len(d.out) - 1
	}
}

// remember files the parts of a person's name for short-name coreference.
func (d *doc) remember(name string, idx int) {
	parts := phrase.Tokenize(name)
	if len(parts) < 2 {
		return
	}
	for _, p := range parts {
		if p.Word && p.Cap && len(p.Lower) > 2 {
			d.short[p.Lower] = idx
		}
	}
}

func (d *doc) corefMention(a, b, ante int) {
	m := d.out[ante]
	d.out = append(d.out, liaison.ActorMention{Text: d.text(a, b), Name: m.Name, Code: m.Code, Kind: m.Kind,
		Start: d.toks[a].Start, End: d.toks[b-1].End, Sentence: d.sentOf[a]})
	if m.Kind == KindPerson && m.Code != "" {
		d.lastPer = len(d.out) - 1
	}
}

// pronoun resolves he/she/him to the last coded person within three
// sentences.
func (d *doc) pronoun(i int) {
	if d.lastPer < 0 || d.sentOf[i]-d.out[d.lastPer].Sentence > 3 {
		return
	}
	d.corefMention(i, i+1, d.lastPer)
}

// definite handles "the country", "the minister" and the like at i
// (after "the"); it returns 0 to let the compound rules try.
func (d *doc) definite(i int) int {
	l := d.toks[i].Lower
	if (l == "country" || l == "nation") && d.lastCty >= 0 {
		d.corefMention(i-1, i+1, d.lastCty)
		return 1
	}
	v, n := d.best(i)
	if n > 0 && v.typ == lexRole && (i+n >= len(d.toks) || !d.toks[i+n].Cap || !d.toks[i+n].Word) {
		if v.role.person && d.toks[i-1].Lower == "the" && d.personAntecedent(i-1) {
			d.corefMention(i-1, i+n, d.lastPer) // "the minister"
			return n
		}
		if !v.role.person && d.toks[i-1].Lower == "its" && d.roleOfNearest(i-1, i+n, v.role) {
			return n // "its military": NATO's or the country's
		}
		if !v.role.person && institution[v.name] && d.toks[i-1].Lower == "the" && d.roleOfLast(i-1, i+n, v.role) {
			return n // "the government"
		}
	}
	return d.compound(i)
}

// personAntecedent reports whether "the <role>" at token a may refer to
// the last coded person: within three sentences, and, in the same
// sentence, only as an apposition right after the name ("Hamada, the
// minister"); otherwise "Kishida met the envoy" would make the envoy
// Kishida.
func (d *doc) personAntecedent(a int) bool {
	if d.lastPer < 0 {
		return false
	}
	p := d.out[d.lastPer]
	if d.sentOf[a]-p.Sentence > 3 {
		return false
	}
	if p.Sentence != d.sentOf[a] {
		return true
	}
	return a >= 2 && d.toks[a-1].Lower == "," && d.toks[a-2].End == p.End
}

// roleOfNearest codes a possessive role word ("its military") with the
// nearest preceding country or international organisation within two
// sentences: "NATO's commitment to strengthening its military presence"
// is NATO's, not the last country's.
func (d *doc) roleOfNearest(a, b int, r role) bool {
	for k := len(d.out) - 1; k >= 0; k-- {
		m := d.out[k]
		if d.sentOf[a]-m.Sentence > 2 {
			return false
		}
		if m.End > d.toks[a].Start || m.Kind == KindPerson || len(m.Code) < 3 {
			continue
		}
		code := ""
		switch {
		case m.Kind == KindCountry || (m.Kind == KindGovernment || m.Kind == KindMilitary) && countryCode(m.Code):
			code = m.Code[:3] + r.code // "Japan ... its navy", "the Japanese government ... its navy"
		case strings.HasPrefix(m.Code, "IGO") && r.code == "MIL" && !strings.HasSuffix(m.Code, "MIL"):
			code = m.Code + "MIL" // an organisation's own forces ("UN troops" IGOUNOMIL)
		case strings.HasPrefix(m.Code, "IGO"):
			code = m.Code
		default:
			continue
		}
		d.out = append(d.out, liaison.ActorMention{Text: d.text(a, b), Name: m.Name + " " + d.text(a+1, b), Code: code,
			Kind: r.kind, Start: d.toks[a].Start, End: d.toks[b-1].End, Sentence: d.sentOf[a]})
		return true
	}
	return false
}

// roleOfLast codes a definite or possessive role word ("the government",
// "its navy") with the country mentioned last, within two sentences.
func (d *doc) roleOfLast(a, b int, r role) bool {
	if d.lastCty < 0 || d.sentOf[a]-d.out[d.lastCty].Sentence > 2 {
		return false
	}
	c := d.out[d.lastCty]
	d.out = append(d.out, liaison.ActorMention{Text: d.text(a, b), Name: c.Name + " " + d.text(a+1, b), Code: c.Code[:3] + r.code,
		Kind: r.kind, Start: d.toks[a].Start, End: d.toks[b-1].End, Sentence: d.sentOf[a]})
	return true
}

// countryCode reports whether a code starts with a country's ISO-3 code
// (not an IGO, NGO, group or agent-only code).
func countryCode(c string) bool {
	if len(c) < 3 {
		return false
	}
	switch c[:3] {
	case "IGO", "NGO", "IMG", "---", "MNC":
		return false
	}
	return c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z' && c[2] >= 'A' && c[2] <= 'Z'
}
