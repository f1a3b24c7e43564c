package sqlite

import (
	"context"
	"encoding/json"
	"slices"
	"strings"

	"github.com/liaison-project/liaison"
)

// visible is THE visibility rule of the store, as an SQL predicate over the
// marking columns (mk_level, mk_rel, mk_caveats) of the table aliased alias.
// Every read query — get, list, search results, counts and snippets,
// aggregates, stats — ANDs it in, so no caller can forget it:
//
//   - no viewer in ctx: matches nothing;
//   - the system viewer: matches everything;
//   - otherwise: level <= clearance, AND releasable to every nation ('[]') or
//     to the viewer's nation, AND every caveat of the item held by the viewer;
//   - a viewer bounded by another (Viewer.Within: an admin viewing as a
//     nation): the rule above for each of them, ANDed, so "view as" only
//     narrows.
//
// It mirrors marking.Visible, against which the store tests check it. The
// returned args bind the predicate's placeholders, in order. The view cache
// keys on this text and these args, so a bounded viewer is cached apart.
func visible(ctx context.Context, alias string) (string, []any) {
	v, ok := liaison.ViewerFrom(ctx)
	if !ok {
		return "(0)", nil
	}
	return eachBound(v, func(b liaison.Viewer) (string, []any) { return markingRule(b, alias) })
}

// eachBound ANDs rule over v and every viewer bounding it (v.Bounds()): the
// one way the store's predicates apply Viewer.Within.
func eachBound(v liaison.Viewer, rule func(liaison.Viewer) (string, []any)) (string, []any) {
	bs := v.Bounds()
	pred, args := rule(bs[0])
	for _, b := range bs[1:] {
		p, a := rule(b)
		pred, args = "("+pred+" AND "+p+")", append(args, a...)
	}
	return pred, args
}

// markingRule is the marking part of visible for one viewer, ignoring what
// bounds it.
func markingRule(v liaison.Viewer, alias string) (string, []any) {
	if v.System {
		return "(1)", nil
	}
	a := alias + "."
	// Releasability: codes are plain [A-Z0-9_-] words, so a quoted code is a
	// whole JSON array element and instr() is exact and cheap. A nation that
	// is not such a word matches only items releasable to all.
	rel := a + "mk_rel = '[]'"
	var args []any
	args = append(args, v.Clearance)
	if plainCode(v.Nation) {
		rel = "(" + rel + " OR instr(" + a + "mk_rel, ?) > 0)"
		args = append(args, `"`+v.Nation+`"`)
	}
	cav, cargs := caveatsHeld(a, v.Caveats)
	args = append(args, cargs...)
	pred := "(" + a + "mk_level <= ? AND " + rel + " AND " + cav + ")"
	return pred, args
}

// caveatsHeld is the caveat part of the rule: every caveat of the item is
// held by the viewer. Items store caveats as a sorted, de-duplicated JSON
// array, so the arrays a viewer may read are exactly the sorted subsets of
// the caveats they hold: the check is one lookup in a set computed once per
// query. A viewer holding very many caveats gets the general (per-row JSON)
// form instead.
func caveatsHeld(a string, held []string) (string, []any) {
	h := slices.Clone(held)
	slices.Sort(h)
	h = slices.Compact(h)
	if len(h) > 10 {
		b, _ := json.Marshal(h) // []string always marshals
		return "(" + a + "mk_caveats = '[]' OR NOT EXISTS (SELECT 1 FROM json_each(" + a + "mk_caveats) c" +
			" WHERE c.value NOT IN (SELECT h.value FROM json_each(?) h)))", []any{string(b)}
	}
	if len(h) == 0 {
		return "(" + a + "mk_caveats = '[]')", nil
	}
	args := make([]any, 0, 1<<len(h))
	for mask := 0; mask < 1<<len(h); mask++ {
		var sub []string
		for i, c := range h {
			if mask&(1<<i) != 0 {
				sub = append(sub, c)
			}
		}
		args = append(args, jsonList(sub))
	}
	// A literal list: SQLite probes it without opening a table-valued
	// function per query.
	return "(" + a + "mk_caveats IN (?" + strings.Repeat(",?", len(args)-1) + "))", args
}

// plainCode reports whether s is a non-empty word of A-Z, a-z, 0-9, '_' or
// '-': the shape of nation codes.
func plainCode(s string) bool {
	if s == "" || len(s) > 32 {
		return false
	}
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '_', r == '-':
		default:
			return false
		}
	}
	return true
}

// markingCols are the stored form of a marking: rel and caveats as sorted,
// de-duplicated JSON arrays ('[]' when empty) so that the predicate above can
// compare them as text.
type markingCols struct {
	Class   string
	Level   int
	Rel     string
	Groups  string
	Caveats string
}

// toCols converts a marking to its stored columns.
func toCols(m liaison.Marking) markingCols {
	return markingCols{
		Class:   m.Classification,
		Level:   m.Level,
		Rel:     jsonSet(m.RelTo),
		Groups:  jsonList(m.Groups),
		Caveats: jsonSet(m.Caveats),
	}
}

// fromCols converts stored columns back to a marking.
func fromCols(c markingCols) liaison.Marking {
	return liaison.Marking{
		Classification: c.Class,
		Level:          c.Level,
		RelTo:          parseList(c.Rel),
		Groups:         parseList(c.Groups),
		Caveats:        parseList(c.Caveats),
	}
}

// stricter combines two markings into one at least as restricted as both:
// the higher level, the intersection of releasability (empty = all), the
// union of caveats. Events use it so they are never less restricted than
// their document.
//
// It is not marking.Combine (the banner rule), though the level, the
// classification name, RelTo and the caveats agree once stored (toCols
// sorts and dedupes RelTo and caveats). They differ in Groups, the REL TO
// as written, which is stored as it is and printed on the event:
//   - an event whose own list names more nations than its document's
//     (doc "REL TO FVEY", own "REL TO FVEY, FRA") keeps the document's
//     "REL TO FVEY" here; Combine keeps the written form only when every
//     list names the same nations and would print the five codes instead;
//   - a restricted marking without Groups (RelTo only, as markings made
//     in code are) passes on none here; Combine writes the codes into
//     Groups, a different stored marking (and marking number) for the
//     same printed text.
//
// Where they agree is "releasable to no nation": when the lists share no
// nation both give RelTo and Groups [liaison.NoNation], printed REL TO NONE.
func stricter(doc, own liaison.Marking) liaison.Marking {
	out := doc
	if own.Level > doc.Level {
		out.Level, out.Classification = own.Level, own.Classification
	}
	switch {
	case len(doc.RelTo) == 0:
		out.RelTo, out.Groups = own.RelTo, own.Groups
	case len(own.RelTo) > 0:
		var both []string
		for _, n := range doc.RelTo {
			if slices.Contains(own.RelTo, n) {
				both = append(both, n)
			}
		}
		if len(both) == 0 {
			// Releasable to nobody: stays non-empty, and is written so
			// (never the document's single nation it no longer goes to).
			out.RelTo, out.Groups = []string{nobody}, []string{nobody}
			break
		}
		out.RelTo = both
		if len(both) != len(doc.RelTo) {
			out.Groups = both
		}
	}
	out.Caveats = append(slices.Clone(doc.Caveats), own.Caveats...)
	return out
}

// nobody is the store's name for liaison.NoNation, the one releasability
// entry meaning "releasable to no nation": no viewer's nation can equal it
// (it is not a plain code, so the predicate above never matches it). It is
// written when an intersection of releasability is empty.
const nobody = liaison.NoNation

// checkMarking rejects a marking whose nation codes or caveats are not plain
// words: the predicate above relies on that shape.
func checkMarking(what string, m liaison.Marking) error {
	if m.Level < 0 {
		return liaison.Errorf(liaison.ErrInvalid, "%s: marking level %d is negative", what, m.Level)
	}
	for _, n := range m.RelTo {
		if !plainCode(n) && n != nobody {
			return liaison.Errorf(liaison.ErrInvalid, "%s: marking REL TO entry %q is not a nation code", what, n)
		}
	}
	for _, c := range m.Caveats {
		if c == "" {
			return liaison.Errorf(liaison.ErrInvalid, "%s: empty marking caveat", what)
		}
	}
	return nil
}

func jsonSet(xs []string) string {
	if len(xs) == 0 {
		return "[]"
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return jsonList(slices.Compact(s))
}

func jsonList(xs []string) string {
	if len(xs) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(xs)
	return string(b)
}

func parseList(s string) []string {
	var out []string
	if s == "" || s == "[]" {
		return nil
	}
	if err := json.Unmarshal([]byte(s), &out); err != nil || len(out) == 0 {
		return nil
	}
	return out
}
