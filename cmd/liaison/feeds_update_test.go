package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// TestFeedsAddAgainAndUpdate: `feeds add` of a subscribed URL keeps its
// settings and says so (exit 0); flags given change only those settings;
// a marking may only become stricter (exit 1 otherwise, nothing changed);
// `feeds update` changes a feed by id or URL.
func TestFeedsAddAgainAndUpdate(t *testing.T) {
	data := t.TempDir()
	const u = "https://feeds.example/nato.xml"
	stored := func() liaison.Feed {
		t.Helper()
		r := runLine(t, "", "feeds", "list", "--json", "--data", data)
		var feeds []liaison.Feed
		if r.code != 0 || json.Unmarshal([]byte(r.out), &feeds) != nil || len(feeds) != 1 {
			t.Fatalf("feeds list --json: %+v", r)
		}
		return feeds[0]
	}
	if r := runLine(t, "", "feeds", "add", u, "--every", "1h", "--marking", "NATO RESTRICTED // REL TO NATO", "--data", data); r.code != 0 {
		t.Fatalf("feeds add: %+v", r)
	}
	id := stored().ID
	steps := []struct {
		name  string
		args  []string
		code  int
		says  string // in stdout (code 0) or stderr
		every time.Duration
		mk    string
	}{
		{"add again keeps all", []string{"feeds", "add", u}, 0, "already subscribed as " + id, time.Hour, "NATO RESTRICTED // REL TO NATO"},
		{"add again, lower marking", []string{"feeds", "add", u, "--marking", "PUBLIC"}, 1, "would lower it", time.Hour, "NATO RESTRICTED // REL TO NATO"},
		{"add again, interval", []string{"feeds", "add", u, "--every", "2h"}, 0, "now every 2h0m0s under NATO RESTRICTED // REL TO NATO",
			2 * time.Hour, "NATO RESTRICTED // REL TO NATO"},
		{"update, stricter", []string{"feeds", "update", id, "--marking", "NATO CONFIDENTIAL // REL TO NATO"}, 0, "now every 2h0m0s",
			2 * time.Hour, "NATO CONFIDENTIAL // REL TO NATO"},
		{"update by URL, lower", []string{"feeds", "update", u, "--marking", "NATO RESTRICTED // REL TO NATO", "--every", "5m"}, 1,
			"only becomes stricter", 2 * time.Hour, "NATO CONFIDENTIAL // REL TO NATO"},
		{"update without flags", []string{"feeds", "update", id}, 1, "give --every, --marking or both", 2 * time.Hour, "NATO CONFIDENTIAL // REL TO NATO"},
		{"update, short interval", []string{"feeds", "update", id, "--every", "10s"}, 1, "shorter than 1m", 2 * time.Hour, "NATO CONFIDENTIAL // REL TO NATO"},
		{"update unknown", []string{"feeds", "update", "nope", "--every", "1h"}, 1, "not found", 2 * time.Hour, "NATO CONFIDENTIAL // REL TO NATO"},
	}
	for _, st := range steps {
		r := runLine(t, "", append(st.args, "--data", data)...)
		out := r.out
		if st.code != 0 {
			out = r.errOut
		}
		if r.code != st.code || !strings.Contains(out, st.says) {
			t.Errorf("%s: %+v; want exit %d saying %q", st.name, r, st.code, st.says)
		}
		if f := stored(); f.ID != id || f.Every != st.every || marking.Format(f.Marking) != st.mk {
			t.Errorf("%s: stored every %v under %q, want %v under %q", st.name, f.Every, marking.Format(f.Marking), st.every, st.mk)
		}
	}
}
