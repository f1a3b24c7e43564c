package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
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
	f, _, err := s.AddFeed(r.Context(), req)
	return f, err
}

// DefaultFeedMarking is the marking of a feed subscribed without one — the
// web form's empty field, an API request without "marking", `liaison feeds
// add` without --marking: the node's lowest, public level, named, so that
// a feed is never stored unmarked.
const DefaultFeedMarking = "PUBLIC"

// AddFeed subscribes a feed for the viewer in ctx (analysts and up): the
// one path for the API and the web form. existing reports that the URL was
// already subscribed; that feed then keeps its settings except those the
// request gives (title, every, marking), and a given marking may only make
// it stricter (marking.Lowers answers ErrInvalid). A marking the viewer
// could not read is refused (marking.Writable).
//
// A URL already subscribed under a marking the viewer may not see answers
// ErrConflict "feed URL: cannot be subscribed", the same words whatever
// that feed's marking, title, interval or id, and the feed is untouched.
// The refusal itself still tells that some feed has the URL. The one
// alternative that would not — a second feed per marking — was weighed
// and not taken: the store keeps one feed per URL (a schema change), the
// source would be polled once per marking, and every document the second
// feed fetched would be a duplicate of one stored under the stricter
// marking, so its subscriber would see an empty feed: the same bit, told
// later and less clearly. Refusing also never touches the hidden feed.
func (s *Server) AddFeed(ctx context.Context, req FeedRequest) (f *liaison.Feed, existing bool, err error) {
	if err := requireRole(ctx, liaison.RoleAnalyst); err != nil {
		return nil, false, err
	}
	v, _ := liaison.ViewerFrom(ctx)
	ch, u, err := s.feedChange(ctx, v, req)
	if err != nil {
		return nil, false, err
	}
	sys := liaison.SystemContext(ctx) // the role was checked above; the write is the node's
	old, err := s.feedByURL(sys, u)
	if err != nil {
		return nil, false, err
	}
	switch {
	case old == nil:
		f = &liaison.Feed{URL: u, Every: s.cfg.FeedEvery, NextPoll: time.Now().UTC()}
	case !marking.Visible(v, old.Marking):
		return nil, false, liaison.Errorf(liaison.ErrConflict, "feed %s: cannot be subscribed", u)
	default:
		f = old
	}
	if ch.Marking == nil && f.Marking.Classification == "" { // new, or stored unmarked before this rule
		mk, err := s.defaultFeedMarking(ctx)
		if err != nil {
			return nil, false, err
		}
		ch.Marking = &mk
	}
	next, changed, err := ApplyFeedChange(*f, ch, time.Now().UTC())
	if err != nil {
		return nil, false, err
	}
	if old != nil && !changed {
		return old, true, nil
	}
	if err := s.cfg.Feeds.PutFeed(sys, &next); err != nil {
		return nil, false, err
	}
	return &next, old != nil, nil
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

// feedChange validates a feed request into the URL and the settings it
// gives; a given marking must be one the viewer v may read.
func (s *Server) feedChange(ctx context.Context, v liaison.Viewer, req FeedRequest) (FeedChange, string, error) {
	var ch FeedChange
	u, err := url.Parse(strings.TrimSpace(req.URL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ch, "", liaison.Errorf(liaison.ErrInvalid, "url %q: want an absolute http(s) URL", req.URL)
	}
	if req.Every != "" {
		if ch.Every, err = time.ParseDuration(req.Every); err != nil || ch.Every < time.Minute {
			return ch, "", liaison.Errorf(liaison.ErrInvalid, "every %q: want a duration of at least 1m, e.g. 15m", req.Every)
		}
	}
	ch.Title = strings.TrimSpace(req.Title)
	if strings.TrimSpace(req.Marking) != "" {
		mk, err := s.parseFeedMarking(ctx, req.Marking)
		if err != nil {
			return ch, "", err
		}
		if err := marking.Writable(nil, v, mk); err != nil {
			return ch, "", fmt.Errorf("feed %s: %w", u, err)
		}
		ch.Marking = &mk
	}
	return ch, u.String(), nil
}

// parseFeedMarking reads a feed's marking text with the node's parser.
func (s *Server) parseFeedMarking(ctx context.Context, text string) (liaison.Marking, error) {
	if s.cfg.ParseMarking == nil {
		return liaison.Marking{}, liaison.Errorf(liaison.ErrInvalid, "marking %q: this node has no marking policy", text)
	}
	return s.cfg.ParseMarking(ctx, text)
}

// defaultFeedMarking is DefaultFeedMarking parsed by the node (named at
// the lowest level when the node parses no markings, as actor notes do).
func (s *Server) defaultFeedMarking(ctx context.Context) (liaison.Marking, error) {
	if s.cfg.ParseMarking == nil {
		return liaison.Marking{Classification: DefaultFeedMarking}, nil
	}
	return s.cfg.ParseMarking(ctx, DefaultFeedMarking)
}

// feedByURL returns the stored feed with this URL, or nil (ctx is the
// node's: the caller decides what the viewer may learn of it).
func (s *Server) feedByURL(ctx context.Context, u string) (*liaison.Feed, error) {
	feeds, err := s.cfg.Feeds.Feeds(ctx)
	if err != nil {
		return nil, err
	}
	for _, f := range feeds {
		if f.URL == u {
			return &f, nil
		}
	}
	return nil, nil
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
	if err := ViewAsReadOnly(ctx); err != nil {
		return err
	}
	return liaison.Errorf(liaison.ErrForbidden, "role %q may not do this; %q or above may", v.Role, min)
}

// ViewAsReadOnly refuses (ErrForbidden) a write by an admin viewing as
// another nation: view-as reads as that nation with a reader's role, so
// every write is refused, and saying "role reader may not do this" would
// puzzle an admin who holds no reader role. Write handlers call it before
// their own checks so that all of them refuse with this one message; it is
// nil for every other viewer.
func ViewAsReadOnly(ctx context.Context) error {
	v, ok := liaison.ViewerFrom(ctx)
	if !ok || v.Within == nil {
		return nil
	}
	return liaison.Errorf(liaison.ErrForbidden,
		"you are viewing as %s, which is read-only: stop viewing as %s to write (clear \"view as\" at the top of the page, or drop the X-View-As header)",
		v.Nation, v.Nation)
}
