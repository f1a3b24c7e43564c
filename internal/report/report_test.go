package report

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
	"github.com/liaison-project/liaison/internal/sqlite"
	"github.com/liaison-project/liaison/internal/sqlite/sqlitetest"
)

type fixture struct {
	svc  *Service
	db   *sqlite.DB
	docs map[string]string // name → id
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	db := sqlitetest.MustOpen(t)
	sys := liaison.SystemContext(ctx)
	for _, n := range marking.SeedNations() {
		if err := db.PutNation(sys, &n); err != nil {
			t.Fatal(err)
		}
	}
	mk := &marking.Marker{Policy: marking.Default(), Nations: db}
	svc, err := New(Config{Reports: db, Documents: db, Events: db, ParseMarking: mk.Parse, Audit: db})
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{svc: svc, db: db, docs: map[string]string{}}
	for name, text := range map[string]string{
		"public": "PUBLIC", "nato": "NATO RESTRICTED // REL TO NATO", "jpnusa": "NATO CONFIDENTIAL // REL TO JPN, USA",
		"fra": "NATO SECRET // REL TO FRA",
	} {
		m, err := mk.Parse(ctx, text)
		if err != nil {
			t.Fatal(err)
		}
		d := &liaison.Document{Title: "doc " + name, Text: "text of " + name, ContentHash: name, Marking: m}
		res, err := db.PutDocument(sys, d)
		if err != nil {
			t.Fatal(err)
		}
		f.docs[name] = res.ID
	}
	return f
}

func as(nation string, role liaison.Role, clearance int, id string) context.Context {
	return liaison.WithViewer(context.Background(), liaison.Viewer{UserID: id, Name: id, Nation: nation, Role: role, Clearance: clearance})
}

func TestFourEyes(t *testing.T) {
	f := newFixture(t)
	analyst := as("USA", liaison.RoleAnalyst, 4, "u-analyst")
	officer := as("USA", liaison.RoleOfficer, 4, "u-officer")
	reader := as("USA", liaison.RoleReader, 4, "u-reader")
	jpnOfficer := as("JPN", liaison.RoleOfficer, 4, "j-officer")
	admin := as("GBR", liaison.RoleAdmin, 4, "g-admin")

	if _, err := f.svc.Create(reader, Draft{Title: "x"}); !errors.Is(err, liaison.ErrForbidden) {
		t.Errorf("reader drafts: %v", err)
	}
	r, err := f.svc.Create(analyst, Draft{Title: "Assessment", Body: "# Body", Cites: []string{f.docs["nato"]}})
	if err != nil {
		t.Fatal(err)
	}
	if got := marking.Format(r.Marking); got != "NATO RESTRICTED // REL TO NATO" {
		t.Errorf("default marking = %q", got)
	}
	// Drafts: author's nation and admins only.
	if _, err := f.svc.Get(jpnOfficer, r.ID); !errors.Is(err, liaison.ErrNotFound) {
		t.Errorf("JPN sees a USA draft: %v", err)
	}
	if _, err := f.svc.Get(admin, r.ID); err != nil {
		t.Errorf("admin cannot see draft: %v", err)
	}
	if _, err := f.svc.Release(jpnOfficer, r.ID); !errors.Is(err, liaison.ErrNotFound) {
		t.Errorf("JPN officer releases invisible draft: %v", err)
	}
	if _, err := f.svc.Release(analyst, r.ID); !errors.Is(err, liaison.ErrForbidden) {
		t.Errorf("analyst releases: %v", err)
	}
	selfOfficer := as("USA", liaison.RoleOfficer, 4, "u-officer")
	own, err := f.svc.Create(selfOfficer, Draft{Title: "Own"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Release(selfOfficer, own.ID); !errors.Is(err, liaison.ErrForbidden) {
		t.Errorf("officer releases own: %v", err)
	}
	if _, err := f.svc.Update(officer, r.ID, Draft{Title: "hijack"}); !errors.Is(err, liaison.ErrForbidden) {
		t.Errorf("non-author edits: %v", err)
	}
	rel, err := f.svc.Release(officer, r.ID)
	if err != nil || rel.State != liaison.ReportReleased || rel.ReleasedBy != "u-officer" {
		t.Fatalf("release = %+v, %v", rel, err)
	}
	if _, err := f.svc.Release(admin, r.ID); !errors.Is(err, liaison.ErrConflict) {
		t.Errorf("second release: %v", err)
	}
	if _, err := f.svc.Update(analyst, r.ID, Draft{Title: "late"}); !errors.Is(err, liaison.ErrConflict) {
		t.Errorf("edit released: %v", err)
	}
	// Released: by marking. JPN is not NATO: still invisible; FRA sees it.
	if _, err := f.svc.Get(jpnOfficer, r.ID); !errors.Is(err, liaison.ErrNotFound) {
		t.Errorf("JPN sees NATO report: %v", err)
	}
	if _, err := f.svc.Get(as("FRA", liaison.RoleReader, 2, "f"), r.ID); err != nil {
		t.Errorf("FRA cannot see released NATO report: %v", err)
	}
	es, err := f.db.List(liaison.SystemContext(context.Background()), liaison.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range es {
		actions = append(actions, e.Action)
	}
	if got := strings.Join(actions, ","); got != "report.draft,report.draft,release" {
		t.Errorf("audit = %s", got)
	}
}

func TestMarkingAtLeastCited(t *testing.T) {
	f := newFixture(t)
	analyst := as("USA", liaison.RoleAnalyst, 4, "u-analyst")
	cases := []struct {
		name    string
		cites   []string
		marking string
		want    string // required marking in the error; "" = accepted
	}{
		{"nothing cited, public", nil, "PUBLIC", ""},
		{"public doc, higher ok", []string{"public"}, "NATO SECRET // REL TO USA", ""},
		{"too low level", []string{"jpnusa"}, "NATO RESTRICTED // REL TO JPN, USA", "NATO CONFIDENTIAL // REL TO JPN, USA"},
		{"too wide rel", []string{"jpnusa"}, "NATO CONFIDENTIAL // REL TO NATO", "NATO CONFIDENTIAL // REL TO JPN, USA"},
		{"narrower rel ok", []string{"jpnusa"}, "NATO CONFIDENTIAL // REL TO USA", ""},
		{"combined", []string{"jpnusa", "nato"}, "NATO RESTRICTED // REL TO USA", "NATO CONFIDENTIAL // REL TO USA"},
		{"public for nato", []string{"nato"}, "PUBLIC", "NATO RESTRICTED // REL TO NATO"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var ids []string
			for _, n := range c.cites {
				ids = append(ids, f.docs[n])
			}
			_, err := f.svc.Create(analyst, Draft{Title: c.name, Cites: ids, Marking: c.marking})
			if c.want == "" {
				if err != nil {
					t.Fatalf("rejected: %v", err)
				}
				return
			}
			if !errors.Is(err, liaison.ErrInvalid) || !strings.Contains(err.Error(), "at least \""+c.want+"\"") {
				t.Errorf("err = %v; want ErrInvalid naming %q", err, c.want)
			}
			req, err := f.svc.RequiredMarking(analyst, ids)
			if err != nil || len(ids) == 1 && marking.Format(req) != c.want {
				t.Errorf("RequiredMarking = %q, %v", marking.Format(req), err)
			}
		})
	}
	// No nation may see both: no marking can cover them.
	if _, err := f.svc.RequiredMarking(as("USA", liaison.RoleAnalyst, 4, "x"), []string{f.docs["jpnusa"]}); err != nil {
		t.Fatal(err)
	}
	sys := liaison.SystemContext(context.Background())
	sys = liaison.WithViewer(sys, liaison.Viewer{UserID: "s", System: true, Clearance: 9})
	if _, err := f.svc.RequiredMarking(sys, []string{f.docs["jpnusa"], f.docs["fra"]}); !errors.Is(err, liaison.ErrInvalid) {
		t.Errorf("disjoint cites: %v", err)
	}
	// An invisible cited id reads like a missing one.
	jpn := as("JPN", liaison.RoleAnalyst, 4, "j")
	_, e1 := f.svc.RequiredMarking(jpn, []string{f.docs["fra"]})
	_, e2 := f.svc.RequiredMarking(jpn, []string{"01HZZZZZZZZZZZZZZZZZZZZZZZ"})
	if e1 == nil || e2 == nil || strings.ReplaceAll(e1.Error(), f.docs["fra"], "ID") != strings.ReplaceAll(e2.Error(), "01HZZZZZZZZZZZZZZZZZZZZZZZ", "ID") {
		t.Errorf("invisible vs missing cite: %v / %v", e1, e2)
	}
}

// TestListPaging pages through the viewer's reports: every visible one once,
// Total counting only the visible, a bad cursor refused.
func TestListPaging(t *testing.T) {
	f := newFixture(t)
	usa := as("USA", liaison.RoleAnalyst, 4, "u")
	fra := as("FRA", liaison.RoleAnalyst, 4, "f")
	for i := 0; i < 5; i++ {
		if _, err := f.svc.Create(usa, Draft{Title: "usa"}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.svc.Create(fra, Draft{Title: "fra"}); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	cur := ""
	for pages := 0; ; pages++ {
		p, err := f.svc.List(usa, liaison.ReportFilter{Cursor: cur, Limit: 2})
		if err != nil {
			t.Fatal(err)
		}
		if p.Total != 5 {
			t.Errorf("total = %d; want 5 (the FRA draft is not USA's)", p.Total)
		}
		for _, r := range p.Items {
			if seen[r.ID] || r.Title != "usa" {
				t.Errorf("report %s %q repeated or foreign", r.ID, r.Title)
			}
			seen[r.ID] = true
		}
		if cur = p.NextCursor; cur == "" || pages > 5 {
			break
		}
	}
	if len(seen) != 5 {
		t.Errorf("paged %d reports; want 5", len(seen))
	}
	if _, err := f.svc.List(usa, liaison.ReportFilter{Cursor: "garbage"}); !errors.Is(err, liaison.ErrInvalid) {
		t.Errorf("bad cursor: %v", err)
	}
	if _, err := f.svc.List(usa, liaison.ReportFilter{State: "bogus"}); !errors.Is(err, liaison.ErrInvalid) {
		t.Errorf("bad state: %v", err)
	}
	if p, err := f.svc.List(context.Background(), liaison.ReportFilter{}); err != nil || len(p.Items) != 0 || p.Total != 0 {
		t.Errorf("no viewer sees %d reports (%v)", len(p.Items), err)
	}
}

// TestCiteReports: released reports can be cited (their marking counts),
// drafts cannot.
func TestCiteReports(t *testing.T) {
	f := newFixture(t)
	analyst := as("USA", liaison.RoleAnalyst, 4, "a")
	officer := as("USA", liaison.RoleOfficer, 4, "o")
	base, err := f.svc.Create(analyst, Draft{Title: "base", Cites: []string{f.docs["jpnusa"]}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Create(analyst, Draft{Title: "on draft", Cites: []string{base.ID}}); !errors.Is(err, liaison.ErrInvalid) {
		t.Errorf("citing a draft: %v", err)
	}
	if _, err := f.svc.Release(officer, base.ID); err != nil {
		t.Fatal(err)
	}
	r, err := f.svc.Create(analyst, Draft{Title: "on released", Cites: []string{base.ID}})
	if err != nil || marking.Format(r.Marking) != "NATO CONFIDENTIAL // REL TO JPN, USA" {
		t.Errorf("citing a released report: %v %v", marking.Format(r.Marking), err)
	}
}
