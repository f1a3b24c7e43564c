// Package actor finds the actors of a report and codes them in the CAMEO
// actor scheme: a country's ISO-3 code plus roles (JPNGOV, ITAMIL) or an
// international organisation's code (IGOWSTNAT for NATO).
//
// It knows every country (name, short names, demonyms, capital), the major
// international organisations, named government and military bodies, and
// office-holders with the dates of their terms (so "Kishida" is JPNGOV in
// 2023), composes country and role words ("Italian Navy", "the Japanese
// government", "French President Macron"), and resolves pronouns, short
// names and "the minister" to the last full mention in the document.
//
// # Dictionary format
//
// The built-in dictionaries (data/*.txt) and user dictionary files share one
// line format:
//
//	# comment
//	kind | name; name; ... | CODE [FROM..TO]; CODE ...
//
// kind is person, organisation, government, military, group or country.
// Names are matched case-insensitively on word boundaries, but must be
// capitalised in the text (all-capital names such as NATO must be written
// in capitals). A code may carry a term: FROM and TO are dates (YYYY,
// YYYY-MM or YYYY-MM-DD; TO exclusive; either may be empty). The code whose
// term covers the document date wins; a code without a term is the fallback.
// A term may name the offices it stands for, after an @ and joined by +
// (hos head of state, hog head of government, fm foreign minister, dm
// defence minister, mil military chief): "JPNGOV 2021-10-04..2024-10-01 @hog".
// Offices do not change the coding; they let the built-in table be checked
// for coverage (every required country and office at every date).
// Two-word person names also match in reverse order (Kishida Fumio / Fumio
// Kishida); a one-word person name is a short name.
package actor

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
)

// Kinds of actors, as reported in liaison.ActorMention.Kind.
const (
	KindPerson       = "person"
	KindCountry      = "country"
	KindOrganisation = "organisation"
	KindMilitary     = "military"
	KindGovernment   = "government"
	KindGroup        = "group"
)

// Term is a code that holds over a period (zero From or To is open).
// Office names the offices held in that period ("hog", "hos+hog"), when
// the dictionary says so.
type Term struct {
	Code     string
	From, To time.Time
	Office   string
}

// Offices a term may name: head of state, head of government, foreign
// minister, defence minister, military chief.
var Offices = []string{"hos", "hog", "fm", "dm", "mil"}

// HasOffice reports whether the term names office o.
func (t Term) HasOffice(o string) bool {
	for _, x := range strings.Split(t.Office, "+") {
		if x == o {
			return true
		}
	}
	return false
}

// Entry is one dictionary actor.
type Entry struct {
	Kind  string
	Names []string // Names[0] is the canonical name
	Terms []Term
}

// CodeAt returns the entry's code at date t: the latest-starting dated term
// covering t, else the first undated code, else the code of the nearest
// term. A zero t takes the most recent term.
func (e *Entry) CodeAt(t time.Time) string {
	best, fallback := -1, ""
	for i, tm := range e.Terms {
		if tm.From.IsZero() && tm.To.IsZero() {
			if fallback == "" {
				fallback = tm.Code
			}
			continue
		}
		if t.IsZero() || (!t.Before(tm.From) && (tm.To.IsZero() || t.Before(tm.To))) {
			if best < 0 || tm.From.After(e.Terms[best].From) {
				best = i
			}
		}
	}
	switch {
	case best >= 0:
		return e.Terms[best].Code
	case fallback != "":
		return fallback
	case len(e.Terms) > 0:
		return e.Terms[len(e.Terms)-1].Code
	}
	return ""
}

// ParseDictionary reads the project dictionary format. It returns the
// entries of the good lines and an error naming every bad line (the good
// lines are still usable).
func ParseDictionary(r io.Reader, name string) ([]Entry, error) {
	var out []Entry
	var bad []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for ln := 1; sc.Scan(); ln++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		e, err := parseLine(line)
		if err != nil {
			if len(bad) < 10 {
				bad = append(bad, fmt.Sprintf("%s:%d: %v", name, ln, err))
			}
			continue
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("read %s: %w", name, err)
	}
	if len(bad) > 0 {
		return out, fmt.Errorf("%w: %s", liaison.ErrInvalid, strings.Join(bad, "; "))
	}
	return out, nil
}

var kinds = map[string]bool{KindPerson: true, KindCountry: true, KindOrganisation: true, KindMilitary: true, KindGovernment: true, KindGroup: true}

func parseLine(line string) (Entry, error) {
	f := strings.Split(line, "|")
	if len(f) != 3 {
		return Entry{}, fmt.Errorf("want 'kind | names | codes', got %d fields", len(f))
	}
	e := Entry{Kind: strings.TrimSpace(f[0])}
	if !kinds[e.Kind] {
		return Entry{}, fmt.Errorf("unknown kind %q", e.Kind)
	}
	for _, n := range strings.Split(f[1], ";") {
		if n = strings.TrimSpace(n); n != "" {
			e.Names = append(e.Names, n)
		}
	}
	if len(e.Names) == 0 {
		return Entry{}, fmt.Errorf("no names")
	}
	for _, c := range strings.Split(f[2], ";") {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		tm, err := parseTerm(c)
		if err != nil {
			return Entry{}, err
		}
		e.Terms = append(e.Terms, tm)
	}
	if len(e.Terms) == 0 {
		return Entry{}, fmt.Errorf("no codes")
	}
	return e, nil
}

func parseTerm(s string) (Term, error) {
	code, span, _ := strings.Cut(s, " ")
	if !validCode(code) {
		return Term{}, fmt.Errorf("bad code %q", code)
	}
	t := Term{Code: code}
	span = strings.TrimSpace(span)
	if i := strings.LastIndexByte(span, '@'); i >= 0 {
		office := strings.TrimSpace(span[i+1:])
		for _, o := range strings.Split(office, "+") {
			if !slices.Contains(Offices, o) {
				return Term{}, fmt.Errorf("bad office %q: want %s", o, strings.Join(Offices, ", "))
			}
		}
		t.Office, span = office, strings.TrimSpace(span[:i])
	}
	if span == "" {
		return t, nil
	}
	from, to, ok := strings.Cut(span, "..")
	if !ok {
		return Term{}, fmt.Errorf("bad term %q: want FROM..TO", span)
	}
	var err error
	if t.From, err = parseDate(from); err != nil {
		return Term{}, err
	}
	if t.To, err = parseDate(to); err != nil {
		return Term{}, err
	}
	if t.From.IsZero() && t.To.IsZero() {
		t.From = time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC) // ".." means always: keep it dated
	}
	return t, nil
}

func validCode(c string) bool {
	if len(c) < 3 || len(c) > 24 {
		return false
	}
	for i := 0; i < len(c); i++ {
		if b := c[i]; !(b >= 'A' && b <= 'Z' || b >= '0' && b <= '9') {
			return false
		}
	}
	return true
}

func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("bad date %q: want YYYY[-MM[-DD]]", s)
}
