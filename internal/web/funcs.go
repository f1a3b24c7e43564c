package web

import (
	"fmt"
	"html/template"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/cameo"
)

// cameoRoot is a CAMEO root code and its name, for the events filter.
type cameoRoot struct{ Code, Name string }

// cameoRoots lists the twenty CAMEO root event classes in sentence case.
func cameoRoots() []cameoRoot {
	var out []cameoRoot
	for _, c := range cameo.Roots() {
		name := strings.ToLower(c.Name)
		if name != "" {
			name = strings.ToUpper(name[:1]) + name[1:]
		}
		out = append(out, cameoRoot{c.Code, name})
	}
	return out
}

// funcs are the template functions.
func (u *UI) funcs() template.FuncMap {
	return template.FuncMap{
		"marking": u.cfg.FormatMarking,
		"mclass":  bannerClass,
		"date": func(t time.Time) string {
			if t.IsZero() {
				return "—"
			}
			return t.UTC().Format("2 Jan 2006")
		},
		"datetime": func(t time.Time) string {
			if t.IsZero() {
				return "—"
			}
			return t.UTC().Format("2006-01-02 15:04 UTC")
		},
		"snippet": snippetHTML,
		"excerpt": excerpt,
		"quad":    cameo.QuadName,
		"gold":    func(g float64) string { return fmt.Sprintf("%+.1f", g) },
		"goldclass": func(g float64) string {
			switch {
			case g >= 3:
				return "g-coop"
			case g > 0:
				return "g-mild"
			case g <= -5:
				return "g-hostile"
			case g < 0:
				return "g-tense"
			}
			return "g-neutral"
		},
		"place": func(p *liaison.Place) string {
			if p == nil {
				return ""
			}
			return strings.TrimSuffix(p.Name+", "+p.Country, ", ")
		},
		"sel":  func(a, b string) bool { return a == b },
		"plus": func(a, b int) int { return a + b },

		// actorpages: whether /actors/{code} exists (RegisterActorNotes).
		"actorpages": func() bool { return u.actorPages },
	}
}

// excerpt returns the first n code points of s at a word boundary.
func excerpt(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}
