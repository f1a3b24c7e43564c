package httpapi

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/authtest"
	"github.com/liaison-project/liaison/internal/marking"
	"github.com/liaison-project/liaison/internal/sqlite"
)

// feedsServer serves the API over a real store.
func feedsServer(t *testing.T) (func(user, method, path, body string) (int, string), *sqlite.DB) {
	t.Helper()
	ts, db := apiServer(t, func(*Server, *sqlite.DB) error { return nil })
	return func(user, method, path, body string) (int, string) {
		return noteCall(t, ts, user, method, path, body)
	}, db
}

// decodeFeed reads a feed answer (201); anything else is an error.
func decodeFeed(code int, body string) (liaison.Feed, error) {
	var f liaison.Feed
	if code != 201 {
		return f, liaison.Errorf(liaison.ErrInvalid, "want a feed: %d %s", code, body)
	}
	return f, json.Unmarshal([]byte(body), &f)
}

// TestFeedResubscribe: re-subscribing a URL keeps its settings unless
// given, a given marking only makes it stricter, and a feed is never
// stored unmarked (no marking = the node's default, PUBLIC).
func TestFeedResubscribe(t *testing.T) {
	call, db := feedsServer(t)
	const url = "https://example.org/nato.xml"
	first, err := decodeFeed(call("USA-analyst-4", "POST", "/api/v1/feeds",
		`{"url":"`+url+`","every":"1h","marking":"NATO RESTRICTED // REL TO NATO"}`))
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name, body string
		code       int
		says       string // for a refusal
		every      time.Duration
		mk         string
	}{
		{"no fields keep everything", `{"url":"` + url + `"}`, 201, "", time.Hour, "NATO RESTRICTED // REL TO NATO"},
		{"empty marking keeps it", `{"url":"` + url + `","marking":"  "}`, 201, "", time.Hour, "NATO RESTRICTED // REL TO NATO"},
		{"lower marking refused", `{"url":"` + url + `","marking":"PUBLIC"}`, 400, "would lower it", time.Hour, "NATO RESTRICTED // REL TO NATO"},
		{"wider REL TO refused", `{"url":"` + url + `","every":"5m","marking":"NATO RESTRICTED // REL TO NATO, JPN"}`, 400,
			"only becomes stricter", time.Hour, "NATO RESTRICTED // REL TO NATO"},
		{"stricter marking taken", `{"url":"` + url + `","marking":"NATO CONFIDENTIAL // REL TO USA"}`, 201, "", time.Hour,
			"NATO CONFIDENTIAL // REL TO USA"},
		{"interval alone changes the interval", `{"url":"` + url + `","every":"2h"}`, 201, "", 2 * time.Hour,
			"NATO CONFIDENTIAL // REL TO USA"},
	}
	for _, st := range steps {
		code, body := call("USA-analyst-4", "POST", "/api/v1/feeds", st.body)
		if code != st.code || !strings.Contains(body, st.says) {
			t.Errorf("%s: %d %s; want %d saying %q", st.name, code, body, st.code, st.says)
		}
		got, err := db.Feed(liaison.SystemContext(context.Background()), first.ID)
		if err != nil || got.Every != st.every || marking.Format(got.Marking) != st.mk {
			t.Errorf("%s: stored %+v, %v; want every %v under %q", st.name, got, err, st.every, st.mk)
		}
		if f, err := decodeFeed(code, body); code == 201 && (err != nil || f.ID != first.ID) {
			t.Errorf("%s: answered another feed: %s", st.name, body)
		}
	}
	// JPN never saw the feed.
	if code, body := call("JPN-reader-4", "GET", "/api/v1/feeds", ""); code != 200 || strings.Contains(body, url) {
		t.Errorf("JPN lists %d %s", code, body)
	}
	// A new feed without a marking gets the node's default, named.
	f, err := decodeFeed(call("JPN-analyst-3", "POST", "/api/v1/feeds", `{"url":"https://example.org/open.xml"}`))
	if err != nil || f.Marking.Classification != DefaultFeedMarking || f.Every != 15*time.Minute { // the README and CLI default
		t.Errorf("default feed %+v, %v", f, err)
	}
	// A marking the writer could not read is refused (marking.Writable).
	for mk, says := range map[string]string{
		"NATO SECRET // REL TO JPN":      "above your clearance NATO CONFIDENTIAL",
		"NATO RESTRICTED // REL TO NATO": "not releasable to JPN, your nation",
	} {
		code, body := call("JPN-analyst-3", "POST", "/api/v1/feeds", `{"url":"https://example.org/x.xml","marking":"`+mk+`"}`)
		if code != 400 || !strings.Contains(body, says) {
			t.Errorf("%s: %d %s; want 400 saying %q", mk, code, body, says)
		}
	}
}

// TestFeedHiddenExisting: subscribing a URL already subscribed under a
// marking the caller may not see answers the same, byte for byte, whatever
// hides the feed (clearance or nation) and whatever its settings; the
// answer names none of them and the hidden feed is untouched.
func TestFeedHiddenExisting(t *testing.T) {
	call, db := feedsServer(t)
	sys := liaison.SystemContext(context.Background())
	var hidden []liaison.Feed
	for i, c := range []struct{ url, mk, title string }{
		{"https://example.org/above.xml", "NATO SECRET // REL TO JPN, USA", "zqtitle-above"},
		{"https://example.org/nato.xml", "NATO RESTRICTED // REL TO NATO", "zqtitle-nato"},
	} {
		mk, err := authtest.ParseMarking(sys, c.mk)
		if err != nil {
			t.Fatal(err)
		}
		f := &liaison.Feed{URL: c.url, Title: c.title, Every: time.Duration(i+2) * time.Hour, Marking: mk,
			NextPoll: time.Date(2023, 7, 1, 0, 0, 0, 0, time.UTC)}
		if err := db.PutFeed(sys, f); err != nil {
			t.Fatal(err)
		}
		hidden = append(hidden, *f)
	}
	for _, body := range []string{`{"url":"%s"}`, `{"url":"%s","every":"1h","marking":"NATO RESTRICTED // REL TO JPN"}`} {
		var answers []string
		var codes []int
		for _, h := range hidden {
			code, b := call("JPN-analyst-3", "POST", "/api/v1/feeds", strings.ReplaceAll(body, "%s", h.URL))
			codes, answers = append(codes, code), append(answers, strings.ReplaceAll(b, h.URL, "URL"))
			for _, secret := range []string{h.ID, h.Title, "SECRET", "NATO //", "REL TO NATO", h.Every.String()} {
				if strings.Contains(b, secret) {
					t.Errorf("answer for hidden %s names %q: %s", h.URL, secret, b)
				}
			}
		}
		if codes[0] != 409 || codes[0] != codes[1] || answers[0] != answers[1] {
			t.Errorf("%s: hidden feeds answer differently: %d %s / %d %s", body, codes[0], answers[0], codes[1], answers[1])
		}
	}
	for _, h := range hidden {
		got, err := db.Feed(sys, h.ID)
		if err != nil || !reflect.DeepEqual(*got, h) {
			t.Errorf("hidden feed changed:\n got %+v, %v\nwant %+v", got, err, h)
		}
	}
	if code, body := call("JPN-analyst-3", "GET", "/api/v1/feeds", ""); code != 200 || strings.Contains(body, "zqtitle") {
		t.Errorf("JPN lists %d %s", code, body)
	}
}
