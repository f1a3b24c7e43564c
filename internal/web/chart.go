package web

import (
	"bytes"
	"fmt"
	"html/template"
	"time"

	"github.com/liaison-project/liaison"
)

// quadClasses name the quad classes (quad 1 to 4) and give their bars'
// colours (Tableau 10: told apart with the common colour deficiencies).
var quadClasses = [4]struct{ Name, Colour string }{
	{"verbal cooperation", "#4e79a7"}, {"material cooperation", "#59a14f"},
	{"verbal conflict", "#f28e2b"}, {"material conflict", "#e15759"},
}

// Chart geometry, in SVG user units.
const (
	chartW, chartPlotH, chartTop = 720.0, 140.0, 14.0
	chartH                       = chartTop + chartPlotH + 36
	maxChartMonths               = 240
)

// chartSeg is one quad's part of a month's bar.
type chartSeg struct {
	Y, H   float64
	Colour string
	N      int
	Quad   string
}

// chartBar is one month: its stacked segments and, at a year's first
// month shown, the year's label.
type chartBar struct {
	Month string
	X, W  float64
	Total int
	Segs  []chartSeg
	Label string
}

// chartRow is one month of the counts table under the chart.
type chartRow struct {
	Month string
	N     [4]int
	Total int
}

// timelineChart is what the chart template draws.
type timelineChart struct {
	Bars   []chartBar
	Rows   []chartRow
	Legend [4]struct{ Name, Colour string }
	Total  int // every event counted, in any month and quad
	Max    int // the tallest bar
	Hidden int // events in months before those shown, or of no quad 1 to 4
	// Undated is the events the timeline leaves out because their date has
	// no month (none, or a year only): the viewer's event total less the
	// timeline's. The caption names them, so its count adds up.
	Undated int
	W, H    float64
	Y, LY   float64 // the plot's baseline, the legend's top
}

// newTimelineChart lays out tl: one bar per month from the first counted
// to the last (at most maxChartMonths, the latest), each stacked by quad.
// It reads only numbers and months (checked to be YYYY-MM), never text an
// item carries.
func newTimelineChart(tl liaison.Timeline) timelineChart {
	c := timelineChart{Legend: quadClasses, W: chartW, H: chartH, Y: chartTop + chartPlotH, LY: chartH - 12}
	counts := map[string]*chartRow{}
	var first, last time.Time
	for _, b := range tl.Buckets {
		c.Total += b.Events
		m, err := time.Parse("2006-01", b.Month)
		if err != nil || liaison.TimelineMonth(b.Month) != b.Month || b.Quad < 1 || b.Quad > 4 {
			c.Hidden += b.Events
			continue
		}
		if first.IsZero() || m.Before(first) {
			first = m
		}
		if m.After(last) {
			last = m
		}
		r := counts[b.Month]
		if r == nil {
			r = &chartRow{Month: b.Month}
			counts[b.Month] = r
		}
		r.N[b.Quad-1] += b.Events
		r.Total += b.Events
	}
	if first.IsZero() {
		return c
	}
	if n := monthsBetween(first, last) + 1; n > maxChartMonths {
		first = last.AddDate(0, 1-maxChartMonths, 0)
	}
	for m := first; !m.After(last); m = m.AddDate(0, 1, 0) {
		r := counts[m.Format("2006-01")]
		if r == nil {
			r = &chartRow{Month: m.Format("2006-01")}
		}
		c.Rows = append(c.Rows, *r)
		c.Max = max(c.Max, r.Total)
	}
	for _, r := range counts {
		if r.Month < first.Format("2006-01") {
			c.Hidden += r.Total
		}
	}
	c.Bars = layoutBars(c.Rows, c.Max)
	return c
}

// countEvents is "1 event" or "N events".
func countEvents(n int) string {
	if n == 1 {
		return "1 event"
	}
	return fmt.Sprintf("%d events", n)
}

// monthsBetween counts the months from a to b.
func monthsBetween(a, b time.Time) int {
	return (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
}

// layoutBars places one bar per row, scaled so that top fills the plot.
func layoutBars(rows []chartRow, top int) []chartBar {
	step := chartW / float64(max(len(rows), 12)) // a few months: narrow bars, not a wall
	bars := make([]chartBar, 0, len(rows))
	for i, r := range rows {
		b := chartBar{Month: r.Month, X: float64(i) * step, W: max(step*0.8, 0.5), Total: r.Total}
		if i == 0 || r.Month[5:] == "01" {
			b.Label = r.Month[:4]
			if len(rows) <= 24 {
				b.Label = r.Month
			}
		}
		y := chartTop + chartPlotH
		for q, n := range r.N {
			if n == 0 {
				continue
			}
			h := chartPlotH * float64(n) / float64(top)
			y -= h
			b.Segs = append(b.Segs, chartSeg{Y: y, H: h, Colour: quadClasses[q].Colour, N: n, Quad: quadClasses[q].Name})
		}
		bars = append(bars, b)
	}
	return bars
}

// chartTmpl draws a timelineChart: an inline SVG (no script; numbers,
// months and fixed names only, escaped by html/template all the same) and
// the counts as a table for readers who cannot see it.
var chartTmpl = template.Must(template.New("chart").Funcs(template.FuncMap{
	"f":       func(x float64) string { return fmt.Sprintf("%.1f", x) },
	"legendX": func(i int) string { return fmt.Sprintf("%.1f", float64(i)*chartW/4) },
	"events":  countEvents,
}).Parse(`<figure class="timeline" data-events="{{.Total}}">
{{- define "undated"}}{{if .Undated}} {{events .Undated}} left out: undated or dated only to a year.{{end}}{{end}}
{{- if not .Bars}}<p class="empty">No events with a month you may see.{{template "undated" .}}</p>{{else}}
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{f .W}} {{f .H}}" width="100%" role="img" aria-label="Events per month by quad class: {{events .Total}}">
<text x="0" y="10" font-size="10" fill="#555">{{.Max}}</text>
<line x1="0" y1="{{f .Y}}" x2="{{f .W}}" y2="{{f .Y}}" stroke="#999" stroke-width="0.5"/>
{{- range .Bars}}
<g><title>{{.Month}}: {{events .Total}}{{range .Segs}}, {{.N}} {{.Quad}}{{end}}</title>
{{- $x := .X}}{{$w := .W}}{{range .Segs}}<rect x="{{f $x}}" y="{{f .Y}}" width="{{f $w}}" height="{{f .H}}" fill="{{.Colour}}"/>{{end}}
{{- with .Label}}<text x="{{f $x}}" y="{{f $.Y}}" dy="12" font-size="10" fill="#555">{{.}}</text>{{end}}</g>
{{- end}}
{{- range $i, $q := .Legend}}
<rect x="{{legendX $i}}" y="{{f $.LY}}" width="10" height="10" fill="{{$q.Colour}}"/><text x="{{legendX $i}}" y="{{f $.LY}}" dx="14" dy="9" font-size="10" fill="#333">{{$q.Name}}</text>
{{- end}}
</svg>
<figcaption>{{events .Total}} by month and quad class{{if .Hidden}} ({{.Hidden}} in earlier months or of no quad class not drawn){{end}}.{{template "undated" .}}</figcaption>
<details><summary>Counts</summary>
<table class="counts"><thead><tr><th>Month</th>{{range .Legend}}<th>{{.Name}}</th>{{end}}<th>All</th></tr></thead><tbody>
{{- range .Rows}}{{if .Total}}<tr><td>{{.Month}}</td>{{range .N}}<td>{{.}}</td>{{end}}<td>{{.Total}}</td></tr>{{end}}{{end}}
</tbody></table></details>
{{- end}}
</figure>`))

// chartHTML renders tl's chart for a page; all is how many events the
// viewer may see under the timeline's filter (the event listing's total),
// so that the caption says how many have no month to be drawn in.
func chartHTML(tl liaison.Timeline, all int) (template.HTML, error) {
	var b bytes.Buffer
	c := newTimelineChart(tl)
	c.Undated = max(all-c.Total, 0)
	if err := chartTmpl.Execute(&b, c); err != nil {
		return "", fmt.Errorf("web: timeline chart: %w", err)
	}
	return template.HTML(b.String()), nil // html/template output: escaped
}
