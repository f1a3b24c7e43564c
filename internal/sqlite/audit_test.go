package sqlite

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
)

func appendEntries(t *testing.T, db *DB, n int) {
	t.Helper()
	ctx := liaison.SystemContext(context.Background())
	nations := []string{"USA", "JPN"}
	for i := 0; i < n; i++ {
		e := &liaison.AuditEntry{Time: time.Date(2023, 7, 12, 9, 0, i, 123456789, time.UTC), Actor: "u",
			Nation: nations[i%2], Action: liaison.AuditLogin, Detail: "entry"}
		if err := db.Append(ctx, e); err != nil {
			t.Fatal(err)
		}
		if e.Seq != int64(i+1) || e.Hash == "" {
			t.Fatalf("entry %d: seq %d hash %q", i, e.Seq, e.Hash)
		}
	}
}

func TestAuditVerifyDetectsTampering(t *testing.T) {
	tests := []struct {
		name   string
		sql    []string
		badSeq int64
		reason string
	}{
		{"intact", nil, 0, ""},
		{"edited detail", []string{`UPDATE audit_log SET detail = 'nothing happened' WHERE seq = 3`}, 3, "altered"},
		{"edited time", []string{`UPDATE audit_log SET time = '2023-07-12T09:00:09.000000000Z' WHERE seq = 2`}, 2, "altered"},
		{"removed middle", []string{`DELETE FROM audit_log WHERE seq = 2`}, 3, "sequence gap"},
		{"removed first", []string{`DELETE FROM audit_log WHERE seq = 1`}, 2, "sequence gap"},
		{"removed last", []string{`DELETE FROM audit_log WHERE seq = 5`}, 5, "entries at the end were removed"},
		{"removed and renumbered", []string{`DELETE FROM audit_log WHERE seq = 2`,
			`UPDATE audit_log SET seq = seq - 1 WHERE seq > 2`}, 2, "link broken"},
		{"removed head", []string{`DELETE FROM audit_head`}, 1, "head was removed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := openAccessTestDB(t)
			appendEntries(t, db, 5)
			ctx := context.Background()
			if len(tt.sql) > 0 {
				// The node's own triggers refuse the edit; an attacker drops them.
				if _, err := db.db.ExecContext(ctx, tt.sql[0]); err == nil || !strings.Contains(err.Error(), "append-only") {
					t.Fatalf("trigger did not refuse %q: %v", tt.sql[0], err)
				}
				for _, q := range append([]string{`DROP TRIGGER audit_log_no_update`, `DROP TRIGGER audit_log_no_delete`, `DROP TRIGGER audit_head_no_delete`}, tt.sql...) {
					if _, err := db.db.ExecContext(ctx, q); err != nil {
						t.Fatalf("%s: %v", q, err)
					}
				}
			}
			v, err := db.Verify(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if tt.reason == "" {
				if !v.OK || v.Entries != 5 {
					t.Errorf("verify = %+v, want ok with 5 entries", v)
				}
				return
			}
			if v.OK || v.BadSeq != tt.badSeq || !strings.Contains(v.Reason, tt.reason) {
				t.Errorf("verify = %+v, want broken at %d saying %q", v, tt.badSeq, tt.reason)
			}
		})
	}
}

func TestAuditListVisibility(t *testing.T) {
	db := openAccessTestDB(t)
	appendEntries(t, db, 6)
	ctx := context.Background()
	tests := []struct {
		name string
		ctx  context.Context
		f    liaison.AuditFilter
		want int
	}{
		{"no viewer", ctx, liaison.AuditFilter{}, 0},
		{"system", liaison.SystemContext(ctx), liaison.AuditFilter{}, 6},
		// Logins name no item: another nation's stay its own, even for admins.
		{"admin of another nation", liaison.WithViewer(ctx, liaison.Viewer{Nation: "FRA", Role: liaison.RoleAdmin}), liaison.AuditFilter{}, 0},
		{"JPN admin", liaison.WithViewer(ctx, liaison.Viewer{Nation: "JPN", Role: liaison.RoleAdmin}), liaison.AuditFilter{}, 3},
		{"JPN officer", liaison.WithViewer(ctx, liaison.Viewer{Nation: "JPN", Role: liaison.RoleOfficer}), liaison.AuditFilter{}, 3},
		{"FRA reader", liaison.WithViewer(ctx, liaison.Viewer{Nation: "FRA", Role: liaison.RoleReader}), liaison.AuditFilter{}, 0},
		{"no nation", liaison.WithViewer(ctx, liaison.Viewer{Role: liaison.RoleReader}), liaison.AuditFilter{}, 0},
		{"after and limit", liaison.SystemContext(ctx), liaison.AuditFilter{After: 2, Limit: 3}, 3},
		{"action", liaison.SystemContext(ctx), liaison.AuditFilter{Action: liaison.AuditLogout}, 0},
	}
	for _, tt := range tests {
		es, err := db.List(tt.ctx, tt.f)
		if err != nil {
			t.Fatal(err)
		}
		if len(es) != tt.want {
			t.Errorf("%s: %d entries, want %d", tt.name, len(es), tt.want)
		}
	}
}

func BenchmarkAuditAppend(b *testing.B) {
	db := openAccessTestDB(b)
	ctx := liaison.SystemContext(context.Background())
	for b.Loop() {
		if err := db.Append(ctx, &liaison.AuditEntry{Actor: "bench", Nation: "USA", Action: liaison.AuditTokenUsed}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAuditVerify10k(b *testing.B) {
	db := openAccessTestDB(b)
	ctx := liaison.SystemContext(context.Background())
	for i := 0; i < 10000; i++ {
		if err := db.Append(ctx, &liaison.AuditEntry{Actor: "bench", Nation: "USA", Action: liaison.AuditTokenUsed}); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		if v, err := db.Verify(ctx); err != nil || !v.OK {
			b.Fatal(v, err)
		}
	}
}
