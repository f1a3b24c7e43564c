package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"golang.org/x/net/html/charset"
)

// Fetch defaults, chosen to be polite to publishers and safe for the node.
const (
	DefaultMaxBytes     = 10 << 20
	DefaultTimeout      = 30 * time.Second
	DefaultMaxRedirects = 10
	DefaultHostInterval = 500 * time.Millisecond
	DefaultUserAgent    = "Liaison/0.1 (+https://github.com/liaison-project/liaison)"
)

// Fetcher gets web pages and feeds: bounded in time, size and redirects,
// rate limited per host, and conditional when it has validators.
type Fetcher struct {
	client    *http.Client
	maxBytes  int64
	userAgent string
	limiter   *hostLimiter
}

// FetchConfig tunes a Fetcher; zero values take the defaults.
type FetchConfig struct {
	Client       *http.Client // copied; its CheckRedirect is replaced
	MaxBytes     int64
	MaxRedirects int
	HostInterval time.Duration // minimum gap between requests to one host; <0 disables
	UserAgent    string
}

// Response is a fetched body and the validators for the next conditional GET.
type Response struct {
	URL          string // after redirects
	Body         []byte
	ContentType  string
	ETag         string
	LastModified string
	NotModified  bool // 304: Body is empty
	Fetched      time.Time
}

// Validators are the ETag and Last-Modified of a previous fetch.
type Validators struct {
	ETag         string
	LastModified string
}

// NewFetcher returns a Fetcher for cfg.
func NewFetcher(cfg FetchConfig) *Fetcher {
	c := &http.Client{Timeout: DefaultTimeout}
	if cfg.Client != nil {
		cp := *cfg.Client
		c = &cp
	}
	maxRedir := cfg.MaxRedirects
	if maxRedir <= 0 {
		maxRedir = DefaultMaxRedirects
	}
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		for _, v := range via {
			if v.URL.String() == req.URL.String() {
				return fmt.Errorf("redirect loop at %s", req.URL)
			}
		}
		if len(via) >= maxRedir {
			return fmt.Errorf("too many redirects (more than %d)", maxRedir)
		}
		return nil
	}
	f := &Fetcher{client: c, maxBytes: cfg.MaxBytes, userAgent: cfg.UserAgent}
	if f.maxBytes <= 0 {
		f.maxBytes = DefaultMaxBytes
	}
	if f.userAgent == "" {
		f.userAgent = DefaultUserAgent
	}
	iv := cfg.HostInterval
	if iv == 0 {
		iv = DefaultHostInterval
	}
	f.limiter = &hostLimiter{interval: iv, next: map[string]time.Time{}}
	return f
}

// Get fetches rawURL. With validators it asks conditionally and reports a
// 304 as NotModified. Errors name the URL and the reason.
func (f *Fetcher) Get(ctx context.Context, rawURL string, v Validators) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, badInput(rawURL, "not an http(s) URL")
	}
	if err := f.limiter.wait(ctx, strings.ToLower(u.Host)); err != nil {
		return nil, &InputError{Input: rawURL, Err: err}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, badInput(rawURL, "%v", err)
	}
	req.Header.Set("User-Agent", f.userAgent)
	req.Header.Set("Accept", "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, */*;q=0.5")
	if v.ETag != "" {
		req.Header.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		req.Header.Set("If-Modified-Since", v.LastModified)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, &InputError{Input: rawURL, Err: errors.New(fetchReason(err))}
	}
	defer resp.Body.Close()
	out := &Response{
		URL: resp.Request.URL.String(), ContentType: resp.Header.Get("Content-Type"),
		ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified"), Fetched: time.Now().UTC(),
	}
	if resp.StatusCode == http.StatusNotModified {
		out.NotModified = true
		return out, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, &InputError{Input: rawURL, Err: &HTTPError{Status: resp.StatusCode, Text: resp.Status}}
	}
	if resp.ContentLength > f.maxBytes {
		return nil, badInput(rawURL, "too large (%d bytes, limit %d)", resp.ContentLength, f.maxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.maxBytes+1))
	if err != nil {
		return nil, &InputError{Input: rawURL, Err: errors.New("reading body: " + fetchReason(err))}
	}
	if int64(len(body)) > f.maxBytes {
		return nil, badInput(rawURL, "too large (more than %d bytes)", f.maxBytes)
	}
	out.Body, err = toUTF8(body, out.ContentType)
	if err != nil {
		return nil, badInput(rawURL, "%v", err)
	}
	return out, nil
}

// HTTPError is a non-2xx answer.
type HTTPError struct {
	Status int
	Text   string
}

// Error is "HTTP 500 Internal Server Error".
func (e *HTTPError) Error() string { return "HTTP " + e.Text }

// toUTF8 converts a body declared in another charset (Content-Type) to UTF-8.
func toUTF8(body []byte, contentType string) ([]byte, error) {
	_, params, _ := mime.ParseMediaType(contentType)
	cs := strings.ToLower(params["charset"])
	if cs == "" || cs == "utf-8" || cs == "utf8" || cs == "us-ascii" {
		return body, nil
	}
	r, err := charset.NewReaderLabel(cs, strings.NewReader(string(body)))
	if err != nil {
		return nil, fmt.Errorf("unknown charset %q", cs)
	}
	return io.ReadAll(r)
}

// fetchReason turns a transport error into a short reason for the user.
func fetchReason(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		if ue.Timeout() {
			return "timed out"
		}
		err = ue.Err
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return "timed out"
	}
	if errors.Is(err, context.Canceled) {
		return "cancelled"
	}
	return err.Error()
}

// hostLimiter spaces requests to one host by at least interval.
type hostLimiter struct {
	interval time.Duration
	mu       sync.Mutex
	next     map[string]time.Time
}

func (l *hostLimiter) wait(ctx context.Context, host string) error {
	if l.interval < 0 {
		return nil
	}
	l.mu.Lock()
	now := time.Now()
	at := l.next[host]
	if at.Before(now) {
		at = now
	}
	l.next[host] = at.Add(l.interval)
	l.mu.Unlock()
	d := time.Until(at)
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Backoff is the wait before polling a feed again after failures: the feed's
// interval doubled per consecutive failure, at most a day.
func Backoff(every time.Duration, failures int) time.Duration {
	if every <= 0 {
		every = 15 * time.Minute
	}
	const maxWait = 24 * time.Hour
	d := every
	for range min(failures, 20) {
		d *= 2
		if d >= maxWait {
			return maxWait
		}
	}
	return d
}
