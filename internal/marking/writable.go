package marking

import (
	"slices"

	"github.com/liaison-project/liaison"
)

// Writable refuses (ErrInvalid) a marking the writer v could not read back:
// a writer may only write items they may read themselves. Without this an
// analyst who marks a note, report, proposal, message, attachment or feed
// above their clearance, or not releasable to their own nation, gets a
// success answer and the item then vanishes from their own view (and, for
// REL TO, may be shown to nations they did not mean). It is the one check
// every write path calls, so that all of them refuse alike.
//
// The rule is Visible's, so Writable(v, m) == nil exactly when Visible(v,
// m); the error names the first reason, in the order level, nation,
// caveats: "above your clearance NATO CONFIDENTIAL", "not releasable to
// JPN, your nation", "carries caveat ATOMAL, which you do not hold". p names
// the clearance (nil: the built-in policy). The system writes anything.
func Writable(p *Policy, v liaison.Viewer, m liaison.Marking) error {
	if Visible(v, m) {
		return nil
	}
	if p == nil {
		p = Default()
	}
	// Name the reason of the first bound (the viewer, then who bounds
	// them: an admin viewing as a nation) that may not read m.
	for _, b := range v.Bounds() {
		b.Within = nil
		if !Visible(b, m) {
			return unwritable(p, b, m)
		}
	}
	// Unreachable while Bounds lists every bound; refuse rather than admit.
	return liaison.Errorf(liaison.ErrInvalid, "marking %q: you may not read it, so you may not write it", Format(m))
}

// unwritable says why the unbounded viewer v may not read m.
func unwritable(p *Policy, v liaison.Viewer, m liaison.Marking) error {
	text := Format(m)
	if m.Level > v.Clearance {
		return liaison.Errorf(liaison.ErrInvalid, "marking %q: above your clearance %s; you may only write what you may read",
			text, p.LevelName(v.Clearance))
	}
	if len(m.RelTo) > 0 && (v.Nation == "" || v.Nation == liaison.NoNation || !slices.Contains(m.RelTo, v.Nation)) {
		nation := v.Nation
		if nation == "" || nation == liaison.NoNation {
			nation = "(none)"
		}
		return liaison.Errorf(liaison.ErrInvalid, "marking %q: not releasable to %s, your nation; you may only write what you may read",
			text, nation)
	}
	for _, c := range m.Caveats {
		if !slices.Contains(v.Caveats, c) {
			return liaison.Errorf(liaison.ErrInvalid, "marking %q: carries caveat %s, which you do not hold; you may only write what you may read",
				text, c)
		}
	}
	return liaison.Errorf(liaison.ErrInvalid, "marking %q: you may not read it, so you may not write it", text)
}

// Lowers reports whether replacing a kept item's marking old by m would
// lower it: m is not AtLeast old (a lower level, a wider REL TO, a caveat
// dropped), or m is unnamed — the zero classification, "unmarked" — where
// old is named. Stores refuse such a write where an item is overwritten in
// place (a feed re-subscribed by URL), because everything derived from the
// item afterwards (a feed's documents) would carry the lower marking, and
// readers who could not see it before would see it now.
func Lowers(m, old liaison.Marking) bool {
	return !AtLeast(m, old) || (m.Classification == "" && old.Classification != "")
}
