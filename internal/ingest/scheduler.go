package ingest

import (
	"context"
	"log/slog"
	"net/url"
	"time"

	"github.com/liaison-project/liaison"
)

// Scheduler polls the subscribed feeds when they are due, with conditional
// GET, per-host rate limiting (through the Ingester's fetcher) and
// exponential backoff after failures. `liaison serve` runs it.
type Scheduler struct {
	ing   *Ingester
	feeds liaison.FeedStore
	tick  time.Duration
	now   func() time.Time
	log   *slog.Logger
}

// SchedulerConfig tunes a Scheduler; zero values take the defaults.
type SchedulerConfig struct {
	// Tick is how often due feeds are looked for (default 30s).
	Tick   time.Duration
	Now    func() time.Time
	Logger *slog.Logger
}

// NewScheduler returns a scheduler that ingests due feeds of fs through ing.
func NewScheduler(ing *Ingester, fs liaison.FeedStore, cfg SchedulerConfig) *Scheduler {
	s := &Scheduler{ing: ing, feeds: fs, tick: cfg.Tick, now: cfg.Now, log: cfg.Logger}
	if s.tick <= 0 {
		s.tick = 30 * time.Second
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.log == nil {
		s.log = ing.log
	}
	return s
}

// Run polls due feeds every tick until ctx ends; it returns ctx's error.
func (s *Scheduler) Run(ctx context.Context) error {
	t := time.NewTicker(s.tick)
	defer t.Stop()
	for {
		if _, err := s.PollDue(ctx); err != nil && ctx.Err() == nil {
			s.log.Error("feed poll failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

// PollDue polls every feed due now once and returns what was ingested.
func (s *Scheduler) PollDue(ctx context.Context) (Summary, error) {
	sys := liaison.SystemContext(ctx)
	due, err := s.feeds.DueFeeds(sys, s.now())
	if err != nil {
		return Summary{}, err
	}
	var total Summary
	for i := range due {
		if ctx.Err() != nil {
			return total, ctx.Err()
		}
		total.Add(s.Poll(ctx, &due[i]))
	}
	return total, nil
}

// Poll fetches one feed conditionally, ingests its entries and records the
// outcome on the feed: validators, next poll time, failures and last error.
func (s *Scheduler) Poll(ctx context.Context, f *liaison.Feed) Summary {
	var sum Summary
	resp, err := s.ing.fetch.Get(ctx, f.URL, Validators{ETag: f.ETag, LastModified: f.LastModified})
	now := s.now().UTC()
	f.LastPolled = now
	switch {
	case err != nil:
		s.failed(f, now, err)
	case resp.NotModified:
		s.ok(f, now)
	default:
		if kind := DetectFeed(resp.Body); kind == "" {
			s.failed(f, now, badInput(f.URL, "not an RSS, Atom or JSON feed"))
			break
		}
		base, _ := url.Parse(resp.URL)
		s.ing.feed(ctx, f.URL, resp.Body, base, resp.Fetched, f.Marking, &sum)
		if f.Title == "" {
			if pf, err := ParseFeed(f.URL, resp.Body, nil); err == nil {
				f.Title = pf.Title
			}
		}
		f.ETag, f.LastModified = resp.ETag, resp.LastModified
		s.ok(f, now)
		s.log.Info("feed polled", "url", f.URL, "stored", sum.Stored, "duplicates", sum.Duplicates,
			"near_duplicates", sum.NearDuplicates, "failed", sum.Failed)
	}
	if ctx.Err() != nil {
		return sum // do not record a cancelled poll as a failure
	}
	if err := s.feeds.PutFeed(liaison.SystemContext(ctx), f); err != nil {
		s.log.Error("saving feed state failed", "url", f.URL, "err", err)
	}
	return sum
}

func (s *Scheduler) ok(f *liaison.Feed, now time.Time) {
	f.Failures, f.LastError = 0, ""
	f.NextPoll = now.Add(every(f))
}

func (s *Scheduler) failed(f *liaison.Feed, now time.Time, err error) {
	f.Failures++
	f.LastError = err.Error()
	f.NextPoll = now.Add(Backoff(every(f), f.Failures))
	s.log.Warn("feed poll failed", "url", f.URL, "failures", f.Failures, "next_poll", f.NextPoll, "err", err)
}

// DefaultEvery is the polling interval of a feed added without one.
const DefaultEvery = 15 * time.Minute

func every(f *liaison.Feed) time.Duration {
	if f.Every <= 0 {
		return DefaultEvery
	}
	return f.Every
}
