package report

import (
	"errors"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
)

// TestDraftWritable: an author may only mark a draft so that they can read
// it themselves, on creation and on edit; nothing refused is stored.
func TestDraftWritable(t *testing.T) {
	f := newFixture(t)
	jpn := as("JPN", liaison.RoleAnalyst, 3, "j-analyst")
	for _, c := range []struct{ marking, says string }{
		{"NATO SECRET // REL TO JPN", "above your clearance NATO CONFIDENTIAL"},
		{"NATO RESTRICTED // REL TO NATO", "not releasable to JPN, your nation"},
	} {
		_, err := f.svc.Create(jpn, Draft{Title: "zqrefused", Marking: c.marking})
		if !errors.Is(err, liaison.ErrInvalid) || !strings.Contains(err.Error(), c.says) {
			t.Errorf("create %q: %v; want ErrInvalid saying %q", c.marking, err, c.says)
		}
	}
	r, err := f.svc.Create(jpn, Draft{Title: "ok", Marking: "NATO CONFIDENTIAL // REL TO JPN"})
	if err != nil {
		t.Fatalf("writable draft: %v", err)
	}
	if _, err := f.svc.Update(jpn, r.ID, Draft{Title: "ok", Marking: "NATO SECRET // REL TO JPN"}); !errors.Is(err, liaison.ErrInvalid) {
		t.Errorf("edit above clearance: %v", err)
	}
	page, err := f.svc.List(liaison.SystemContext(jpn), liaison.ReportFilter{})
	if err != nil || page.Total != 1 || page.Items[0].Title != "ok" || page.Items[0].Marking.Level != 3 {
		t.Errorf("stored reports: %+v, %v; want only the writable draft, unchanged", page.Items, err)
	}
}
