package web

import (
	"net/url"
	"strings"
	"testing"
)

// TestActorNoteWritable: a note the writer could not read back is refused
// on the page itself (400, the form shown again with the text kept and the
// reason), and nothing is stored: an officer cleared for it sees no note.
func TestActorNoteWritable(t *testing.T) {
	ts := actorSite(t)
	for _, tc := range []struct{ mk, says string }{
		{"NATO SECRET // REL TO JPN", "above your clearance NATO CONFIDENTIAL"},
		{"NATO RESTRICTED // REL TO NATO", "not releasable to JPN, your nation"},
	} {
		code, body := pageAs(t, ts, "JPN-analyst-3", "POST", "/actors/JPNGOV/notes",
			url.Values{"text": {"zqhidden note"}, "marking": {tc.mk}})
		if code != 400 || !strings.Contains(body, tc.says) || !strings.Contains(body, `name="text"`) ||
			!strings.Contains(body, "zqhidden note") {
			t.Errorf("%s: %d, want 400 saying %q with the form and text kept", tc.mk, code, tc.says)
		}
	}
	if code, body := pageAs(t, ts, "JPN-officer-4", "GET", "/actors/JPNGOV", nil); code != 200 || strings.Contains(body, "zqhidden") {
		t.Errorf("officer page after refusals: %d, holds a refused note: %v", code, strings.Contains(body, "zqhidden"))
	}
}
