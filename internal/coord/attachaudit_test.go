package coord

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
	"github.com/liaison-project/liaison/internal/sqlite"
)

// newEntries returns the audit entries appended after seq, read as the
// system, and the last seq.
func newEntries(t *testing.T, db *sqlite.DB, seq int64) ([]liaison.AuditEntry, int64) {
	t.Helper()
	es, err := db.List(liaison.SystemContext(context.Background()), liaison.AuditFilter{After: seq, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if len(es) > 0 {
		seq = es[len(es)-1].Seq
	}
	return es, seq
}

// admin is an admin of nation with the highest clearance.
func admin(nation string) context.Context {
	return liaison.WithViewer(context.Background(), liaison.Viewer{UserID: "adm-" + nation, Name: "admin-" + nation,
		Nation: nation, Role: liaison.RoleAdmin, Clearance: 4})
}

// auditSees reports whether the audit view of ctx lists the entry seq.
func auditSees(t *testing.T, db *sqlite.DB, ctx context.Context, seq int64) bool {
	t.Helper()
	es, err := db.List(ctx, liaison.AuditFilter{After: seq - 1, Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	return len(es) == 1 && es[0].Seq == seq
}

// TestDownloadAudit: every served attachment writes exactly one
// attachment.download entry, marked with the file's marking narrowed to
// the parent's parties, and the audit view shows it to exactly those who
// may see the file.
func TestDownloadAudit(t *testing.T) {
	db := tempDB(t)
	s := newService(t, db, &clock{t: t0})
	open := liaison.Marking{Classification: "NATO RESTRICTED", Level: 2} // releasable to all: parties narrow it
	gbr := as("GBR", liaison.RoleOfficer)
	p, err := s.Create(gbr, Draft{Title: "t", Text: "x", Procedure: liaison.ProcedureSilence, Deadline: t0.Add(time.Hour),
		Deciders: []string{"DEU", "FRA", "GBR"}, Consulted: []string{"JPN"}, Marking: open,
		Attachments: []liaison.Attachment{{Name: "a.txt", Data: []byte("A")}, {Name: "annex.txt", Data: []byte("S"), Marking: mkRne}}})
	if err != nil {
		t.Fatal(err)
	}
	// A draft is seen by its proposing nation only: so is its download.
	// (Another proposal: the log's same-item rule would otherwise keep
	// this GBR-only entry hiding the later downloads of the same file.)
	draft, err := s.Create(gbr, Draft{Title: "d", Text: "x", Procedure: liaison.ProcedureSilence, Deciders: []string{"DEU", "GBR"},
		Marking: open, Attachments: []liaison.Attachment{{Name: "a.txt", Data: []byte("A")}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Act(gbr, p.ID, Step{Action: ActCirculate}); err != nil {
		t.Fatal(err)
	}
	_, seq := newEntries(t, db, 0)
	if _, err := s.ProposalAttachment(gbr, draft.ID, 0); err != nil {
		t.Fatal(err)
	}
	es, seq := newEntries(t, db, seq)
	if len(es) != 1 || es[0].Action != AuditDownload || marking.Format(es[0].Marking) != "NATO RESTRICTED // REL TO GBR" {
		t.Fatalf("draft download wrote %+v, want one entry REL TO GBR", es)
	}
	for _, c := range []struct {
		n       int
		name    string
		mk      string
		seenBy  []string // admins whose audit view lists the entry
		blindTo []string
	}{
		{0, "a.txt", "NATO RESTRICTED // REL TO DEU, FRA, GBR, JPN", []string{"DEU", "JPN", "GBR"}, []string{"KOR", "USA"}},
		{1, "annex.txt", "NATO RESTRICTED // REL TO DEU, FRA, GBR", []string{"DEU", "GBR"}, []string{"JPN", "KOR"}},
	} {
		d, err := s.ProposalAttachment(as("FRA", liaison.RoleReader), p.ID, c.n)
		if err != nil || d.Attachment.Name != c.name {
			t.Fatalf("FRA downloads %d: %+v %v", c.n, d, err)
		}
		var es []liaison.AuditEntry
		es, seq = newEntries(t, db, seq)
		if len(es) != 1 {
			t.Fatalf("download %d wrote %d entries, want 1: %+v", c.n, len(es), es)
		}
		e := es[0]
		if e.Action != AuditDownload || e.Actor != "officer-FRA" || e.Nation != "FRA" || e.Item != attachmentItem("proposal:"+p.ID, d.Attachment) ||
			!strings.Contains(e.Detail, c.name) || marking.Format(e.Marking) != c.mk {
			t.Errorf("download %d: entry %+v (marking %q), want %s of %s marked %q", c.n, e, marking.Format(e.Marking), AuditDownload, c.name, c.mk)
		}
		for _, n := range c.seenBy {
			if !auditSees(t, db, admin(n), e.Seq) {
				t.Errorf("download of %s: hidden from the audit view of a %s admin who may see the file", c.name, n)
			}
		}
		for _, n := range c.blindTo {
			if auditSees(t, db, admin(n), e.Seq) {
				t.Errorf("download of %s: shown to a %s admin who may not see the file", c.name, n)
			}
		}
	}
	if a, b := attachmentItem("p", liaison.Attachment{Name: "x", Data: []byte("1")}), attachmentItem("p", liaison.Attachment{Name: "x", Data: []byte("2")}); a == b {
		t.Errorf("two files share the audit item %s", a)
	}
}

// TestRefusedDownloadAudit: a download that answers not found writes one
// access.denied entry naming nothing — the same for an invisible file, an
// invisible parent, a missing parent and a position out of range — and the
// requester's own audit view shows it.
func TestRefusedDownloadAudit(t *testing.T) {
	db := tempDB(t)
	s := newService(t, db, &clock{t: t0})
	p, err := s.Create(as("GBR", liaison.RoleOfficer), Draft{Title: "t", Text: "x", Procedure: liaison.ProcedureSilence,
		Deadline: t0.Add(time.Hour), Deciders: []string{"DEU", "FRA", "GBR"}, Consulted: []string{"JPN"}, Marking: mkR,
		Attachments: []liaison.Attachment{{Name: "a.txt", Data: []byte("A")}, {Name: "annex-canary.txt", Data: []byte("S"), Marking: mkRne}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Act(as("GBR", liaison.RoleOfficer), p.ID, Step{Action: ActCirculate}); err != nil {
		t.Fatal(err)
	}
	th, err := s.OpenThread(as("GBR", liaison.RoleAnalyst), NewThread{Subject: "s", Participants: []string{"FRA"}, Marking: mkR,
		Text: "hello", Attachments: []liaison.Attachment{{Name: "msg-canary.txt", Data: []byte("M")}}})
	if err != nil {
		t.Fatal(err)
	}
	ms, err := s.Messages(as("GBR", liaison.RoleReader), th.ID, 10)
	if err != nil || len(ms) != 1 {
		t.Fatalf("messages: %v %v", ms, err)
	}
	_, seq := newEntries(t, db, 0)
	jpn := as("JPN", liaison.RoleReader)
	type try struct {
		name string
		do   func() error
	}
	var details []string
	for _, c := range []try{
		{"invisible annex (past the end for JPN)", func() error { _, err := s.ProposalAttachment(jpn, p.ID, 1); return err }},
		{"missing proposal", func() error { _, err := s.ProposalAttachment(jpn, "no-such-proposal", 1); return err }},
		{"invisible thread", func() error { _, err := s.MessageAttachment(jpn, th.ID, ms[0].ID, 0); return err }},
		{"missing thread", func() error { _, err := s.MessageAttachment(jpn, "no-such-thread", "no-such-message", 0); return err }},
	} {
		if err := c.do(); err == nil {
			t.Fatalf("%s: served", c.name)
		}
		var es []liaison.AuditEntry
		es, seq = newEntries(t, db, seq)
		if len(es) != 1 {
			t.Fatalf("%s: %d entries, want 1: %+v", c.name, len(es), es)
		}
		e := es[0]
		if e.Action != liaison.AuditDenied || e.Item != "" || e.Nation != "JPN" || e.Actor != "officer-JPN" || marking.Format(e.Marking) != marking.Format(liaison.Marking{}) {
			t.Errorf("%s: entry %+v, want access.denied by JPN naming nothing, unmarked", c.name, e)
		}
		for _, secret := range []string{p.ID, th.ID, ms[0].ID, "canary", "no-such"} {
			if strings.Contains(e.Item+e.Detail, secret) {
				t.Errorf("%s: entry reveals %q: %+v", c.name, secret, e)
			}
		}
		if !auditSees(t, db, jpn, e.Seq) {
			t.Errorf("%s: the requester's nation does not see its own denial", c.name)
		}
		details = append(details, e.Detail)
	}
	if details[0] != details[1] || details[2] != details[3] {
		t.Errorf("invisible and missing items leave different entries: %q", details)
	}
	// A store without a thread store refuses message downloads the same way.
	bare, err := NewService(Config{Proposals: db, Audit: db})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := bare.MessageAttachment(jpn, th.ID, ms[0].ID, 0); err == nil {
		t.Fatal("served without a thread store")
	}
	es, _ := newEntries(t, db, seq)
	if len(es) != 1 || es[0].Detail != details[2] || slices.ContainsFunc(es, func(e liaison.AuditEntry) bool { return e.Item != "" }) {
		t.Errorf("no thread store: entries %+v", es)
	}
}
