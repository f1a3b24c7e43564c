package httpapi

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/coord"
	"github.com/liaison-project/liaison/internal/marking"
	"github.com/liaison-project/liaison/internal/sqlite"
)

// TestAttachmentDownloadAudit: through the routes, every served file writes
// exactly one attachment.download entry marked as the file is seen (its
// marking narrowed to the parent's parties); every 404 writes one
// access.denied entry naming nothing, the same for an invisible item as
// for a missing one; a malformed position and an unauthenticated request
// write none.
func TestAttachmentDownloadAudit(t *testing.T) {
	var svc *coord.Service
	ts, db := apiServer(t, func(srv *Server, db *sqlite.DB) (err error) {
		if svc, err = coord.NewService(coord.Config{Proposals: db, Threads: db, Audit: db}); err == nil {
			srv.RegisterCoord(svc, db)
		}
		return err
	})
	f := seedAttachments(t, svc)
	sys := liaison.SystemContext(context.Background())
	last := func() int64 {
		es, err := db.List(sys, liaison.AuditFilter{Limit: 100000})
		if err != nil || len(es) == 0 {
			t.Fatalf("audit: %d entries, %v", len(es), err)
		}
		return es[len(es)-1].Seq
	}
	seq := last()
	pa := func(id, n string) string { return "/api/v1/proposals/" + id + "/attachments/" + n }
	ma := func(th, m, n string) string { return "/api/v1/threads/" + th + "/messages/" + m + "/attachments/" + n }
	missing := liaison.NewID(time.Now())
	const none = "-"
	var denials []string
	for _, c := range []struct {
		name, nation, path string
		code               int
		marking            string // of the download entry; "denied" for a denial, none for no entry
		relTo              []string
	}{
		{"proposal file", "JPN", pa(f.prop, "0"), 200, "NATO RESTRICTED // REL TO DEU, FRA, GBR, JPN", nil},
		{"draft file", "GBR", pa(f.draft, "0"), 200, "", []string{"GBR"}},
		{"restricted message file", "DEU", ma(f.thread, f.restricted, "0"), 200, "NATO CONFIDENTIAL // REL TO DEU, FRA", nil},
		{"non-participant", "KOR", pa(f.prop, "0"), 404, "denied", nil},
		{"missing proposal", "KOR", pa(missing, "0"), 404, "denied", nil},
		{"draft, decider", "FRA", pa(f.draft, "0"), 404, "denied", nil},
		{"out of range", "GBR", pa(f.prop, "9"), 404, "denied", nil},
		{"restricted message, excluded participant", "JPN", ma(f.thread, f.restricted, "0"), 404, "denied", nil},
		{"missing thread", "JPN", ma(missing, missing, "0"), 404, "denied", nil},
		{"malformed position", "GBR", pa(f.prop, "x"), 400, none, nil},
		{"unauthenticated", "", pa(f.prop, "0"), 401, none, nil},
	} {
		r := fetch(t, ts, c.nation, "", c.path)
		if r.code != c.code {
			t.Fatalf("%s: GET %s = %d, want %d", c.name, c.path, r.code, c.code)
		}
		es, err := db.List(sys, liaison.AuditFilter{After: seq, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		if len(es) > 0 {
			seq = es[len(es)-1].Seq
		}
		if c.marking == none {
			if len(es) != 0 {
				t.Errorf("%s: wrote %+v, want no entry", c.name, es)
			}
			continue
		}
		if len(es) != 1 {
			t.Fatalf("%s: %d entries, want 1: %+v", c.name, len(es), es)
		}
		e := es[0]
		if e.Nation != c.nation {
			t.Errorf("%s: entry of nation %q, want the requester's %q", c.name, e.Nation, c.nation)
		}
		if c.marking == "denied" {
			if e.Action != liaison.AuditDenied || e.Item != "" || marking.Format(e.Marking) != marking.Format(liaison.Marking{}) {
				t.Errorf("%s: entry %+v, want an unmarked access.denied naming nothing", c.name, e)
			}
			for _, id := range []string{f.prop, f.draft, f.thread, f.restricted, missing, ".txt"} {
				if strings.Contains(e.Detail, id) {
					t.Errorf("%s: denial detail %q names %q", c.name, e.Detail, id)
				}
			}
			denials = append(denials, e.Detail)
			continue
		}
		item := "proposal:" + strings.Split(c.path, "/")[4] + "/attachment:"
		if strings.Contains(c.path, "/threads/") {
			item = "thread:" + f.thread + "/message:" + f.restricted + "/attachment:"
		}
		if e.Action != coord.AuditDownload || !strings.Contains(e.Detail, ".txt") || !strings.HasPrefix(e.Item, item) {
			t.Errorf("%s: entry %+v, want %s naming the file under %s", c.name, e, coord.AuditDownload, item)
		}
		if c.relTo != nil && !slices.Equal(e.Marking.RelTo, c.relTo) {
			t.Errorf("%s: entry releasable to %v, want %v", c.name, e.Marking.RelTo, c.relTo)
		}
		if c.relTo == nil && marking.Format(e.Marking) != c.marking {
			t.Errorf("%s: entry marked %q, want %q", c.name, marking.Format(e.Marking), c.marking)
		}
	}
	// Invisible and missing leave the same entry (the proposal ones, then the thread ones).
	if len(denials) != 6 || denials[0] != denials[1] || denials[1] != denials[2] || denials[2] != denials[3] || denials[4] != denials[5] {
		t.Errorf("denial details differ: %q", denials)
	}
}
