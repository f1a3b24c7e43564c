package dict

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParsePhrase(t *testing.T) {
	tests := []struct {
		in    string
		opts  ParseOpts
		kinds []Kind
		words []string
		stem  []bool
		next  []bool
	}{
		{"- * DIPLOMATIC TIES", ParseOpts{}, []Kind{KVerb, KWord, KWord}, []string{"", "DIPLOMATIC", "TIES"}, []bool{false, true, true}, []bool{false, false, false}},
		{"IN_*", ParseOpts{}, []Kind{KWord, KVerb}, []string{"IN", ""}, []bool{false, false}, []bool{true, false}},
		{"IN_ *", ParseOpts{}, []Kind{KWord, KVerb}, []string{"IN", ""}, []bool{false, false}, []bool{false, false}},
		{"+ WAS * BY $", ParseOpts{}, []Kind{KTarget, KWord, KVerb, KWord, KSource}, nil, nil, nil},
		{"BACK~ POLICY", ParseOpts{}, []Kind{KWord, KWord}, []string{"BACK", "POLICY"}, []bool{true, true}, []bool{true, false}},
		{"BARAD-DUR", ParseOpts{}, []Kind{KWord, KWord}, []string{"BARAD", "DUR"}, []bool{false, true}, []bool{true, false}},
		{"visit", ParseOpts{NoStem: true}, []Kind{KWord}, []string{"VISIT"}, []bool{false}, nil},
	}
	for _, tt := range tests {
		es, err := ParsePhrase(strings.TrimPrefix(tt.in, "- "), tt.opts)
		if err != nil {
			t.Fatalf("%q: %v", tt.in, err)
		}
		if len(es) != len(tt.kinds) {
			t.Fatalf("%q: %d elems, want %d: %+v", tt.in, len(es), len(tt.kinds), es)
		}
		for i, e := range es {
			if e.Kind != tt.kinds[i] {
				t.Errorf("%q[%d] kind %d want %d", tt.in, i, e.Kind, tt.kinds[i])
			}
			if tt.words != nil && e.Word != tt.words[i] {
				t.Errorf("%q[%d] word %q want %q", tt.in, i, e.Word, tt.words[i])
			}
			if tt.stem != nil && e.Kind == KWord && e.Stem != tt.stem[i] {
				t.Errorf("%q[%d] stem %v want %v", tt.in, i, e.Stem, tt.stem[i])
			}
			if tt.next != nil && e.Next != tt.next[i] {
				t.Errorf("%q[%d] next %v want %v", tt.in, i, e.Next, tt.next[i])
			}
		}
	}
	alt, err := ParsePhrase("* FOR { SANCTIONS | BOYCOTT | EMBARGO }", ParseOpts{})
	if err != nil || len(alt) != 3 || alt[2].Kind != KAlt || len(alt[2].Alts) != 3 {
		t.Errorf("alternatives: %+v %v", alt, err)
	}
	for _, bad := range []string{"{ A | B", "A }", "&NOPE *"} {
		if _, err := ParsePhrase(bad, ParseOpts{Synsets: map[string][][]Elem{}}); err == nil {
			t.Errorf("%q: want error", bad)
		}
	}
}

func TestActorCodesAndDates(t *testing.T) {
	tests := []struct {
		codes string
		date  int
		want  string
	}{
		{"[HOB <950601] [HOBGOV 950601-990815] [HOBREB >990816]", 19940101, "HOB"},
		{"[HOB <950601] [HOBGOV 950601-990815] [HOBREB >990816]", 19970101, "HOBGOV"},
		{"[HOB <950601] [HOBGOV 950601-990815] [HOBREB >990816]", 20050101, "HOBREB"},
		{"[EGY < 911231] [UNO > 920101]", 19930101, "UNO"},
		{"[UNO 920101-991231] [EGY]", 20010101, "EGY"},
		{"[GME <901103]", 19950101, CodeNull},
		{"[USA/GMW/FRN]", 19950101, "USA/GMW/FRN"},
		{"[IGOWSTNAT 20091014-20141001]", 20120101, "IGOWSTNAT"},
	}
	for _, tt := range tests {
		cs, err := ParseActorCodes(tt.codes)
		if err != nil {
			t.Fatalf("%s: %v", tt.codes, err)
		}
		a := &Actor{Codes: cs}
		if got := strings.Join(a.CodesAt(tt.date), "/"); got != tt.want {
			t.Errorf("%s at %d = %s, want %s", tt.codes, tt.date, got, tt.want)
		}
	}
	for _, bad := range []string{"[ 991201-010114]", "[AAA950601-990815]", "[X 9913]", "no code"} {
		if _, err := ParseActorCodes(bad); err == nil {
			t.Errorf("%q: want error", bad)
		}
	}
}

func TestVerbCode(t *testing.T) {
	tests := []struct {
		in  string
		out VerbCode
	}{
		{"032:033", VerbCode{Code: "032", Paired: "033"}},
		{"023?", VerbCode{Code: "023", Sub: true}},
		{"111!", VerbCode{Code: "111", Dom: true}},
		{"- - -", VerbCode{Code: "---"}},
	}
	for _, tt := range tests {
		got, err := ParseVerbCode(tt.in)
		if err != nil || got != tt.out {
			t.Errorf("%q = %+v %v, want %+v", tt.in, got, err, tt.out)
		}
	}
}

func TestTABARIFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("t.verbs", "<SYNSETS>\n&TIES\n+RELATIONS\n+LINKS\n</SYNSETS>\nRESTOR  [064]\n- * &TIES [065]\n- NOT * [112]\nBREAK_ [1717]\n{ BROKE_ BROKEN_ }\n- * OFF_ [195]\n~~FINISH\n")
	write("t.actors", "<NOUN>\nBEES\n</NOUN>\nGONDOR\n+MINAS_TIRITH\n\t[GON]\nARNOR [ARN] ; comment\n")
	write("t.agents", "PRESIDENT_ [~GOVPRS]\n")
	write("t.options", "COMPLEX: VERBS[5] NOACTPRIOR\nCOMMA: MIN = 1 MAX = 8\nSET: CODE BY SENTENCE\n")
	write("t.project", "x\n<actorsfile> t.actors\n<verbsfile> t.verbs\n<agentsfile> t.agents\n<optionsfile> t.options\n<textfile> t.text\n")
	p, err := LoadTABARIProject(filepath.Join(dir, "t.project"))
	if err != nil {
		t.Fatal(err)
	}
	d := p.Dict
	if len(d.Verbs) != 2 || len(d.Verbs[0].Patterns) != 2 || len(d.Verbs[1].Forms) != 3 {
		t.Errorf("verbs: %+v", d.Verbs)
	}
	if len(d.Actors) != 3 || d.Actors[1].Parent != "GONDOR" || len(d.Nouns) != 1 {
		t.Errorf("actors: %d nouns %d", len(d.Actors), len(d.Nouns))
	}
	if len(d.Agents) != 1 || d.Agents[0].Code != "~GOVPRS" {
		t.Errorf("agents: %+v", d.Agents)
	}
	o := d.Options
	if o.CxVerbs != 5 || !o.CxNoActPrior || o.CommaMin != 1 || o.CommaMax != 8 || o.CodeBy != BySentence {
		t.Errorf("options: %+v", o)
	}
	if !strings.HasSuffix(p.TextFile, "t.text") {
		t.Errorf("text file %q", p.TextFile)
	}
	write("bad.verbs", "- * X [011]\n")
	if _, err := loadFile(filepath.Join(dir, "bad.verbs"), ParseTABARIVerbs); err == nil || !strings.Contains(err.Error(), "bad.verbs:1") {
		t.Errorf("pattern before verb: %v", err)
	}
	if _, err := LoadTABARIProject(filepath.Join(dir, "missing.project")); err == nil {
		t.Error("missing project: want error")
	}
}

func TestPETRARCHFiles(t *testing.T) {
	verbs := "&CURRENCY\n+DOLLAR\n+EURO\n\n--- GIVE [070] ---\nGIVE {GAVE GIVEN}\nDONATE [073]\n- * &CURRENCY (TO +) [071] # money\n- * {ARMS SHIPMENT} [072]\n"
	d, err := ParsePETRARCHVerbs(strings.NewReader(verbs), "v")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Verbs) != 2 || d.Verbs[1].Code.Code != "073" || len(d.Verbs[0].Patterns) != 2 || len(d.Synsets["CURRENCY"]) != 2 {
		t.Errorf("verbs: %+v", d.Verbs)
	}
	actors := "<!-- c -->\nAFGHANISTAN_ [AFG]\n+AFGHAN_\n+KABUL_ # capital\nKARZAI_\n\t[AFGGOV 011222-141231]\n\t[AFGELI]\n"
	a, err := ParsePETRARCHActors(strings.NewReader(actors), "a")
	if err != nil || len(a.Actors) != 4 {
		t.Fatalf("actors: %v %d", err, len(a.Actors))
	}
	if got := a.Actors[3].CodesAt(20050101); got[0] != "AFGGOV" {
		t.Errorf("karzai 2005 = %v", got)
	}
	agents := "!PERSON! = MAN, WOMAN\nCONGRESS!PERSON! [~LEG]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\n"
	g, err := ParsePETRARCHAgents(strings.NewReader(agents), "g")
	if err != nil || len(g.Agents) != 4 {
		t.Errorf("agents: %v %d", err, len(g.Agents))
	}
	disc, err := ParsePETRARCHDiscards(strings.NewReader("+World Golf Championships # x\nBASEBALL\n"), "d")
	if err != nil || len(disc.Discards) != 2 || !disc.Discards[0].Story {
		t.Errorf("discards: %v %+v", err, disc.Discards)
	}
}

func TestRegularForms(t *testing.T) {
	tests := map[string]string{
		"VISIT": "VISITS VISITED VISITING",
		"STOP":  "STOPS STOPPED STOPPING STOPPED STOPPING",
		"HOST":  "HOSTS HOSTED HOSTING",
		"ARGUE": "ARGUES ARGUED ARGUING",
		"DENY":  "DENIES DENIED DENYING",
		"PUSH":  "PUSHES PUSHED PUSHING",
	}
	for in, want := range tests {
		got := strings.Join(RegularForms(in), " ")
		for _, w := range strings.Fields(want) {
			if !strings.Contains(" "+got+" ", " "+w+" ") {
				t.Errorf("%s: %q lacks %s", in, got, w)
			}
		}
	}
}

func TestBuiltinFormatErrors(t *testing.T) {
	for _, bad := range []string{"040", "040 talks with +", "&X", "xyz *a* { b"} {
		if _, err := ParseBuiltinPatterns(strings.NewReader(bad), "p"); err == nil {
			t.Errorf("%q: want error", bad)
		}
	}
	if _, err := ParseBuiltinActors(strings.NewReader("JPN Japan\n"), "a"); err == nil {
		t.Error("actor line without colon: want error")
	}
}
