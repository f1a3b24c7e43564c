package eval

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"fmt"
	"html"
	"io"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
)

// TempEvalPath is the TempEval-3 platinum test set under the shared directory.
const TempEvalPath = "data/gold/dates/tempeval3_platinum20_normalized.tar.gz"

// Timex is one gold TIMEX3 of a TempEval document: its span in the text
// (code points), type and normalised value.
type Timex struct {
	Start, End  int
	Type, Value string
	Text        string
}

// TimeMLDoc is one TempEval document: its text (tags stripped), creation
// date and timexes.
type TimeMLDoc struct {
	Name   string
	Text   string
	DCT    time.Time
	Timexs []Timex
}

// ReadTempEval reads every .tml document of a TempEval-3 tar.gz.
func ReadTempEval(r io.Reader) ([]TimeMLDoc, error) {
	gz, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("tempeval: %w", err)
	}
	tr := tar.NewReader(gz)
	var docs []TimeMLDoc
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("tempeval: %w", err)
		}
		if !strings.HasSuffix(h.Name, ".tml") || !strings.Contains(h.Name, "normalized") {
			continue
		}
		b, err := io.ReadAll(io.LimitReader(tr, 10<<20))
		if err != nil {
			return nil, fmt.Errorf("tempeval %s: %w", h.Name, err)
		}
		d, err := ParseTimeML(h.Name, string(b))
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("tempeval: no .tml documents: %w", liaison.ErrInvalid)
	}
	return docs, nil
}

// ParseTimeML reads the DCT and the <TEXT> section of a TimeML file,
// stripping tags and recording TIMEX3 spans.
func ParseTimeML(name, s string) (TimeMLDoc, error) {
	d := TimeMLDoc{Name: name}
	if i := strings.Index(s, "<DCT>"); i >= 0 {
		v := timexAttr(s[i:], "value")
		t, err := time.Parse("2006-01-02", v)
		if err != nil {
			return d, fmt.Errorf("tempeval %s: DCT %q: %w", name, v, liaison.ErrInvalid)
		}
		d.DCT = t
	}
	a, b := strings.Index(s, "<TEXT>"), strings.Index(s, "</TEXT>")
	if a < 0 || b < a {
		return d, fmt.Errorf("tempeval %s: no <TEXT>: %w", name, liaison.ErrInvalid)
	}
	body := s[a+len("<TEXT>") : b]
	var text []rune
	var open *Timex
	for len(body) > 0 {
		lt := strings.IndexByte(body, '<')
		if lt < 0 {
			lt = len(body)
		}
		text = append(text, []rune(html.UnescapeString(body[:lt]))...)
		if lt == len(body) {
			break
		}
		gt := strings.IndexByte(body[lt:], '>')
		if gt < 0 {
			break
		}
		tag := body[lt : lt+gt+1]
		body = body[lt+gt+1:]
		switch {
		case strings.HasPrefix(tag, "<TIMEX3"):
			open = &Timex{Start: len(text), Type: timexAttr(tag, "type"), Value: timexAttr(tag, "value")}
		case tag == "</TIMEX3>" && open != nil:
			open.End = len(text)
			open.Text = string(text[open.Start:open.End])
			d.Timexs = append(d.Timexs, *open)
			open = nil
		}
	}
	d.Text = string(text)
	return d, nil
}

// attr returns the value of attribute name in the first tag of s.
func timexAttr(s, name string) string {
	i := strings.Index(s, " "+name+"=\"")
	if i < 0 {
		return ""
	}
	s = s[i+len(name)+3:]
	if j := strings.IndexByte(s, '"'); j >= 0 {
		return s[:j]
	}
	return ""
}

// DatesSuite scores the date finder on TempEval-3 platinum.
func DatesSuite() Suite {
	return Suite{Name: "dates/tempeval3", Run: func(ctx context.Context, w io.Writer) (Result, error) {
		docs, err := loadTempEval()
		if err != nil {
			return Result{}, err
		}
		s := ScoreDates(docs)
		for _, e := range s.Errors { // dev half only: the held-out half is never inspected
			fmt.Fprintln(w, e)
		}
		return s.Result(), nil
	}}
}

func loadTempEval() ([]TimeMLDoc, error) {
	return readGold(TempEvalPath, ReadTempEval)
}
