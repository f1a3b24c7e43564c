package eval

import (
	"fmt"
	"html"
	"io"
	"regexp"
	"sort"
	"strings"

	"github.com/liaison-project/liaison/internal/extract/dict"
	"github.com/liaison-project/liaison/internal/extract/event"
)

var (
	reSentence = regexp.MustCompile(`(?s)<Sentence\b([^>]*)>`)
	reAttr     = regexp.MustCompile(`(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')`)
	reCoding   = regexp.MustCompile(`(?s)<EventCoding\b([^>]*)>`)
	reText     = regexp.MustCompile(`(?s)<Text>(.*?)</Text>`)
	reConfig   = regexp.MustCompile(`(?s)<Config\b([^>]*)>`)
)

// ParsePETRXML reads PETRARCH-style validation records tolerantly (the
// files are not always well-formed XML): each <Sentence> with its
// attributes, <EventCoding> expectations and raw <Text>; parses are
// ignored.
func ParsePETRXML(r io.Reader) ([]EventRecord, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("validation records: %w", err)
	}
	src := reXMLComments.ReplaceAllString(string(b), "")
	locs := reSentence.FindAllStringSubmatchIndex(src, -1)
	var out []EventRecord
	var pending [][2]string
	if len(locs) > 0 {
		pending = configs(src[:locs[0][0]], nil)
	}
	for i, l := range locs {
		end := len(src)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		body := src[l[1]:end]
		attrs := attrMap(src[l[2]:l[3]])
		rec := EventRecord{ID: attrs["id"], Category: attrs["category"], Checked: attrs["evaluate"] != "false", Config: pending}
		pending = configs(body, nil) // a <Config> after a record applies to the ones that follow
		if d, err := dict.ParseDate(attrs["date"]); err == nil {
			rec.Date = d
		}
		m := reText.FindStringSubmatch(body)
		if m == nil {
			pending = append(rec.Config, pending...)
			continue
		}
		rec.Text = strings.Join(strings.Fields(html.UnescapeString(m[1])), " ")
		for _, c := range reCoding.FindAllStringSubmatch(body, -1) {
			a := attrMap(c[1])
			if strings.EqualFold(a["noevents"], "true") {
				rec.Special = "---"
				continue
			}
			if a["eventcode"] != "" {
				rec.Expect = append(rec.Expect, Triple{a["sourcecode"], a["targetcode"], a["eventcode"]})
			}
		}
		if len(rec.Expect) == 0 && rec.Special == "" {
			rec.Checked = false
		}
		out = append(out, rec)
	}
	return out, nil
}

var reXMLComments = regexp.MustCompile(`(?s)<!--.*?-->`)

// configs appends the <Config option="..." value="..."> settings in s.
func configs(s string, out [][2]string) [][2]string {
	for _, c := range reConfig.FindAllStringSubmatch(s, -1) {
		a := attrMap(c[1])
		if a["option"] != "" {
			out = append(out, [2]string{a["option"], a["value"]})
		}
	}
	return out
}

func attrMap(s string) map[string]string {
	m := map[string]string{}
	for _, a := range reAttr.FindAllStringSubmatch(s, -1) {
		m[strings.ToLower(a[1])] = html.UnescapeString(a[2] + a[3]) // "..." or '...'; &quot; as written
	}
	return m
}

// RecordScore adds triple-level measures to the exact-record score.
type RecordScore struct {
	EventScore
	Expected, Hits, Produced, Extra int
	RecordsWithExtra                int
	Roots                           map[string]*[3]int // root -> {hits, expected, produced}
}

// HitRate is the share of expected events produced.
func (s *RecordScore) HitRate() float64 { return pct(s.Hits, s.Expected) }

// ExtraRate is the number of produced events matching nothing expected,
// per record, as a percentage.
func (s *RecordScore) ExtraRate() float64 { return pct(s.Extra, s.Records) }

// Precision is the share of produced events that were expected.
func (s *RecordScore) Precision() float64 { return pct(s.Hits, s.Produced) }

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// RunRecords codes each checked record and scores exact matches per
// record and hits/extras per triple and per CAMEO root.
func RunRecords(suite string, c *event.Coder, recs []EventRecord) *RecordScore {
	return runRecords(suite, c.Options().Clone(), recs, func(r EventRecord, opts *dict.Options) (map[Triple]bool, string) {
		res := c.Sentence(event.Input{Text: r.Text, Date: r.Date, Opts: opts})
		return tripleSet(res.Events), res.Why
	})
}

// codeRecord codes one record's text under the options in force and says
// why (for the failure list).
type codeRecord func(r EventRecord, opts *dict.Options) (map[Triple]bool, string)

// runRecords applies each record's <Config> settings to opts in order and
// scores what code produces for the checked records.
func runRecords(suite string, opts *dict.Options, recs []EventRecord, code codeRecord) *RecordScore {
	sc := &RecordScore{EventScore: EventScore{Suite: suite}, Roots: map[string]*[3]int{}}
	for _, r := range recs {
		for _, kv := range r.Config {
			if err := opts.SetConfig(kv[0], kv[1]); err != nil {
				sc.Failures = append(sc.Failures, r.ID+": "+err.Error())
			}
		}
		if !r.Checked {
			continue
		}
		got, why := code(r, opts)
		sc.score(r, got, why)
	}
	return sc
}

// score adds one record's outcome.
func (sc *RecordScore) score(r EventRecord, got map[Triple]bool, why string) {
	want := map[Triple]bool{}
	for _, t := range r.Expect {
		want[t] = true
	}
	extra := 0
	for t := range got {
		sc.root(t.Code)[2]++
		if !want[t] {
			extra++
		}
	}
	for t := range want {
		sc.root(t.Code)[1]++
		if got[t] {
			sc.Hits++
			sc.root(t.Code)[0]++
		}
	}
	sc.Expected += len(want)
	sc.Produced += len(got)
	sc.Extra += extra
	if extra > 0 {
		sc.RecordsWithExtra++
	}
	ok := equalSets(got, r.Expect)
	if r.Special == "---" {
		ok = len(got) == 0
	}
	sc.add(r.Category, ok, fmt.Sprintf("%s: want %v%s got %v %s | %s", r.ID, r.Expect, r.Special, keys(got), why, r.Text))
}

func (s *RecordScore) root(code string) *[3]int {
	r := code
	if len(r) > 2 {
		r = r[:2]
	}
	v := s.Roots[r]
	if v == nil {
		v = &[3]int{}
		s.Roots[r] = v
	}
	return v
}

// Summary renders the triple measures and the per-root table.
func (s *RecordScore) Summary() string {
	var b strings.Builder
	b.WriteString(s.Table())
	fmt.Fprintf(&b, "  triples: expected %d, produced %d, hits %d: hit rate %.1f%%, precision %.1f%%, extra events %.1f%% per record, records with extras %.1f%%\n",
		s.Expected, s.Produced, s.Hits, s.HitRate(), s.Precision(), s.ExtraRate(), pct(s.RecordsWithExtra, s.Records))
	roots := make([]string, 0, len(s.Roots))
	for r := range s.Roots {
		roots = append(roots, r)
	}
	sort.Strings(roots)
	b.WriteString("  root  hits/expected  produced\n")
	for _, r := range roots {
		v := s.Roots[r]
		fmt.Fprintf(&b, "  %-4s %4d/%-4d %8d\n", r, v[0], v[1], v[2])
	}
	return b.String()
}
