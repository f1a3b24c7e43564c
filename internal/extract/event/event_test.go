package event

import (
	"flag"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/extract/dict"
)

var (
	builtinOnce  sync.Once
	builtinCoder *Coder
	builtinErr   error
)

func builtin(t testing.TB) *Coder {
	builtinOnce.Do(func() { builtinCoder, builtinErr = NewBuiltin(Config{Explain: true}) })
	if builtinErr != nil {
		t.Fatal(builtinErr)
	}
	return builtinCoder
}

func triples(evs []Raw) string {
	var out []string
	for _, e := range evs {
		s := e.Source + "/" + e.Target + "/" + e.Code
		if e.Negated {
			s += "!neg"
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

// TestBuiltinMechanisms exercises the coder's general mechanisms with the
// built-in dictionaries, one per row.
func TestBuiltinMechanisms(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"simple verb", "Japan criticized China on Monday.", "JPN/CHN/111"},
		{"verb pattern", "Japan held talks with India in Tokyo.", "IND/JPN/046 JPN/IND/046"},
		{"noun phrase", "France expressed its formal opposition to NATO plans.", "FRA/IGOWSTNAT/110"},
		{"paired visit", "The Italian navy visited Japan last month.", "ITAMIL/JPN/042 JPN/ITAMIL/043"},
		{"compound source", "Japan, South Korea, New Zealand, and Australia will attend the NATO summit.",
			"AUS/IGOWSTNAT/044 JPN/IGOWSTNAT/044 KOR/IGOWSTNAT/044 NZL/IGOWSTNAT/044"},
		{"compound target", "Russia attacked Ukraine and Georgia.", "RUS/GEO/190 RUS/UKR/190"},
		{"passive with by", "Ukraine was attacked by Russia.", "RUS/UKR/190"},
		{"negation flagged", "China did not attend the summit with India.", "CHN/IND/044!neg"},
		{"intent", "Japan is hoping to host a NATO office.", "JPN/IGOWSTNAT/036"},
		{"generated intent", "India plans to visit Japan.", "IND/JPN/036"},
		{"appeal", "The United States urged China to negotiate with Taiwan.", "USA/CHN/026"},
		{"refusal", "Iran refused to negotiate with the United States.", "IRN/USA/125"},
		{"threat", "North Korea threatened to attack South Korea.", "PRK/KOR/138"},
		{"agents", "The Chinese foreign ministry condemned the Japanese government.", "CHNGOV/JPNGOV/111"},
		{"reported speech", "Japan said that China had attacked Taiwan.", "CHN/TWN/190"},
		{"statement only", "Japan said the region is stable, officials reported on Monday.", ""},
		{"sanctions", "The European Union imposed sanctions on Russia.", "IGOEUREEC/RUS/163"},
		{"second clause keeps subject", "Japan welcomed the agreement and pledged aid to Ukraine.", "JPN/UKR/033"},
		{"discard", "Brazil beat Argentina in the world cup final.", ""},
		{"intro phrase skipped", "Following the Madrid summit, Japan will visit Spain.", "ESP/JPN/043 JPN/ESP/042"},
		{"possessive agent across modifiers", "China's new foreign minister criticized Japan.", "CHNGOV/JPN/111"},
		{"hyphenated participle is an adjective", "The Russian-backed Syrian army attacked Turkey.", "SYRMIL/TUR/190"},
		{"relative clause supplies no target", "Japan, which criticized China last week, visited India.", "IND/JPN/043 JPN/IND/042"},
		{"main clause resumes after relative", "The NATO alliance, which met in Vilnius, condemned Russia.", "IGOWSTNAT/RUS/111"},
		{"verbless while phrase", "A Japanese envoy who was arrested while in Korea was expelled by China.", "CHN/JPNGOV/174"},
		{"expletive it with that", "It has been noted that China attacked Taiwan.", "CHN/TWN/190"},
		{"agent shared by adjectival compound", "Japanese and French officials criticized China.", "FRAGOV/CHN/111 JPNGOV/CHN/111"},
		{"agent not shared across a determiner", "Japan and the French government criticized China.", "FRAGOV/CHN/111 JPN/CHN/111"},
		{"negation stops at infinitive", "Japan did not try to attend the summit with India.", "JPN/IND/044"},
	}
	c := builtin(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := c.CodeSentence(tt.text, 20230709, nil, nil)
			if got := triples(res.Events); got != tt.want {
				t.Errorf("%q\n got %q\nwant %q (%s)", tt.text, got, tt.want, res.Why)
				for _, e := range res.Events {
					t.Logf("  %s", e.Explain)
				}
			}
		})
	}
}

// TestCodeDoc checks dates, places, CAMEO facts and explain on a document.
func TestCodeDoc(t *testing.T) {
	c := builtin(t)
	text := "Japan will attend the NATO summit in Vilnius on July 11. France criticized China."
	d := &Doc{
		Text:      text,
		Date:      time.Date(2023, 7, 9, 0, 0, 0, 0, time.UTC),
		Sentences: []liaison.Span{{Start: 0, End: 56}, {Start: 57, End: len([]rune(text))}},
		Places:    []liaison.PlaceMention{{Text: "Vilnius", Place: liaison.Place{Name: "Vilnius", Country: "LTU", Kind: "capital"}, Start: 36, End: 43, Sentence: 0}},
		Dates:     []liaison.DateMention{{Text: "July 11", Value: "2023-07-11", Start: 47, End: 54, Sentence: 0}},
	}
	evs := c.Code(d)
	if len(evs) != 2 {
		t.Fatalf("got %d events: %+v", len(evs), evs)
	}
	e := evs[0]
	if e.Source != "JPN" || e.Target != "IGOWSTNAT" || e.Root != "04" || e.Quad != 1 || e.Date != "2023-07-11" || e.Place == nil || e.Place.Name != "Vilnius" {
		t.Errorf("event 0: %+v", e)
	}
	if e.CAMEOName == "" || e.PLOVER == "" || e.Explain == "" || !strings.Contains(e.Explain, "patterns") {
		t.Errorf("event 0 facts: %+v", e)
	}
	if f := evs[1]; f.Date != "2023-07-09" || f.Place != nil || f.Sentence != 1 || f.Quad != 3 {
		t.Errorf("event 1: %+v", f)
	}
	if c.Code(nil) != nil || c.Code(&Doc{}) != nil {
		t.Error("empty docs should code nothing")
	}
}

// TestExternalActors: actors from the understanding layer win over the
// dictionaries' where they overlap.
func TestExternalActors(t *testing.T) {
	c := builtin(t)
	text := "Kishida met Biden in Washington."
	res := c.CodeSentence(text, 20230709, nil, []ExtActor{{Start: 0, End: 7, Code: "JPNGOV", Text: "Kishida"}, {Start: 12, End: 17, Code: "USAGOV", Text: "Biden"}})
	if got := triples(res.Events); got != "JPNGOV/USAGOV/040" {
		t.Errorf("got %q", got)
	}
}

func FuzzCodeSentence(f *testing.F) {
	for _, s := range []string{"Japan, South Korea and Australia will attend the NATO summit.", "It was attacked by , , and and",
		"\"\" ' ’s U.S. 1,000 -- ;;", strings.Repeat("Japan and China ", 50)} {
		f.Add(s)
	}
	c := builtin(f)
	f.Fuzz(func(t *testing.T, s string) {
		start := time.Now()
		_ = c.CodeSentence(s, 20230101, nil, nil)
		if d := time.Since(start); fuzzing() && d > time.Second {
			t.Errorf("took %v on %q", d, s)
		}
	})
}

// FuzzCodeSentenceAllOptions runs the coder with every optional mechanism
// switched on (PETRARCH and UD-PETRARCH conventions included): no panic,
// bounded time.
func FuzzCodeSentenceAllOptions(f *testing.F) {
	for _, s := range []string{"The Danish Islamist media and government warned their populations about Japan.",
		"A woman who shot at US officers while in detention was extradited to the United States.",
		"Neither Japan nor China, which met, boycotted the Al Qaeda-linked group that has seized Iraq.",
		"It has been noted that ^ ^ the the , , which who that",
		"Officials should have been and , said clerics and lawmakers, a senior official said."} {
		f.Add(s)
	}
	d, err := dict.Builtin()
	if err != nil {
		f.Fatal(err)
	}
	o := d.Options.Clone()
	o.PossessiveAgents, o.SubjectOverCompound, o.RelativeClauses, o.StackAgents = true, true, true, true
	o.SkipNounPhrase, o.VerbPhrasePatterns, o.KeepCodedCompounds, o.SplitContractions = true, true, true, true
	o.AgentOnlyActors, o.NullActors, o.SpecificSynsets, o.ExactPatternWords, o.ModalDefers, o.InfinitiveDefers = true, true, true, true, true, true
	o.NewActorLength = 4
	d.Options = o
	d.Negations = map[string]string{"110": "050", "050": "110"}
	c := New(d, Config{})
	f.Fuzz(func(t *testing.T, s string) {
		start := time.Now()
		_ = c.CodeSentence(s, 20230101, nil, nil)
		if el := time.Since(start); fuzzing() && el > time.Second {
			t.Errorf("took %v on %q", el, s)
		}
	})
}

// fuzzing reports a run under -fuzz: only then do the fuzz targets bound
// each input's time (a pathological input is a finding); plain test runs of
// their seeds assert no timing, which load would make flaky.
func fuzzing() bool {
	f := flag.Lookup("test.fuzz")
	return f != nil && f.Value.String() != ""
}
