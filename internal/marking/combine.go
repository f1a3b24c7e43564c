package marking

import (
	"slices"

	"github.com/liaison-project/liaison"
)

// Combine returns the marking a page — or an aggregate count — holding items
// marked ms must carry (the banner convention): the highest level (with its
// classification name, the first item's at that level); releasable only to
// the nations every restricted item is releasable to (an item releasable to
// all restricts nothing); every caveat, sorted. The REL TO as written
// (Groups) is the first restricted item's when every restricted list names
// the same nations, else the nations themselves. When the restricted lists
// share no nation the result is releasable to liaison.NoNation ("REL TO
// NONE"): only the system sees such a page.
//
// It exists once, here, because the web banner and the store's aggregate
// markings must agree: whoever may see Combine(ms...) may see every item of
// ms (AtLeast holds for each). Unlike Max it never fails — a banner must
// always be printable. No markings combine to the zero marking; callers
// substitute their floor.
func Combine(ms ...liaison.Marking) liaison.Marking {
	var out liaison.Marking
	var first, rel, groups []string
	restricted, same := false, true
	for i, m := range ms {
		if i == 0 || m.Level > out.Level {
			out.Level, out.Classification = m.Level, m.Classification
		}
		for _, c := range m.Caveats {
			out.Caveats = appendUnique(out.Caveats, c)
		}
		if len(m.RelTo) == 0 {
			continue
		}
		list := sortedSet(m.RelTo)
		if !restricted {
			first, rel, groups, restricted = list, slices.Clone(list), clone(m.Groups), true
			continue
		}
		same = same && slices.Equal(first, list)
		rel = slices.DeleteFunc(rel, func(n string) bool { return !slices.Contains(list, n) })
	}
	slices.Sort(out.Caveats)
	if !restricted {
		return out
	}
	// NoNation grants no nation, so it never stays beside real codes.
	rel = slices.DeleteFunc(rel, func(n string) bool { return n == liaison.NoNation })
	switch {
	case len(rel) == 0:
		out.RelTo, out.Groups = []string{liaison.NoNation}, []string{liaison.NoNation}
	case same && len(groups) > 0:
		out.RelTo, out.Groups = rel, groups
	default:
		out.RelTo, out.Groups = rel, clone(rel)
	}
	return out
}

// sortedSet returns s sorted without duplicates, as a new slice.
func sortedSet(s []string) []string {
	c := slices.Clone(s)
	slices.Sort(c)
	return slices.Compact(c)
}
