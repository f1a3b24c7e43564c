package ingest

import (
	"context"
	"sync"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/memstore"
)

// fakeStore is the smallest DocumentStore with the dedupe behaviour ingest
// relies on: exact duplicates by content hash or canonical URL, near-duplicate
// candidates by SimHash distance. Its feeds are kept by a memstore.Store.
type fakeStore struct {
	mu    sync.Mutex
	docs  []liaison.Document
	feeds memstore.Store // its zero value keeps feeds
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

// The feed methods are memstore's: the fake adds nothing to how feeds are
// kept, so it shares the in-memory store the other packages test with.

func (s *fakeStore) PutFeed(ctx context.Context, f *liaison.Feed) error {
	return s.feeds.PutFeed(ctx, f)
}

func (s *fakeStore) Feed(ctx context.Context, id string) (*liaison.Feed, error) {
	return s.feeds.Feed(ctx, id)
}

func (s *fakeStore) Feeds(ctx context.Context) ([]liaison.Feed, error) { return s.feeds.Feeds(ctx) }

func (s *fakeStore) DeleteFeed(ctx context.Context, idOrURL string) error {
	return s.feeds.DeleteFeed(ctx, idOrURL)
}

func (s *fakeStore) DueFeeds(ctx context.Context, now time.Time) ([]liaison.Feed, error) {
	return s.feeds.DueFeeds(ctx, now)
}
