package coord

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
)

// TestWritableMarkings: proposals, threads, messages and their attachments
// are refused (ErrInvalid, naming why) when the writer could not read them
// back, and nothing refused is stored.
func TestWritableMarkings(t *testing.T) {
	db := tempDB(t)
	s := newService(t, db, &clock{t: t0})
	// A GBR analyst cleared to NATO RESTRICTED (level 2), no caveats.
	gbr2 := liaison.WithViewer(context.Background(), liaison.Viewer{UserID: "u-GBR2", Name: "analyst-GBR",
		Nation: "GBR", Role: liaison.RoleOfficer, Clearance: 2})
	draft := func(mk liaison.Marking, atts ...liaison.Attachment) Draft {
		return Draft{Title: "zqrefused", Text: "x", Procedure: liaison.ProcedureSilence, Deadline: t0.Add(time.Hour),
			Deciders: []string{"DEU", "FRA", "GBR"}, Consulted: []string{"JPN"}, Marking: mk, Attachments: atts}
	}
	caveat := liaison.Marking{Classification: "NATO RESTRICTED", Level: 2, RelTo: mkR.RelTo, Caveats: []string{"ALPHA"}}
	notGBR := liaison.Marking{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"FRA"}}
	th, err := s.OpenThread(gbr2, NewThread{Subject: "s", Participants: []string{"FRA", "JPN"}, Marking: mkR})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, says string
		write      func() error
	}{
		{"proposal above clearance", "above your clearance NATO RESTRICTED", func() error {
			_, err := s.Create(gbr2, draft(mkC))
			return err
		}},
		{"proposal attachment with a caveat not held", `attachment "annex.txt"`, func() error {
			_, err := s.Create(gbr2, draft(mkR, liaison.Attachment{Name: "annex.txt", Data: []byte("a"), Marking: caveat}))
			return err
		}},
		{"thread above clearance", "above your clearance NATO RESTRICTED", func() error {
			_, err := s.OpenThread(gbr2, NewThread{Subject: "zqrefused", Participants: []string{"FRA", "JPN"}, Marking: mkC})
			return err
		}},
		{"message above clearance", "above your clearance NATO RESTRICTED", func() error {
			_, err := s.Post(gbr2, th.ID, "zqrefused", mkC, nil)
			return err
		}},
		{"message attachment not releasable to the writer", "not releasable to GBR, your nation", func() error {
			_, err := s.Post(gbr2, th.ID, "zqrefused", mkR, []liaison.Attachment{{Name: "fra.txt", Data: []byte("f"), Marking: notGBR}})
			return err
		}},
	} {
		if err := c.write(); !errors.Is(err, liaison.ErrInvalid) || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s: %v; want ErrInvalid saying %q", c.name, err, c.says)
		}
	}
	sys := liaison.SystemContext(context.Background())
	if ps, err := s.List(sys, liaison.ProposalFilter{}); err != nil || len(ps) != 0 {
		t.Errorf("refused proposals stored: %d, %v", len(ps), err)
	}
	if ts, err := s.Threads(sys, 10); err != nil || len(ts) != 1 {
		t.Errorf("threads stored: %d, %v; want only the writable one", len(ts), err)
	}
	if ms, err := s.Messages(sys, th.ID, 10); err != nil || len(ms) != 0 {
		t.Errorf("refused messages stored: %d, %v", len(ms), err)
	}
	// What the writer may read is accepted.
	if _, err := s.Post(gbr2, th.ID, "ok", mkR, nil); err != nil {
		t.Errorf("writable message: %v", err)
	}
}
