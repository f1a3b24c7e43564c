// Package ingest gathers reports into the store: local files and directories,
// web pages, and RSS/Atom/JSON feeds. It checks and normalises the text,
// dates it, identifies duplicates (content hash, canonical URL, SimHash
// near-duplicates) and hands each new document to the extraction pipeline.
// It talks to storage only through liaison.DocumentStore and FeedStore.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/liaison-project/liaison"
)

// Pipeline runs over each newly stored document (sentence splitting,
// extraction, storing the extraction). The application wires the engine and
// the store into it; ingest only calls it.
type Pipeline interface {
	Process(ctx context.Context, d *liaison.Document) error
}

// Config is what an Ingester needs. Store is required; the rest defaults.
type Config struct {
	Store    liaison.DocumentStore
	Pipeline Pipeline     // nil: store and index only
	Client   *http.Client // nil: a client with DefaultTimeout
	// MaxBytes limits a fetched body, a whole-document file, and one record
	// of a JSONL or CSV file. 0: DefaultMaxBytes.
	MaxBytes int64
	// TextColumn is the CSV column holding the text (default "text").
	TextColumn string
	// Marking is given to every document of a Run.
	Marking liaison.Marking
	// Origin records this node on every document.
	Origin liaison.Origin
	Logger *slog.Logger
	// Progress receives a line every ProgressEvery documents (nil: none).
	Progress      io.Writer
	ProgressEvery int
	// HostInterval spaces requests to one host (0: DefaultHostInterval, <0: none).
	HostInterval time.Duration
	UserAgent    string
	// Now is the clock (nil: time.Now), for tests.
	Now func() time.Time
	// Batch, when set, writes bulk inputs (JSONL, CSV) many documents to a
	// transaction; it must write to the same store as Store.
	Batch BatchStore
	// BatchSize is the most documents per batch (default 64).
	BatchSize int
}

// BatchResult is the outcome of one document of a batch write: what
// PutDocument would have answered, or the item's own error.
type BatchResult struct {
	liaison.PutResult
	Err error
}

// BatchStore writes many documents in one transaction, applying
// PutDocument's rules to each (exact duplicates, also within the batch, are
// reported, not written). The error is for the batch as a whole.
type BatchStore interface {
	PutDocuments(ctx context.Context, docs []*liaison.Document) ([]BatchResult, error)
}

// Summary counts what a Run did. Near-duplicates are stored and linked to
// the first copy; duplicates are not stored at all.
type Summary struct {
	Stored         int `json:"stored"`
	Duplicates     int `json:"duplicates"`
	NearDuplicates int `json:"near_duplicates"`
	Failed         int `json:"failed"`
	// Completed counts documents of an earlier, interrupted run whose
	// extraction this run finished.
	Completed int           `json:"completed,omitempty"`
	Errors    []*InputError `json:"errors,omitempty"`
	// IDs lists the documents stored (new or near-duplicate), in order.
	IDs []string `json:"ids,omitempty"`

	start time.Time // when the run began, for the progress rate
}

// processed is how many items the summary has seen.
func (s *Summary) processed() int { return s.Stored + s.Duplicates + s.NearDuplicates + s.Failed }

// Add merges o into s.
func (s *Summary) Add(o Summary) {
	s.Stored += o.Stored
	s.Duplicates += o.Duplicates
	s.NearDuplicates += o.NearDuplicates
	s.Failed += o.Failed
	s.Completed += o.Completed
	s.Errors = append(s.Errors, o.Errors...)
	s.IDs = append(s.IDs, o.IDs...)
}

// Ingester turns inputs into stored documents. It is safe for concurrent use
// by the CLI and the feed scheduler.
type Ingester struct {
	cfg    Config
	fetch  *Fetcher
	log    *slog.Logger
	seenMu sync.Mutex
	seen   map[string]bool // canonical entry links already handled in this process
}

// maxSeen bounds the remembered entry links.
const maxSeen = 100_000

// New returns an Ingester for cfg.
func New(cfg Config) *Ingester {
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = DefaultMaxBytes
	}
	if cfg.TextColumn == "" {
		cfg.TextColumn = "text"
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.ProgressEvery <= 0 {
		cfg.ProgressEvery = 1000
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = 64
	}
	f := NewFetcher(FetchConfig{Client: cfg.Client, MaxBytes: cfg.MaxBytes, HostInterval: cfg.HostInterval, UserAgent: cfg.UserAgent})
	return &Ingester{cfg: cfg, fetch: f, log: cfg.Logger, seen: map[string]bool{}}
}

// Fetcher is the Ingester's fetcher, shared with the scheduler so that the
// per-host rate limit covers both.
func (in *Ingester) Fetcher() *Fetcher { return in.fetch }

// Run ingests every input (file, directory, http(s) URL of a page or feed)
// and goes on past bad items. It returns an error only when ctx ends.
func (in *Ingester) Run(ctx context.Context, inputs []string) (Summary, error) {
	sum := &Summary{start: time.Now()}
	for _, input := range inputs {
		if err := ctx.Err(); err != nil {
			return *sum, err
		}
		in.input(ctx, input, in.cfg.Marking, sum)
	}
	in.completePending(ctx, sum)
	if sum.processed() >= in.cfg.ProgressEvery {
		in.report(sum)
	}
	return *sum, ctx.Err()
}

func (in *Ingester) input(ctx context.Context, input string, mk liaison.Marking, sum *Summary) {
	if isURL(input) {
		in.url(ctx, input, mk, sum)
		return
	}
	in.path(ctx, input, mk, sum)
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// fail records the failure of one item.
func (in *Ingester) fail(sum *Summary, input string, err error) {
	ie := inputErr(input, err)
	in.log.Warn("ingest failed", "input", ie.Input, "reason", ie.Err.Error())
	sum.Failed++
	sum.Errors = append(sum.Errors, ie)
	in.tick(sum)
}

func (in *Ingester) tick(sum *Summary) {
	if in.cfg.Progress != nil && sum.processed()%in.cfg.ProgressEvery == 0 {
		in.report(sum)
	}
}

func (in *Ingester) report(sum *Summary) {
	if in.cfg.Progress == nil {
		return
	}
	el := time.Since(sum.start).Seconds()
	rate := 0.0
	if el > 0 && !sum.start.IsZero() {
		rate = float64(sum.processed()) / el
	}
	fmt.Fprintf(in.cfg.Progress, "ingest: %d processed (%d stored, %d duplicate, %d near-duplicate, %d failed), %.0f docs/s\n",
		sum.processed(), sum.Stored, sum.Duplicates, sum.NearDuplicates, sum.Failed, rate)
}

// url fetches a page or feed and ingests it.
func (in *Ingester) url(ctx context.Context, input string, mk liaison.Marking, sum *Summary) {
	resp, err := in.fetch.Get(ctx, input, Validators{})
	if err != nil {
		in.fail(sum, input, err)
		return
	}
	base, _ := url.Parse(resp.URL)
	if DetectFeed(resp.Body) != "" {
		in.feed(ctx, input, resp.Body, base, resp.Fetched, mk, sum)
		return
	}
	r, err := in.page(input, resp)
	if err != nil {
		in.fail(sum, input, err)
		return
	}
	r.marking = mk
	in.put(ctx, r, sum)
}

// page turns a fetched HTML or plain-text body into a raw document.
func (in *Ingester) page(input string, resp *Response) (*rawDoc, error) {
	base, _ := url.Parse(resp.URL)
	ct := strings.ToLower(resp.ContentType)
	if strings.HasPrefix(ct, "text/plain") {
		if err := CheckBytes(input, resp.Body); err != nil {
			return nil, err
		}
		return &rawDoc{name: input, text: string(resp.Body), url: resp.URL, fetched: resp.Fetched}, nil
	}
	if ct != "" && !strings.Contains(ct, "html") && !strings.Contains(ct, "xml") {
		return nil, badInput(input, "unsupported content type %q", resp.ContentType)
	}
	if err := CheckBytes(input, resp.Body); err != nil {
		return nil, err
	}
	p, err := ExtractHTML(input, resp.Body, base)
	if err != nil {
		return nil, err
	}
	r := &rawDoc{
		name: input, text: p.Text, title: p.Title, byline: p.Byline, source: p.SiteName,
		url: resp.URL, canonical: p.CanonicalURL, lang: p.Lang, fetched: resp.Fetched,
	}
	if !p.Published.IsZero() {
		r.published, r.dateSource = p.Published, liaison.DateFromMeta
	}
	return r, nil
}

// feed ingests every entry of a feed body; entries with only a summary have
// their link fetched for the full text.
func (in *Ingester) feed(ctx context.Context, name string, body []byte, base *url.URL, fetched time.Time, mk liaison.Marking, sum *Summary) {
	f, err := ParseFeed(name, body, base)
	if err != nil {
		in.fail(sum, name, err)
		return
	}
	source := f.Title
	if source == "" && base != nil {
		source = base.Hostname()
	}
	for i, e := range f.Entries {
		if ctx.Err() != nil {
			return
		}
		item := fmt.Sprintf("%s entry %d", name, i+1)
		if e.Link != "" {
			item = e.Link
		}
		canon := CanonicalURL(e.Link)
		if canon != "" && in.seenLink(canon) {
			sum.Duplicates++
			in.tick(sum)
			continue
		}
		r, err := in.entry(ctx, item, e, fetched)
		if err != nil {
			in.fail(sum, item, err)
			continue
		}
		r.source, r.marking = first(r.source, source), mk
		if r.lang == "" {
			r.lang = f.Lang
		}
		if in.put(ctx, r, sum) && canon != "" {
			in.markLink(canon)
		}
	}
}

func (in *Ingester) entry(ctx context.Context, item string, e FeedEntry, fetched time.Time) (*rawDoc, error) {
	r := &rawDoc{name: item, text: e.Content, title: e.Title, byline: e.Author, url: e.Link, lang: e.Lang, fetched: fetched}
	if !e.Published.IsZero() {
		r.published, r.dateSource = e.Published, liaison.DateFromFeed
	}
	if r.text == "" && isURL(e.Link) {
		resp, err := in.fetch.Get(ctx, e.Link, Validators{})
		if err == nil {
			if p, perr := in.page(e.Link, resp); perr == nil {
				r.text, r.canonical = p.text, p.canonical
				r.byline, r.lang, r.source = first(r.byline, p.byline), first(r.lang, p.lang), p.source
				r.title = first(r.title, p.title)
				if r.dateSource == "" && p.dateSource != "" {
					r.published, r.dateSource = p.published, p.dateSource
				}
			} else {
				err = perr
			}
		}
		if err != nil {
			in.log.Warn("entry link not fetched; using the feed summary", "link", e.Link, "err", err)
		}
	}
	if r.text == "" {
		r.text = e.Summary
	}
	if strings.TrimSpace(r.text) == "" {
		return nil, badInput(item, "feed entry has no text")
	}
	return r, nil
}

func (in *Ingester) seenLink(canon string) bool {
	in.seenMu.Lock()
	defer in.seenMu.Unlock()
	return in.seen[canon]
}

func (in *Ingester) markLink(canon string) {
	in.seenMu.Lock()
	defer in.seenMu.Unlock()
	if len(in.seen) >= maxSeen {
		clear(in.seen)
	}
	in.seen[canon] = true
}

// errNoStore guards against a Config without a store.
var errNoStore = errors.New("ingest: no document store configured")
