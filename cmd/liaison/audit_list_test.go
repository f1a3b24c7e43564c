package main

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/auth"
)

// TestAuditListOrder: audit list reads oldest first, --newest newest
// first (with --limit the latest entries), and --nation filters.
func TestAuditListOrder(t *testing.T) {
	st := memAccess{auth.NewMemory()}
	sys := liaison.SystemContext(context.Background())
	for i, n := range []string{"USA", "JPN", "USA", "FRA", "JPN"} {
		if err := st.Append(sys, &liaison.AuditEntry{Actor: "a", Nation: n, Action: "test.tick", Detail: string(rune('a' + i))}); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		args []string
		want []int64
	}{
		{[]string{"list", "--json"}, []int64{1, 2, 3, 4, 5}},
		{[]string{"list", "--json", "--newest"}, []int64{5, 4, 3, 2, 1}},
		{[]string{"list", "--json", "--newest", "--limit", "2"}, []int64{5, 4}},
		{[]string{"list", "--json", "--nation", "jpn"}, []int64{2, 5}},
		{[]string{"list", "--json", "--newest", "--after", "3"}, []int64{5, 4}},
	}
	for _, tt := range tests {
		out, _, err := runAccess(t, st, auditCmd, "", tt.args...)
		if err != nil {
			t.Fatalf("%v: %v", tt.args, err)
		}
		var es []liaison.AuditEntry
		if err := json.Unmarshal([]byte(out), &es); err != nil {
			t.Fatalf("%v: %v\n%s", tt.args, err, out)
		}
		var got []int64
		for _, e := range es {
			got = append(got, e.Seq)
		}
		if len(got) != len(tt.want) {
			t.Fatalf("%v: %v, want %v", tt.args, got, tt.want)
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Fatalf("%v: %v, want %v", tt.args, got, tt.want)
			}
		}
	}
}
