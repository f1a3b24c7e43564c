package coord

import (
	"strings"
	"testing"
)

// sides rebuilds the old and new texts from a diff.
func sides(d []DiffLine) (string, string) {
	var a, b []string
	for _, l := range d {
		if l.Op != DiffAdd {
			a = append(a, l.Text)
		}
		if l.Op != DiffRemove {
			b = append(b, l.Text)
		}
	}
	return strings.Join(a, "\n"), strings.Join(b, "\n")
}

func TestLineDiff(t *testing.T) {
	tests := []struct {
		a, b string
		want string // ops
	}{
		{"", "", ""},
		{"a\nb\nc", "a\nb\nc", "   "},
		{"a\nb\nc", "a\nB\nc", " -+ "},
		{"a\nc", "a\nb\nc", " + "},
		{"a\nb\nc", "c", "-- "},
		{"", "x\ny", "++"},
	}
	for _, tc := range tests {
		d := LineDiff(tc.a, tc.b)
		var ops string
		for _, l := range d {
			ops += string(l.Op)
		}
		if ops != tc.want {
			t.Errorf("LineDiff(%q, %q) ops %q, want %q", tc.a, tc.b, ops, tc.want)
		}
	}
}

func FuzzLineDiff(f *testing.F) {
	f.Add("a\nb\nc", "a\nx\nc\nd")
	f.Add("", "x")
	f.Fuzz(func(t *testing.T, a, b string) {
		a, b = strings.TrimSuffix(a, "\n"), strings.TrimSuffix(b, "\n")
		if strings.Contains(a, "\n\n") || strings.Contains(b, "\n\n") || strings.HasSuffix(a, "\n") || strings.HasSuffix(b, "\n") {
			return // trailing empty lines are folded by splitLines
		}
		ga, gb := sides(LineDiff(a, b))
		if ga != a || gb != b {
			t.Fatalf("diff of %q → %q rebuilds %q → %q", a, b, ga, gb)
		}
	})
}
