package storetest

import (
	"reflect"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
)

func testFeeds(t *testing.T, s Store) {
	now := time.Date(2023, 7, 11, 12, 0, 0, 0, time.UTC)
	a := &liaison.Feed{URL: "https://example.org/a.xml", Title: "A", Every: 15 * time.Minute, NextPoll: now.Add(-time.Minute)}
	b := &liaison.Feed{URL: "https://example.org/b.xml", Title: "B", Every: time.Hour, NextPoll: now.Add(time.Hour)}
	for _, f := range []*liaison.Feed{a, b} {
		if err := s.PutFeed(sys(), f); err != nil {
			t.Fatal(err)
		}
		if f.ID == "" {
			t.Fatalf("PutFeed(%s) left no id", f.URL)
		}
	}
	// Upsert by URL keeps the id and updates the state.
	upd := *a
	upd.ID, upd.ETag, upd.Failures, upd.LastError = "", `"v2"`, 2, "timeout"
	upd.LastPolled = now
	if err := s.PutFeed(sys(), &upd); err != nil {
		t.Fatal(err)
	}
	if upd.ID != a.ID {
		t.Errorf("upsert gave id %s, want %s", upd.ID, a.ID)
	}
	got, err := s.Feed(sys(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.ETag != `"v2"` || got.Failures != 2 || got.LastError != "timeout" || !got.LastPolled.Equal(now) ||
		got.Every != 15*time.Minute || !got.NextPoll.Equal(a.NextPoll) {
		t.Errorf("Feed after upsert = %+v", got)
	}
	all, err := s.Feeds(sys())
	if err != nil || len(all) != 2 {
		t.Fatalf("Feeds = %v, %v; want 2", all, err)
	}
	due, err := s.DueFeeds(sys(), now)
	if err != nil || len(due) != 1 || due[0].ID != a.ID {
		t.Errorf("DueFeeds = %v, %v; want only A", due, err)
	}
	due, _ = s.DueFeeds(sys(), now.Add(2*time.Hour))
	if len(due) != 2 {
		t.Errorf("DueFeeds later = %d feeds, want 2", len(due))
	}
	if err := s.DeleteFeed(sys(), a.ID); err != nil {
		t.Errorf("DeleteFeed(id): %v", err)
	}
	if err := s.DeleteFeed(sys(), b.URL); err != nil {
		t.Errorf("DeleteFeed(url): %v", err)
	}
	wantErr(t, "DeleteFeed(again)", s.DeleteFeed(sys(), b.URL), liaison.ErrNotFound)
	_, err = s.Feed(sys(), a.ID)
	wantErr(t, "Feed(deleted)", err, liaison.ErrNotFound)
	if err := s.PutFeed(sys(), &liaison.Feed{}); err == nil {
		t.Error("PutFeed without URL accepted")
	}
	testFeedMarkingNeverLowers(t, s)
}

// testFeedMarkingNeverLowers: re-putting a feed by URL may keep or raise
// its marking but never lower it or leave it unmarked — not even as the
// node itself — and a refused write changes nothing.
func testFeedMarkingNeverLowers(t *testing.T, s Store) {
	nato := liaison.Marking{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"FRA", "USA"}, Groups: []string{"NATO"}}
	f := &liaison.Feed{URL: "https://example.org/nato.xml", Title: "N", Every: time.Hour, Marking: nato}
	if err := s.PutFeed(sys(), f); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		mk    liaison.Marking
		lower bool
	}{
		{"unmarked", liaison.Marking{}, true},
		{"public", liaison.Marking{Classification: "PUBLIC"}, true},
		{"lower level", liaison.Marking{Classification: "NATO UNCLASSIFIED", Level: 1, RelTo: []string{"FRA", "USA"}}, true},
		{"wider REL TO", liaison.Marking{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"FRA", "JPN", "USA"}}, true},
		{"other nations", liaison.Marking{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"JPN"}}, true},
		{"same", nato, false},
		{"narrower REL TO", liaison.Marking{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"USA"}}, false},
		{"higher level", liaison.Marking{Classification: "NATO SECRET", Level: 4, RelTo: []string{"USA"}}, false},
	} {
		before, err := s.Feed(sys(), f.ID)
		if err != nil {
			t.Fatal(err)
		}
		upd := &liaison.Feed{URL: f.URL, Title: "changed " + c.name, Every: 5 * time.Minute, Marking: c.mk}
		err = s.PutFeed(sys(), upd)
		after, ferr := s.Feed(sys(), f.ID)
		if ferr != nil {
			t.Fatal(ferr)
		}
		if !c.lower {
			if err != nil || upd.ID != f.ID || after.Title != upd.Title || after.Marking.Level != c.mk.Level ||
				!reflect.DeepEqual(after.Marking.RelTo, c.mk.RelTo) {
				t.Errorf("%s: PutFeed = %v, stored %+v", c.name, err, after)
			}
			continue
		}
		wantErr(t, c.name, err, liaison.ErrInvalid)
		if !reflect.DeepEqual(after, before) {
			t.Errorf("%s: refused PutFeed changed the feed:\n got %+v\nwant %+v", c.name, after, before)
		}
	}
}

// RunFeeds runs the feed tests alone, for a store that does not run the
// whole suite (the memory store) but keeps feeds: both stores then obey
// the same subscription rules.
func RunFeeds(t *testing.T, open func(t *testing.T) Store) {
	testFeeds(t, open(t))
}
