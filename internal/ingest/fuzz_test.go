package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func seedFiles(f *testing.F, glob string) {
	files, _ := filepath.Glob(glob)
	for _, p := range files {
		if strings.HasSuffix(p, ".golden.json") {
			continue
		}
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
}

func FuzzExtractHTML(f *testing.F) {
	seedFiles(f, "testdata/html/*.html")
	f.Add([]byte("<p>unclosed <b>tags <div><article><p>text"))
	f.Add([]byte(`<script type="application/ld+json">{"@graph":[[[{"@type":"Article","author":[{"name":1}]}]]]}</script><p>x</p>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := ExtractHTML("fuzz.html", b, nil)
		if err != nil {
			return
		}
		if strings.TrimSpace(p.Text) == "" {
			t.Fatal("no error but no text")
		}
		if utf8.Valid(b) && !utf8.ValidString(p.Text) {
			t.Fatal("invalid UTF-8 out of valid input")
		}
	})
}

func fuzzFeed(f *testing.F, kind FeedKind, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		pf, err := ParseFeed("fuzz", b, nil)
		if err != nil {
			return
		}
		if pf.Kind == "" {
			t.Fatal("parsed feed without a kind")
		}
		_ = kind
	})
}

func FuzzParseRSS(f *testing.F) {
	seedFiles(f, "testdata/feeds/rss.xml")
	fuzzFeed(f, FeedRSS, `<rss><channel><item><title>a</title><link>http://x/</link><description>&lt;p&gt;b</description></item></channel></rss>`,
		`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><item rdf:about="u"><title>t</title></item></rdf:RDF>`)
}

func FuzzParseAtom(f *testing.F) {
	seedFiles(f, "testdata/feeds/atom.xml")
	fuzzFeed(f, FeedAtom, `<feed><entry><title type="xhtml"><div><p>x</p></div></title><content type="html">&lt;b&gt;y</content></entry></feed>`)
}

func FuzzParseJSONFeed(f *testing.F) {
	seedFiles(f, "testdata/feeds/feed.json")
	fuzzFeed(f, FeedJSON, `{"version":"https://jsonfeed.org/version/1","items":[{"id":1,"content_text":"x"}]}`)
}

func FuzzJSONLRecord(f *testing.F) {
	f.Add([]byte(`{"title":"One","date":"26-FEB-1987 15:01:01.79","body":"text"}`))
	f.Add([]byte(`{"text":"a\u0000b"}`))
	f.Add([]byte(`[1,2]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := parseRecord("fuzz.jsonl:1", b)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.jsonl:1: ") {
				t.Fatalf("error does not name the input: %v", err)
			}
			return
		}
		if strings.TrimSpace(r.text) == "" {
			t.Fatal("record without text accepted")
		}
	})
}

func FuzzCSV(f *testing.F) {
	f.Add("title,date,text\nA,2023-07-09,\"hello, world\"\n")
	f.Add("text\n\"unterminated\n")
	f.Add("a,b\n1,2\n")
	f.Fuzz(func(t *testing.T, s string) {
		dir := t.TempDir()
		p := filepath.Join(dir, "f.csv")
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		st := &fakeStore{}
		sum, err := New(Config{Store: st, HostInterval: -1}).Run(context.Background(), []string{p})
		if err != nil {
			t.Fatal(err)
		}
		if sum.Stored+sum.NearDuplicates != len(st.all()) {
			t.Fatalf("summary %s but %d stored", summaryCounts(sum), len(st.all()))
		}
		for _, e := range sum.Errors {
			if !strings.HasPrefix(e.Error(), p) {
				t.Fatalf("error does not name the input: %v", e)
			}
		}
	})
}

func FuzzDateFromText(f *testing.F) {
	f.Add("TOKYO, July 4 (Reuters) - x")
	f.Add("2023-02-30\n")
	f.Add("Feb 29, 2023")
	f.Fuzz(func(t *testing.T, s string) {
		ref := time.Date(2023, 8, 1, 0, 0, 0, 0, time.UTC)
		if d, ok := DateFromText(s, ref); ok && (d.Year() < 1900 || d.Year() > 2100) {
			t.Fatalf("implausible date %v", d)
		}
		ParseTime(s)
		CanonicalURL(s)
		NormalizeText(s)
	})
}
