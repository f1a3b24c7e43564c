// Package event is Liaison's event coder: a TABARI-style shallow parser
// that turns sentences into CAMEO-coded who-did-what-to-whom events using
// TABARI, PETRARCH or Liaison's own built-in dictionaries.
package event

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/liaison-project/liaison/internal/extract/dict"
)

// Coder codes sentences with one compiled set of dictionaries. It is
// read-only after construction and safe for concurrent use.
type Coder struct {
	d    *dict.Dict
	idx  *index
	req  map[*dict.Verb][][]string  // per pattern: literal words it needs
	alts map[*[]dict.Elem]*altIndex // large alternative lists, by last word
	opts *dict.Options
	cfg  Config
	// nounAnchors: the dictionaries have noun anchors (n:), so a verb's
	// spelling in a noun position is no event unless one of those takes it.
	nounAnchors bool
}

// Config tunes coder behaviour beyond the dictionaries' own options.
type Config struct {
	// Explain fills Event.Explain with the dictionary entry that coded it.
	Explain bool
	// DropNegated suppresses negated events instead of flagging them.
	DropNegated bool
	// Info names codes (CAMEO name, root, quad, Goldstein, PLOVER); nil
	// derives only the root.
	Info CodeInfoFunc
}

// CodeInfo describes an event code.
type CodeInfo struct {
	Name      string
	Root      string
	Quad      int
	Goldstein float64
	PLOVER    string
}

// CodeInfoFunc looks a CAMEO code up (internal/cameo provides one).
type CodeInfoFunc func(code string) (CodeInfo, bool)

// New compiles a dictionary set into a coder.
func New(d *dict.Dict, cfg Config) *Coder {
	c := &Coder{d: d, idx: newIndex(), cfg: cfg, opts: d.Options}
	if c.opts == nil {
		c.opts = dict.DefaultOptions()
	}
	order := 0
	for _, a := range d.Actors {
		order++
		c.idx.add(&entry{kind: kActor, elems: a.Elems, actor: a, order: order})
	}
	for _, a := range d.Agents {
		order++
		c.idx.add(&entry{kind: kAgent, elems: a.Elems, agent: a, order: order})
	}
	c.req = make(map[*dict.Verb][][]string, len(d.Verbs))
	for _, v := range d.Verbs {
		if len(v.Patterns) > 0 {
			rq := make([][]string, len(v.Patterns))
			for i, p := range v.Patterns {
				for _, e := range p.Elems {
					if e.Kind == dict.KWord {
						rq[i] = append(rq[i], e.Word)
					}
				}
			}
			c.req[v] = rq
		}
		c.nounAnchors = c.nounAnchors || v.Noun
		for _, f := range v.Forms {
			order++
			c.idx.add(&entry{kind: kVerb, elems: f.Elems, verb: v, order: order})
		}
	}
	c.alts = indexAlts(d)
	for _, x := range d.Discards {
		order++
		c.idx.add(&entry{kind: kDiscard, elems: x.Elems, disc: x, order: order})
	}
	for _, p := range d.Nouns {
		order++
		c.idx.add(&entry{kind: kNoun, elems: p.Elems, order: order})
	}
	for _, p := range d.Adjectives {
		order++
		c.idx.add(&entry{kind: kAdj, elems: p.Elems, order: order})
	}
	return c
}

// Options returns the dictionary options the coder runs with.
func (c *Coder) Options() *dict.Options { return c.opts }

// Raw is a coded event before it is dressed as a liaison.Event.
type Raw struct {
	Source, Target, Code string
	SourceText           string
	TargetText           string
	VerbText             string
	Negated              bool
	Sub, Dom             bool
	Explain              string
}

// Result is what one sentence yields.
type Result struct {
	Events  []Raw
	Discard bool   // a discard code matched: nothing is coded
	Complex bool   // complexity filter or complex code: nothing is coded
	Story   bool   // the discard applies to the whole report
	Why     string // reason for Discard/Complex
	First   *Antecedent
	Body    int // rune offset after a dateline opening the sentence, else 0
}

// afterDateline keeps the tokens and understanding-layer actors that lie
// after a dateline ending at rune offset body.
func afterDateline(toks []tok, ext []ExtActor, body int) ([]tok, []ExtActor) {
	k := 0
	for k < len(toks) && toks[k].start < body {
		k++
	}
	var keep []ExtActor
	for _, x := range ext {
		if x.Start >= body {
			keep = append(keep, x)
		}
	}
	return toks[k:], keep
}

// ExtActor is an actor found by another component (the understanding
// layer), in rune offsets relative to the sentence.
type ExtActor struct {
	Start, End int
	Code       string
	Text       string
}

// Antecedent is the actor a sentence-initial pronoun refers to: the
// first actor (before any verb) of the previous sentence, without agents.
type Antecedent struct {
	Codes    []string
	Compound bool
	Text     string
}

// Input is one sentence to code with its context.
type Input struct {
	Text string
	Date int           // YYYYMMDD for date-restricted actor codes, 0 = unknown
	Opts *dict.Options // nil: the coder's options
	Ext  []ExtActor    // actors found by the understanding layer
	Prev *Antecedent   // pronoun forwarding from the previous sentence
}

// CodeSentence codes one sentence with no context beyond its date.
func (c *Coder) CodeSentence(text string, date int, opts *dict.Options, ext []ExtActor) Result {
	return c.Sentence(Input{Text: text, Date: date, Opts: opts, Ext: ext})
}

// Sentence codes one sentence. A wire dateline opening it ("TOKYO, July
// 9 (Reuters) -") is left out: Result.Body says where the words coded
// begin.
func (c *Coder) Sentence(in Input) Result {
	rs := []rune(in.Text)
	body := datelineEnd(rs)
	r := c.sentence(in, rs, body)
	r.Body = body
	return r
}

func (c *Coder) sentence(in Input, rs []rune, body int) Result {
	opts := in.Opts
	if opts == nil {
		opts = c.opts
	}
	s := &sent{c: c, opts: opts, text: rs, date: in.Date, prev: in.Prev}
	s.toks = tokenize(in.Text, 0, opts.SplitContractions)
	ext := in.Ext
	if body > 0 {
		s.toks, ext = afterDateline(s.toks, ext, body)
	}
	s.extActors = len(in.Ext) > 0
	if len(s.toks) == 0 || (opts.MinWords > 0 && len(s.toks) < opts.MinWords) {
		return Result{}
	}
	if len(s.toks) > 400 {
		s.toks = s.toks[:400]
	}
	s.classify()
	s.resolve(allCaps(in.Text))
	if s.discard {
		return Result{Discard: true, Story: s.story, Why: s.why}
	}
	if opts.AgentOnlyActors {
		ext = s.dropOwnRoles(ext)
	}
	s.preferExternal(ext)
	s.attrStart, s.attrTok = -1, -1
	if opts.AttributionClause || (opts.NullActors && !opts.SilentAttribution) {
		s.attrStart = s.attributionStart()
	}
	s.ext = s.externalSpans(ext)
	s.buildUnits(opts)
	s.addExternal()
	if s.complex {
		return Result{Complex: true, Why: s.why}
	}
	first := s.antecedent()
	s.eliminateCommas(opts)
	s.compact()
	if why := s.complexity(opts); why != "" {
		return Result{Complex: true, Why: why, First: first}
	}
	evs := s.code(opts)
	if s.discard {
		return Result{Discard: true, Why: s.why}
	}
	if s.complex {
		return Result{Complex: true, Why: s.why, First: first}
	}
	return Result{Events: evs, First: first}
}

// antecedent is the first actor before the first verb, for forwarding.
func (s *sent) antecedent() *Antecedent {
	fv := len(s.toks)
	for _, sp := range s.spans {
		if sp.kind == kVerb {
			fv = sp.start
			break
		}
	}
	if len(s.units) == 0 || s.units[0].start >= fv {
		return nil
	}
	u := s.units[0]
	return &Antecedent{Codes: u.base, Compound: u.compound, Text: u.text}
}

// preferExternal drops dictionary actors and agents overlapping an actor
// the understanding layer resolved (it knows office-holders, pronouns
// and metonyms the dictionaries do not).
func (s *sent) preferExternal(ext []ExtActor) {
	for k := range s.spans {
		sp := &s.spans[k]
		if sp.kind != kActor && sp.kind != kAgent {
			continue
		}
		a, b := s.toks[sp.start].start, s.toks[sp.end-1].end
		for _, x := range ext {
			if x.Start < b && a < x.End {
				sp.kind = kNull
				break
			}
		}
	}
}

// dropOwnRoles leaves out an understanding-layer actor that is a bare
// role noun ("the envoy", "the minister": no name, nothing capitalised)
// resolved to the code of an actor earlier in the sentence — "Kishida met
// the envoy" would be Kishida meeting himself, an event no one codes. The
// coder then sees the role word as an unattributed agent ("---GOV").
func (s *sent) dropOwnRoles(ext []ExtActor) []ExtActor {
	var out []ExtActor
	for i, x := range ext {
		if s.bareRole(x) && sameActorEarlier(ext, i) {
			continue
		}
		out = append(out, x)
	}
	return out
}

// bareRole: every word of the actor's text is a determiner or possessive
// or written in lower case.
func (s *sent) bareRole(x ExtActor) bool {
	n := 0
	for _, t := range s.toks {
		if t.end <= x.Start || t.start >= x.End {
			continue
		}
		n++
		if t.cap && !possessiveDet[t.w] {
			return false
		}
	}
	return n > 0
}

var possessiveDet = map[string]bool{"THE": true, "A": true, "AN": true, "ITS": true, "HIS": true, "HER": true, "THEIR": true}

// sameActorEarlier reports whether the sentence's first actor — its
// subject, with no other actor between it and ext[i] — has the code of
// ext[i] or one extending it (JPNGOV and JPNGOV, JPN and JPNGOV); a role
// resolved to an actor named in between is an anaphor ("mentions China
// and describes the country").
func sameActorEarlier(ext []ExtActor, i int) bool {
	c := ext[i].Code
	first := -1
	for j, y := range ext {
		if j == i || y.Code == "" || y.Start >= ext[i].Start {
			continue
		}
		if first >= 0 && ext[first].Start < y.Start {
			if !strings.HasPrefix(c, y.Code) && !strings.HasPrefix(y.Code, c) {
				return false // another actor lies between
			}
			continue
		}
		first = j
	}
	if first < 0 || c == "" {
		return false
	}
	y := ext[first].Code
	return strings.HasPrefix(c, y) || strings.HasPrefix(y, c)
}

// extSpan is an actor of the understanding layer in token positions.
type extSpan struct {
	start, end int
	code, text string
}

// externalSpans maps the understanding layer's actors onto tokens.
func (s *sent) externalSpans(ext []ExtActor) []extSpan {
	var out []extSpan
	for _, a := range ext {
		ts, te := -1, -1
		for i, t := range s.toks {
			if ts < 0 && t.end > a.Start {
				ts = i
			}
			if t.start < a.End {
				te = i + 1
			}
		}
		if ts >= 0 && te > ts && a.Code != "" && !s.hyphenModifier(a.End, te) {
			out = append(out, extSpan{start: ts, end: te, code: a.Code, text: a.Text})
		}
	}
	return out
}

// hyphenModifier: an actor glued by a hyphen to a participle ("Al
// Qaeda-linked", "UK-based", "Russian-backed") modifies the noun that
// follows and is not itself a participant; "-led" names the leader. end
// is the actor's end (runes), next the token after it.
func (s *sent) hyphenModifier(end, next int) bool {
	if end < 0 || end >= len(s.text) || s.text[end] != '-' || next >= len(s.toks) || s.toks[next].start != end+1 {
		return false
	}
	w := s.toks[next].w
	return strings.HasSuffix(w, "ED") && w != "LED"
}

// addExternal adds actors from the understanding layer that do not
// overlap dictionary actors (buildUnits has already folded agents into
// those it could).
func (s *sent) addExternal() {
	if len(s.ext) == 0 {
		return
	}
	for _, a := range s.ext {
		clash := false
		for _, u := range s.units {
			if u.start < a.end && a.start < u.end {
				clash = true
				break
			}
		}
		if !clash {
			s.units = append(s.units, unit{start: a.start, end: a.end, codes: []string{a.code}, base: []string{a.code}, text: a.text, src: "actor " + a.text})
		}
	}
	sortUnits(s.units)
	s.units = s.compounds(s.units)
}

// complexity applies the COMPLEX: conditions of the options.
func (s *sent) complexity(o *dict.Options) string {
	verbs, conj, firstVerb := 0, 0, -1
	for _, sp := range s.spans {
		if sp.kind == kVerb {
			verbs++
			if firstVerb < 0 {
				firstVerb = sp.start
			}
		}
		if sp.kind == kConj {
			conj++
		}
	}
	switch {
	case o.CxVerbs > 0 && verbs >= o.CxVerbs:
		return fmt.Sprintf("complex: %d verbs", verbs)
	case o.CxConj > 0 && conj >= o.CxConj:
		return fmt.Sprintf("complex: %d conjunctions", conj)
	case o.CxActors > 0 && len(s.units) >= o.CxActors:
		return "complex: too many actors"
	case o.CxNoVerb && verbs == 0:
		return "complex: no verb"
	}
	if firstVerb >= 0 {
		prior, after := false, false
		for _, u := range s.units {
			if u.start < firstVerb {
				prior = true
			} else {
				after = true
			}
		}
		if o.CxNoActPrior && !prior {
			return "complex: no actor before the first verb"
		}
		if o.CxNoActAfter && !after {
			return "complex: no actor after the first verb"
		}
	}
	return ""
}

func sortUnits(us []unit) {
	for i := 1; i < len(us); i++ {
		for j := i; j > 0 && us[j].start < us[j-1].start; j-- {
			us[j], us[j-1] = us[j-1], us[j]
		}
	}
}

// Stats describes a coder's dictionaries.
func (c *Coder) Stats() string {
	np := 0
	for _, v := range c.d.Verbs {
		np += len(v.Patterns)
	}
	return fmt.Sprintf("%d actors, %d agents, %d verbs, %d patterns", len(c.d.Actors), len(c.d.Agents), len(c.d.Verbs), np)
}

func trimRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

var _ = strings.TrimSpace
