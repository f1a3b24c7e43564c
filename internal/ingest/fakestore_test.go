package ingest

import (
	"context"
	"sync"
	"time"

	"github.com/liaison-project/liaison"
)

// fakeStore is the smallest DocumentStore and FeedStore with the dedupe
// behaviour ingest relies on: exact duplicates by content hash or canonical
// URL, near-duplicate candidates by SimHash distance.
type fakeStore struct {
	mu    sync.Mutex
	docs  []liaison.Document
	feeds []liaison.Feed
}

var (
	_ liaison.DocumentStore = (*fakeStore)(nil)
	_ liaison.FeedStore     = (*fakeStore)(nil)
)

func (s *fakeStore) PutDocument(ctx context.Context, d *liaison.Document) (liaison.PutResult, error) {
	if v, ok := liaison.ViewerFrom(ctx); !ok || !v.System {
		return liaison.PutResult{}, liaison.Errorf(liaison.ErrForbidden, "not the system viewer")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, o := range s.docs {
		if o.ContentHash == d.ContentHash || (d.CanonicalURL != "" && o.CanonicalURL == d.CanonicalURL) {
			return liaison.PutResult{ID: o.ID, Status: "duplicate"}, nil
		}
	}
	if d.DuplicateOf != "" {
		found := false
		for _, o := range s.docs {
			found = found || o.ID == d.DuplicateOf
		}
		if !found {
			return liaison.PutResult{}, liaison.Errorf(liaison.ErrInvalid, "duplicate_of %s: no such document", d.DuplicateOf)
		}
	}
	s.docs = append(s.docs, *d)
	st := "stored"
	if d.DuplicateOf != "" {
		st = "near-duplicate"
	}
	return liaison.PutResult{ID: d.ID, Status: st}, nil
}

func (s *fakeStore) Document(ctx context.Context, id string) (*liaison.Document, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.docs {
		if d.ID == id {
			return &d, nil
		}
	}
	return nil, liaison.Errorf(liaison.ErrNotFound, "document %q", id)
}

func (s *fakeStore) Documents(ctx context.Context, f liaison.DocumentFilter) (liaison.Page[liaison.Document], error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return liaison.Page[liaison.Document]{Items: append([]liaison.Document{}, s.docs...), Total: len(s.docs)}, nil
}

func (s *fakeStore) Search(ctx context.Context, q liaison.SearchQuery) (liaison.Page[liaison.SearchHit], error) {
	return liaison.Page[liaison.SearchHit]{}, liaison.Errorf(liaison.ErrInvalid, "search not supported by the fake")
}

func (s *fakeStore) NearDuplicateCandidates(ctx context.Context, h uint64, maxDistance int) ([]liaison.Document, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []liaison.Document{}
	for _, d := range s.docs {
		if Hamming(d.SimHash, h) <= maxDistance {
			out = append(out, d)
		}
	}
	return out, nil
}

func (s *fakeStore) all() []liaison.Document {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]liaison.Document{}, s.docs...)
}

func (s *fakeStore) PutFeed(ctx context.Context, f *liaison.Feed) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, o := range s.feeds {
		if o.URL == f.URL {
			f.ID = o.ID
			s.feeds[i] = *f
			return nil
		}
	}
	if f.ID == "" {
		f.ID = liaison.NewID(time.Now())
	}
	s.feeds = append(s.feeds, *f)
	return nil
}

func (s *fakeStore) Feed(ctx context.Context, id string) (*liaison.Feed, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, f := range s.feeds {
		if f.ID == id {
			return &f, nil
		}
	}
	return nil, liaison.Errorf(liaison.ErrNotFound, "feed %q", id)
}

func (s *fakeStore) Feeds(ctx context.Context) ([]liaison.Feed, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]liaison.Feed{}, s.feeds...), nil
}

func (s *fakeStore) DeleteFeed(ctx context.Context, idOrURL string) error {
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

func (s *fakeStore) DueFeeds(ctx context.Context, now time.Time) ([]liaison.Feed, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []liaison.Feed{}
	for _, f := range s.feeds {
		if !f.NextPoll.After(now) {
			out = append(out, f)
		}
	}
	return out, nil
}
