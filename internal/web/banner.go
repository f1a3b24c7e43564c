package web

import (
	"slices"
	"strings"

	"github.com/liaison-project/liaison"
)

// banner is the classification banner of a page: the marking text and the
// CSS class picking its colour.
type banner struct {
	Text  string
	Class string
}

// combine returns the marking a page holding all of ms must carry: the
// highest level, releasable only to the nations every item is releasable to,
// with every caveat. Groups are kept only when all releasability lists agree.
func combine(ms []liaison.Marking) liaison.Marking {
	var out liaison.Marking
	first := true
	var rel []string
	relSet := false
	sameRel := true
	for _, m := range ms {
		if first || m.Level > out.Level {
			out.Level, out.Classification = m.Level, m.Classification
		}
		first = false
		if len(m.RelTo) > 0 {
			if !relSet {
				rel, out.Groups, relSet = slices.Clone(m.RelTo), slices.Clone(m.Groups), true
			} else {
				if !slices.Equal(sortedCopy(rel), sortedCopy(m.RelTo)) {
					sameRel = false
				}
				rel = slices.DeleteFunc(rel, func(c string) bool { return !slices.Contains(m.RelTo, c) })
			}
		}
		for _, c := range m.Caveats {
			if !slices.Contains(out.Caveats, c) {
				out.Caveats = append(out.Caveats, c)
			}
		}
	}
	if relSet {
		out.RelTo = rel
		if len(rel) == 0 {
			out.RelTo = []string{"NONE"} // releasable to no nation in common
		}
	}
	if !sameRel {
		out.Groups = nil
	}
	slices.Sort(out.Caveats)
	return out
}

func sortedCopy(s []string) []string {
	c := slices.Clone(s)
	slices.Sort(c)
	return c
}

// bannerClass picks a colour by level and classification words.
func bannerClass(m liaison.Marking) string {
	c := strings.ToUpper(m.Classification)
	switch {
	case strings.Contains(c, "SECRET"):
		return "b-secret"
	case strings.Contains(c, "CONFIDENTIAL"):
		return "b-confidential"
	case strings.Contains(c, "RESTRICTED"):
		return "b-restricted"
	case strings.Contains(c, "UNCLASSIFIED"):
		return "b-unclassified"
	case m.Level == 0:
		return "b-public"
	default:
		return "b-restricted"
	}
}
