package web

import (
	"strings"
	"testing"

	"github.com/liaison-project/liaison/internal/httpapi"
	"github.com/liaison-project/liaison/internal/sqlite"
)

// TestEventsBadFilter: a bad filter shows the events page again, with the
// form as filled in and the reason, answering 400.
func TestEventsBadFilter(t *testing.T) {
	ts := testSite(t, func(*httpapi.Server, *UI, *sqlite.DB) error { return nil })
	tests := []struct {
		path string
		want []string
	}{
		{"/events?from=bogus&actor=jpn", []string{"from", "bogus", `value="JPN"`}},
		{"/events?root=99&country=ltu", []string{"root", "CAMEO root", `value="LTU"`}},
		{"/events?from=2024-02-01&to=2024-01-01", []string{"before", `value="2024-02-01"`}},
		// As the CLI refuses it: a country that is no alpha-3 code.
		{"/events?country=lituania", []string{"country", "ISO 3166 alpha-3", "lituania"}},
	}
	for _, tt := range tests {
		code, body := pageAs(t, ts, "JPN", "GET", tt.path, nil)
		if code != 400 || !strings.Contains(body, `action="/events"`) || !strings.Contains(body, `class="error" role="alert"`) {
			t.Errorf("%s: %d, want 400 with the filter form and the message", tt.path, code)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: page lacks %q", tt.path, w)
			}
		}
	}
	if code, body := pageAs(t, ts, "JPN", "GET", "/events?from=2024-01-01", nil); code != 200 || strings.Contains(body, `role="alert"`) {
		t.Errorf("good filter: %d", code)
	}
}
