package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// feedCols are the columns scanFeed reads, for a table aliased f.
const feedCols = `f.id, f.url, f.title, f.every_ns, f.etag, f.last_modified, f.last_polled, f.next_poll,
	f.failures, f.last_error, f.mk_class, f.mk_level, f.mk_rel, f.mk_groups, f.mk_caveats`

// scanFeed reads one row of feedCols.
func scanFeed(s scanner) (liaison.Feed, error) {
	var f liaison.Feed
	var every int64
	var polled, next string
	var mk markingCols
	err := s.Scan(&f.ID, &f.URL, &f.Title, &every, &f.ETag, &f.LastModified, &polled, &next,
		&f.Failures, &f.LastError, &mk.Class, &mk.Level, &mk.Rel, &mk.Groups, &mk.Caveats)
	if err != nil {
		return f, err
	}
	f.Every = time.Duration(every)
	if f.LastPolled, err = parseTime(polled); err != nil {
		return f, err
	}
	if f.NextPoll, err = parseTime(next); err != nil {
		return f, err
	}
	f.Marking = fromCols(mk)
	return f, nil
}

// feedTime stores the zero time as "" (sorts first: a new feed is due).
func feedTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmtTime(t)
}

// PutFeed subscribes f, or updates the feed with the same URL (f.ID is set
// to the stored id). A viewer who cannot see an existing feed with that URL
// may not overwrite it; that answers ErrConflict without saying more. An
// update never lowers the stored marking (marking.Lowers: a marking less
// restricted, or unmarked where the feed was marked, answers ErrInvalid),
// because every document the feed fetches afterwards takes its marking;
// to lower one, delete the feed and subscribe it again. A new feed's
// marking is the caller's: the API and CLI give the node's default.
func (db *DB) PutFeed(ctx context.Context, f *liaison.Feed) error {
	if _, ok := liaison.ViewerFrom(ctx); !ok {
		return liaison.Errorf(liaison.ErrUnauthorized, "put feed: no viewer in context")
	}
	if f == nil || strings.TrimSpace(f.URL) == "" {
		return liaison.Errorf(liaison.ErrInvalid, "feed: empty URL")
	}
	if f.Every < 0 {
		return liaison.Errorf(liaison.ErrInvalid, "feed %s: negative interval %s", f.URL, f.Every)
	}
	if err := checkMarking("feed "+f.URL, f.Marking); err != nil {
		return err
	}
	vis, args := visible(ctx, "f")
	return db.tx(ctx, func(tx *sql.Tx) error {
		var id string
		var seen bool
		var old markingCols
		err := tx.QueryRowContext(ctx, `SELECT f.id, `+vis+`, f.mk_class, f.mk_level, f.mk_rel, f.mk_groups, f.mk_caveats
			FROM feeds f WHERE f.url = ?`, append(args, f.URL)...).Scan(&id, &seen,
			&old.Class, &old.Level, &old.Rel, &old.Groups, &old.Caveats)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			if f.ID == "" {
				f.ID = liaison.NewID(time.Now())
			}
		case err != nil:
			return fmt.Errorf("put feed %s: %w", f.URL, err)
		case !seen:
			return liaison.Errorf(liaison.ErrConflict, "feed %s: cannot be subscribed", f.URL)
		case marking.Lowers(f.Marking, fromCols(old)):
			return lowersFeed(f)
		default:
			f.ID = id
		}
		mk := toCols(f.Marking)
		_, err = tx.ExecContext(ctx, `INSERT INTO feeds(id, url, title, every_ns, etag, last_modified, last_polled,
			next_poll, failures, last_error, mk_class, mk_level, mk_rel, mk_groups, mk_caveats)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
			ON CONFLICT(url) DO UPDATE SET title = excluded.title, every_ns = excluded.every_ns,
			etag = excluded.etag, last_modified = excluded.last_modified, last_polled = excluded.last_polled,
			next_poll = excluded.next_poll, failures = excluded.failures, last_error = excluded.last_error,
			mk_class = excluded.mk_class, mk_level = excluded.mk_level, mk_rel = excluded.mk_rel,
			mk_groups = excluded.mk_groups, mk_caveats = excluded.mk_caveats`,
			f.ID, f.URL, f.Title, int64(f.Every), f.ETag, f.LastModified, feedTime(f.LastPolled),
			feedTime(f.NextPoll), f.Failures, f.LastError, mk.Class, mk.Level, mk.Rel, mk.Groups, mk.Caveats)
		if err != nil {
			return fmt.Errorf("put feed %s: %w", f.URL, err)
		}
		return nil
	})
}

// lowersFeed is the refusal of a write that would lower feed f's stored
// marking. It does not print the stored marking: the caller may have
// reached the store without seeing the feed (the API writes as the node).
func lowersFeed(f *liaison.Feed) error {
	return liaison.Errorf(liaison.ErrInvalid,
		"feed %s: marking %q would lower the feed's marking; a feed's marking only becomes stricter (remove the feed and subscribe it again to lower it)",
		f.URL, marking.Format(f.Marking))
}

// Feed returns one visible feed by id.
func (db *DB) Feed(ctx context.Context, id string) (*liaison.Feed, error) {
	vis, args := visible(ctx, "f")
	f, err := scanFeed(db.queryRow(ctx, `SELECT `+feedCols+` FROM feeds f WHERE f.id = ? AND `+vis,
		append([]any{id}, args...)...))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("feed", id)
	}
	if err != nil {
		return nil, fmt.Errorf("feed %s: %w", id, err)
	}
	return &f, nil
}

// Feeds lists the visible feeds by URL.
func (db *DB) Feeds(ctx context.Context) ([]liaison.Feed, error) {
	return db.feeds(ctx, "1", nil, "f.url")
}

// DueFeeds returns the visible feeds whose next poll is at or before now,
// most overdue first.
func (db *DB) DueFeeds(ctx context.Context, now time.Time) ([]liaison.Feed, error) {
	return db.feeds(ctx, "f.next_poll <= ?", []any{fmtTime(now)}, "f.next_poll, f.url")
}

// feeds lists visible feeds matching cond, in order.
func (db *DB) feeds(ctx context.Context, cond string, cargs []any, order string) ([]liaison.Feed, error) {
	vis, args := visible(ctx, "f")
	out := []liaison.Feed{}
	err := queryEach(ctx, db.db, `SELECT `+feedCols+` FROM feeds f WHERE `+cond+` AND `+vis+
		` ORDER BY `+order, append(cargs, args...), func(r *sql.Rows) error {
		f, err := scanFeed(r)
		out = append(out, f)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list feeds: %w", err)
	}
	return out, nil
}

// DeleteFeed unsubscribes the visible feed with this id or URL.
func (db *DB) DeleteFeed(ctx context.Context, idOrURL string) error {
	vis, args := visible(ctx, "f")
	res, err := db.db.ExecContext(ctx, `DELETE FROM feeds AS f WHERE (f.id = ? OR f.url = ?) AND `+vis,
		append([]any{idOrURL, idOrURL}, args...)...)
	if err != nil {
		return fmt.Errorf("delete feed %s: %w", idOrURL, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return notFound("feed", idOrURL)
	}
	return nil
}
