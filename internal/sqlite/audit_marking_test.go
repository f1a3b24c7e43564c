package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/auth"
)

// auditMarkings are the markings of the entries written by
// appendMarkedEntries: none (an entry naming no item), and items of several
// levels, releasabilities and caveats.
var auditMarkings = []liaison.Marking{
	{},
	{Classification: "NATO SECRET", Level: 4, RelTo: []string{"USA"}, Groups: []string{"USA"}},
	{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"USA", "JPN", "GBR"}, Groups: []string{"GBR", "JPN", "USA"}},
	{Classification: "NATO UNCLASSIFIED", Level: 1, Caveats: []string{"CRYPTO"}},
	{Classification: "NATO CONFIDENTIAL", Level: 3, RelTo: []string{"JPN"}, Groups: []string{"JPN"}},
	{Classification: "PUBLIC", Level: 0, RelTo: []string{"!nobody"}, Groups: []string{"!nobody"}},
	liaison.AuditScope(liaison.Marking{Classification: "PUBLIC"}, "FRA", "GBR"),
}

// appendMarkedEntries writes every marking of auditMarkings once by a USA
// actor and once by a JPN actor, and returns the entries as written.
func appendMarkedEntries(t *testing.T, db *DB) []liaison.AuditEntry {
	t.Helper()
	ctx := liaison.SystemContext(context.Background())
	var out []liaison.AuditEntry
	for i, m := range auditMarkings {
		for _, n := range []string{"USA", "JPN"} {
			e := &liaison.AuditEntry{Time: time.Date(2023, 7, 12, 9, 0, i, 0, time.UTC), Actor: strings.ToLower(n) + "-user",
				Nation: n, Action: liaison.AuditRelease, Item: fmt.Sprintf("item-%d", i), Marking: m}
			if err := db.Append(ctx, e); err != nil {
				t.Fatal(err)
			}
			out = append(out, *e)
		}
	}
	return out
}

// TestAuditListAppliesMarkings checks the audit view against the reference
// rule (auth.AuditVisible, built on marking.Visible): the system reads all;
// everyone else only entries whose marking they may see — admins of every
// nation, others of their own.
func TestAuditListAppliesMarkings(t *testing.T) {
	db := openAccessTestDB(t)
	written := appendMarkedEntries(t, db)
	ctx := context.Background()
	viewers := []struct {
		name string
		v    liaison.Viewer
	}{
		{"system", liaison.Viewer{System: true}},
		{"USA reader NR", liaison.Viewer{Nation: "USA", Role: liaison.RoleReader, Clearance: 2}},
		{"USA officer NS", liaison.Viewer{Nation: "USA", Role: liaison.RoleOfficer, Clearance: 4}},
		{"USA officer NS CRYPTO", liaison.Viewer{Nation: "USA", Role: liaison.RoleOfficer, Clearance: 4, Caveats: []string{"CRYPTO"}}},
		{"JPN reader NC", liaison.Viewer{Nation: "JPN", Role: liaison.RoleReader, Clearance: 3}},
		{"GBR admin NS", liaison.Viewer{Nation: "GBR", Role: liaison.RoleAdmin, Clearance: 4}},
		{"GBR admin public", liaison.Viewer{Nation: "GBR", Role: liaison.RoleAdmin}},
		{"XNS admin NS CRYPTO", liaison.Viewer{Nation: "XNS", Role: liaison.RoleAdmin, Clearance: 4, Caveats: []string{"CRYPTO"}}},
		{"FRA reader NS", liaison.Viewer{Nation: "FRA", Role: liaison.RoleReader, Clearance: 4}},
		{"no nation admin", liaison.Viewer{Role: liaison.RoleAdmin, Clearance: 4}},
	}
	for _, tt := range viewers {
		t.Run(tt.name, func(t *testing.T) {
			var want []int64
			for _, e := range written {
				if auth.AuditVisible(tt.v, e) {
					want = append(want, e.Seq)
				}
			}
			es, err := db.List(liaison.WithViewer(ctx, tt.v), liaison.AuditFilter{})
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, e := range es {
				got = append(got, e.Seq)
			}
			if !slices.Equal(got, want) {
				t.Errorf("sees entries %v, want %v", got, want)
			}
		})
	}
	all, err := db.List(liaison.SystemContext(ctx), liaison.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range all {
		if fmt.Sprint(e.Marking) != fmt.Sprint(written[i].Marking) || e.Hash != written[i].Hash {
			t.Errorf("entry %d read back as %+v, written %+v", e.Seq, e.Marking, written[i].Marking)
		}
	}
}

// TestAuditVerifyCoversMarking: editing the marking of an entry (to show it
// to more readers) breaks the chain like any other edit.
func TestAuditVerifyCoversMarking(t *testing.T) {
	tests := []struct {
		name, sql string
		badSeq    int64
	}{
		{"intact", "", 0},
		{"lowered level", `UPDATE audit_log SET mk_level = 0 WHERE seq = 3`, 3},
		{"widened releasability", `UPDATE audit_log SET mk_rel = '[]' WHERE seq = 4`, 4},
		{"dropped caveat", `UPDATE audit_log SET mk_caveats = '[]' WHERE seq = 7`, 7},
		{"marked an unmarked entry", `UPDATE audit_log SET mk_level = 4 WHERE seq = 1`, 1},
		{"renamed classification", `UPDATE audit_log SET mk_class = 'PUBLIC' WHERE seq = 9`, 9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := openAccessTestDB(t)
			appendMarkedEntries(t, db)
			ctx := context.Background()
			if tt.sql != "" {
				for _, q := range []string{`DROP TRIGGER audit_log_no_update`, tt.sql} {
					if _, err := db.db.ExecContext(ctx, q); err != nil {
						t.Fatalf("%s: %v", q, err)
					}
				}
			}
			v, err := db.Verify(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if ok := tt.badSeq == 0; v.OK != ok || v.BadSeq != tt.badSeq || v.Entries != 2*len(auditMarkings) {
				t.Errorf("verify = %+v, want ok=%v bad seq %d", v, ok, tt.badSeq)
			}
		})
	}
}

func TestAuditAppendRejectsBadMarking(t *testing.T) {
	db := openAccessTestDB(t)
	ctx := liaison.SystemContext(context.Background())
	for _, m := range []liaison.Marking{{Level: -1}, {RelTo: []string{"U'SA"}}, {Caveats: []string{""}}} {
		err := db.Append(ctx, &liaison.AuditEntry{Actor: "a", Action: liaison.AuditRelease, Marking: m})
		if err == nil || !strings.Contains(err.Error(), "audit entry release") {
			t.Errorf("marking %+v: err = %v, want invalid", m, err)
		}
	}
}

// TestAuditMigrationKeepsOldChain: entries written before 0005 (no marking
// columns) still verify after it, read as unmarked, and new marked entries
// chain on.
func TestAuditMigrationKeepsOldChain(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	sdb, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	old := &DB{db: sdb, log: slog.New(slog.DiscardHandler)}
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	var upTo4 []migration
	for _, m := range ms {
		if m.Version < 5 {
			upTo4 = append(upTo4, m)
		}
	}
	if err := old.applyMigrations(ctx, upTo4); err != nil {
		t.Fatal(err)
	}
	prev := ""
	for i := 1; i <= 3; i++ {
		e := liaison.AuditEntry{Seq: int64(i), Time: time.Date(2023, 7, 12, 9, 0, i, 0, time.UTC), Actor: "ann",
			Nation: "USA", Action: liaison.AuditLogin, Detail: "session", PrevHash: prev}
		e.Hash = liaison.ChainHash(prev, e)
		if _, err := sdb.ExecContext(ctx, `INSERT INTO audit_log(seq, time, actor, nation, action, item, detail, prev_hash, hash)
			VALUES (?, ?, ?, ?, ?, '', ?, ?, ?)`, e.Seq, fmtTime(e.Time), e.Actor, e.Nation, e.Action, e.Detail, e.PrevHash, e.Hash); err != nil {
			t.Fatal(err)
		}
		if _, err := sdb.ExecContext(ctx, `INSERT OR REPLACE INTO audit_head(id, seq, hash) VALUES (1, ?, ?)`, e.Seq, e.Hash); err != nil {
			t.Fatal(err)
		}
		prev = e.Hash
	}
	sdb.Close()
	db, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Append(liaison.SystemContext(ctx), &liaison.AuditEntry{Actor: "ann", Nation: "USA", Action: liaison.AuditRelease,
		Item: "r1", Marking: liaison.Marking{Classification: "NATO SECRET", Level: 4, RelTo: []string{"USA"}}})
	if err != nil {
		t.Fatal(err)
	}
	if v, err := db.Verify(ctx); err != nil || !v.OK || v.Entries != 4 {
		t.Fatalf("verify after migration = %+v, %v", v, err)
	}
	reader := liaison.WithViewer(ctx, liaison.Viewer{Nation: "USA", Role: liaison.RoleReader, Clearance: 2})
	if es, err := db.List(reader, liaison.AuditFilter{}); err != nil || len(es) != 3 {
		t.Errorf("USA reader sees %d entries (%v), want the 3 unmarked ones", len(es), err)
	}
}

// TestAuditReMarkedItem: a report draft raised from NATO RESTRICTED to NATO
// SECRET // REL TO USA hides its earlier entries from those who cannot see
// it now; the SQLite log and the in-memory reference log agree on every
// viewer.
func TestAuditReMarkedItem(t *testing.T) {
	db := openAccessTestDB(t)
	mem := auth.NewMemory()
	sys := liaison.SystemContext(context.Background())
	nr := liaison.Marking{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"GBR", "USA"}, Groups: []string{"NATO"}}
	ns := liaison.Marking{Classification: "NATO SECRET", Level: 4, RelTo: []string{"USA"}, Groups: []string{"USA"}}
	entries := []liaison.AuditEntry{
		{Actor: "ann", Nation: "USA", Action: "report.draft", Item: "r1", Marking: nr},
		{Actor: "ann", Nation: "USA", Action: liaison.AuditLogin, Item: "user:1"},
		{Actor: "ann", Nation: "USA", Action: "report.update", Item: "r1", Marking: ns},
		{Actor: "ann", Nation: "USA", Action: "report.draft", Item: "r2", Marking: nr},
		{Actor: "bob", Nation: "GBR", Action: "report.draft", Item: "r3", Marking: nr},
	}
	for i, e := range entries {
		e.Time = time.Date(2023, 7, 12, 9, 0, i, 0, time.UTC)
		e2 := e
		if err := db.Append(sys, &e); err != nil {
			t.Fatal(err)
		}
		if err := mem.Append(sys, &e2); err != nil {
			t.Fatal(err)
		}
	}
	tests := []auditView{
		{"system", liaison.Viewer{System: true}, []int64{1, 2, 3, 4, 5}},
		{"USA officer NS", liaison.Viewer{Nation: "USA", Role: liaison.RoleOfficer, Clearance: 4}, []int64{1, 2, 3, 4}},
		{"USA reader NR", liaison.Viewer{Nation: "USA", Role: liaison.RoleReader, Clearance: 2}, []int64{2, 4}},
		// A USA user's login (unmarked) is USA's: no other nation's admin reads it.
		{"GBR admin NS", liaison.Viewer{Nation: "GBR", Role: liaison.RoleAdmin, Clearance: 4}, []int64{4, 5}},
		{"GBR reader NR", liaison.Viewer{Nation: "GBR", Role: liaison.RoleReader, Clearance: 2}, []int64{5}},
		{"FRA admin NS", liaison.Viewer{Nation: "FRA", Role: liaison.RoleAdmin, Clearance: 4}, nil},
		{"USA admin NS", liaison.Viewer{Nation: "USA", Role: liaison.RoleAdmin, Clearance: 4}, []int64{1, 2, 3, 4, 5}},
	}
	checkAuditViews(t, db, mem, tests)
}

// auditView is one viewer's expected audit view: the entries' sequence
// numbers, oldest first.
type auditView struct {
	name string
	v    liaison.Viewer
	want []int64
}

// checkAuditViews lists the SQLite log and the in-memory reference log as
// each viewer and compares both with the expected view.
func checkAuditViews(t *testing.T, db *DB, mem *auth.Memory, tests []auditView) {
	t.Helper()
	for _, tt := range tests {
		ctx := liaison.WithViewer(context.Background(), tt.v)
		for name, log := range map[string]liaison.AuditLog{"sqlite": db, "memory": mem} {
			es, err := log.List(ctx, liaison.AuditFilter{})
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, e := range es {
				got = append(got, e.Seq)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("%s %s: sees %v, want %v", name, tt.name, got, tt.want)
			}
		}
	}
}

// TestAuditWidenedItem: a proposal drafted by one nation (its entries
// marked for that nation) and circulated later (entries marked for its
// parties): a party sees the entries from circulation on — the item's
// current marking is visible to it — but not the draft's; a nation left out
// sees none. The SQLite log and the in-memory reference agree.
func TestAuditWidenedItem(t *testing.T) {
	db := openAccessTestDB(t)
	mem := auth.NewMemory()
	sys := liaison.SystemContext(context.Background())
	draft := liaison.AuditScope(liaison.Marking{Classification: "NATO RESTRICTED", Level: 2}, "USA")
	circulated := liaison.AuditScope(liaison.Marking{Classification: "NATO RESTRICTED", Level: 2}, "USA", "JPN")
	entries := []liaison.AuditEntry{
		{Actor: "ann", Nation: "USA", Action: "proposal.create", Item: "proposal:p1", Marking: draft},
		{Actor: "ann", Nation: "USA", Action: "proposal.circulate", Item: "proposal:p1", Marking: circulated},
		{Actor: "ken", Nation: "JPN", Action: "proposal.comment", Item: "proposal:p1", Marking: circulated},
	}
	for i, e := range entries {
		e.Time = time.Date(2023, 7, 12, 9, 0, i, 0, time.UTC)
		e2 := e
		if err := db.Append(sys, &e); err != nil {
			t.Fatal(err)
		}
		if err := mem.Append(sys, &e2); err != nil {
			t.Fatal(err)
		}
	}
	checkAuditViews(t, db, mem, []auditView{
		{"USA officer", liaison.Viewer{Nation: "USA", Role: liaison.RoleOfficer, Clearance: 2}, []int64{1, 2}},
		{"JPN officer", liaison.Viewer{Nation: "JPN", Role: liaison.RoleOfficer, Clearance: 2}, []int64{3}},
		{"JPN admin", liaison.Viewer{Nation: "JPN", Role: liaison.RoleAdmin, Clearance: 2}, []int64{2, 3}},
		{"FRA admin", liaison.Viewer{Nation: "FRA", Role: liaison.RoleAdmin, Clearance: 4}, nil},
	})
}

// BenchmarkAuditListAdmin reads a 500-entry page of a 10,000-entry log as an
// admin: the marking predicate and the same-item check on every row.
func BenchmarkAuditListAdmin(b *testing.B) {
	db := openAccessTestDB(b)
	sys := liaison.SystemContext(context.Background())
	for i := 0; i < 10000; i++ {
		m := auditMarkings[i%len(auditMarkings)]
		if err := db.Append(sys, &liaison.AuditEntry{Actor: "bench", Nation: "USA", Action: liaison.AuditRelease,
			Item: fmt.Sprintf("item-%d", i%2000), Marking: m}); err != nil {
			b.Fatal(err)
		}
	}
	ctx := liaison.WithViewer(context.Background(), liaison.Viewer{Nation: "GBR", Role: liaison.RoleAdmin, Clearance: 4})
	for b.Loop() {
		if _, err := db.List(ctx, liaison.AuditFilter{Limit: 500}); err != nil {
			b.Fatal(err)
		}
	}
}
