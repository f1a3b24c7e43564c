package actor

import (
	"strings"

	"github.com/liaison-project/liaison"
)

// notAgents are role words too generic to stand alone as an actor ("the
// company", "people", "the head"): they name an actor only with a country
// or organisation ("Japanese companies", "UN head").
var notAgents = set(`people population public head chief director secretary chair chairman chairwoman leader
leaders leadership industry business businesses company companies firm firms aircraft jets fleet division brigade
battalion regiment garrison artillery union university universities newspaper media delegation embassy presidency
secretary_general general_secretary director_general general official gen adm col lt capt sgt maj`)

// agentOnly emits a bare role word ("Police", "the rebels", "the envoy"
// when no person it could refer to is known) as an agent without a
// country: ---COP, ---REB, ---GOV, the convention of the CAMEO coders for
// an unattributed role. Not after "of" ("the deployment of troops" names
// no participant), not before it (the owner that follows is the actor),
// and not for the generic words of notAgents.
func (d *doc) agentOnly(c *chain) {
	r := c.rl
	name := strings.ReplaceAll(strings.ToLower(d.text(c.start, c.end)), " ", "_")
	if notAgents[name] || (c.start > 0 && d.toks[c.start-1].Lower == "of") {
		return
	}
	if c.end < len(d.toks) && d.toks[c.end].Lower == "of" {
		return // "patrol vessel of the Italian Navy": the owner that follows is the actor
	}
	if r.title && c.start > 0 && d.toks[c.start-1].Cap && d.toks[c.start-1].Word && !d.sentenceInitial(c.start-1) {
		return // "Foreign Minister" after a name: an apposition the compound rules did not take
	}
	kind := r.kind
	if r.person {
		kind = KindPerson
	}
	d.out = append(d.out, liaison.ActorMention{Text: d.text(c.start, c.end), Name: strings.ToLower(d.text(c.start, c.end)),
		Code: "---" + r.code, Kind: kind, Start: d.toks[c.start].Start, End: d.toks[c.end-1].End, Sentence: d.sentOf[c.start]})
}
