package actor

import "strings"

// chain is a parsed actor phrase: an optional prefix (country, demonym,
// organisation or capital), optional role words, an optional person name.
type chain struct {
	start, end int // token range of the whole mention
	pre        *lex
	preEnd     int // token end of the prefix
	rl         *role
	person     *lex
	nameFrom   int // token range of the person's name
	nameTo     int
	// skipTo: the prefix is followed by a capitalised name that opens with
	// a role word ("Japan's Official Security Assistance"): the name is
	// consumed and is no actor.
	skipTo int
}

// compound parses and emits the actor phrase at token i: "Japan's Prime
// Minister Kishida Fumio", "Italian Navy", "JMSDF Chief of Staff, Admiral
// Sakai Ryo", "Tokyo said". It returns the tokens consumed.
func (d *doc) compound(i int) int {
	v, n := d.best(i)
	if n == 0 {
		return 0
	}
	c := chain{start: i, end: i + n}
	switch {
	case v.typ == lexEntry && d.f.lx.entries[v.entry].Kind == KindPerson:
		c.person, c.nameFrom, c.nameTo = &v, i, i+n
		return d.finish(&c)
	case v.typ == lexRole:
		r := v.role
		c.rl = &r
	default:
		c.pre, c.preEnd = &v, i+n
		if c.end < len(d.toks) && d.toks[c.end].Lower == "'s" {
			c.end++
		}
		d.ownBody(&c)
	}
	d.roles(&c)
	d.name(&c)
	d.ofCountry(&c)
	n = d.finish(&c)
	if c.skipTo > c.start+n && c.rl == nil {
		n = c.skipTo - c.start
	}
	return n
}

// ownBody merges a country and the body that follows it into one
// mention: "Japan's Maritime Self-Defense Force", "Japanese Coast Guard".
func (d *doc) ownBody(c *chain) {
	if c.pre.typ != lexCountry && c.pre.typ != lexDemonym {
		return
	}
	w, k := d.best(c.end)
	if k == 0 || w.typ != lexEntry || d.f.lx.entries[w.entry].Kind == KindPerson {
		return
	}
	if code := d.f.lx.entries[w.entry].CodeAt(d.date); len(code) >= 3 && code[:3] == c.pre.country {
		c.pre = &w
		c.end += k
		c.preEnd = c.end
	}
}

// roles extends c over role words ("Chief of Staff, Admiral").
func (d *doc) roles(c *chain) {
	for p := c.end; p < len(d.toks); {
		if d.toks[p].Lower == "," && c.rl != nil && c.rl.title {
			if w, k := d.best(p + 1); k > 0 && w.typ == lexRole && w.role.title {
				p++
				continue
			}
			return
		}
		w, k := d.best(p)
		if k == 0 || w.typ != lexRole {
			return
		}
		if d.nameWord(p, k, w.role) {
			c.skipTo = d.capRun(p)
			return
		}
		r := w.role
		c.rl = &r
		p += k
		c.end = p
	}
}

// nameWord reports whether the role word at p (k tokens) is an adjective
// opening a capitalised name instead ("Japan's Official Security
// Assistance" is no Japanese official): a role word that is also an
// adjective, written with a capital mid-sentence and followed by a
// capitalised word the lexicon does not know. Nominal roles keep their
// reading before a name ("Japan's Coast Guard Commandant").
func (d *doc) nameWord(p, k int, r role) bool {
	q := p + k
	if r.title || k != 1 || !adjectivalRoles[d.toks[p].Lower] || !d.toks[p].Cap || d.sentenceInitial(p) || q >= len(d.toks) {
		return false
	}
	return d.toks[q].Word && d.toks[q].Cap && !d.isLex(q)
}

// adjectivalRoles are role words that are adjectives too ("an official
// visit", "Official Development Assistance", "Public Security Bureau").
var adjectivalRoles = map[string]bool{"official": true, "public": true}

// name extends c over a person's name after a title or a possessive
// prefix ("President Macron", "Japan's Kishida").
func (d *doc) name(c *chain) {
	p := c.end
	if p >= len(d.toks) || !d.toks[p].Cap || !d.toks[p].Word {
		return
	}
	titled := c.rl != nil && c.rl.title
	if w, k := d.best(p); k > 0 {
		if w.typ == lexEntry && d.f.lx.entries[w.entry].Kind == KindPerson && (titled || c.pre != nil) {
			c.person, c.nameFrom, c.nameTo, c.end = &w, p, p+k, p+k
		}
		return
	}
	if !titled {
		return
	}
	q := p
	for q < len(d.toks) && q-p < 3 && d.toks[q].Word && d.toks[q].Cap && !d.isLex(q) {
		q++
	}
	if q == p || facility[d.toks[q-1].Lower] || orgSuffix[d.toks[q-1].Lower] || timeWords[d.toks[p].Lower] {
		return // "General Assembly", "Prince Hotel": not a name
	}
	c.nameFrom, c.nameTo, c.end = p, q, q
}

// ofCountry extends a bare role over "of Japan" ("President of France").
func (d *doc) ofCountry(c *chain) {
	if c.pre != nil || c.rl == nil || c.end+1 >= len(d.toks) || d.toks[c.end].Lower != "of" {
		return
	}
	w, k := d.best(c.end + 1)
	if k > 0 && (w.typ == lexCountry || (w.typ == lexEntry && d.f.lx.entries[w.entry].Kind != KindPerson)) {
		c.pre = &w
		c.end += 1 + k
		c.preEnd = c.end
	}
}

// finish emits the mention c describes, if any, and returns its length.
func (d *doc) finish(c *chain) int {
	n := c.end - c.start
	switch {
	case c.person != nil:
		e := &d.f.lx.entries[c.person.entry]
		d.seen[c.person.entry] = true
		code := e.CodeAt(d.date)
		if code == "" {
			code = d.composeCode(c.pre, c.rl)
		}
		d.emit(c.start, c.end, d.text(c.nameFrom, c.nameTo), code, KindPerson)
	case c.nameTo > c.nameFrom:
		d.emit(c.start, c.end, d.text(c.nameFrom, c.nameTo), d.composeCode(c.pre, c.rl), KindPerson)
	case c.rl != nil && c.pre != nil:
		if c.rl.person {
			d.emitRole(c.start, c.end, d.composeCode(c.pre, c.rl))
		} else {
			d.emit(c.start, c.end, d.text(c.start, c.end), d.composeCode(c.pre, c.rl), c.rl.kind)
		}
	case c.pre != nil:
		return d.prefixOnly(c)
	case c.rl != nil && d.toks[c.start].Cap && d.f.NER && !d.sentenceInitial(c.start):
		// "the Supreme Court", "University of Southern Indiana": a name
		return max(d.ner(c.start), 1)
	case c.rl != nil:
		d.agentOnly(c) // "Police arrested protesters": ---COP
	}
	return n
}

// prefixOnly emits a lone country, organisation or capital metonym.
func (d *doc) prefixOnly(c *chain) int {
	v := c.pre
	switch v.typ {
	case lexCountry, lexDemonym:
		if e := d.orgRun(c.preEnd); e > c.preEnd {
			// "Philippine Department of Agriculture"
			d.emit(c.start, e, d.text(c.start, e), v.country+orgRole(d.toks[e-1].Lower, d.toks[c.preEnd].Lower), KindOrganisation)
			return e - c.start
		}
		d.emit(c.start, c.preEnd, d.f.lx.countries[v.country], v.country, KindCountry)
	case lexEntry:
		e := &d.f.lx.entries[v.entry]
		d.seen[v.entry] = true
		name := e.Names[0]
		if e.Kind != KindOrganisation {
			name = d.text(c.start, c.preEnd)
		}
		d.emit(c.start, c.preEnd, name, e.CodeAt(d.date), e.Kind)
	case lexCapital:
		switch {
		case d.speechFollows(c.preEnd) || d.modalFollows(c.preEnd):
			d.emit(c.start, c.preEnd, v.name, v.country+"GOV", KindGovernment) // "Tokyo said", "Tokyo would work with"
		case c.end > c.preEnd && c.end < len(d.toks) && d.toks[c.end].Word && !d.toks[c.end].Cap:
			d.emit(c.start, c.preEnd, d.f.lx.countries[v.country], v.country, KindCountry) // "Beijing's claims"
		default:
			return 0
		}
	}
	return c.preEnd - c.start
}

// speechFollows reports whether a speech or action verb follows token p,
// past auxiliaries ("Tokyo has protested").
func (d *doc) speechFollows(p int) bool {
	for k := 0; p < len(d.toks) && k < 3; k, p = k+1, p+1 {
		l := d.toks[p].Lower
		if speechVerbs[l] {
			return true
		}
		if !auxiliaries[l] {
			return false
		}
	}
	return false
}

// modalFollows reports whether a modal ("Tokyo would work with",
// "Beijing will oppose"), a perfect ("Seoul had lodged") or a progressive
// ("Tokyo was watching") follows token p: a capital that decides or acts
// is its government, while "Tokyo is a city" or "Tokyo has a population"
// stays a place.
func (d *doc) modalFollows(p int) bool {
	if p >= len(d.toks) {
		return false
	}
	switch d.toks[p].Lower {
	case "would", "will", "could", "should", "must", "might", "may", "can", "cannot":
		return true
	case "had", "has", "have":
		if p+1 < len(d.toks) {
			w := d.toks[p+1].Lower
			return len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en"))
		}
	case "is", "was", "are", "were":
		if p+1 < len(d.toks) {
			w := d.toks[p+1].Lower // "Tokyo was watching the situation"
			return len(w) > 5 && strings.HasSuffix(w, "ing")
		}
	}
	return false
}

// composeCode joins a prefix's country (or an IGO's own code) and a role.
func (d *doc) composeCode(pre *lex, rl *role) string {
	country := ""
	if pre != nil {
		switch pre.typ {
		case lexEntry:
			code := d.f.lx.entries[pre.entry].CodeAt(d.date)
			if strings.HasPrefix(code, "IGO") || strings.HasPrefix(code, "NGO") || strings.HasPrefix(code, "IMG") || len(code) < 3 {
				if rl != nil && rl.code == "MIL" && !strings.HasSuffix(code, "MIL") {
					return code + "MIL" // an organisation's own forces: its code restarts the role cycle ("UN troops" IGOUNOMIL)
				}
				return code
			}
			country = code[:3]
		default:
			country = pre.country
		}
	}
	if country == "" {
		return ""
	}
	if rl == nil {
		return country
	}
	return country + rl.code
}
