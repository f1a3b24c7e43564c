package dict

import (
	"strconv"
	"strings"
	"testing"
)

// MinBuiltinWritten is the floor on the built-in patterns written by the
// team (issue 4: at least 2,000), generated modality variants not counted.
const MinBuiltinWritten = 2000

// TestBuiltinCoverage checks the embedded dictionary loads, has at least
// 2,000 written verb/noun patterns (generated variants reported apart)
// and covers every CAMEO root 01-20 with written patterns.
func TestBuiltinCoverage(t *testing.T) {
	d, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	roots := map[string]int{}
	for _, v := range d.Verbs {
		if v.Code.Code != CodeNull && len(v.Code.Code) >= 2 {
			roots[v.Code.Code[:2]]++
		}
		for _, p := range v.Patterns {
			if p.Modal == "" && len(p.Code.Code) >= 2 && p.Code.Code != CodeNull {
				roots[p.Code.Code[:2]]++
			}
		}
	}
	written, generated := d.PatternCounts()
	t.Logf("%d verbs/nouns; %d written patterns (incl. default codes) + %d generated modality variants; %d actors, %d agents",
		len(d.Verbs), written, generated, len(d.Actors), len(d.Agents))
	var per []string
	for r := 1; r <= 20; r++ {
		root := string(rune('0'+r/10)) + string(rune('0'+r%10))
		per = append(per, root+":"+strconv.Itoa(roots[root]))
		if roots[root] < 30 {
			t.Errorf("CAMEO root %s has %d written patterns, want >= 30", root, roots[root])
		}
	}
	t.Logf("written patterns per root: %s", strings.Join(per, " "))
	if written < MinBuiltinWritten {
		t.Errorf("written built-in patterns = %d, want >= %d", written, MinBuiltinWritten)
	}
}

// TestPatternCounts: generated modality variants are counted apart from
// written lines.
func TestPatternCounts(t *testing.T) {
	d, err := ParseBuiltinPatterns(strings.NewReader("&INTENT = plans to, wants to\n040 *meet/met*\n040 $ *meet/met* with +\n111 *criticize*\n"), "t")
	if err != nil {
		t.Fatal(err)
	}
	w, g := d.PatternCounts()
	if w != 3 {
		t.Errorf("written = %d, want 3 (two defaults, one pattern)", w)
	}
	if g == 0 {
		t.Errorf("generated = 0, want the modality variants of both anchors")
	}
}
