package eval

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/liaison-project/liaison/internal/extract/dict"
	"github.com/liaison-project/liaison/internal/extract/event"
)

// Triple is a (source, target, code) event as the validation suites
// compare them.
type Triple struct{ Source, Target, Code string }

func (t Triple) String() string { return t.Source + "/" + t.Target + "/" + t.Code }

// EventRecord is one validation record: a sentence and what coding it
// must produce. Special is "---" (no events), "###" (discard) or "+++"
// (complex) when the record expects that instead of triples.
type EventRecord struct {
	ID       string
	Category string
	Text     string
	Date     int // YYYYMMDD
	Expect   []Triple
	Special  string
	Options  []string // { OPTION: ... } lines applied before coding
	// Config holds PETRARCH <Config option value> pairs met since the
	// previous record; they apply from this record on.
	Config  [][2]string
	Checked bool // false for records that only set options or say -{...}
	Line    int
}

var (
	reTabHeader = regexp.MustCompile(`^(\d{6,8})\s+(\S+)`)
	reTabEvent  = regexp.MustCompile(`(-?)\{([^{}]*)\}?`)
)

// ParseTABARIValidation reads a TABARI validation text file (records of a
// date/id line, the text, and a /* ... */ block with {SRC/TGT/CODE}
// expectations), up to the FINAL record.
func ParseTABARIValidation(r io.Reader) ([]EventRecord, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	var recs []EventRecord
	var cur *EventRecord
	var text, comment strings.Builder
	inComment := false
	ln := 0
	finish := func() {
		if cur == nil {
			return
		}
		cur.Text = strings.Join(strings.Fields(text.String()), " ")
		parseTabExpect(cur, comment.String())
		recs = append(recs, *cur)
		cur = nil
	}
	for sc.Scan() {
		ln++
		line := sc.Text()
		if !inComment {
			if m := reTabHeader.FindStringSubmatch(line); m != nil {
				finish()
				if strings.HasPrefix(m[2], "FINAL") {
					break
				}
				d, _ := dict.ParseDate(m[1][:6])
				cur = &EventRecord{ID: m[2], Category: category(m[2]), Date: d, Line: ln}
				text.Reset()
				comment.Reset()
				continue
			}
			if cur == nil || strings.HasPrefix(line, "#") {
				continue
			}
			if i := strings.Index(line, "/*"); i >= 0 {
				text.WriteString(line[:i] + " ")
				line = line[i+2:]
				inComment = true
			} else {
				text.WriteString(line + " ")
				continue
			}
		}
		if i := strings.Index(line, "*/"); i >= 0 {
			comment.WriteString(line[:i] + "\n")
			inComment = false
			continue
		}
		comment.WriteString(line + "\n")
	}
	finish()
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("validation file: %w", err)
	}
	return recs, nil
}

func category(id string) string {
	c, _, _ := strings.Cut(id, "-")
	return strings.TrimRight(c, "0123456789")
}

func parseTabExpect(r *EventRecord, comment string) {
	for _, m := range reTabEvent.FindAllStringSubmatch(comment, -1) {
		body := strings.TrimSpace(m[2])
		if strings.HasPrefix(strings.ToUpper(body), "OPTION:") {
			r.Options = append(r.Options, strings.TrimSpace(body[7:]))
			continue
		}
		if m[1] == "-" {
			continue
		}
		compact := strings.ReplaceAll(body, " ", "")
		switch compact {
		case "---", "###", "+++":
			r.Special, r.Checked = compact, true
			continue
		}
		parts := strings.Split(body, "/")
		if len(parts) != 3 {
			continue
		}
		r.Expect = append(r.Expect, Triple{strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1]), strings.Fields(parts[2] + " x")[0]})
		r.Checked = true
	}
}

// EventScore is a suite's outcome, overall and per category.
type EventScore struct {
	Suite      string
	Records    int
	Correct    int
	Categories map[string]*[2]int // category -> {correct, total}
	Failures   []string
}

// Pct is the share of records coded exactly right.
func (s *EventScore) Pct() float64 {
	if s.Records == 0 {
		return 0
	}
	return 100 * float64(s.Correct) / float64(s.Records)
}

func (s *EventScore) add(cat string, ok bool, why string) {
	if s.Categories == nil {
		s.Categories = map[string]*[2]int{}
	}
	c := s.Categories[cat]
	if c == nil {
		c = &[2]int{}
		s.Categories[cat] = c
	}
	c[1]++
	s.Records++
	if ok {
		c[0]++
		s.Correct++
	} else {
		s.Failures = append(s.Failures, why)
	}
}

// Table renders the score as a per-category text table.
func (s *EventScore) Table() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d/%d records correct (%.1f%%)\n", s.Suite, s.Correct, s.Records, s.Pct())
	cats := make([]string, 0, len(s.Categories))
	for c := range s.Categories {
		cats = append(cats, c)
	}
	sort.Strings(cats)
	for _, c := range cats {
		v := s.Categories[c]
		fmt.Fprintf(&b, "  %-12s %4d/%-4d %5.1f%%\n", c, v[0], v[1], 100*float64(v[0])/float64(max(v[1], 1)))
	}
	return b.String()
}

// RunTABARIValidation codes every checked record with c, applying the
// records' option changes in order, and scores exact triple-set matches.
func RunTABARIValidation(c *event.Coder, recs []EventRecord) *EventScore {
	sc := &EventScore{Suite: "TABARI Validate"}
	opts := c.Options().Clone()
	var prev *event.Antecedent
	prevID := ""
	for _, r := range recs {
		for _, o := range r.Options {
			_ = opts.Apply(o)
		}
		if !r.Checked {
			continue
		}
		in := event.Input{Text: r.Text, Date: r.Date, Opts: opts}
		if opts.Forward && nextInStory(prevID, r.ID) {
			in.Prev = prev
		}
		res := c.Sentence(in)
		prev, prevID = res.First, r.ID
		got := tripleSet(res.Events)
		ok := false
		switch r.Special {
		case "###":
			ok = res.Discard
		case "+++":
			ok = res.Complex
		case "---":
			ok = len(got) == 0
		default:
			ok = !res.Discard && !res.Complex && equalSets(got, r.Expect)
		}
		sc.add(r.Category, ok, fmt.Sprintf("%s: want %v%s got %v %s", r.ID, r.Expect, r.Special, keys(got), res.Why))
	}
	return sc
}

func tripleSet(evs []event.Raw) map[Triple]bool {
	m := map[Triple]bool{}
	for _, e := range evs {
		m[Triple{e.Source, e.Target, e.Code}] = true
	}
	return m
}

func equalSets(got map[Triple]bool, want []Triple) bool {
	w := map[Triple]bool{}
	for _, t := range want {
		w[t] = true
	}
	if len(w) != len(got) {
		return false
	}
	for t := range w {
		if !got[t] {
			return false
		}
	}
	return true
}

func keys(m map[Triple]bool) []string {
	var out []string
	for t := range m {
		out = append(out, t.String())
	}
	sort.Strings(out)
	return out
}

// nextInStory reports whether id is the sentence after prev in the same
// story (ids ending "-NNN-SSS").
func nextInStory(prev, id string) bool {
	i, j := strings.LastIndexByte(prev, '-'), strings.LastIndexByte(id, '-')
	if i < 0 || j < 0 || prev[:i] != id[:j] {
		return false
	}
	a, err1 := strconv.Atoi(prev[i+1:])
	b, err2 := strconv.Atoi(id[j+1:])
	return err1 == nil && err2 == nil && b == a+1
}
