package eval

import (
	"archive/tar"
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/liaison-project/liaison"
)

// PolNeARPath is the PolNeAR attribution corpus under the shared directory.
const PolNeARPath = "data/gold/quotes/polnear_v1_text_attributions.tar.gz"

// Attribution is one gold PolNeAR attribution: content fragments and the
// source text (empty when the annotator marked none).
type Attribution struct {
	Content     [][2]int // code point spans
	Source      string
	SourceStart int
}

// AttrDoc is one PolNeAR article with one annotator's attributions.
type AttrDoc struct {
	Name  string
	Text  string
	Attrs []Attribution
}

// ReadPolNeAR reads the articles of one split ("train", "dev", "test") and,
// for each, the first annotation file (in name order) made of it.
func ReadPolNeAR(r io.Reader, split string) ([]AttrDoc, error) {
	gz, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("polnear: %w", err)
	}
	tr := tar.NewReader(gz)
	texts := map[string]string{}
	anns := map[string]string{}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("polnear: %w", err)
		}
		dir, base := path.Split(h.Name)
		if !strings.Contains(dir, "/data/"+split+"/") {
			continue
		}
		switch {
		case strings.HasSuffix(dir, "/text/") && strings.HasSuffix(base, ".txt"):
			b, err := io.ReadAll(tr)
			if err != nil {
				return nil, fmt.Errorf("polnear %s: %w", h.Name, err)
			}
			texts[strings.TrimSuffix(base, ".txt")] = string(b)
		case strings.HasSuffix(dir, "/attributions/") && strings.HasSuffix(base, ".ann"):
			key := base[:strings.LastIndexByte(base, '_')]
			if prev, ok := anns[key+"\x00name"]; ok && prev < base {
				continue
			}
			b, err := io.ReadAll(tr)
			if err != nil {
				return nil, fmt.Errorf("polnear %s: %w", h.Name, err)
			}
			anns[key] = string(b)
			anns[key+"\x00name"] = base
		}
	}
	var docs []AttrDoc
	for name, text := range texts {
		ann, ok := anns[name]
		if !ok {
			continue
		}
		attrs, err := quoteParseBrat(ann, text)
		if err != nil {
			return nil, fmt.Errorf("polnear %s: %w", name, err)
		}
		docs = append(docs, AttrDoc{Name: name, Text: text, Attrs: attrs})
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].Name < docs[j].Name })
	if len(docs) == 0 {
		return nil, fmt.Errorf("polnear: no annotated %s articles: %w", split, liaison.ErrInvalid)
	}
	return docs, nil
}

// parseBrat reads brat standoff: T lines (type, spans) and E lines tying
// Content, Source and Cue together.
func quoteParseBrat(ann, text string) ([]Attribution, error) {
	type tb struct {
		typ   string
		spans [][2]int
	}
	ts := map[string]tb{}
	var events []string
	nRunes := utf8.RuneCountInString(text)
	sc := bufio.NewScanner(strings.NewReader(ann))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 2 || f[0] == "" {
			continue
		}
		switch f[0][0] {
		case 'T':
			head := strings.SplitN(f[1], " ", 2)
			if len(head) < 2 {
				return nil, fmt.Errorf("bad line %q: %w", sc.Text(), liaison.ErrInvalid)
			}
			var spans [][2]int
			for _, p := range strings.Split(head[1], ";") {
				var a, b int
				if _, err := fmt.Sscanf(p, "%d %d", &a, &b); err != nil || a < 0 || a > b || b > nRunes {
					return nil, fmt.Errorf("bad span %q: %w", p, liaison.ErrInvalid)
				}
				spans = append(spans, [2]int{a, b})
			}
			ts[f[0]] = tb{head[0], spans}
		case 'E':
			events = append(events, f[1])
		}
	}
	runes := []rune(text)
	var out []Attribution
	for _, e := range events {
		var a Attribution
		for _, arg := range strings.Fields(e) {
			role, id, _ := strings.Cut(arg, ":")
			t := ts[id]
			switch {
			case strings.HasPrefix(role, "Content"):
				a.Content = append(a.Content, t.spans...)
			case strings.HasPrefix(role, "Source") && len(t.spans) > 0:
				s := t.spans[0]
				if s[0] >= 0 && s[1] <= len(runes) && s[0] <= s[1] {
					a.Source, a.SourceStart = string(runes[s[0]:s[1]]), s[0]
				}
			}
		}
		if len(a.Content) > 0 {
			out = append(out, a)
		}
	}
	return out, nil
}

// polnearDate reads the publication date from an article name
// ("nyt_2016-10-04_…").
func polnearDate(name string) time.Time {
	parts := strings.Split(name, "_")
	if len(parts) > 1 {
		if t, err := time.Parse("2006-01-02", parts[1]); err == nil {
			return t
		}
	}
	return time.Date(2016, 10, 1, 0, 0, 0, 0, time.UTC)
}

func loadPolNeAR(split string) ([]AttrDoc, error) {
	return readGold(PolNeARPath, func(r io.Reader) ([]AttrDoc, error) { return ReadPolNeAR(r, split) })
}
