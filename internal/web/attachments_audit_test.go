package web

import (
	"context"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/coord"
	"github.com/liaison-project/liaison/internal/httpapi"
	"github.com/liaison-project/liaison/internal/marking"
	"github.com/liaison-project/liaison/internal/sqlite"
)

// TestAttachmentPageDownloadAudit: the pages' downloads are audited as the
// API's are — one attachment.download entry per served file, one unmarked
// access.denied entry naming nothing per refusal, alike for an invisible
// message and a missing thread.
func TestAttachmentPageDownloadAudit(t *testing.T) {
	var (
		svc *coord.Service
		db  *sqlite.DB
	)
	ts := testSite(t, func(srv *httpapi.Server, ui *UI, d *sqlite.DB) (err error) {
		db = d
		if svc, err = coord.NewService(coord.Config{Proposals: d, Threads: d, Audit: d}); err != nil {
			return err
		}
		return ui.RegisterProposals(srv, svc)
	})
	p, th, m := seedWebAttachments(t, svc)
	sys := liaison.SystemContext(context.Background())
	var seq int64
	next := func(what string) liaison.AuditEntry {
		t.Helper()
		es, err := db.List(sys, liaison.AuditFilter{After: seq, Limit: 100})
		if err != nil || len(es) == 0 {
			t.Fatalf("%s: entries %+v %v", what, es, err)
		}
		seq = es[len(es)-1].Seq
		if len(es) != 1 {
			t.Fatalf("%s: %d entries, want 1: %+v", what, len(es), es)
		}
		return es[0]
	}
	if es, err := db.List(sys, liaison.AuditFilter{Limit: 100000}); err == nil && len(es) > 0 {
		seq = es[len(es)-1].Seq // after the seeding's own entries
	}

	if code, _, body := download(t, ts, "JPN", "/proposals/"+p.ID+"/attachments/0"); code != 200 || body != "the plan" {
		t.Fatalf("JPN downloads the plan: %d %q", code, body)
	}
	e := next("served")
	if e.Action != coord.AuditDownload || e.Nation != "JPN" || !strings.HasPrefix(e.Item, "proposal:"+p.ID+"/attachment:") ||
		!strings.Contains(e.Detail, "plan.txt") || marking.Format(e.Marking) != "NATO RESTRICTED // REL TO FRA, GBR, JPN" {
		t.Errorf("served: entry %+v (%q)", e, marking.Format(e.Marking))
	}
	var details []string
	for _, path := range []string{"/threads/" + th.ID + "/messages/" + m.ID + "/attachments/0", "/threads/Q" + th.ID + "/messages/Q" + m.ID + "/attachments/0"} {
		if code, _, _ := download(t, ts, "JPN", path); code != 404 {
			t.Fatalf("JPN downloads %s: %d", path, code)
		}
		e := next(path)
		if e.Action != liaison.AuditDenied || e.Item != "" || strings.Contains(e.Detail, th.ID) || strings.Contains(e.Detail, m.ID) ||
			strings.Contains(e.Detail, "us.csv") || marking.Format(e.Marking) != marking.Format(liaison.Marking{}) {
			t.Errorf("refused %s: entry %+v", path, e)
		}
		details = append(details, e.Detail)
	}
	if details[0] != details[1] {
		t.Errorf("invisible and missing differ: %q", details)
	}
}
