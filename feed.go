package liaison

import (
	"context"
	"time"
)

// Feed is a subscribed RSS/Atom/JSON Feed URL polled on a schedule.
type Feed struct {
	ID           string        `json:"id"`
	URL          string        `json:"url"`
	Title        string        `json:"title,omitempty"`
	Every        time.Duration `json:"every"`
	ETag         string        `json:"etag,omitempty"`
	LastModified string        `json:"last_modified,omitempty"`
	LastPolled   time.Time     `json:"last_polled,omitzero"`
	NextPoll     time.Time     `json:"next_poll"`
	Failures     int           `json:"failures"`
	LastError    string        `json:"last_error,omitempty"`
	Marking      Marking       `json:"marking"`
}

// FeedStore keeps feed subscriptions and their polling state.
type FeedStore interface {
	PutFeed(ctx context.Context, f *Feed) error // insert or update by URL
	Feed(ctx context.Context, id string) (*Feed, error)
	Feeds(ctx context.Context) ([]Feed, error)
	DeleteFeed(ctx context.Context, idOrURL string) error
	// DueFeeds returns feeds whose NextPoll is at or before now.
	DueFeeds(ctx context.Context, now time.Time) ([]Feed, error)
}

// Stats are the overview counts a viewer may see.
type Stats struct {
	Documents int `json:"documents"`
	Events    int `json:"events"`
	Actors    int `json:"actors"`
	Places    int `json:"places"`
	Feeds     int `json:"feeds"`
}
