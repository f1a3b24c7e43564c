package ingest

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/liaison-project/liaison"
)

// csvColumns are the optional columns read beside the text column.
var csvColumns = map[string][]string{
	"title":  {"title", "headline"},
	"date":   {"date", "published", "published_at", "pubdate", "datetime"},
	"url":    {"url", "link"},
	"source": {"source", "publisher"},
	"byline": {"byline", "author"},
	"lang":   {"lang", "language"},
}

// maxCSVErrors stops reading a CSV file that is wrong throughout.
const maxCSVErrors = 100

// csv ingests a CSV (or TSV) file with a header row, one document per row.
func (in *Ingester) csv(ctx context.Context, p string, mk liaison.Marking, sum *Summary) {
	f, err := os.Open(p)
	if err != nil {
		in.fail(sum, p, errors.New(statReason(err)))
		return
	}
	defer f.Close()
	rd := newCSVReader(bufio.NewReaderSize(f, 256<<10), strings.EqualFold(filepath.Ext(p), ".tsv"))
	cols, err := csvHeader(p, rd, in.cfg.TextColumn)
	if err != nil {
		in.fail(sum, p, err)
		return
	}
	in.bulk(ctx, sum, func(ctx context.Context, emit emitFunc) {
		bad := 0
		for ctx.Err() == nil {
			rec, err := rd.Read()
			if errors.Is(err, io.EOF) {
				return
			}
			line, _ := rd.FieldPos(0)
			name := fmt.Sprintf("%s:%d", p, line)
			if err != nil {
				var pe *csv.ParseError
				if errors.As(err, &pe) {
					name = fmt.Sprintf("%s:%d", p, pe.StartLine)
				}
				if !emit(name, nil, badInput(name, "malformed CSV: %v", errors.Unwrap(err))) {
					return
				}
				if bad++; bad >= maxCSVErrors {
					emit(p, nil, badInput(p, "too many malformed rows; stopped"))
					return
				}
				continue
			}
			r, err := in.csvRow(name, rec, cols)
			if err == nil {
				r.marking = mk
			}
			if !emit(name, r, err) {
				return
			}
		}
	})
}

func newCSVReader(r io.Reader, tsv bool) *csv.Reader {
	rd := csv.NewReader(r)
	rd.LazyQuotes = true
	rd.FieldsPerRecord = -1
	if tsv {
		rd.Comma = '\t'
	}
	return rd
}

// csvHeader reads the header and maps "text", "title", ... to column indexes.
func csvHeader(p string, rd *csv.Reader, textCol string) (map[string]int, error) {
	head, err := rd.Read()
	if errors.Is(err, io.EOF) {
		return nil, badInput(p, "empty")
	}
	if err != nil {
		return nil, badInput(p, "malformed CSV header: %v", errors.Unwrap(err))
	}
	idx := map[string]int{}
	for i, h := range head {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if _, ok := idx[h]; !ok {
			idx[h] = i
		}
	}
	cols := map[string]int{}
	t, ok := idx[strings.ToLower(textCol)]
	if !ok {
		return nil, badInput(p, "no text column %q (columns: %s); choose one with --text-column", textCol, truncate(strings.Join(head, ", "), 200))
	}
	cols["text"] = t
	for field, names := range csvColumns {
		for _, n := range names {
			if i, ok := idx[n]; ok && i != t {
				cols[field] = i
				break
			}
		}
	}
	return cols, nil
}

func (in *Ingester) csvRow(name string, rec []string, cols map[string]int) (*rawDoc, error) {
	get := func(field string) string {
		if i, ok := cols[field]; ok && i < len(rec) {
			return rec[i]
		}
		return ""
	}
	text := get("text")
	if !utf8.ValidString(text) || !utf8.ValidString(get("title")) {
		return nil, badInput(name, "not valid UTF-8")
	}
	if int64(len(text)) > in.cfg.MaxBytes {
		return nil, badInput(name, "too large (%d bytes, limit %d)", len(text), in.cfg.MaxBytes)
	}
	if strings.TrimSpace(text) == "" {
		return nil, badInput(name, "empty text")
	}
	if strings.IndexByte(text, 0) >= 0 {
		return nil, badInput(name, "binary content (NUL character in text)")
	}
	r := &rawDoc{name: name, text: text, title: get("title"), url: get("url"), source: get("source"), byline: get("byline"), lang: get("lang")}
	if t, ok := ParseTime(get("date")); ok {
		r.inputDate = t
	}
	return r, nil
}
