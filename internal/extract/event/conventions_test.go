package event

import (
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison/internal/extract/dict"
)

// TestCAMEOConventions checks the built-in coder against the CAMEO
// manual's conventions (event codebook, actor codebook), one mechanism a
// row; each row fails if its mechanism is switched off or its data entry
// removed.
func TestCAMEOConventions(t *testing.T) {
	runRows(t, []codeRow{
		// event codebook
		{"040 meeting without place", "Iraq met with Syria on Tuesday.", "IRQ/SYR/040"},
		{"046 talks are negotiations, reciprocal", "Lebanon held talks with Israel.", "ISR/LBN/046 LBN/ISR/046"},
		{"195 air strike", "The United States launched an air strike against Iraq.", "USA/IRQ/195"},
		{"194 missiles are artillery/rocket fire", "Georgia launched missiles at Armenia.", "GEO/ARM/194"},
		{"193 fire at (small arms)", "Israeli troops fired at Egyptian soldiers.", "ISRMIL/EGYMIL/193"},
		{"190 fire X at (weapon unspecified)", "The United States fired anti-aircraft batteries at Russia.", "USA/RUS/190"},
		{"190 killings, weapon unspecified", "Rebels killed three Kenyan soldiers.", "---REB/KENMIL/190"},
		{"193 firefight", "Syrian rebels engaged Filipino soldiers in a firefight.", "SYRREB/PHLMIL/193"},
		{"072 military aid", "The United States will supply arms to Israel.", "USA/ISR/072"},
		{"receiving aid: the giver is the source", "Ukraine received weapons from the United States.", "USA/UKR/072"},
		{"receiving a minister: hosting", "Japan received the Chinese foreign minister.", "CHNGOV/JPN/042 JPN/CHNGOV/043"},
		{"a proposal is coded by what it proposes", "Germany proposed an amendment to the law.", ""},
		{"protest is 14", "Students protested against the Chinese government.", "---EDU/CHNGOV/140"},
		// modality at the sub-code of the governed verb
		{"intent keeps the sub-code (0332)", "The United States wants to supply arms to Israel.", "USA/ISR/0332"},
		{"intent to help (033)", "The United States wants to help Israel.", "USA/ISR/033"},
		{"threat to sanction (1312)", "Japan threatened to sanction China.", "JPN/CHN/1312"},
		{"appeal: the governed verb gives the sub-code, the appealee the target", "Japan urged China to supply arms to Russia.", "JPN/CHN/0232"},
		{"refusal keeps the sub-code (1222)", "Russia refused to supply arms to Syria.", "RUS/SYR/1222"},
		{"a pattern naming the governed verb stands", "Japan is hoping to join NATO.", "JPN/IGOWSTNAT/030"},
		{"without one, the governed verb's modality codes (host: 036)", "Japan is hoping to host a NATO office.", "JPN/IGOWSTNAT/036"},
		{"raising verb is no passive", "Japan is expected to visit China.", "JPN/CHN/036"},
		// actor codebook
		{"EU is IGOEUREEC", "Ukraine ratified an agreement with the European Union.", "UKR/IGOEUREEC/057"},
		{"IMF is IGOBUSIMF", "Greece criticized the IMF.", "GRC/IGOBUSIMF/111"},
		{"named legislature is LEG", "Ukrainian lawmakers endorsed the agreement with the European Union.", "UKRLEG/IGOEUREEC/051"},
		{"defence minister is GOVMIL", "The Japanese defence minister criticized China.", "JPNGOVMIL/CHN/111"},
		{"demonstrators are OPP", "Georgian demonstrators criticized the Georgian government.", "GEOOPP/GEOGOV/111"},
		{"agent-only actor for an unattributed role", "The government criticized China.", "---GOV/CHN/111"},
		{"an agent after OF is no actor", "NATO criticized the deployment of troops to Japan.", "IGOWSTNAT/JPN/111"},
		{"agent in + country", "A court in Guyana has issued arrest warrants for two Brazilian men.", "GUYJUD/BRA/173"},
		{"every country", "Rwanda accused France.", "RWA/FRA/112"},
		{"US in capitals is the country", "The US criticized Iran.", "USA/IRN/111"},
		{"us in lower case is a pronoun", "They told us Iran attacked Iraq.", "IRN/IRQ/190"},
	})
}

// TestExternalActorConventions: the understanding layer's actors take the
// built-in agents and modifiers around them as the dictionaries' own do.
func TestExternalActorConventions(t *testing.T) {
	c := builtin(t)
	ext := func(text string, spans ...string) []ExtActor {
		var out []ExtActor
		for _, s := range spans {
			name, code, _ := strings.Cut(s, "=")
			i := strings.Index(text, name)
			out = append(out, ExtActor{Start: len([]rune(text[:i])), End: len([]rune(text[:i+len(name)])), Code: code, Text: name})
		}
		return out
	}
	tests := []struct {
		name, text string
		spans      []string
		want       string
	}{
		{"agent folds into an external actor", "A court in Guyana jailed two Brazilian men.", []string{"Guyana=GUY", "Brazilian=BRA"}, "GUYJUD/BRA/173"},
		{"agent of an external actor is no agent-only actor", "A patrol vessel of the Italian Navy visited Japan.", []string{"Italian Navy=ITAMIL", "Japan=JPN"},
			"ITAMIL/JPN/042 JPN/ITAMIL/043"},
		{"hyphen-glued actor modifies the noun", "The Al Qaeda-linked Somali militants claimed responsibility for an attack in Kenya.",
			[]string{"Al Qaeda=IMGMOSALQ", "Somali militants=SOMREB", "Kenya=KEN"}, "SOMREB/KEN/015"},
		{"a country adjective shares the next actor's role", "US and British activists staged a protest in China.",
			[]string{"US=USA", "British activists=GBROPP", "China=CHN"}, "GBROPP/CHN/141 USAOPP/CHN/141"},
		{"a country noun does not", "Russia and Chinese officials criticized Japan.", []string{"Russia=RUS", "Chinese officials=CHNGOV", "Japan=JPN"},
			"CHNGOV/JPN/111 RUS/JPN/111"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := c.CodeSentence(tt.text, 20150101, nil, ext(tt.text, tt.spans...))
			if got := triples(res.Events); got != tt.want {
				t.Errorf("%q\n got %q\nwant %q (%s)", tt.text, got, tt.want, res.Why)
			}
		})
	}
}

// TestConventionSwitches: the built-in options that carry the conventions
// change the coding when switched off.
func TestConventionSwitches(t *testing.T) {
	c := builtin(t)
	tests := []struct {
		name, text string
		off        func(o *dict.Options)
		want       string
	}{
		{"no agent-only actors", "The government criticized China.", func(o *dict.Options) { o.AgentOnlyActors = false }, ""},
		{"no infinitive deferral", "Japan urged China to deliver aid to Russia.", func(o *dict.Options) { o.InfinitiveDefers = false }, "JPN/CHN/020"},
		{"a raising verb codes as without passive detection", "Japan is expected to visit China.", func(o *dict.Options) { o.PassiveNoBy = false }, "JPN/CHN/036"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := c.Options().Clone()
			tt.off(o)
			res := c.CodeSentence(tt.text, 20150101, o, nil)
			if got := triples(res.Events); got != tt.want {
				t.Errorf("%q\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// FuzzCodeSentenceExternal codes arbitrary text with understanding-layer
// actors at arbitrary offsets (hyphen-glued, adjacent, overlapping): no
// panic, bounded time.
func FuzzCodeSentenceExternal(f *testing.F) {
	f.Add("US and British activists staged a protest in China.", uint16(0), uint16(2), uint16(7), uint16(24), "GBROPP")
	f.Add("The Al Qaeda-linked Somali group attacked Kenya.", uint16(4), uint16(12), uint16(0), uint16(48), "IMGMOSALQ")
	f.Add("A court in Guyana jailed a man-", uint16(11), uint16(17), uint16(30), uint16(31), "")
	f.Add("TOKYO, July 9 (Reuters) - Japan's Prime Minister will visit Vilnius.", uint16(0), uint16(5), uint16(26), uint16(48), "JPNGOV")
	c := builtin(f)
	f.Fuzz(func(t *testing.T, s string, a1, b1, a2, b2 uint16, code string) {
		n := len([]rune(s))
		span := func(a, b uint16, code string) ExtActor {
			st, en := int(a)%(n+1), int(b)%(n+1)
			return ExtActor{Start: min(st, en), End: max(st, en), Code: code, Text: "x"}
		}
		ext := []ExtActor{span(a1, b1, "USA"), span(a2, b2, code)}
		start := time.Now()
		_ = c.CodeSentence(s, 20230101, nil, ext)
		if el := time.Since(start); fuzzing() && el > time.Second {
			t.Errorf("took %v on %q", el, s)
		}
	})
}
