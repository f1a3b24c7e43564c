package ingest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
)

func TestSchedulerConditionalGetAndBackoff(t *testing.T) {
	var hits, conditional, down atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/atom", func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.Header.Get("If-None-Match") == `"v1"` || r.Header.Get("If-Modified-Since") == "Tue, 11 Jul 2023 18:30:02 GMT" {
			conditional.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Tue, 11 Jul 2023 18:30:02 GMT")
		fmt.Fprintf(w, `<feed xmlns="http://www.w3.org/2005/Atom"><title>Notes</title>
<entry><title>One</title><link href="/1"/><published>2023-07-11T18:30:02Z</published><content>%s</content></entry>
<entry><title>Two</title><link href="/2"/><content type="html">&lt;p&gt;%s&lt;/p&gt;</content></entry></feed>`, story("Riga"), story("Tallinn"))
	})
	mux.HandleFunc("/down", func(w http.ResponseWriter, r *http.Request) {
		down.Add(1)
		http.Error(w, "unavailable", http.StatusServiceUnavailable)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	st := &fakeStore{}
	now := time.Date(2023, 7, 12, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	ctx := liaison.SystemContext(context.Background()) // feeds are the node's own
	mk := liaison.Marking{Classification: "NATO RESTRICTED", Level: 1, RelTo: []string{"JPN"}}
	for _, f := range []*liaison.Feed{
		{URL: srv.URL + "/atom", Every: 15 * time.Minute, Marking: mk},
		{URL: srv.URL + "/down", Every: 10 * time.Minute},
	} {
		if err := st.PutFeed(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	in := New(Config{Store: st, Client: srv.Client(), HostInterval: -1, Now: clock})
	s := NewScheduler(in, st, SchedulerConfig{Now: clock, Tick: 10 * time.Millisecond})

	sum, err := s.PollDue(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Stored != 2 {
		t.Fatalf("first poll %s", summaryCounts(sum))
	}
	for _, d := range st.all() {
		if d.Marking.Classification != "NATO RESTRICTED" {
			t.Errorf("feed marking not applied: %+v", d.Marking)
		}
	}
	feeds, _ := st.Feeds(ctx)
	atom, dn := feeds[0], feeds[1]
	if atom.ETag != `"v1"` || atom.Title != "Notes" || atom.Failures != 0 || !atom.NextPoll.Equal(now.Add(15*time.Minute)) {
		t.Errorf("atom feed state %+v", atom)
	}
	if dn.Failures != 1 || !strings.Contains(dn.LastError, "503") || !dn.NextPoll.Equal(now.Add(20*time.Minute)) {
		t.Errorf("down feed state %+v", dn)
	}

	// Nothing is due a minute later.
	now = now.Add(time.Minute)
	if sum, _ := s.PollDue(ctx); sum.processed() != 0 || hits.Load() != 1 {
		t.Errorf("polled early: %s, %d hits", summaryCounts(sum), hits.Load())
	}
	// Both due after 20 minutes: the atom feed answers 304, the other fails again.
	now = now.Add(20 * time.Minute)
	if _, err := s.PollDue(ctx); err != nil {
		t.Fatal(err)
	}
	feeds, _ = st.Feeds(ctx)
	if conditional.Load() != 1 || len(st.all()) != 2 {
		t.Errorf("conditional GET: %d 304s, %d docs", conditional.Load(), len(st.all()))
	}
	if feeds[1].Failures != 2 || !feeds[1].NextPoll.Equal(now.Add(40*time.Minute)) {
		t.Errorf("backoff: %+v", feeds[1])
	}
	if feeds[0].Failures != 0 || feeds[0].ETag != `"v1"` {
		t.Errorf("304 lost the validators: %+v", feeds[0])
	}

	// Run stops when ctx ends.
	runCtx, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	if err := s.Run(runCtx); err == nil {
		t.Error("Run returned nil after cancel")
	}
}
