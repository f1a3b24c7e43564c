package event

import (
	"sort"

	"github.com/liaison-project/liaison/internal/extract/dict"
)

// buildUnits folds agents into adjacent actors, links compound actors and
// resolves pronouns, giving the actor units the patterns bind to.
func (s *sent) buildUnits(o *dict.Options) {
	b := &unitBuilder{s: s, o: o, attached: map[int][]int{}}
	b.collectActs()
	agents := s.agentSpans()
	for _, k := range agents {
		b.attachAgent(k)
	}
	if o.DistributeAgents {
		s.shareAgents(agents, b.attached, b.shareAgent)
	}
	for _, a := range s.loneAgents(agents, b.attached, o) {
		b.add(a)
	}
	s.units = s.compounds(b.units())
	s.pronouns()
}

// unitBuilder carries the actor mentions of one sentence while agents are
// folded into them, so that the steps of buildUnits share one place that
// keeps an actor's agents, AND alternatives and FORMER flags in step.
type unitBuilder struct {
	s        *sent
	o        *dict.Options
	acts     []act
	formers  [][]bool      // per act: each agent is FORMER
	attached map[int][]int // agent span -> actors
}

// add records an actor mention with no agents yet.
func (b *unitBuilder) add(a act) {
	b.acts, b.formers = append(b.acts, a), append(b.formers, nil)
}

// collectActs gathers the actor spans of the sentence and then the
// understanding layer's actors, which agents fold into too ("a court in
// Guyana").
func (b *unitBuilder) collectActs() {
	for _, sp := range b.s.spans {
		if sp.kind == kActor {
			b.add(act{start: sp.start, end: sp.end, base: sp.codes, src: sp.e.actor.Src})
		}
	}
	for _, a := range b.s.externalActs(b.acts, b.o) {
		b.add(a)
	}
}

// agentSpans lists the indexes of the agent spans, in sentence order.
func (s *sent) agentSpans() []int {
	var agents []int
	for k, sp := range s.spans {
		if sp.kind == kAgent {
			agents = append(agents, k)
		}
	}
	return agents
}

// attach adds an agent code to actor a, widening its extent to from..to.
func (b *unitBuilder) attach(a int, code string, former bool, from, to int) {
	ac := &b.acts[a]
	ac.agents = append(ac.agents, code)
	ac.alt = append(ac.alt, false)
	b.formers[a] = append(b.formers[a], former)
	ac.start, ac.end = min(ac.start, from), max(ac.end, to)
}

// attachAgent attaches agent span k to the actor it belongs to and, when
// agents are distributed, to the actors joined with that one.
func (b *unitBuilder) attachAgent(k int) {
	s := b.s
	sp := s.spans[k]
	code := sp.codes[0]
	former := sp.start > 0 && s.toks[sp.start-1].w == "FORMER"
	target, viaPrep := s.agentTarget(b.acts, sp, former)
	if target < 0 {
		return
	}
	former = former || (b.acts[target].start > 0 && s.toks[b.acts[target].start-1].w == "FORMER")
	b.attach(target, code, former, sp.start, sp.end)
	b.attached[k] = []int{target}
	if !b.o.DistributeAgents {
		return
	}
	if !viaPrep && b.acts[target].end == sp.end {
		b.distributeBack(k, target, code, former)
	}
	if viaPrep {
		b.distributeForward(k, target, code, former)
	}
}

// distributeBack gives a following agent to every adjectival member joined
// before its actor ("US and British activists": both are activists).
func (b *unitBuilder) distributeBack(k, target int, code string, former bool) {
	acts := b.acts
	for j := target; j > 0 && b.s.adjectivalJoin(acts[j-1].end, acts[j].start); j-- {
		b.attach(j-1, code, former, acts[j-1].start, acts[j-1].end)
		b.attached[k] = append(b.attached[k], j-1)
	}
}

// distributeForward gives an agent attached through OF/IN/FROM to every
// actor joined after its target ("ministers of A and B").
func (b *unitBuilder) distributeForward(k, target int, code string, former bool) {
	acts := b.acts
	for j := target; j+1 < len(acts); j++ {
		if ok, _ := b.s.joinable(acts[j].end, acts[j+1].start); !ok {
			break
		}
		b.attach(j+1, code, former, acts[j+1].start, acts[j+1].end)
		b.attached[k] = append(b.attached[k], j+1)
	}
}

// shareAgent is shareAgents' attach step: agent k joins actor a as an
// alternative to the agent it was joined to by AND; only the nearest actor
// takes in the agent's words.
func (b *unitBuilder) shareAgent(a, k int, first bool) {
	sp := b.s.spans[k]
	if first {
		b.attach(a, sp.codes[0], false, sp.start, sp.end)
	} else {
		b.attach(a, sp.codes[0], false, b.acts[a].start, b.acts[a].end)
	}
	b.acts[a].alt[len(b.acts[a].alt)-1] = true
}

// units orders the actors by position and turns them into units, dropping
// an actor that overlaps the previous one (an agent attached from both
// sides merged them).
func (b *unitBuilder) units() []unit {
	acts := b.acts
	idx := make([]int, len(acts))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return acts[idx[i]].start < acts[idx[j]].start })
	var units []unit
	for _, i := range idx {
		a := &acts[i]
		if len(units) > 0 && a.start < units[len(units)-1].end {
			continue
		}
		units = append(units, unit{start: a.start, end: a.end, codes: a.codes(b.formers[i], b.o.StackAgents), base: a.base, text: b.s.textOf(a.start, a.end), src: a.src})
	}
	return units
}
