// Package cameo is the CAMEO event code table: every code of the 20 root
// categories with its name, Goldstein score, quad class and PLOVER event type.
// The event coder needs these facts for every event it emits, and the UI and
// API need them to name and filter events. The table itself (table.go) is
// generated from the public CAMEO and CAMEO→PLOVER tables; see gen_test.go.
package cameo

import (
	"slices"
	"strings"
)

// Quad classes in the GDELT convention: roots 01–05 are verbal cooperation,
// 06–08 material cooperation, 09–13 verbal conflict, 14–20 material conflict.
const (
	VerbalCooperation   = 1
	MaterialCooperation = 2
	VerbalConflict      = 3
	MaterialConflict    = 4
)

// Code is one CAMEO event code and everything an event coded with it carries.
type Code struct {
	// Code is the CAMEO code as asked for: "04", "042", "0831".
	Code string `json:"code"`
	// Name is the CAMEO description, e.g. "Make a visit". Root names are in
	// capitals as in the CAMEO manual ("CONSULT").
	Name string `json:"name"`
	// Root is the two-digit root category ("04").
	Root string `json:"root"`
	// Quad is the quad class 1–4 (see the constants).
	Quad int `json:"quad"`
	// Goldstein is the conflict–cooperation weight, -10 to +10.
	Goldstein float64 `json:"goldstein"`
	// PLOVER is the PLOVER event type by the 2021 CAMEO→PLOVER table, e.g.
	// "CONSULT". Empty for roots 01 and 02, which PLOVER dropped.
	PLOVER string `json:"plover,omitempty"`
	// PLOVERMode is the PLOVER mode ("visit", "phone"), often empty.
	PLOVERMode string `json:"plover_mode,omitempty"`
	// PLOVERContext is the PLOVER context ("military", "crime; corruption"),
	// often empty.
	PLOVERContext string `json:"plover_context,omitempty"`
	// Base is the table code the values come from. It equals Code except when
	// Code is not in CAMEO (e.g. a dictionary's "0431") and inherited the
	// values of its nearest listed parent ("043", else the root).
	Base string `json:"base"`
}

// Inherited reports whether c is not itself a CAMEO code and took its values
// from a parent code, so callers can flag dictionary codes CAMEO lacks.
func (c Code) Inherited() bool { return c.Code != c.Base }

// Lookup returns the entry for a CAMEO code of 2, 3 or 4 digits (surrounding
// space ignored). A code absent from the table but under a known parent
// inherits the parent's name, Goldstein score and PLOVER type, with Base
// naming that parent. ok is false for anything that is not a code under one of
// the 20 roots.
func Lookup(code string) (Code, bool) {
	code = strings.TrimSpace(code)
	if len(code) < 2 || len(code) > 4 || !allDigits(code) {
		return Code{}, false
	}
	for n := len(code); n >= 2; n-- {
		if c, ok := find(code[:n]); ok {
			c.Code = code
			return c, true
		}
	}
	return Code{}, false
}

// find is an exact binary search of the sorted generated table.
func find(code string) (Code, bool) {
	i, ok := slices.BinarySearchFunc(table, code, func(c Code, s string) int { return strings.Compare(c.Code, s) })
	if !ok {
		return Code{}, false
	}
	return table[i], true
}

// allDigits reports whether s is only ASCII digits.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Roots returns the 20 root categories "01" … "20" in order, for menus,
// filters and per-root tables.
func Roots() []Code {
	out := make([]Code, 0, 20)
	for _, c := range table {
		if len(c.Code) == 2 {
			out = append(out, c)
		}
	}
	return out
}

// RootName returns the name of a two-digit root ("04" → "CONSULT"), or "" when
// root is not one, so a filter label never shows a bogus code as a name.
func RootName(root string) string {
	root = strings.TrimSpace(root)
	if len(root) != 2 {
		return ""
	}
	c, ok := find(root)
	if !ok {
		return ""
	}
	return c.Name
}

// Codes returns every code in the table, sorted, as a fresh slice the caller
// may keep: for validating dictionaries and listing the code book.
func Codes() []Code {
	return slices.Clone(table)
}

// QuadName names a quad class for display ("Verbal cooperation"), or "" for
// anything but 1–4.
func QuadName(quad int) string {
	switch quad {
	case VerbalCooperation:
		return "Verbal cooperation"
	case MaterialCooperation:
		return "Material cooperation"
	case VerbalConflict:
		return "Verbal conflict"
	case MaterialConflict:
		return "Material conflict"
	}
	return ""
}

// QuadOfRoot is the GDELT quad class of a two-digit root, or 0 when root is
// not "01"–"20". The generator uses it to fill the table.
func QuadOfRoot(root string) int {
	if len(root) != 2 || !allDigits(root) {
		return 0
	}
	n := int(root[0]-'0')*10 + int(root[1]-'0')
	switch {
	case n >= 1 && n <= 5:
		return VerbalCooperation
	case n >= 6 && n <= 8:
		return MaterialCooperation
	case n >= 9 && n <= 13:
		return VerbalConflict
	case n >= 14 && n <= 20:
		return MaterialConflict
	}
	return 0
}
