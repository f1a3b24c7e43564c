package web

import (
	"net/url"
	"strings"
	"testing"

	"github.com/liaison-project/liaison/internal/httpapi"
	"github.com/liaison-project/liaison/internal/sqlite"
)

// TestFeedFormResubscribe: posting a subscribed URL again with empty
// fields keeps its marking and interval and says so; a lower marking is
// refused with the form kept; a partner who may not see the feed gets the
// generic refusal and learns none of its settings; an empty marking on a
// new feed is the node's default, PUBLIC, never unmarked.
func TestFeedFormResubscribe(t *testing.T) {
	ts := testSite(t, func(*httpapi.Server, *UI, *sqlite.DB) error { return nil })
	const u = "https://example.org/nato.xml"
	post := func(user string, form url.Values) (int, string) {
		return pageAs(t, ts, user, "POST", "/feeds", form)
	}
	if code, body := post("USA-analyst-4", url.Values{"url": {u}, "every": {"1h"}, "marking": {"NATO RESTRICTED // REL TO NATO"}}); code != 303 {
		t.Fatalf("subscribe: %d %.300s", code, body)
	}
	code, body := post("USA-analyst-4", url.Values{"url": {u}, "every": {""}, "marking": {""}})
	if code != 200 || !strings.Contains(body, "already subscribed") || !strings.Contains(body, "every 1h0m0s under NATO RESTRICTED // REL TO NATO") {
		t.Errorf("again with empty fields: %d, want the notice with the kept settings", code)
	}
	code, body = post("USA-analyst-4", url.Values{"url": {u}, "marking": {"PUBLIC"}})
	if code != 400 || !strings.Contains(body, "would lower it") || !strings.Contains(body, `value="PUBLIC"`) {
		t.Errorf("lower marking: %d, want 400 with the reason and the form kept", code)
	}
	code, body = post("JPN-analyst-3", url.Values{"url": {u}, "marking": {"NATO RESTRICTED // REL TO JPN"}})
	if code != 409 || !strings.Contains(body, "cannot be subscribed") || strings.Contains(body, "1h0m0s") ||
		strings.Contains(body, "REL TO NATO") {
		t.Errorf("partner subscribing a hidden feed: %d, want 409 naming nothing of it", code)
	}
	if code, body := pageAs(t, ts, "JPN-reader-4", "GET", "/feeds", nil); code != 200 || strings.Contains(body, u) {
		t.Errorf("JPN feeds page: %d, lists the NATO feed: %v", code, strings.Contains(body, u))
	}
	if code, _ := post("JPN-analyst-3", url.Values{"url": {"https://example.org/open.xml"}, "marking": {""}}); code != 303 {
		t.Fatalf("subscribe without marking: %d", code)
	}
	if _, body := pageAs(t, ts, "JPN-reader-4", "GET", "/feeds", nil); !strings.Contains(body, `b-public">PUBLIC</span>`) {
		t.Errorf("a feed posted without a marking is not shown PUBLIC")
	}
}
