package dict

import (
	"strings"
	"testing"
)

// Fuzz targets: every loader must return an error or a dictionary, never
// panic, on arbitrary input.

func FuzzParsePhrase(f *testing.F) {
	for _, s := range []string{"- * &TIES TIES", "{ A | B }_C", "+ WAS * BY $", "A~ B_ C=", "&X_Y *"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = ParsePhrase(s, ParseOpts{Synsets: map[string][][]Elem{"X": nil}})
		_, _ = ParsePhrase(s, ParseOpts{NoStem: true, Lenient: true})
	})
}

func FuzzTABARIVerbs(f *testing.F) {
	f.Add("<SYNSETS>\n&T\n+A\n</SYNSETS>\nV [010]\n{ W_ }\n- * &T [011]\n")
	f.Fuzz(func(t *testing.T, s string) { _, _ = ParseTABARIVerbs(strings.NewReader(s), "f") })
}

func FuzzTABARIActors(f *testing.F) {
	f.Add("<NOUN>\nX\n</NOUN>\nA [AAA <950101] [BBB]\nB\n+C\n\t[CCC 950101-960101]\n")
	f.Fuzz(func(t *testing.T, s string) { _, _ = ParseTABARIActors(strings.NewReader(s), "f") })
}

func FuzzTABARIAgents(f *testing.F) {
	f.Add("PRESIDENT_ [~GOVPRS]\nRIGHTS_GROUP [NGO~]\n")
	f.Fuzz(func(t *testing.T, s string) { _, _ = ParseTABARIAgents(strings.NewReader(s), "f") })
}

func FuzzTABARIOptions(f *testing.F) {
	f.Add("COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR\nDEFAULT: SOURCE [X] PRIOR TARGET [Y] AFTER\nCOMMA: MIN=1 MAX=3\nSET: CODE ALL\n")
	f.Fuzz(func(t *testing.T, s string) { _, _ = ParseOptions(strings.NewReader(s), "f") })
}

func FuzzPETRARCHVerbs(f *testing.F) {
	f.Add("&C\n+D\n--- G [070] ---\nG {GAVE}\n- * &C (TO +) [071]\n")
	f.Fuzz(func(t *testing.T, s string) { _, _ = ParsePETRARCHVerbs(strings.NewReader(s), "f") })
}

func FuzzPETRARCHActors(f *testing.F) {
	f.Add("<!-- x -->\nA_ [AAA]\n+B_ # c\nC\n\t[CCC 20010101-20020101]\n")
	f.Fuzz(func(t *testing.T, s string) { _, _ = ParsePETRARCHActors(strings.NewReader(s), "f") })
}

func FuzzPETRARCHAgents(f *testing.F) {
	f.Add("!P! = MAN, MEN\nX!P! {} [~LEG]\n")
	f.Fuzz(func(t *testing.T, s string) { _, _ = ParsePETRARCHAgents(strings.NewReader(s), "f") })
}

func FuzzPETRARCHDiscards(f *testing.F) {
	f.Add("+A B # c\nC\n")
	f.Fuzz(func(t *testing.T, s string) { _, _ = ParsePETRARCHDiscards(strings.NewReader(s), "f") })
}

func FuzzBuiltinPatterns(f *testing.F) {
	f.Add("&M = talks, summit\n040 *hold/held* &M with +\n042:043 *visit*\n110 *n:opposition* to +\n")
	f.Fuzz(func(t *testing.T, s string) { _, _ = ParseBuiltinPatterns(strings.NewReader(s), "f") })
}

func FuzzBuiltinActors(f *testing.F) {
	f.Add("JPN: Japan, Japanese\n~MIL: navy\nUSAGOV 20210120-20250120: Biden\n")
	f.Fuzz(func(t *testing.T, s string) { _, _ = ParseBuiltinActors(strings.NewReader(s), "f") })
}
