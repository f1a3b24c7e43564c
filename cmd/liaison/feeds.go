package main

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/ingest"
)

// feedStoreCloser is a store that keeps feeds and must be closed.
type feedStoreCloser interface {
	liaison.FeedStore
	Close() error
}

// openFeedStore opens the data directory's store as a FeedStore.
func openFeedStore(ctx context.Context, data string) (feedStoreCloser, error) {
	st, err := openStore(ctx, data)
	if err != nil {
		return nil, err
	}
	fst, ok := any(st).(feedStoreCloser)
	if !ok {
		st.Close()
		return nil, errors.New("this store does not keep feeds yet")
	}
	return fst, nil
}

// withFeedStore opens the data directory's feed store as the local operator
// (the node itself), runs fn and closes the store.
func withFeedStore(ctx context.Context, data string, fn func(context.Context, liaison.FeedStore) error) error {
	st, err := openFeedStore(ctx, data)
	if err != nil {
		return err
	}
	return errors.Join(fn(liaison.SystemContext(ctx), st), st.Close())
}

// runFeeds adds, lists and removes the feeds `liaison serve` polls.
func runFeeds(ctx context.Context, env *Env, args []string) error {
	usage := "usage: liaison feeds add URL [--every 15m] [--marking M] | update ID|URL [--every D] [--marking M] | list [--json] | remove ID|URL"
	if len(args) == 0 {
		return errors.New(usage)
	}
	switch args[0] {
	case "add":
		return feedsAdd(ctx, env, args[1:])
	case "update":
		return feedsUpdate(ctx, env, args[1:])
	case "list", "ls":
		return feedsList(ctx, env, args[1:])
	case "remove", "rm":
		return feedsRemove(ctx, env, args[1:])
	case "-h", "--help", "help":
		fmt.Fprintln(env.Stdout, usage)
		return nil
	}
	return fmt.Errorf("unknown subcommand %q; %s", args[0], usage)
}

// feedsAdd subscribes a URL. A URL already subscribed keeps its settings
// but those given (changeFeed): re-adding it is not an error.
func feedsAdd(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "feeds add", "URL [--every 15m] [--marking M]", "Subscribe to an RSS, Atom or JSON feed; `liaison serve` polls it.")
	data := dataFlag(fs)
	ff := addFeedFlags(fs, ingest.DefaultEvery)
	raw, err := parseOne(fs, args, "URL")
	if err != nil {
		return err
	}
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return liaison.Errorf(liaison.ErrInvalid, "feeds add: %q is not an http(s) URL", raw)
	}
	if err := ff.parsed(fs); err != nil {
		return err
	}
	dir, err := resolveDataDir(*data)
	if err != nil {
		return err
	}
	return withFeedStore(ctx, dir, func(ctx context.Context, st liaison.FeedStore) error {
		if old, err := findFeed(ctx, st, u.String()); err != nil || old != nil {
			if err != nil {
				return err
			}
			return changeFeed(ctx, env, dir, st, *old, ff)
		}
		ns, ok := st.(liaison.NationStore)
		if !ok {
			return errors.New("this store keeps no nations to expand the marking's groups with")
		}
		// Expanded now, with the store's nations and the node's policy,
		// as the server expands it.
		mk, err := nodeMarking(ctx, dir, ns, *ff.mkText)
		if err != nil {
			return err
		}
		f := &liaison.Feed{URL: u.String(), Every: *ff.every, NextPoll: time.Now().UTC(), Marking: mk}
		if err := st.PutFeed(ctx, f); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "feed %s: %s every %v\n", f.ID, f.URL, f.Every)
		return nil
	})
}

// feedJSON is a feed as 'feeds list --json' prints it: "every" stays in
// nanoseconds for existing readers; "every_text" says it as "15m0s".
type feedJSON struct {
	liaison.Feed
	EveryText string `json:"every_text"`
}

func feedsList(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "feeds list", "[--json]", "List subscribed feeds and their polling state.")
	data := dataFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	return withFeedStore(ctx, *data, func(ctx context.Context, st liaison.FeedStore) error {
		feeds, err := st.Feeds(ctx)
		if err != nil {
			return err
		}
		if *asJSON {
			rows := make([]feedJSON, 0, len(feeds))
			for _, f := range feeds {
				rows = append(rows, feedJSON{Feed: f, EveryText: f.Every.String()})
			}
			return printJSON(env.Stdout, rows)
		}
		tw := table(env.Stdout, "ID", "URL", "EVERY", "MARKING", "NEXT POLL", "FAILURES", "TITLE / LAST ERROR")
		for _, f := range feeds {
			note := f.Title
			if f.LastError != "" {
				note = "error: " + f.LastError
			}
			fmt.Fprintf(tw, "%s\t%s\t%v\t%s\t%s\t%d\t%s\n", f.ID, clip(f.URL, 60), f.Every, clip(markingText(f.Marking), 40),
				f.NextPoll.UTC().Format("2006-01-02 15:04"), f.Failures, clip(note, 60))
		}
		return finishTable(env, tw, len(feeds), len(feeds), "")
	})
}

func feedsRemove(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "feeds remove", "ID|URL", "Unsubscribe from a feed.")
	data := dataFlag(fs)
	idOrURL, err := parseOne(fs, args, "ID or URL")
	if err != nil {
		return err
	}
	return withFeedStore(ctx, *data, func(ctx context.Context, st liaison.FeedStore) error {
		if err := st.DeleteFeed(ctx, idOrURL); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "feed %s removed\n", idOrURL)
		return nil
	})
}
