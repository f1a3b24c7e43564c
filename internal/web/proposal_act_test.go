package web

import (
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/coord"
)

var actionOptionRE = regexp.MustCompile(`<option value="([a-z-]+)">`)

// TestProposalActForm: the Act form offers each viewer only the actions
// it may take in the proposal's state, none at all to a reader, and a
// concurrence on a blocked proposal is refused with the reason.
func TestProposalActForm(t *testing.T) {
	ts, svc := proposalSite(t)
	gbr := liaison.WithViewer(context.Background(), liaison.Viewer{Nation: "GBR", Role: liaison.RoleOfficer, Clearance: 4})
	p, err := svc.Create(gbr, coord.Draft{Title: "Tokyo office", Text: "Open it.", Procedure: liaison.ProcedureConsensus,
		Deciders: []string{"FRA", "GBR"}, Consulted: []string{"JPN"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Act(gbr, p.ID, coord.Step{Action: coord.ActCirculate, Deadline: time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	offered := func(viewer string) string {
		t.Helper()
		code, body := pageAs(t, ts, viewer, "GET", "/proposals/"+p.ID, nil)
		if code != 200 {
			t.Fatalf("page as %s: %d", viewer, code)
		}
		var acts []string
		for _, m := range actionOptionRE.FindAllStringSubmatch(body, -1) {
			acts = append(acts, m[1])
		}
		if (len(acts) == 0) == strings.Contains(body, `<h2>Act</h2>`) {
			t.Fatalf("as %s: the Act form shows %v", viewer, acts)
		}
		return strings.Join(acts, " ")
	}
	circulating := []struct{ viewer, want string }{
		{"JPN", "comment"},
		{"JPN-reader", ""},
		{"FRA", "concur object agree-to-disagree comment"},
		{"GBR", "amend concur object agree-to-disagree comment withdraw"},
	}
	for _, tt := range circulating {
		if got := offered(tt.viewer); got != tt.want {
			t.Errorf("circulating, as %s: offered %q, want %q", tt.viewer, got, tt.want)
		}
	}
	if code, _ := pageAs(t, ts, "FRA", "POST", "/proposals/"+p.ID, url.Values{"action": {"object"}, "text": {"France objects"}}); code != 303 {
		t.Fatalf("objection: %d", code)
	}
	blocked := []struct{ viewer, want string }{
		{"JPN", "comment"},
		{"FRA", "object comment"},
		{"GBR", "amend object comment withdraw"},
	}
	for _, tt := range blocked {
		if got := offered(tt.viewer); got != tt.want {
			t.Errorf("blocked, as %s: offered %q, want %q", tt.viewer, got, tt.want)
		}
	}
	code, body := pageAs(t, ts, "GBR", "POST", "/proposals/"+p.ID, url.Values{"action": {"concur"}})
	if code != 409 || !strings.Contains(body, "blocked by an objection") {
		t.Errorf("concur on a blocked proposal: %d, want 409 with the reason", code)
	}
	got, err := svc.Get(gbr, p.ID)
	if err != nil || len(got.Positions) != 1 {
		t.Errorf("positions after a refused concurrence: %v %v", got, err)
	}
}
