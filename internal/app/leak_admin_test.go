package app

import (
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
)

// lmAdminRoutes are the administration pages and API routes: admins get
// 200, everyone else 403 (as the other admin API routes answer).
var lmAdminRoutes = []string{
	"/admin/nations", "/admin/users", "/admin/marking",
	"/admin/audit?limit=500", "/admin/audit?action=release&limit=500", "/admin/audit?nation=FRA&limit=500",
	"/admin/audit?actor=fra-analyst&limit=500", "/api/v1/users",
}

// TestLeakMatrixAdmin extends the leak matrix to the administration pages:
// the same node, users and marked items; each user reads every admin route,
// and the sweep checks no body holds a canary or id of an item the user may
// not see. The audit view must, for a real admin, also name every report
// the admin may see (each report's drafting is audited), so an empty view
// cannot pass. Each user also tries the user operations on every other
// user (adminScope): an admin administers only users within their own
// access, and any other user answers exactly as a missing one. That runs
// after every read, as its refusals add audit entries the reads count.
func TestLeakMatrixAdmin(t *testing.T) {
	f := newLeakFixture(t)
	before := map[string]string{} // what adminScope may not change
	for _, u := range f.users {
		before[u.user.Name] = f.userState(t, u.user.Name)
	}
	t.Run("read", func(t *testing.T) {
		for _, u := range f.users {
			t.Run(u.name, func(t *testing.T) {
				t.Parallel()
				r := &lmRun{f: f, u: u, routes: map[string]bool{}, missing: map[string]struct {
					code int
					body string
				}{}}
				r.admin(t)
				r.sweep(t)
			})
		}
	})
	t.Run("scope", func(t *testing.T) {
		for _, u := range f.users {
			t.Run(u.name, func(t *testing.T) {
				t.Parallel()
				(&lmRun{f: f, u: u}).adminScope(t, before)
			})
		}
	})
}

// admin reads every admin route as the run's user (TestLeakMatrix may call
// it before its sweep instead of building a second node).
func (r *lmRun) admin(t *testing.T) {
	f, u := r.f, r.u
	admin := u.user.Role == liaison.RoleAdmin
	for _, path := range lmAdminRoutes {
		route, _, _ := strings.Cut(path, "?")
		code, body := r.get(t, "GET "+route, path)
		switch {
		case admin && code != 200, !admin && code != 403:
			t.Errorf("%s: GET %s = %d %.200s", u.name, path, code, body)
		case strings.Contains(body, "Next entries"):
			t.Errorf("%s: GET %s is paged; the check needs the whole log on one page", u.name, path)
		}
		if !admin && strings.Contains(body, "zqcanary") {
			t.Errorf("%s: the refusal of %s shows item text", u.name, path)
		}
	}
	if admin && u.viewAs == "" {
		_, body := r.get(t, "GET /admin/audit", "/admin/audit?limit=500")
		for _, it := range f.visible(u, "report") {
			if !strings.Contains(body, it.id) {
				t.Errorf("%s: the audit view lacks visible report %s marked %q", u.name, it.id, it.mtext)
			}
		}
	}
}
