package httpapi

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
)

// FeedRequest is the body of POST /api/v1/feeds.
type FeedRequest struct {
	URL     string `json:"url"`
	Title   string `json:"title,omitempty"`
	Every   string `json:"every,omitempty"`   // Go duration, e.g. "15m"
	Marking string `json:"marking,omitempty"` // canonical marking text
}

// listFeeds answers GET /api/v1/feeds.
func (s *Server) listFeeds(r *http.Request) (any, error) {
	feeds, err := s.cfg.Feeds.Feeds(r.Context())
	if err != nil {
		return nil, err
	}
	feeds = ensureSlice(feeds)
	return liaison.Page[liaison.Feed]{Items: feeds, Total: len(feeds)}, nil
}

// addFeed answers POST /api/v1/feeds: subscribes a feed (analysts and up).
func (s *Server) addFeed(r *http.Request) (any, error) {
	if err := requireRole(r.Context(), liaison.RoleAnalyst); err != nil {
		return nil, err
	}
	var req FeedRequest
	if err := DecodeJSON(r, &req); err != nil {
		return nil, err
	}
	return s.AddFeed(r.Context(), req)
}

// AddFeed subscribes a feed for the viewer in ctx (analysts and up): the
// one path for the API and the web form.
func (s *Server) AddFeed(ctx context.Context, req FeedRequest) (*liaison.Feed, error) {
	if err := requireRole(ctx, liaison.RoleAnalyst); err != nil {
		return nil, err
	}
	f, err := s.feedFrom(ctx, req, time.Now().UTC())
	if err != nil {
		return nil, err
	}
	// The role was checked above; the write itself is the node's.
	if err := s.cfg.Feeds.PutFeed(liaison.SystemContext(ctx), f); err != nil {
		return nil, err
	}
	return f, nil
}

// DeleteFeed unsubscribes a feed the viewer in ctx can see (analysts and up).
func (s *Server) DeleteFeed(ctx context.Context, idOrURL string) error {
	if err := requireRole(ctx, liaison.RoleAnalyst); err != nil {
		return err
	}
	if err := s.visibleFeed(ctx, idOrURL); err != nil {
		return err
	}
	return s.cfg.Feeds.DeleteFeed(liaison.SystemContext(ctx), idOrURL)
}

// feedFrom validates a feed request into a feed due for polling now.
func (s *Server) feedFrom(ctx context.Context, req FeedRequest, now time.Time) (*liaison.Feed, error) {
	u, err := url.Parse(strings.TrimSpace(req.URL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, liaison.Errorf(liaison.ErrInvalid, "url %q: want an absolute http(s) URL", req.URL)
	}
	every := s.cfg.FeedEvery
	if req.Every != "" {
		if every, err = time.ParseDuration(req.Every); err != nil || every < time.Minute {
			return nil, liaison.Errorf(liaison.ErrInvalid, "every %q: want a duration of at least 1m, e.g. 15m", req.Every)
		}
	}
	f := &liaison.Feed{URL: u.String(), Title: req.Title, Every: every, NextPoll: now}
	if strings.TrimSpace(req.Marking) != "" {
		if s.cfg.ParseMarking == nil {
			return nil, liaison.Errorf(liaison.ErrInvalid, "marking %q: this node has no marking policy", req.Marking)
		}
		if f.Marking, err = s.cfg.ParseMarking(ctx, req.Marking); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// deleteFeed answers DELETE /api/v1/feeds/{id} (analysts and up).
func (s *Server) deleteFeed(r *http.Request) (any, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	return nil, s.DeleteFeed(r.Context(), id)
}

// visibleFeed fails with ErrNotFound unless the viewer can see the feed
// with this id or URL.
func (s *Server) visibleFeed(ctx context.Context, idOrURL string) error {
	feeds, err := s.cfg.Feeds.Feeds(ctx)
	if err != nil {
		return err
	}
	for _, f := range feeds {
		if f.ID == idOrURL || f.URL == idOrURL {
			return nil
		}
	}
	return liaison.Errorf(liaison.ErrNotFound, "feed %q", idOrURL)
}

// requireRole fails with ErrUnauthorized without a viewer and ErrForbidden
// when the viewer's role is below min.
func requireRole(ctx context.Context, min liaison.Role) error {
	v, ok := liaison.ViewerFrom(ctx)
	if !ok {
		return liaison.Errorf(liaison.ErrUnauthorized, "no credentials")
	}
	if v.System || v.Role.Can(min) {
		return nil
	}
	return liaison.Errorf(liaison.ErrForbidden, "role %q may not do this; %q or above may", v.Role, min)
}
