package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/liaison-project/liaison"
)

// fileKinds maps a file extension to how it is read.
var fileKinds = map[string]string{
	".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
	".html": "html", ".htm": "html", ".xhtml": "html",
	".xml": "feed", ".rss": "feed", ".atom": "feed",
	".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
	".csv": "csv", ".tsv": "csv",
}

// path ingests a file, or every readable file under a directory.
func (in *Ingester) path(ctx context.Context, p string, mk liaison.Marking, sum *Summary) {
	fi, err := os.Stat(p)
	if err != nil {
		in.fail(sum, p, errors.New(statReason(err)))
		return
	}
	if !fi.IsDir() {
		in.file(ctx, p, fi, mk, sum, true)
		return
	}
	err = filepath.WalkDir(p, func(path string, de fs.DirEntry, err error) error {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		if err != nil {
			in.fail(sum, path, errors.New(statReason(err)))
			return nil
		}
		name := de.Name()
		if path != p && strings.HasPrefix(name, ".") {
			if de.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if de.IsDir() || fileKinds[strings.ToLower(filepath.Ext(name))] == "" {
			return nil
		}
		info, err := de.Info()
		if err != nil {
			in.fail(sum, path, errors.New(statReason(err)))
			return nil
		}
		in.file(ctx, path, info, mk, sum, false)
		return nil
	})
	if err != nil && ctx.Err() == nil {
		in.fail(sum, p, err)
	}
}

func statReason(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// file ingests one file by its extension. explicit files of an unknown type
// fail; in a directory walk they are skipped before reaching here.
func (in *Ingester) file(ctx context.Context, p string, fi fs.FileInfo, mk liaison.Marking, sum *Summary, explicit bool) {
	kind := fileKinds[strings.ToLower(filepath.Ext(p))]
	if kind == "" && explicit {
		kind = "sniff"
	}
	if !fi.Mode().IsRegular() {
		in.fail(sum, p, badInput(p, "not a regular file"))
		return
	}
	switch kind {
	case "jsonl":
		in.jsonl(ctx, p, mk, sum)
		return
	case "csv":
		in.csv(ctx, p, mk, sum)
		return
	}
	if fi.Size() > in.cfg.MaxBytes {
		in.fail(sum, p, badInput(p, "too large (%d bytes, limit %d)", fi.Size(), in.cfg.MaxBytes))
		return
	}
	b, err := os.ReadFile(p)
	if err != nil {
		in.fail(sum, p, errors.New(statReason(err)))
		return
	}
	if err := CheckBytes(p, b); err != nil {
		in.fail(sum, p, err)
		return
	}
	in.whole(ctx, p, kind, b, mk, sum)
}

// whole ingests a file read in one piece.
func (in *Ingester) whole(ctx context.Context, p, kind string, b []byte, mk liaison.Marking, sum *Summary) {
	if kind == "sniff" || kind == "html" || kind == "json" {
		if DetectFeed(b) != "" {
			kind = "feed"
		} else if kind == "sniff" {
			kind = sniff(b)
		}
	}
	switch kind {
	case "feed":
		in.feed(ctx, p, b, nil, in.cfg.Now().UTC(), mk, sum)
	case "html":
		pg, err := ExtractHTML(p, b, nil)
		if err != nil {
			in.fail(sum, p, err)
			return
		}
		r := &rawDoc{name: p, text: pg.Text, title: pg.Title, byline: pg.Byline, source: pg.SiteName, canonical: pg.CanonicalURL, lang: pg.Lang}
		if !pg.Published.IsZero() {
			r.published, r.dateSource = pg.Published, liaison.DateFromMeta
		}
		r.marking = mk
		in.put(ctx, r, sum)
	case "json":
		in.jsonFile(ctx, p, b, mk, sum)
	case "markdown", "text":
		in.put(ctx, &rawDoc{name: p, text: string(b), title: textTitle(string(b), kind == "markdown"), source: "file", marking: mk}, sum)
	default:
		in.fail(sum, p, badInput(p, "unsupported file type %q", filepath.Ext(p)))
	}
}

// sniff guesses the kind of a file without a known extension.
func sniff(b []byte) string {
	t := bytes.ToLower(bytes.TrimSpace(b[:min(len(b), 512)]))
	switch {
	case bytes.HasPrefix(t, []byte("<!doctype html")) || bytes.HasPrefix(t, []byte("<html")):
		return "html"
	case bytes.HasPrefix(t, []byte("{")) || bytes.HasPrefix(t, []byte("[")):
		return "json"
	}
	return "text"
}

// textTitle is a Markdown file's first heading, else "" (the first line is
// taken later).
func textTitle(s string, markdown bool) string {
	if !markdown {
		return ""
	}
	for line := range strings.SplitSeq(s, "\n") {
		if t, ok := strings.CutPrefix(strings.TrimSpace(line), "# "); ok {
			return t
		}
	}
	return ""
}

// jsonFile ingests a .json file: one record, or an array of records.
func (in *Ingester) jsonFile(ctx context.Context, p string, b []byte, mk liaison.Marking, sum *Summary) {
	b = bytes.TrimSpace(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")))
	if len(b) > 0 && b[0] == '[' {
		var recs []json.RawMessage
		if err := json.Unmarshal(b, &recs); err != nil {
			in.fail(sum, p, badInput(p, "malformed JSON: %s", jsonReason(err)))
			return
		}
		for i, rec := range recs {
			if ctx.Err() != nil {
				return
			}
			in.record(ctx, fmt.Sprintf("%s[%d]", p, i), rec, mk, sum)
		}
		return
	}
	in.record(ctx, p, b, mk, sum)
}

// lineReader reads lines of at most max bytes, discarding the rest of an
// overlong line.
type lineReader struct {
	r   *bufio.Reader
	max int64
	buf []byte
}

func (l *lineReader) next() (line []byte, tooLong bool, err error) {
	l.buf = l.buf[:0]
	for {
		chunk, isPrefix, err := l.r.ReadLine()
		if err != nil {
			return l.buf, tooLong, err
		}
		if !tooLong {
			if int64(len(l.buf)+len(chunk)) > l.max {
				tooLong, l.buf = true, l.buf[:0]
			} else {
				l.buf = append(l.buf, chunk...)
			}
		}
		if !isPrefix {
			return l.buf, tooLong, nil
		}
	}
}

// record ingests one JSON object with a text (or body) field.
func (in *Ingester) record(ctx context.Context, name string, b []byte, mk liaison.Marking, sum *Summary) {
	r, err := parseRecord(name, b)
	if err != nil {
		in.fail(sum, name, err)
		return
	}
	r.marking = mk
	in.put(ctx, r, sum)
}

// parseRecord reads a JSON record: text|body|content, and optionally
// title|headline, date|published, url|link, source, byline|author, lang.
func parseRecord(name string, b []byte) (*rawDoc, error) {
	if !utf8.Valid(b) {
		return nil, badInput(name, "not valid UTF-8")
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, badInput(name, "malformed JSON: %s", jsonReason(err))
	}
	get := func(keys ...string) string {
		for _, k := range keys {
			if s, ok := m[k].(string); ok && strings.TrimSpace(s) != "" {
				return s
			}
		}
		return ""
	}
	text := get("text", "body", "content")
	if strings.TrimSpace(text) == "" {
		for _, k := range []string{"text", "body", "content"} {
			if _, ok := m[k].(string); ok { // present but blank: say so, not "no field"
				return nil, badInput(name, "%q field is empty", k)
			}
		}
		return nil, badInput(name, `no "text" or "body" field`)
	}
	if strings.IndexByte(text, 0) >= 0 {
		return nil, badInput(name, "binary content (NUL character in text)")
	}
	r := &rawDoc{
		name: name, text: text, title: get("title", "headline"), url: get("url", "link"),
		source: get("source", "publisher"), byline: get("byline", "author"), lang: get("lang", "language"),
	}
	if ds := get("date", "published", "published_at", "pubdate", "datetime", "time"); ds != "" {
		if t, ok := ParseTime(ds); ok {
			r.inputDate = t
		}
	}
	return r, nil
}

func jsonReason(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%v (at byte %d)", se, se.Offset)
	}
	return truncate(err.Error(), 200)
}
