package coord

import "strings"

// DiffOp says whether a line is kept, added or removed.
type DiffOp string

// Diff operations.
const (
	DiffSame   DiffOp = " "
	DiffAdd    DiffOp = "+"
	DiffRemove DiffOp = "-"
)

// DiffLine is one line of a line diff.
type DiffLine struct {
	Op   DiffOp `json:"op"`
	Text string `json:"text"`
}

// maxDiffCells bounds the LCS table; beyond it the diff is "all removed,
// all added", which is still correct, only less helpful.
const maxDiffCells = 4_000_000

// LineDiff returns the lines of a and b as a shortest edit script (longest
// common subsequence), removals before additions at each change, so a
// proposal page can show what each version changed.
func LineDiff(a, b string) []DiffLine {
	x, y := splitLines(a), splitLines(b)
	// Trim the common prefix and suffix: most amendments touch a few lines.
	pre := 0
	for pre < len(x) && pre < len(y) && x[pre] == y[pre] {
		pre++
	}
	suf := 0
	for suf < len(x)-pre && suf < len(y)-pre && x[len(x)-1-suf] == y[len(y)-1-suf] {
		suf++
	}
	var out []DiffLine
	for _, l := range x[:pre] {
		out = append(out, DiffLine{DiffSame, l})
	}
	out = append(out, lcsDiff(x[pre:len(x)-suf], y[pre:len(y)-suf])...)
	for _, l := range x[len(x)-suf:] {
		out = append(out, DiffLine{DiffSame, l})
	}
	return out
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

func lcsDiff(x, y []string) []DiffLine {
	var out []DiffLine
	if len(x)*len(y) > maxDiffCells || len(x) == 0 || len(y) == 0 {
		for _, l := range x {
			out = append(out, DiffLine{DiffRemove, l})
		}
		for _, l := range y {
			out = append(out, DiffLine{DiffAdd, l})
		}
		return out
	}
	// l[i][j] = LCS length of x[i:] and y[j:].
	w := len(y) + 1
	l := make([]int32, (len(x)+1)*w)
	for i := len(x) - 1; i >= 0; i-- {
		for j := len(y) - 1; j >= 0; j-- {
			if x[i] == y[j] {
				l[i*w+j] = l[(i+1)*w+j+1] + 1
			} else {
				l[i*w+j] = max(l[(i+1)*w+j], l[i*w+j+1])
			}
		}
	}
	i, j := 0, 0
	for i < len(x) && j < len(y) {
		switch {
		case x[i] == y[j]:
			out = append(out, DiffLine{DiffSame, x[i]})
			i++
			j++
		case l[(i+1)*w+j] >= l[i*w+j+1]:
			out = append(out, DiffLine{DiffRemove, x[i]})
			i++
		default:
			out = append(out, DiffLine{DiffAdd, y[j]})
			j++
		}
	}
	for ; i < len(x); i++ {
		out = append(out, DiffLine{DiffRemove, x[i]})
	}
	for ; j < len(y); j++ {
		out = append(out, DiffLine{DiffAdd, y[j]})
	}
	return out
}
