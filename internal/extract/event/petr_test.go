package event

import (
	"strings"
	"testing"

	"github.com/liaison-project/liaison/internal/extract/dict"
)

// petrVerbs, petrActors and petrAgents are a small PETRARCH-format
// dictionary set for the PETRARCH conventions below.
const (
	petrVerbs = `&CURRENCY
+DOLLAR
+AUSTRIAN FLORIN

&HYPERCURR
+AUSTRIAN GOLD FLORIN

--- CRITICIZE [111] ---
CRITICIZE

--- SAY [023] ---
SAY {SAID SAYS}

--- CONTRIBUTE [070] ---
CONTRIBUTE
- * &CURRENCY [903]
- * &HYPERCURR [904]

--- ABANDON [345] ---
ABANDON
- * EFFORT [987]

--- SHOULD [101] ---
SHOULD

--- ACT [100] ---
ACT
- INDICATED SHOULD * [1011]

--- LEFT [032:033] ---
LEFT

--- RISEN [---] ---
RISEN
- DEATH TOLL * [223]
`
	petrActors = "ARNOR [ARN]\nGONDOR [GON]\n"
	petrAgents = "CLERIC [~REL]\nOFFICIAL [~GOV]\nMILITARY {} [~MIL]\n"
)

func petrCoder(t *testing.T, opts *dict.Options) *Coder {
	t.Helper()
	d, err := dict.ParsePETRARCHVerbs(strings.NewReader(petrVerbs), "verbs")
	if err != nil {
		t.Fatal(err)
	}
	a, err := dict.ParsePETRARCHActors(strings.NewReader(petrActors), "actors")
	if err != nil {
		t.Fatal(err)
	}
	g, err := dict.ParsePETRARCHAgents(strings.NewReader(petrAgents), "agents")
	if err != nil {
		t.Fatal(err)
	}
	d.Merge(a)
	d.Merge(g)
	d.Options = opts
	return New(d, Config{Explain: true})
}

// TestPETRARCHConventions checks the PETRARCH-2 conventions the PETRARCH
// dictionary family switches on, each against the behaviour without it.
func TestPETRARCHConventions(t *testing.T) {
	petrWith := func(f func(*dict.Options)) *dict.Options {
		o := dict.PETRARCHOptions()
		f(o)
		return o
	}
	noDyad := dict.PETRARCHOptions()
	if err := noDyad.SetConfig("require_dyad", "False"); err != nil {
		t.Fatal(err)
	}
	ud := dict.UDPETRARCHOptions()
	if err := ud.SetConfig("require_dyad", "false"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		opts *dict.Options
		text string
		want string
	}{
		{"agent-only source", dict.PETRARCHOptions(), "Clerics criticized Gondor on Monday.", "---REL/GON/111"},
		{"agent-only off", petrWith(func(o *dict.Options) { o.AgentOnlyActors = false }), "Clerics criticized Gondor.", ""},
		{"named target before a bare agent", dict.PETRARCHOptions(), "Arnor criticized military exercises in Gondor.", "ARN/GON/111"},
		{"bare agent target when nothing else", dict.PETRARCHOptions(), "Arnor criticized the clerics.", "ARN/---REL/111"},
		{"dyad required: attribution not coded", dict.PETRARCHOptions(), "Arnor criticized the plan, a senior official said.", ""},
		{"no dyad: one-sided events", noDyad, "Arnor criticized the plan, a senior official said.", "---GOV/---/023 ARN/---/111"},
		{"no dyad, UD-PETRARCH: attribution silent", ud, "Arnor criticized the plan, a senior official said.", "ARN/---/111"},
		{"synonym phrase is consecutive", dict.PETRARCHOptions(), "Arnor will contribute austrian gold florin to Gondor.", "ARN/GON/904"},
		{"synonym phrase takes no inserted word", dict.PETRARCHOptions(), "Arnor will contribute austrian silver florin to Gondor.", "ARN/GON/070"},
		{"synonym takes a plural", dict.PETRARCHOptions(), "Arnor will contribute austrian florins to Gondor.", "ARN/GON/903"},
		{"pattern word exact", dict.PETRARCHOptions(), "Arnor abandoned the effort with Gondor.", "ARN/GON/987"},
		{"pattern word takes no plural", dict.PETRARCHOptions(), "Arnor abandoned efforts with Gondor.", "ARN/GON/345"},
		{"UD-PETRARCH pattern word takes a plural", dict.UDPETRARCHOptions(), "Arnor abandoned efforts with Gondor.", "ARN/GON/987"},
		{"modal defers to its verb", dict.PETRARCHOptions(), "Arnor indicated it should have acted against Gondor.", "ARN/GON/1011"},
		{"modal codes without the option", petrWith(func(o *dict.Options) { o.ModalDefers = false }), "Arnor indicated it should have acted against Gondor.", "ARN/GON/101"},
		{"equal synonym patterns: first wins without the option", petrWith(func(o *dict.Options) { o.SpecificSynsets = false }),
			"Arnor will contribute austrian gold florin or austrian florin to Gondor.", "ARN/GON/903"},
		{"equal synonym patterns: fuller match wins", dict.PETRARCHOptions(),
			"Arnor will contribute austrian gold florin or austrian florin to Gondor.", "ARN/GON/904"},
		{"AND between a verb and a noun still splits", dict.PETRARCHOptions(), "Arnor criticized Gondor and abandoned the effort.", "ARN/GON/111"},
		{"new actors from noun phrases", petrWith(func(o *dict.Options) { o.NewActorLength = 4 }),
			"Gryffindor's head Minerva McGonagall left for the Ministry of Magic on Wednesday.",
			`"GRYFFINDOR HEAD MINERVA MCGONAGALL"/"THE MINISTRY OF MAGIC"/032 "THE MINISTRY OF MAGIC"/"GRYFFINDOR HEAD MINERVA MCGONAGALL"/033`},
		{"new actor beside a dictionary actor", petrWith(func(o *dict.Options) { o.NewActorLength = 4 }),
			"Minerva McGonagall left for Gondor on Wednesday.", `"MINERVA MCGONAGALL"/GON/032 GON/"MINERVA MCGONAGALL"/033`},
		{"new actor longer than the limit", petrWith(func(o *dict.Options) { o.NewActorLength = 3 }),
			"Gryffindor's head Minerva McGonagall left for Gondor on Wednesday.", ""},
		{"no new actors by default", dict.PETRARCHOptions(), "Minerva McGonagall left for Gondor on Wednesday.", ""},
		{"uncoded nouns joined by AND", dict.PETRARCHOptions(), "Arnor's death and injury toll has risen in the dispute with Gondor.", "ARN/GON/223"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := petrCoder(t, tt.opts)
			res := c.CodeSentence(tt.text, 20200101, nil, nil)
			if got := triples(res.Events); got != tt.want {
				t.Errorf("%q\n got %q\nwant %q (%s)", tt.text, got, tt.want, res.Why)
				for _, e := range res.Events {
					t.Logf("  %s", e.Explain)
				}
			}
		})
	}
}
