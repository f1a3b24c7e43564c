package dict

import (
	"errors"
	"strings"
	"testing"
)

// TestSetConfig checks the PETRARCH <Config> options the coder follows
// and the ones it accepts but ignores.
func TestSetConfig(t *testing.T) {
	o := PETRARCHOptions()
	commaMax := o.CommaMax
	for _, kv := range [][2]string{{"require_dyad", "False"}, {"new_actor_length", "4"}, {"comma_max", "0"}, {"stop_on_error", "True"}} {
		if err := o.SetConfig(kv[0], kv[1]); err != nil {
			t.Fatalf("%v: %v", kv, err)
		}
	}
	if !o.NullActors || o.NewActorLength != 4 {
		t.Errorf("require_dyad/new_actor_length not applied: %+v", o)
	}
	if o.CommaMax != commaMax {
		t.Errorf("comma_max changed the coder's comma handling: %d", o.CommaMax)
	}
	if err := o.SetConfig(" REQUIRE_DYAD ", "TRUE"); err != nil || o.NullActors {
		t.Errorf("require_dyad TRUE: %v %v", err, o.NullActors)
	}
	for _, kv := range [][2]string{{"require_dyad", "perhaps"}, {"new_actor_length", "-1"}, {"comma_min", "x"}} {
		if err := o.SetConfig(kv[0], kv[1]); !errors.Is(err, errSyntax) {
			t.Errorf("%v: err %v, want a syntax error", kv, err)
		}
	}
}

// TestPETRARCHSynonyms checks PETRARCH synonym-set semantics: phrases are
// consecutive words and their last word takes the regular plurals unless
// the phrase or the set's label ends with "_".
func TestPETRARCHSynonyms(t *testing.T) {
	verbs := "&MONEY\n+AUSTRIAN FLORIN\n+PIRATE GOLD_\n\n&AUX_\n+HAS\n\n--- GIVE [070] ---\nGIVE\n"
	d, err := ParsePETRARCHVerbs(strings.NewReader(verbs), "v")
	if err != nil {
		t.Fatal(err)
	}
	florin, gold := d.Synsets["MONEY"][0], d.Synsets["MONEY"][1]
	if !florin[0].Next || florin[1].Next || !florin[1].Plural || florin[0].Plural || !florin[0].Exact {
		t.Errorf("AUSTRIAN FLORIN: %+v", florin)
	}
	if gold[1].Plural || !gold[1].Exact {
		t.Errorf("PIRATE GOLD_ takes a plural: %+v", gold)
	}
	if has := d.Synsets["AUX"][0]; has[0].Plural || !has[0].Exact {
		t.Errorf("&AUX_ member takes a plural: %+v", has)
	}
}
