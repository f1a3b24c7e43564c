package event

import "testing"

// TestMaxPatternGap: with the built-in options a pattern's words match at
// most five words apart (actors in between not counted); a literal word
// far along the clause belongs to another phrase. Loaded dictionaries keep
// their publishers' rule (anywhere in the clause).
func TestMaxPatternGap(t *testing.T) {
	c := builtin(t)
	tests := []struct{ name, text, want string }{
		{"adjacent", "France accused Rwanda of genocide.", "FRA/RWA/1124"},
		{"modifiers within the gap", "France accused Rwanda of the 1994 genocide.", "FRA/RWA/1124"},
		{"far apart", "France accused Rwanda of making unacceptable accusations by alleging Paris played an active role in the 1994 genocide.", "FRA/RWA/112"},
		{"actor not counted", "France accused Rwanda of helping the Central African Republic commit a terrible genocide.", "FRA/RWA/1124"},
	}
	for _, tt := range tests {
		if got := triples(c.CodeSentence(tt.text, 20230709, nil, nil).Events); got != tt.want {
			t.Errorf("%s: %q = %q, want %q", tt.name, tt.text, got, tt.want)
		}
	}
	o := c.Options().Clone()
	o.MaxPatternGap = 0
	const far = "France accused Rwanda of making unacceptable accusations by alleging Paris played an active role in the 1994 genocide."
	if got := triples(c.CodeSentence(far, 20230709, o, nil).Events); got != "FRA/RWA/1124" {
		t.Errorf("no gap limit: %q = %q, want FRA/RWA/1124 (the clause-wide match)", far, got)
	}
}
