package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/httpapi"
	"github.com/liaison-project/liaison/internal/marking"
)

// feedFlags are the settings `feeds add` and `feeds update` take; given
// records which the operator wrote, so that a feed already subscribed
// keeps every setting not given (the rule of the API: httpapi.FeedChange).
type feedFlags struct {
	every  *time.Duration
	mkText *string
	given  map[string]bool
}

// addFeedFlags declares --every (default every; 0 = none) and --marking
// with their defaults for a new feed.
func addFeedFlags(fs *flag.FlagSet, every time.Duration) *feedFlags {
	return &feedFlags{
		every: fs.Duration("every", every, "polling interval (at least 1m); a subscribed feed keeps its own unless given"),
		mkText: fs.String("marking", httpapi.DefaultFeedMarking,
			"marking given to every document of the feed; a subscribed feed keeps its own unless given, and it only ever becomes stricter"),
	}
}

// parsed records which flags were given and checks the interval.
func (ff *feedFlags) parsed(fs *flag.FlagSet) error {
	ff.given = map[string]bool{}
	fs.Visit(func(f *flag.Flag) { ff.given[f.Name] = true })
	if (ff.given["every"] || *ff.every != 0) && *ff.every < time.Minute {
		return liaison.Errorf(liaison.ErrInvalid, "%s: --every %v is shorter than 1m", fs.Name(), *ff.every)
	}
	return nil
}

// change is the httpapi.FeedChange of the flags given, the marking parsed
// as the node of dir would. A feed stored unmarked (before feeds always
// had a marking) gets --marking's default when none is given.
func (ff *feedFlags) change(ctx context.Context, dir string, st liaison.FeedStore, unmarked bool) (httpapi.FeedChange, error) {
	var ch httpapi.FeedChange
	if ff.given["every"] {
		ch.Every = *ff.every
	}
	if ff.given["marking"] || unmarked {
		ns, ok := st.(liaison.NationStore)
		if !ok {
			return ch, errors.New("this store keeps no nations to expand the marking's groups with")
		}
		mk, err := nodeMarking(ctx, dir, ns, *ff.mkText)
		if err != nil {
			return ch, err
		}
		ch.Marking = &mk
	}
	return ch, nil
}

// findFeed returns the feed with this id or URL, or nil.
func findFeed(ctx context.Context, st liaison.FeedStore, idOrURL string) (*liaison.Feed, error) {
	feeds, err := st.Feeds(ctx)
	if err != nil {
		return nil, err
	}
	for _, f := range feeds {
		if f.ID == idOrURL || f.URL == idOrURL {
			return &f, nil
		}
	}
	return nil, nil
}

// changeFeed applies the flags given to the subscribed feed f and says
// what it now is. With no flag given it only says that f is subscribed
// and how to change it: re-adding a URL is not an error. A marking that
// would lower f's is (httpapi.ApplyFeedChange).
func changeFeed(ctx context.Context, env *Env, dir string, st liaison.FeedStore, f liaison.Feed, ff *feedFlags) error {
	ch, err := ff.change(ctx, dir, st, f.Marking.Classification == "")
	if err != nil {
		return err
	}
	next, changed, err := httpapi.ApplyFeedChange(f, ch, time.Now().UTC())
	if err != nil {
		return err
	}
	if !changed {
		fmt.Fprintf(env.Stdout, "feed already subscribed as %s: %s every %v under %s; settings kept (change them with 'liaison feeds update %s --every D --marking M')\n",
			f.ID, f.URL, f.Every, marking.Format(f.Marking), f.ID)
		return nil
	}
	if err := st.PutFeed(ctx, &next); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "feed %s: %s now every %v under %s\n", next.ID, next.URL, next.Every, marking.Format(next.Marking))
	return nil
}

// feedsUpdate changes the interval or marking of a subscribed feed; its
// marking only ever becomes stricter (remove and add the feed to lower it).
func feedsUpdate(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "feeds update", "ID|URL [--every D] [--marking M]",
		"Change a subscribed feed's interval or marking; a marking may only become stricter.")
	data := dataFlag(fs)
	ff := addFeedFlags(fs, 0)
	idOrURL, err := parseOne(fs, args, "ID or URL")
	if err != nil {
		return err
	}
	if err := ff.parsed(fs); err != nil {
		return err
	}
	if !ff.given["every"] && !ff.given["marking"] {
		return liaison.Errorf(liaison.ErrInvalid, "give --every, --marking or both")
	}
	dir, err := resolveDataDir(*data)
	if err != nil {
		return err
	}
	return withFeedStore(ctx, dir, func(ctx context.Context, st liaison.FeedStore) error {
		f, err := findFeed(ctx, st, idOrURL)
		if err != nil {
			return err
		}
		if f == nil {
			return liaison.Errorf(liaison.ErrNotFound, "feed %q", idOrURL)
		}
		return changeFeed(ctx, env, dir, st, *f, ff)
	})
}
