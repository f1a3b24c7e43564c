package dict

import (
	"strings"
	"testing"
)

// TestModalCode checks the modality tables against the CAMEO event
// codebook's mirrored sub-codes.
func TestModalCode(t *testing.T) {
	tests := []struct{ kind, code, want string }{
		{ModalIntent, "072", "0332"}, {ModalIntent, "0721", "0332"}, {ModalIntent, "046", "036"}, {ModalIntent, "045", "039"},
		{ModalIntent, "0841", "0353"}, {ModalIntent, "061", "0311"}, {ModalIntent, "057", "032"}, {ModalIntent, "190", "1384"},
		{ModalIntent, "163", "1312"}, {ModalIntent, "010", ""}, {ModalIntent, "112", ""},
		{ModalAppeal, "072", "0232"}, {ModalAppeal, "084", "0253"}, {ModalAppeal, "040", "026"}, {ModalAppeal, "190", ""},
		{ModalRefuse, "072", "1222"}, {ModalRefuse, "046", "125"}, {ModalRefuse, "0831", "1231"},
		{ModalThreat, "191", "1381"}, {ModalThreat, "204", "1385"}, {ModalThreat, "172", "132"}, {ModalThreat, "042", ""},
	}
	for _, tt := range tests {
		if got := ModalCode(tt.kind, tt.code); got != tt.want {
			t.Errorf("ModalCode(%s, %s) = %q, want %q", tt.kind, tt.code, got, tt.want)
		}
	}
}

// TestBuiltinModalPatterns: every anchor with a re-codable default or
// pattern gets modal patterns, tried before its own (modalFirst).
func TestBuiltinModalPatterns(t *testing.T) {
	d, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, v := range d.Verbs {
		if len(v.Forms) == 0 || !strings.EqualFold(v.Forms[0].Text, "supply") {
			continue
		}
		found = true
		kinds := map[string]bool{}
		seenOwn := false
		for _, p := range v.Patterns {
			if p.Modal == "" {
				seenOwn = true
				continue
			}
			if seenOwn {
				t.Errorf("modal pattern %q after the anchor's own patterns", p.Text)
			}
			kinds[p.Modal] = true
		}
		for _, k := range []string{ModalIntent, ModalAppeal, ModalRefuse} {
			if !kinds[k] {
				t.Errorf("supply: no %s pattern (default %v)", k, v.Code)
			}
		}
	}
	if !found {
		t.Fatal("no SUPPLY anchor in the built-in patterns")
	}
}

// TestSynsetLen: in the built-in dictionaries a synonym set counts as its
// shortest member, so a pattern naming one ranks above a bare preposition.
func TestSynsetLen(t *testing.T) {
	syn := map[string][][]Elem{}
	o := ParseOpts{NoStem: true, Synsets: syn}
	if err := builtinSynset(&Dict{Synsets: syn}, "&ARMS = arms, weapons", o); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		on   bool
		want int
	}{{false, 2}, {true, 6}} {
		o.SynsetLen = tc.on
		es, err := ParsePhrase("* &ARMS to", o)
		if err != nil {
			t.Fatal(err)
		}
		if got := (Phrase{Elems: es}).Len(); got != tc.want {
			t.Errorf("SynsetLen=%v: length %d, want %d", tc.on, got, tc.want)
		}
	}
}

// TestBuiltinActorConventions: acronyms are marked case-sensitive and the
// IGO codes are the CAMEO actor codebook's.
func TestBuiltinActorConventions(t *testing.T) {
	d, err := ParseBuiltinActors(strings.NewReader("USA: United States, US\nIGOEUREEC: European Union, EU\n"), "t")
	if err != nil {
		t.Fatal(err)
	}
	acr := map[string]bool{}
	for _, a := range d.Actors {
		acr[a.Text] = a.Acronym
	}
	if !acr["US"] || !acr["EU"] || acr["United States"] {
		t.Errorf("acronyms: %v", acr)
	}
	b, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"EUROPEAN UNION": "IGOEUREEC", "IMF": "IGOBUSIMF", "WORLD BANK": "IGOUNODEVWBK", "IAEA": "IGOUNOIAE", "G7": "IGOBUSGOS"}
	for _, a := range b.Actors {
		if w, ok := want[strings.ToUpper(a.Text)]; ok {
			if got := a.CodesAt(20150101); len(got) != 1 || got[0] != w {
				t.Errorf("%s = %v, want %s", a.Text, got, w)
			}
			delete(want, strings.ToUpper(a.Text))
		}
	}
	if len(want) > 0 {
		t.Errorf("not in the built-in actors: %v", want)
	}
}
