package dict

import "testing"

// TestBuiltinCoverage checks the embedded dictionary loads, has at least
// 2,000 verb/noun patterns and covers every CAMEO root 01-20.
func TestBuiltinCoverage(t *testing.T) {
	d, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	n, roots := 0, map[string]bool{}
	for _, v := range d.Verbs {
		if v.Code.Code != CodeNull {
			n++
			roots[v.Code.Code[:2]] = true
		}
		for _, p := range v.Patterns {
			n++
			if len(p.Code.Code) >= 2 && p.Code.Code != CodeNull {
				roots[p.Code.Code[:2]] = true
			}
		}
	}
	t.Logf("%d verbs/nouns, %d patterns (incl. defaults), %d actors, %d agents", len(d.Verbs), n, len(d.Actors), len(d.Agents))
	if n < 2000 {
		t.Errorf("built-in patterns = %d, want >= 2000", n)
	}
	for r := 1; r <= 20; r++ {
		root := string(rune('0'+r/10)) + string(rune('0'+r%10))
		if !roots[root] {
			t.Errorf("CAMEO root %s not covered", root)
		}
	}
}
