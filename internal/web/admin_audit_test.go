package web

import (
	"html"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/httpapi"
	"github.com/liaison-project/liaison/internal/report"
)

var (
	auditSeqRE  = regexp.MustCompile(`<td class="num">(\d+)</td>`)
	auditNextRE = regexp.MustCompile(`<a href="([^"]+)">Next entries`)
)

// seqs are the entry numbers of an audit page, in page order.
func seqs(t *testing.T, body string) []int {
	t.Helper()
	var out []int
	for _, m := range auditSeqRE.FindAllStringSubmatch(body, -1) {
		n, _ := strconv.Atoi(m[1])
		out = append(out, n)
	}
	return out
}

// TestAdminAuditOrder: the audit page lists newest first by default,
// oldest first on request, and its next-page link keeps the order and
// reaches every entry once.
func TestAdminAuditOrder(t *testing.T) {
	ts, _ := adminSite(t)
	ann := login(t, ts, "ann")
	for i := 0; i < 3; i++ { // a few more entries: logins
		login(t, ts, "ken")
	}
	_, body := ann.do("GET", "/admin/audit?limit=500", nil)
	all := seqs(t, body)
	if len(all) < 5 {
		t.Fatalf("audit page shows %d entries", len(all))
	}
	for i := 1; i < len(all); i++ {
		if all[i] >= all[i-1] {
			t.Fatalf("default order not newest first: %v", all)
		}
	}
	_, body = ann.do("GET", "/admin/audit?limit=500&order=oldest", nil)
	old := seqs(t, body)
	for i := 1; i < len(old); i++ {
		if old[i] <= old[i-1] {
			t.Fatalf("order=oldest not oldest first: %v", old)
		}
	}
	// Page by two, newest first, following the links.
	var paged []int
	path := "/admin/audit?limit=2"
	for pages := 0; path != "" && pages < 50; pages++ {
		code, body := ann.do("GET", path, nil)
		if code != 200 {
			t.Fatalf("%s: %d", path, code)
		}
		paged = append(paged, seqs(t, body)...)
		path = ""
		if m := auditNextRE.FindStringSubmatch(body); m != nil {
			path = "/admin/audit" + html.UnescapeString(m[1])
		}
	}
	if !slices.Equal(paged, all) {
		t.Fatalf("pages of two show %v, one page %v", paged, all)
	}
}

func TestAuditItem(t *testing.T) {
	tests := []struct {
		action, item, want string
	}{
		{report.AuditDraft, "01HX", "report:01HX"},
		{liaison.AuditRelease, "01HX", "report:01HX"},
		{httpapi.AuditActorNote, "01HY", "actor_note:01HY"},
		{"proposal.concur", "proposal:01HZ", "proposal:01HZ"},
		{liaison.AuditUserAdded, "sven", "sven"},
		{liaison.AuditLogin, "", ""},
	}
	for _, tt := range tests {
		if got := auditItem(liaison.AuditEntry{Action: tt.action, Item: tt.item}); got != tt.want {
			t.Errorf("auditItem(%s, %s) = %q, want %q", tt.action, tt.item, got, tt.want)
		}
	}
}
