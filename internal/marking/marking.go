package marking

import (
	"fmt"
	"slices"
	"strings"

	"github.com/liaison-project/liaison"
)

// maxText bounds the length of a marking's text: markings are one line.
const maxText = 4096

// noneEntry is how the canonical text names liaison.NoNation: "REL TO NONE",
// releasable to no nation. It is reserved — Parse never resolves it as a
// nation or group — and stands alone in a REL TO.
const noneEntry = "NONE"

// Parse reads the canonical text form (see the package comment) under policy
// p, expanding groups with g. The result records both the entries as written
// (Groups) and the expansion (RelTo), so later membership changes alter no
// past marking. Errors wrap liaison.ErrInvalid and name the offending part.
func Parse(p *Policy, g Resolver, text string) (liaison.Marking, error) {
	var m liaison.Marking
	if len(text) > maxText {
		return m, liaison.Errorf(liaison.ErrInvalid, "marking is %d bytes long (limit %d)", len(text), maxText)
	}
	segs := strings.Split(text, "//")
	lvl, err := p.Level(segs[0])
	if err != nil {
		return m, liaison.Errorf(liaison.ErrInvalid, "marking %q: unknown classification %q (policy %q has %s)",
			text, normalise(segs[0]), p.Name, p.levelList())
	}
	m.Classification, m.Level = p.Levels[lvl].Name, lvl
	var rel []string
	seenRel := false
	for _, raw := range segs[1:] {
		s := normalise(raw)
		if entries, ok := cutRelTo(s); ok {
			if seenRel {
				return m, liaison.Errorf(liaison.ErrInvalid, "marking %q: more than one REL TO", text)
			}
			seenRel, rel = true, entries
			continue
		}
		if err := checkWord(s, "caveat"); err != nil {
			return m, liaison.Errorf(liaison.ErrInvalid, "marking %q: %v", text, err)
		}
		if strings.HasPrefix(s, "REL") {
			return m, liaison.Errorf(liaison.ErrInvalid, "marking %q: %q looks like a misspelt \"REL TO A, B\"", text, s)
		}
		if !p.caveatAllowed(s) {
			return m, liaison.Errorf(liaison.ErrInvalid, "marking %q: caveat %q is not in policy %q", text, s, p.Name)
		}
		m.Caveats = appendUnique(m.Caveats, s)
	}
	if seenRel && len(rel) == 0 {
		return m, liaison.Errorf(liaison.ErrInvalid, "marking %q: REL TO names no nation", text)
	}
	if !seenRel {
		rel = p.Levels[lvl].DefaultRelTo
	}
	slices.Sort(m.Caveats)
	if err := expand(&m, g, rel); err != nil {
		return liaison.Marking{}, liaison.Errorf(liaison.ErrInvalid, "marking %q: %v", text, err)
	}
	return m, nil
}

// cutRelTo splits "REL TO A, B" into its entries.
func cutRelTo(s string) ([]string, bool) {
	rest, ok := strings.CutPrefix(s, "REL TO")
	if !ok || (rest != "" && rest[0] != ' ' && rest[0] != ',') {
		return nil, false
	}
	var out []string
	for _, e := range strings.Split(rest, ",") {
		if e = normalise(e); e != "" {
			out = append(out, e)
		}
	}
	return out, true
}

// expand resolves REL TO entries into m.Groups (as written, canonical order)
// and m.RelTo (every nation, sorted).
func expand(m *liaison.Marking, g Resolver, entries []string) error {
	if len(entries) == 0 {
		return nil
	}
	if slices.Contains(entries, noneEntry) {
		if slices.ContainsFunc(entries, func(e string) bool { return e != noneEntry }) {
			return fmt.Errorf("REL TO %s: %s (releasable to no nation) stands alone", strings.Join(entries, ", "), noneEntry)
		}
		m.RelTo, m.Groups = []string{liaison.NoNation}, []string{liaison.NoNation}
		return nil
	}
	if g == nil {
		return fmt.Errorf("REL TO %s: no nations are known", strings.Join(entries, ", "))
	}
	var groups, nations, all []string
	for _, e := range entries {
		if err := checkEntry(e); err != nil {
			return err
		}
		members, isGroup, ok := g.Resolve(e)
		switch {
		case !ok:
			return fmt.Errorf("REL TO: %q is neither a known nation nor a known group", e)
		case isGroup && len(members) == 0:
			return fmt.Errorf("REL TO: group %q has no members at the marking date", e)
		case isGroup:
			groups = appendUnique(groups, e)
		default:
			nations = appendUnique(nations, e)
		}
		for _, n := range members {
			all = appendUnique(all, n)
		}
	}
	slices.Sort(groups)
	slices.Sort(all)
	var covered []string
	for _, gr := range groups {
		members, _, _ := g.Resolve(gr)
		covered = append(covered, members...)
	}
	slices.Sort(nations)
	nations = slices.DeleteFunc(nations, func(n string) bool { return slices.Contains(covered, n) })
	m.Groups = append(groups, nations...)
	m.RelTo = all
	return nil
}

// Format prints m in canonical form. Parse(p, g, Format(m)) returns m for any
// marking Parse, Max or Combine produced (with the same policy and group
// membership). liaison.NoNation prints as "NONE", so a banner over items
// releasable to no nation in common reads "REL TO NONE".
func Format(m liaison.Marking) string {
	var b strings.Builder
	b.WriteString(m.Classification)
	for _, c := range m.Caveats {
		b.WriteString(" // ")
		b.WriteString(c)
	}
	rel := m.Groups
	if len(rel) == 0 {
		rel = m.RelTo
	}
	if len(rel) > 0 {
		b.WriteString(" // REL TO ")
		for i, e := range rel {
			if i > 0 {
				b.WriteString(", ")
			}
			if e == liaison.NoNation {
				e = noneEntry
			}
			b.WriteString(e)
		}
	}
	return b.String()
}

// AtLeast reports whether m is at least as restricted as req — the order an
// item keeps to what it derives from (a report to what it cites, an
// attachment to its proposal or message): a level no lower, releasable to
// no nation req excludes (an empty REL TO is everyone), and every caveat of
// req. Everyone who may see m may then see req. liaison.NoNation in m
// releases to nobody, so it is within any list.
func AtLeast(m, req liaison.Marking) bool {
	if m.Level < req.Level {
		return false
	}
	if len(req.RelTo) > 0 {
		if len(m.RelTo) == 0 {
			return false
		}
		for _, n := range m.RelTo {
			if n != liaison.NoNation && !slices.Contains(req.RelTo, n) {
				return false
			}
		}
	}
	for _, c := range req.Caveats {
		if !slices.Contains(m.Caveats, c) {
			return false
		}
	}
	return true
}

// Max returns a marking at least as restricted as both a and b, for derived
// items: the higher level, the intersection of releasability and the union of
// caveats. It fails (ErrInvalid) when no nation may see both.
func Max(a, b liaison.Marking) (liaison.Marking, error) {
	out := a
	if b.Level > a.Level {
		out.Classification, out.Level = b.Classification, b.Level
	}
	out.Caveats = nil
	for _, c := range append(append([]string(nil), a.Caveats...), b.Caveats...) {
		out.Caveats = appendUnique(out.Caveats, c)
	}
	slices.Sort(out.Caveats)
	switch {
	case len(b.RelTo) == 0:
		out.RelTo, out.Groups = clone(a.RelTo), clone(a.Groups)
	case len(a.RelTo) == 0:
		out.RelTo, out.Groups = clone(b.RelTo), clone(b.Groups)
	case slices.Equal(a.RelTo, b.RelTo) && slices.Equal(a.Groups, b.Groups):
		out.RelTo, out.Groups = clone(a.RelTo), clone(a.Groups)
	default:
		out.RelTo = nil
		for _, n := range a.RelTo {
			if slices.Contains(b.RelTo, n) {
				out.RelTo = appendUnique(out.RelTo, n)
			}
		}
		if len(out.RelTo) == 0 {
			return liaison.Marking{}, liaison.Errorf(liaison.ErrInvalid,
				"markings %q and %q: no nation may see both", Format(a), Format(b))
		}
		slices.Sort(out.RelTo)
		out.Groups = clone(out.RelTo)
	}
	return out, nil
}

// Visible is the reference visibility rule, the specification the stores'
// SQL predicates are tested against: the system sees everything; otherwise
// the level must not exceed the clearance, the marking must be releasable to
// every nation or to the viewer's, and the viewer must hold every caveat.
// No viewer's nation matches liaison.NoNation (the stores admit only plain
// codes as a viewer's nation). A viewer bounded by another (v.Within: an
// admin viewing as a nation) sees only what both may see.
func Visible(v liaison.Viewer, m liaison.Marking) bool {
	for _, b := range v.Bounds() {
		if !visibleOne(b, m) {
			return false
		}
	}
	return true
}

// visibleOne is Visible for one viewer, ignoring what bounds it.
func visibleOne(v liaison.Viewer, m liaison.Marking) bool {
	if v.System {
		return true
	}
	if m.Level > v.Clearance {
		return false
	}
	if len(m.RelTo) > 0 && (v.Nation == liaison.NoNation || !slices.Contains(m.RelTo, v.Nation)) {
		return false
	}
	for _, c := range m.Caveats {
		if !slices.Contains(v.Caveats, c) {
			return false
		}
	}
	return true
}

// normalise upper-cases s and collapses runs of white space.
func normalise(s string) string {
	return strings.Join(strings.Fields(strings.ToUpper(s)), " ")
}

// checkWord accepts upper-case letters, digits, space, '-', '_', '+' and '.'.
func checkWord(s, what string) error {
	if s == "" {
		return fmt.Errorf("empty %s", what)
	}
	if len(s) > 64 {
		return fmt.Errorf("%s %q is longer than 64 bytes", what, s)
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune(" -_+.", r)) {
			return fmt.Errorf("%s %q contains %q", what, s, r)
		}
	}
	if strings.HasPrefix(s, "REL TO") {
		return fmt.Errorf("%s %q may not start with REL TO", what, s)
	}
	return nil
}

// checkEntry accepts a REL TO entry: 2-16 upper-case letters or digits.
func checkEntry(s string) error {
	if len(s) < 2 || len(s) > 16 {
		return fmt.Errorf("REL TO entry %q must be 2 to 16 letters or digits", s)
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return fmt.Errorf("REL TO entry %q contains %q", s, r)
		}
	}
	return nil
}

func appendUnique(s []string, v string) []string {
	if slices.Contains(s, v) {
		return s
	}
	return append(s, v)
}

func clone(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return append([]string(nil), s...)
}
