package event

import (
	"sort"
	"strings"
)

// act is an actor mention with the agents attached to it.
type act struct {
	start, end int
	base       []string
	agents     []string
	alt        []bool // agent joined by AND to an earlier one: an alternative to it
	src        string
}

// codes applies the agents: each suffix agent ("~GOV") gives one code,
// and every prefix agent ("NGO~") is applied on top ("MSF Arnor diplomat"
// = NGO + ARN + GOV).
func (a *act) codes(former []bool, stack bool) []string {
	if len(a.agents) == 0 {
		return a.base
	}
	if stack {
		if out := a.stacked(former); out != nil {
			return out
		}
	}
	var pre, suf []int
	for i, g := range a.agents {
		if strings.HasPrefix(g, "~") || former[i] {
			suf = append(suf, i)
		} else {
			pre = append(pre, i)
		}
	}
	var out []string
	for _, b := range a.base {
		if len(suf) == 0 {
			for _, i := range pre {
				out = append(out, addAgent(b, a.agents[i], false))
			}
			continue
		}
		for _, i := range suf {
			c := addAgent(b, a.agents[i], former[i])
			for _, j := range pre {
				c = addAgent(c, a.agents[j], false)
			}
			out = append(out, c)
		}
	}
	return out
}

// stacked applies agents cumulatively, as PETRARCH does ("Danish
// Islamist media" = DNK+MUS+MED), with an agent joined by AND replacing
// the last one ("... media and government" = DNKMUSMED, DNKMUSGOV). nil
// when a prefix or FORMER agent is involved (codes handles those).
func (a *act) stacked(former []bool) []string {
	var chain, alts []string
	for i, g := range a.agents {
		if !strings.HasPrefix(g, "~") || former[i] {
			return nil
		}
		if i < len(a.alt) && a.alt[i] {
			alts = append(alts, g)
		} else {
			chain = append(chain, g)
		}
	}
	if len(chain) < 2 {
		return nil // one agent and its alternatives: the usual codes
	}
	build := func(gs []string) []string {
		var out []string
		for _, b := range a.base {
			c := b
			for _, g := range gs {
				c = addAgent(c, g, false)
			}
			out = append(out, c)
		}
		return out
	}
	out := build(chain)
	for _, g := range alts {
		alt := append(append([]string(nil), chain[:len(chain)-1]...), g)
		out = append(out, build(alt)...)
	}
	return out
}

// agentTarget finds the actor an agent belongs to: immediately before
// (possibly across FORMER), a possessive actor before its modifiers
// ("Ithilen's awful and evil minister"), immediately after, or after
// OF/IN (THE).
func (s *sent) agentTarget(acts []act, sp span, former bool) (int, bool) {
	for a := range acts {
		if acts[a].end == sp.start || (former && acts[a].end == sp.start-1) {
			return a, false
		}
	}
	if a := s.possessor(acts, sp); a >= 0 && s.opts.PossessiveAgents {
		return a, false
	}
	for a := range acts {
		if acts[a].start == sp.end {
			return a, false
		}
	}
	if sp.end < len(s.toks) {
		if w := s.toks[sp.end].w; w == "OF" || w == "IN" || w == "FROM" {
			j := sp.end + 1
			if j < len(s.toks) && s.toks[j].w == "THE" {
				j++
			}
			for a := range acts {
				if acts[a].start == j {
					return a, true
				}
			}
			if s.opts.PossessiveAgents { // "mayor of the northern West Bank city of Nablus"
				for a := range acts {
					if st := acts[a].start; st > j && st <= j+2 && s.modifiersOnly(j, st) {
						return a, true
					}
				}
			}
		}
	}
	return -1, false
}

// shareAgents gives an unattached agent joined by AND to an attached one
// the same actors ("Danish media and government", "lawmakers and
// officials in A and B").
func (s *sent) shareAgents(agents []int, attached map[int][]int, attach func(a, k int, first bool)) {
	for changed := true; changed; {
		changed = false
		for i, k := range agents {
			if _, ok := attached[k]; ok {
				continue
			}
			sp := s.spans[k]
			var peer = -1
			if i+1 < len(agents) && sp.end+1 == s.spans[agents[i+1]].start && s.toks[sp.end].w == "AND" {
				peer = agents[i+1]
			}
			if i > 0 && sp.start-1 == s.spans[agents[i-1]].end && s.toks[sp.start-1].w == "AND" {
				if _, ok := attached[agents[i-1]]; ok {
					peer = agents[i-1]
				}
			}
			ts, ok := attached[peer]
			if peer < 0 || !ok {
				continue
			}
			for i, a := range ts {
				attach(a, k, i == 0)
			}
			attached[k] = ts
			changed = true
		}
	}
}

// addAgent combines an actor code with an agent code ("~GOV" appends,
// "NGO~" prepends), skipping a role already present on a 3-letter boundary.
func addAgent(actor, agent string, former bool) string {
	if former {
		agent = "~ELI"
	}
	if strings.HasPrefix(agent, "~") {
		suf := agent[1:]
		for i := 0; i+len(suf) <= len(actor); i += 3 {
			if actor[i:] == suf || (i > 0 && strings.HasPrefix(actor[i:], suf) && len(suf)%3 == 0) {
				return actor
			}
		}
		return actor + suf
	}
	pre := strings.TrimSuffix(agent, "~")
	if strings.HasPrefix(actor, pre) {
		return actor
	}
	return pre + actor
}

// compounds joins actors separated only by commas, AND, determiners and
// adjectives into a parsed compound (at least one AND, or FBIS commas).
func (s *sent) compounds(us []unit) []unit {
	var out []unit
	for i := 0; i < len(us); {
		j := i
		hasAnd := false
		for j+1 < len(us) {
			ok, and := s.joinable(us[j].end, us[j+1].start)
			if !ok {
				break
			}
			hasAnd = hasAnd || and
			j++
			if and {
				break
			}
		}
		if j > i && hasAnd {
			u := unit{start: us[i].start, end: us[j].end, compound: true, text: s.textOf(us[i].start, us[j].end), src: us[i].src}
			seen, seenB := map[string]bool{}, map[string]bool{}
			for k := i; k <= j; k++ {
				for _, c := range us[k].codes {
					if !seen[c] {
						seen[c] = true
						u.codes = append(u.codes, c)
					}
				}
				for _, c := range us[k].base {
					if !seenB[c] {
						seenB[c] = true
						u.base = append(u.base, c)
					}
				}
			}
			out = append(out, u)
			i = j + 1
			continue
		}
		out = append(out, us[i])
		i++
	}
	return out
}

// joinable reports whether the words between two actors make a compound
// link — commas and AND first, then determiners and adjectives of the
// next noun phrase — and whether that link contains AND.
func (s *sent) joinable(a, b int) (ok, and bool) {
	if b <= a {
		return false, false
	}
	mods, loose := false, 0
	for k := a; k < b; k++ {
		if s.spanKind(k) == kNull && s.opts.LooseCompounds && !notModifier[s.toks[k].w] && loose < 3 {
			mods = true
			loose++
			continue
		}
		switch s.spanKind(k) {
		case kConj:
			if (s.toks[k].w != "AND" && s.toks[k].w != "NOR") || mods {
				return false, false
			}
			and = true
		case kComma:
			if mods {
				return false, false
			}
		case kDeterm, kAdj:
			mods = true
		default:
			return false, false
		}
	}
	return true, and
}

// pronouns makes units for HE/SHE/IT (first actor), ITS/HIS/HER (first
// actor before) and THEY/THEM/THEIR (first compound, else first actor).
func (s *sent) pronouns() {
	if s.extActors {
		return // the understanding layer resolved pronouns already
	}
	var add []unit
	for i, t := range s.toks {
		if s.spanKind(i) != kPronoun || s.expletive(i) {
			continue
		}
		plural := t.w == "THEY" || t.w == "THEM" || t.w == "THEIR"
		if s.prev != nil && (len(s.units) == 0 || s.units[0].start > i) && (!plural || s.prev.Compound) {
			add = append(add, unit{start: i, end: i + 1, codes: s.prev.Codes, base: s.prev.Codes, compound: s.prev.Compound, text: t.w, src: "pronoun " + t.w + " = " + s.prev.Text})
			continue
		}
		if len(s.units) == 0 {
			continue
		}
		var ref *unit
		switch t.w {
		case "THEY", "THEM", "THEIR":
			for k := range s.units {
				if s.units[k].compound && s.units[k].end <= i {
					ref = &s.units[k]
					break
				}
			}
			if ref == nil && s.units[0].end <= i {
				ref = &s.units[0]
			}
		default:
			if s.units[0].end <= i {
				ref = &s.units[0]
			}
		}
		if ref != nil {
			add = append(add, unit{start: i, end: i + 1, codes: ref.codes, base: ref.base, compound: ref.compound, text: t.w, src: "pronoun " + t.w})
		}
	}
	if len(add) == 0 {
		return
	}
	s.units = append(s.units, add...)
	sort.Slice(s.units, func(i, j int) bool { return s.units[i].start < s.units[j].start })
}

var expletiveNext = map[string]bool{"REPORTED": true, "SAID": true, "EXPECTED": true, "BELIEVED": true, "LIKELY": true, "UNLIKELY": true,
	"UNDERSTOOD": true, "NOTED": true, "ANNOUNCED": true, "ALLEGED": true, "CLAIMED": true, "ARGUED": true, "SUGGESTED": true, "CLEAR": true, "THOUGHT": true, "KNOWN": true, "POSSIBLE": true, "IMPORTANT": true, "UNCLEAR": true, "TIME": true, "NOT": true}

// expletive: "It is reported that ..." — an IT that refers to nothing.
func (s *sent) expletive(i int) bool {
	if s.toks[i].w != "IT" || i+2 >= len(s.toks) {
		return false
	}
	switch s.toks[i+1].w {
	case "IS", "WAS", "SEEMS", "SEEMED", "APPEARS", "REMAINS", "WILL", "WOULD", "HAS", "HAD":
	default:
		return false
	}
	n := s.toks[i+2].w
	if n == "BE" || n == "BEEN" || n == "ALSO" || n == "NOW" || n == "STILL" {
		if i+3 < len(s.toks) {
			n = s.toks[i+3].w
		}
	}
	return expletiveNext[n]
}

// notModifier: function words that end a noun phrase, so they cannot sit
// between the members of a compound actor.
var notModifier = map[string]bool{"OF": true, "IN": true, "ON": true, "AT": true, "TO": true, "FROM": true, "WITH": true, "FOR": true,
	"BY": true, "ABOUT": true, "AGAINST": true, "INTO": true, "OVER": true, "AFTER": true, "BEFORE": true, "BETWEEN": true, "THAT": true,
	"WHICH": true, "WHO": true, "WILL": true, "WOULD": true, "HAS": true, "HAVE": true, "HAD": true, "IS": true, "ARE": true, "WAS": true,
	"WERE": true, "NOT": true, "AS": true, "SAID": true, "ALSO": true, "WHILE": true, "WHEN": true, "IF": true, "THAN": true, "VIA": true}
