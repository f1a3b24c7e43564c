package ingest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
)

// newSite serves pages, feeds and every kind of failure ingest must survive.
func newSite(t *testing.T) *httptest.Server {
	t.Helper()
	article, err := os.ReadFile("testdata/html/article.html")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("/world/article", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(article)
	})
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title><link>%[1]s/</link>
<item><title>Full entry</title><link>%[1]s/a1</link><pubDate>Tue, 04 Jul 2023 06:00:00 GMT</pubDate><description>%[2]s</description>
<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[<p>%[3]s</p>]]></content:encoded></item>
<item><title>Summary only</title><link>/full?utm_source=feed</link><description>Teaser.</description></item>
</channel></rss>`, srv.URL, "short", story("Kyiv"))
	})
	mux.HandleFunc("/full", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, `<html lang="en"><head><title>Full story</title><meta name="date" content="2023-07-05"></head><body><nav><a href="/">home</a></nav><article><p>%s</p></article></body></html>`, story("Warsaw"))
	})
	mux.HandleFunc("/plain.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=iso-8859-1")
		w.Write([]byte("Z\xfcrich, 3 March 2023\n" + story("Bern")))
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop2", http.StatusFound) })
	mux.HandleFunc("/loop2", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/500", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", http.StatusInternalServerError) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(10 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<p>" + strings.Repeat("x ", 40<<10) + "</p>"))
	})
	mux.HandleFunc("/image.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00"))
	})
	mux.HandleFunc("/badfeed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("<rss><channel><title>x</title></rss"))
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func webIngester(srv *httptest.Server, st *fakeStore) *Ingester {
	c := srv.Client()
	c.Timeout = time.Second // generous: CI machines are loaded
	return New(Config{Store: st, Client: c, MaxBytes: 64 << 10, HostInterval: -1})
}

func TestRunWeb(t *testing.T) {
	srv := newSite(t)
	st := &fakeStore{}
	in := webIngester(srv, st)
	sum, err := in.Run(context.Background(), []string{
		srv.URL + "/world/article", srv.URL + "/feed.xml", srv.URL + "/plain.txt",
		srv.URL + "/loop", srv.URL + "/500", srv.URL + "/slow", srv.URL + "/big", srv.URL + "/image.png",
		srv.URL + "/badfeed.xml", "http://127.0.0.1:1/unreachable",
	})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Stored != 4 || sum.Failed != 7 {
		t.Errorf("summary %s", summaryCounts(sum))
	}
	for _, e := range sum.Errors {
		t.Log(e)
	}
	for _, want := range []string{"/loop: redirect loop at", "/500: HTTP 500 Internal Server Error", "/slow: timed out",
		"/big: too large", "/image.png: unsupported content type", "/badfeed.xml: ", "/unreachable: "} {
		if !containsErr(sum.Errors, want) {
			t.Errorf("no error containing %q", want)
		}
	}
	docs := map[string]liaison.Document{}
	for _, d := range st.all() {
		checkFilled(t, d)
		docs[d.Title] = d
		if strings.HasSuffix(d.URL, "/plain.txt") {
			docs["plain"] = d
		}
	}
	a := docs["Japan joins NATO partners at Vilnius summit"]
	if a.CanonicalURL != srv.URL+"/world/2023/07/japan-vilnius?id=7" || a.DateSource != liaison.DateFromMeta || a.Byline != "Jane Smith" || a.Source != "Example Defence News" {
		t.Errorf("article: %+v", a)
	}
	full := docs["Summary only"]
	if !strings.Contains(full.Text, "Warsaw") || full.DateSource != liaison.DateFromMeta || full.CanonicalURL != srv.URL+"/full" {
		t.Errorf("summary-only entry was not completed from its link: %+v", full)
	}
	if f := docs["Full entry"]; f.DateSource != liaison.DateFromFeed || !strings.Contains(f.Text, "Kyiv") || f.Source != "Test Wire" {
		t.Errorf("full entry: %+v", f)
	}
	if p := docs["plain"]; p.DateSource != liaison.DateFromText || p.Published.Format("2006-01-02") != "2023-03-03" || !strings.HasPrefix(p.Text, "Zürich") {
		t.Errorf("plain text in ISO-8859-1: %+v", p)
	}
	again, _ := in.Run(context.Background(), []string{srv.URL + "/world/article", srv.URL + "/feed.xml"})
	if again.Stored != 0 || again.Duplicates != 3 {
		t.Errorf("second run %s", summaryCounts(again))
	}
}

func TestFetcherRedirectLimitAndUserAgent(t *testing.T) {
	var ua atomic.Value
	mux := http.NewServeMux()
	mux.HandleFunc("/r/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/r/"), "%d", &n)
		http.Redirect(w, r, fmt.Sprintf("/r/%d", n+1), http.StatusMovedPermanently)
	})
	mux.HandleFunc("/ua", func(w http.ResponseWriter, r *http.Request) { ua.Store(r.UserAgent()) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	f := NewFetcher(FetchConfig{Client: srv.Client(), MaxRedirects: 3, HostInterval: -1, UserAgent: "LiaisonTest/1"})
	_, err := f.Get(context.Background(), srv.URL+"/r/0", Validators{})
	if err == nil || !strings.Contains(err.Error(), "too many redirects (more than 3)") {
		t.Errorf("err %v", err)
	}
	if _, err := f.Get(context.Background(), srv.URL+"/ua", Validators{}); err != nil {
		t.Fatal(err)
	}
	if ua.Load() != "LiaisonTest/1" {
		t.Errorf("user agent %v", ua.Load())
	}
	if _, err := f.Get(context.Background(), "ftp://example.com/x", Validators{}); err == nil {
		t.Error("ftp URL accepted")
	}
}

func TestFetcherRateLimit(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	f := NewFetcher(FetchConfig{Client: srv.Client(), HostInterval: 60 * time.Millisecond})
	start := time.Now()
	for range 3 {
		if _, err := f.Get(context.Background(), srv.URL, Validators{}); err != nil {
			t.Fatal(err)
		}
	}
	if el := time.Since(start); el < 120*time.Millisecond {
		t.Errorf("3 requests to one host took %v, want >= 120ms", el)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := f.Get(ctx, srv.URL, Validators{}); err == nil {
		t.Error("cancelled wait did not fail")
	}
}
