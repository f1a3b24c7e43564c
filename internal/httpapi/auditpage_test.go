package httpapi

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/auth"
	"github.com/liaison-project/liaison/internal/authtest"
	"github.com/liaison-project/liaison/internal/sqlite/sqlitetest"
)

func TestParseAuditQuery(t *testing.T) {
	tests := []struct {
		query string
		want  AuditQuery // Limit defaults to DefaultLimit
		bad   bool
	}{
		{"", AuditQuery{}, false},
		{"order=newest&cursor=12&nation=jpn&action=login", AuditQuery{Newest: true, Cursor: 12, Nation: "JPN", Action: "login"}, false},
		{"order=oldest&after=7", AuditQuery{Cursor: 7}, false},
		{"after=7&cursor=9", AuditQuery{Cursor: 9}, false},
		{"order=sideways", AuditQuery{}, true},
		{"cursor=abc", AuditQuery{}, true},
		{"cursor=0", AuditQuery{}, true},
		{"order=newest&after=3", AuditQuery{}, true},
		{"limit=0", AuditQuery{}, true},
	}
	for _, tt := range tests {
		q, _ := url.ParseQuery(tt.query)
		got, err := ParseAuditQuery(q)
		if tt.bad {
			if err == nil {
				t.Errorf("%q: accepted as %+v", tt.query, got)
			}
			continue
		}
		tt.want.Limit = DefaultLimit
		if err != nil || got != tt.want {
			t.Errorf("%q: %+v, %v; want %+v", tt.query, got, err, tt.want)
		}
	}
}

// TestListAuditPaging pages the same log kept by SQLite and in memory, in
// both orders and for several readers and filters: every page set equals
// the reference (one unlimited List in that order), Total counts it, and
// both stores agree.
func TestListAuditPaging(t *testing.T) {
	ctx := context.Background()
	sys := liaison.SystemContext(ctx)
	db, mem := sqlitetest.MustOpen(t), auth.NewMemory()
	markings := []string{"PUBLIC", "NATO SECRET // REL TO USA", "NATO RESTRICTED // REL TO NATO, JPN"}
	for i := range 23 {
		mk, err := authtest.ParseMarking(ctx, markings[i%3])
		if err != nil {
			t.Fatal(err)
		}
		for _, log := range []liaison.AuditLog{db, mem} {
			e := &liaison.AuditEntry{Actor: fmt.Sprint("user", i%2), Nation: []string{"USA", "JPN", "FRA", "GBR"}[i%4],
				Action: []string{"login", "report.draft"}[i%2], Item: fmt.Sprint("item", i%5), Marking: mk}
			if err := log.Append(sys, e); err != nil {
				t.Fatal(err)
			}
		}
	}
	viewers := map[string]liaison.Viewer{
		"system":    {System: true},
		"USA admin": {Nation: "USA", Role: liaison.RoleAdmin, Clearance: 4},
		"JPN admin": {Nation: "JPN", Role: liaison.RoleAdmin, Clearance: 2},
		"JPN":       {Nation: "JPN", Role: liaison.RoleOfficer, Clearance: 4},
	}
	queries := []AuditQuery{{Limit: 4}, {Limit: 3, Action: "login"}, {Limit: 2, Nation: "JPN"}, {Limit: 5, Actor: "user1"}}
	for vname, v := range viewers {
		vctx := liaison.WithViewer(ctx, v)
		for _, q := range queries {
			for _, newest := range []bool{false, true} {
				q.Newest = newest
				var results [2][]int64
				for i, log := range []liaison.AuditLog{db, mem} {
					all, err := log.List(vctx, liaison.AuditFilter{Action: q.Action, Actor: q.Actor, Nation: q.Nation, Newest: newest})
					if err != nil {
						t.Fatal(err)
					}
					var want []int64
					for _, e := range all {
						want = append(want, e.Seq)
					}
					got := pageAll(t, vctx, log, q, len(all))
					if !slices.Equal(got, want) {
						t.Errorf("%s %+v store %d: pages %v, want %v", vname, q, i, got, want)
					}
					results[i] = got
				}
				if !slices.Equal(results[0], results[1]) {
					t.Errorf("%s %+v: sqlite %v, memory %v", vname, q, results[0], results[1])
				}
			}
		}
	}
}

// pageAll follows next cursors to the end, checking every page's total.
func pageAll(t *testing.T, ctx context.Context, log liaison.AuditLog, q AuditQuery, total int) []int64 {
	t.Helper()
	var got []int64
	for pages := 0; pages < 30; pages++ {
		p, err := listAudit(ctx, log, q)
		if err != nil {
			t.Fatal(err)
		}
		if p.Total != total || len(p.Items) > q.Limit || (p.Next != 0) != (p.NextCursor != "") {
			t.Fatalf("%+v: page of %d, total %d (want %d), next %d %q", q, len(p.Items), p.Total, total, p.Next, p.NextCursor)
		}
		for _, e := range p.Items {
			got = append(got, e.Seq)
		}
		if p.Next == 0 {
			return got
		}
		q.Cursor = p.Next
	}
	t.Fatalf("%+v: more than 30 pages", q)
	return nil
}
