package storetest

import (
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
}
