package httpapi

import (
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// FeedChange is what a caller gives when subscribing or updating a feed;
// a zero field keeps the feed's own setting. It is shared by the API, the
// web form and `liaison feeds add/update`, so that all keep a subscribed
// feed's settings alike.
type FeedChange struct {
	Title   string           // "" keeps the title
	Every   time.Duration    // 0 keeps the interval
	Marking *liaison.Marking // nil keeps the marking
}

// ApplyFeedChange returns f with ch applied and whether anything changed.
// A marking that would lower f's (marking.Lowers) is refused with
// ErrInvalid naming both: a feed's marking only becomes stricter, since
// every document it fetches afterwards takes it. A shorter interval
// brings the next poll forward to the last poll plus the new interval; the
// polling state (ETag, failures) is kept.
func ApplyFeedChange(f liaison.Feed, ch FeedChange, now time.Time) (liaison.Feed, bool, error) {
	changed := false
	if ch.Marking != nil && marking.Format(*ch.Marking) != marking.Format(f.Marking) {
		if marking.Lowers(*ch.Marking, f.Marking) {
			return f, false, liaison.Errorf(liaison.ErrInvalid,
				"feed %s is subscribed under %q; %q would lower it: a feed's marking only becomes stricter (remove the feed and subscribe it again to lower it)",
				f.URL, marking.Format(f.Marking), marking.Format(*ch.Marking))
		}
		f.Marking, changed = *ch.Marking, true
	}
	if ch.Title != "" && ch.Title != f.Title {
		f.Title, changed = ch.Title, true
	}
	if ch.Every > 0 && ch.Every != f.Every {
		f.Every, changed = ch.Every, true
		if !f.LastPolled.IsZero() && f.LastPolled.Add(f.Every).Before(f.NextPoll) {
			f.NextPoll = f.LastPolled.Add(f.Every)
		}
	}
	if f.NextPoll.IsZero() {
		f.NextPoll = now
	}
	return f, changed, nil
}
