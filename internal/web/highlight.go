package web

import (
	"fmt"
	"html"
	"html/template"
	"sort"
	"strings"

	"github.com/liaison-project/liaison"
)

// annotation is one highlighted span of a document: code point offsets, the
// CSS class of its <mark> and the tooltip.
type annotation struct {
	Start, End int
	Class      string
	Title      string
	layer      int
	id         string // an HTML id for links (event sentences: s<n>) // lower layers enclose higher ones when spans nest
}

// annotations turns an extraction into highlight spans: event sentences
// (outermost), quotes, then actors, places and dates.
func annotations(x *liaison.Extraction) []annotation {
	if x == nil {
		return nil
	}
	var out []annotation
	evBySent := map[int][]string{}
	for _, e := range x.Events {
		evBySent[e.Sentence] = append(evBySent[e.Sentence], eventTitle(e))
	}
	for i, s := range x.Sentences {
		if evs, ok := evBySent[i]; ok {
			out = append(out, annotation{s.Start, s.End, "ev", strings.Join(evs, "\n"), 0, fmt.Sprintf("s%d", i)})
		}
	}
	for _, q := range x.Quotes {
		out = append(out, annotation{q.Start, q.End, "quote", "Quote — " + nonEmpty(q.Speaker, "unknown speaker") + codeSuffix(q.SpeakerCode), 1, ""})
	}
	for _, a := range x.Actors {
		out = append(out, annotation{a.Start, a.End, "actor", fmt.Sprintf("Actor %s — %s (%s)", a.Code, nonEmpty(a.Name, a.Text), nonEmpty(a.Kind, "actor")), 2, ""})
	}
	for _, p := range x.Places {
		out = append(out, annotation{p.Start, p.End, "place", fmt.Sprintf("Place %s, %s (%.4f, %.4f)", nonEmpty(p.Name, p.Text), p.Country, p.Lat, p.Lon), 2, ""})
	}
	for _, d := range x.Dates {
		v := d.Value
		if d.EndValue != "" {
			v += " – " + d.EndValue
		}
		out = append(out, annotation{d.Start, d.End, "date", "Date " + v, 2, ""})
	}
	return out
}

func eventTitle(e liaison.Event) string {
	neg := ""
	if e.Negated {
		neg = "NOT "
	}
	return fmt.Sprintf("Event %s%s %s: %s → %s (Goldstein %+.1f)", neg, e.CAMEO, e.CAMEOName, nonEmpty(e.Source, "?"), nonEmpty(e.Target, "?"), e.Goldstein)
}

func codeSuffix(code string) string {
	if code == "" {
		return ""
	}
	return " [" + code + "]"
}

func nonEmpty(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}

// highlight renders text as HTML with the annotations as nested <mark>
// elements. Offsets are code points, end exclusive. Out-of-range spans are
// clipped; a span crossing an enclosing one is cut at the enclosing end, so
// the output is always well nested. All text is HTML-escaped.
func highlight(text string, anns []annotation) template.HTML {
	runes := []rune(text)
	n := len(runes)
	var clean []annotation
	for _, a := range anns {
		a.Start, a.End = max(0, a.Start), min(n, a.End)
		if a.Start < a.End {
			clean = append(clean, a)
		}
	}
	sort.SliceStable(clean, func(i, j int) bool {
		if clean[i].Start != clean[j].Start {
			return clean[i].Start < clean[j].Start
		}
		if clean[i].End != clean[j].End {
			return clean[i].End > clean[j].End
		}
		return clean[i].layer < clean[j].layer
	})
	var b strings.Builder
	pos := 0
	emit := func(to int) {
		if to > pos {
			b.WriteString(html.EscapeString(string(runes[pos:to])))
			pos = to
		}
	}
	var stack []annotation
	for _, a := range clean {
		for len(stack) > 0 && stack[len(stack)-1].End <= a.Start {
			emit(stack[len(stack)-1].End)
			b.WriteString("</mark>")
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 {
			top := stack[len(stack)-1]
			a.End = min(a.End, top.End)
			if a.Start < pos || a.Start >= a.End {
				continue
			}
		} else if a.Start < pos {
			continue
		}
		emit(a.Start)
		if a.id != "" {
			fmt.Fprintf(&b, `<mark id="%s" class="%s" title="%s">`, html.EscapeString(a.id), a.Class, html.EscapeString(a.Title))
		} else {
			fmt.Fprintf(&b, `<mark class="%s" title="%s">`, a.Class, html.EscapeString(a.Title))
		}
		stack = append(stack, a)
	}
	for len(stack) > 0 {
		emit(stack[len(stack)-1].End)
		b.WriteString("</mark>")
		stack = stack[:len(stack)-1]
	}
	emit(n)
	return template.HTML(b.String()) //nolint:gosec // every text segment above is escaped
}

// snippetHTML renders a search snippet, turning each balanced [[ ]] pair into
// <mark> and escaping everything else.
func snippetHTML(s string) template.HTML {
	var b strings.Builder
	for {
		i := strings.Index(s, "[[")
		if i < 0 {
			break
		}
		j := strings.Index(s[i+2:], "]]")
		if j < 0 {
			break
		}
		b.WriteString(html.EscapeString(s[:i]))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(s[i+2 : i+2+j]))
		b.WriteString("</mark>")
		s = s[i+2+j+2:]
	}
	b.WriteString(html.EscapeString(s))
	return template.HTML(b.String()) //nolint:gosec // escaped above
}
