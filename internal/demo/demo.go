// Package demo is the sample corpus behind `liaison demo`: short news reports
// on Indo-Pacific and Euro-Atlantic security in 2022–2023, written by the
// project for the project and embedded in the binary, so a fresh machine can
// show the whole pipeline without fetching anything.
//
// The reports follow public events, but their wording — quotations included —
// is the project's own illustration, not any outlet's or speaker's verbatim
// record; the sources are fictional outlet names for that reason.
//
// Each report is one file under corpus/: a header of "key: value" lines
// (title, date, source, marking), a blank line, then the text.
package demo

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
)

//go:embed corpus/*.txt
var corpus embed.FS

// Report is one sample report as written in the corpus.
type Report struct {
	// Name is the corpus file name ("07-madrid-strategic-concept.txt"): a
	// stable handle, e.g. for a demo URL.
	Name   string
	Title  string
	Date   time.Time // the report's date, UTC midnight
	Source string    // a fictional outlet: the texts are the project's own
	// Marking is the suggested marking as text, e.g.
	// "NATO RESTRICTED // REL TO NATO, JPN, KOR, AUS, NZL"; internal/marking
	// parses it against the node's policy.
	Marking string
	Text    string
}

// Reports parses every embedded report, in file-name order. An error names
// the file and the reason; the embedded corpus is tested, so it means a bad
// edit to the corpus.
func Reports() ([]Report, error) {
	names, err := fs.Glob(corpus, "corpus/*.txt")
	if err != nil {
		return nil, fmt.Errorf("demo corpus: %w", err)
	}
	slices.Sort(names)
	out := make([]Report, 0, len(names))
	for _, name := range names {
		b, err := corpus.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("demo corpus %s: %w", name, err)
		}
		r, err := Parse(path.Base(name), string(b))
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// Parse reads one report file: header lines "title:", "date:" (YYYY-MM-DD),
// "source:", "marking:", each exactly once, a blank line, then a non-empty
// text. name is used in errors and kept as Report.Name. Errors wrap
// liaison.ErrInvalid.
func Parse(name, content string) (Report, error) {
	content = strings.ReplaceAll(content, "\r\n", "\n")
	head, body, ok := strings.Cut(content, "\n\n")
	if !ok {
		return Report{}, liaison.Errorf(liaison.ErrInvalid, "demo report %s: no blank line after the header", name)
	}
	r := Report{Name: name, Text: strings.TrimSpace(body)}
	seen := map[string]bool{}
	for i, line := range strings.Split(head, "\n") {
		key, val, ok := strings.Cut(line, ":")
		key, val = strings.TrimSpace(key), strings.TrimSpace(val)
		if !ok || val == "" {
			return Report{}, liaison.Errorf(liaison.ErrInvalid, "demo report %s: header line %d: want \"key: value\", got %q", name, i+1, line)
		}
		if seen[key] {
			return Report{}, liaison.Errorf(liaison.ErrInvalid, "demo report %s: header %q given twice", name, key)
		}
		seen[key] = true
		if err := r.set(key, val); err != nil {
			return Report{}, liaison.Errorf(liaison.ErrInvalid, "demo report %s: %v", name, err)
		}
	}
	for _, k := range []string{"title", "date", "source", "marking"} {
		if !seen[k] {
			return Report{}, liaison.Errorf(liaison.ErrInvalid, "demo report %s: header %q missing", name, k)
		}
	}
	if r.Text == "" {
		return Report{}, liaison.Errorf(liaison.ErrInvalid, "demo report %s: empty text", name)
	}
	return r, nil
}

// set stores one header field.
func (r *Report) set(key, val string) error {
	switch key {
	case "title":
		r.Title = val
	case "source":
		r.Source = val
	case "marking":
		r.Marking = val
	case "date":
		d, err := time.Parse(time.DateOnly, val)
		if err != nil {
			return fmt.Errorf("date %q is not YYYY-MM-DD", val)
		}
		if d.Year() < 1900 {
			return fmt.Errorf("date %q is before 1900", val)
		}
		r.Date = d
	default:
		return fmt.Errorf("unknown header %q", key)
	}
	return nil
}

// MarkFunc turns a marking text into the node's liaison.Marking (in practice
// internal/marking's parser bound to the policy). Passed in, so this package
// does not depend on the policy.
type MarkFunc func(text string) (liaison.Marking, error)

// Document converts r into a document ready for the ingest path, which
// assigns the ID and content hash. mark is required: a report must never be
// stored less restricted than its suggested marking.
func (r Report) Document(mark MarkFunc) (liaison.Document, error) {
	if mark == nil {
		return liaison.Document{}, liaison.Errorf(liaison.ErrInvalid, "demo report %s: no marking parser given", r.Name)
	}
	m, err := mark(r.Marking)
	if err != nil {
		return liaison.Document{}, fmt.Errorf("demo report %s: marking %q: %w", r.Name, r.Marking, err)
	}
	return liaison.Document{
		Source:     r.Source,
		Title:      r.Title,
		Published:  r.Date,
		DateSource: liaison.DateFromInput,
		Lang:       "en",
		Text:       r.Text,
		Marking:    m,
	}, nil
}

// Documents returns the whole corpus as documents, marked through mark.
func Documents(mark MarkFunc) ([]liaison.Document, error) {
	reports, err := Reports()
	if err != nil {
		return nil, err
	}
	out := make([]liaison.Document, 0, len(reports))
	for _, r := range reports {
		d, err := r.Document(mark)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}
