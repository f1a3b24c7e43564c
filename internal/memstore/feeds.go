package memstore

import (
	"context"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// PutFeed inserts a feed or updates the one with the same URL, under the
// SQLite store's rules: an update never lowers the stored marking
// (marking.Lowers answers ErrInvalid), so that a re-subscription cannot
// release the feed's future documents more widely.
func (s *Store) PutFeed(ctx context.Context, f *liaison.Feed) error {
	if err := requireSystem(ctx, "put feed"); err != nil {
		return err
	}
	if f == nil || strings.TrimSpace(f.URL) == "" {
		return liaison.Errorf(liaison.ErrInvalid, "feed: empty URL")
	}
	if f.Every < 0 {
		return liaison.Errorf(liaison.ErrInvalid, "feed %s: negative interval %s", f.URL, f.Every)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, o := range s.feeds {
		if o.URL != f.URL {
			continue
		}
		if marking.Lowers(f.Marking, o.Marking) {
			return liaison.Errorf(liaison.ErrInvalid,
				"feed %s: marking %q would lower the feed's marking; a feed's marking only becomes stricter (remove the feed and subscribe it again to lower it)",
				f.URL, marking.Format(f.Marking))
		}
		f.ID = o.ID
		s.feeds[i] = *f
		return nil
	}
	if f.ID == "" {
		f.ID = liaison.NewID(time.Now())
	}
	s.feeds = append(s.feeds, *f)
	return nil
}

// Feed returns one feed by id.
func (s *Store) Feed(ctx context.Context, id string) (*liaison.Feed, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, f := range s.feeds {
		if f.ID == id && Visible(ctx, f.Marking) {
			return &f, nil
		}
	}
	return nil, liaison.Errorf(liaison.ErrNotFound, "feed %q", id)
}

// Feeds lists every feed.
func (s *Store) Feeds(ctx context.Context) ([]liaison.Feed, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []liaison.Feed{}
	for _, f := range s.feeds {
		if Visible(ctx, f.Marking) {
			out = append(out, f)
		}
	}
	return out, nil
}

// DeleteFeed removes a feed by id or URL.
func (s *Store) DeleteFeed(ctx context.Context, idOrURL string) error {
	if err := requireSystem(ctx, "delete feed"); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, f := range s.feeds {
		if f.ID == idOrURL || f.URL == idOrURL {
			s.feeds = append(s.feeds[:i], s.feeds[i+1:]...)
			return nil
		}
	}
	return liaison.Errorf(liaison.ErrNotFound, "feed %q", idOrURL)
}

// DueFeeds returns feeds due at now.
func (s *Store) DueFeeds(ctx context.Context, now time.Time) ([]liaison.Feed, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []liaison.Feed
	for _, f := range s.feeds {
		if Visible(ctx, f.Marking) && !f.NextPoll.After(now) {
			out = append(out, f)
		}
	}
	return out, nil
}
