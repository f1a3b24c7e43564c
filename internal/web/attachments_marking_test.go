package web

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/coord"
)

var bannerRe = regexp.MustCompile(`aria-label="classification">([^<]*)<`)

// TestAttachmentOwnMarkingPages: an attachment with its own marking is
// listed (name, size, link) only to those who may see it, the links of the
// others close up around it, its download sends its own marking, the page
// banner rises to it for those who see it, and for the others its position
// answers as one past the end.
func TestAttachmentOwnMarkingPages(t *testing.T) {
	ts, svc := proposalSite(t)
	gbr := liaison.WithViewer(context.Background(), liaison.Viewer{Nation: "GBR", Role: liaison.RoleOfficer, Clearance: 4})
	mk := liaison.Marking{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"FRA", "GBR", "JPN"}}
	own := liaison.Marking{Classification: "NATO CONFIDENTIAL", Level: 3, RelTo: []string{"FRA", "GBR"}, Groups: []string{"FRA", "GBR"}}
	p, err := svc.Create(gbr, coord.Draft{Title: "Tokyo office", Text: "See the plan.", Procedure: liaison.ProcedureSilence,
		Deciders: []string{"FRA", "GBR"}, Consulted: []string{"JPN"}, Marking: mk, Deadline: time.Now().Add(time.Hour),
		Attachments: []liaison.Attachment{{Name: "plan.txt", Data: []byte("the plan")},
			{Name: "annex-zqsecret.txt", Data: []byte("zqsecret bytes"), Marking: own}, {Name: "tail.txt", Data: []byte("tail")}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Act(gbr, p.ID, coord.Step{Action: coord.ActCirculate}); err != nil {
		t.Fatal(err)
	}
	base := "/proposals/" + p.ID + "/attachments/"
	for _, c := range []struct {
		nation string
		seen   bool
	}{{"GBR", true}, {"FRA", true}, {"JPN", false}} {
		code, body := pageAs(t, ts, c.nation, "GET", "/proposals/"+p.ID, nil)
		banner := bannerRe.FindStringSubmatch(body)
		if code != 200 || banner == nil || strings.Contains(body, "zqsecret") != c.seen || strings.Contains(body, base+"2") != c.seen ||
			!strings.Contains(body, base+"1") || strings.HasPrefix(banner[1], "NATO CONFIDENTIAL") != c.seen {
			t.Errorf("proposal page as %s (annex seen: %v): %d banner %q\n%s", c.nation, c.seen, code, banner, body)
		}
		code, h, got := download(t, ts, c.nation, base+"1")
		want := map[bool]string{true: "zqsecret bytes", false: "tail"}[c.seen]
		wantMk := map[bool]string{true: "NATO CONFIDENTIAL // REL TO FRA, GBR", false: "NATO RESTRICTED // REL TO FRA, GBR, JPN"}[c.seen]
		if code != 200 || got != want || h.Get("X-Liaison-Marking") != wantMk {
			t.Errorf("GET %s1 as %s = %d %q %q", base, c.nation, code, got, h.Get("X-Liaison-Marking"))
		}
	}
	// JPN's position 2 is past its end: the same page as on a twin
	// proposal that never had the annex.
	twin, err := svc.Create(gbr, coord.Draft{Title: "Tokyo office", Text: "See the plan.", Procedure: liaison.ProcedureSilence,
		Deciders: []string{"FRA", "GBR"}, Consulted: []string{"JPN"}, Marking: mk, Deadline: time.Now().Add(time.Hour),
		Attachments: []liaison.Attachment{{Name: "plan.txt", Data: []byte("the plan")}, {Name: "tail.txt", Data: []byte("tail")}}})
	if err == nil {
		_, err = svc.Act(gbr, twin.ID, coord.Step{Action: coord.ActCirculate})
	}
	if err != nil {
		t.Fatal(err)
	}
	code, _, got := download(t, ts, "JPN", base+"2")
	_, _, want := download(t, ts, "JPN", "/proposals/"+twin.ID+"/attachments/2")
	if code != 404 || got != strings.ReplaceAll(want, twin.ID, p.ID) {
		t.Errorf("JPN position 2 differs from the twin's:\n%s\n---\n%s", got, want)
	}
}
