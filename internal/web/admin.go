package web

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/coord"
	"github.com/liaison-project/liaison/internal/httpapi"
	"github.com/liaison-project/liaison/internal/report"
)

// adminPages are the administration templates (templates/<name>.html); each
// is parsed with admin_partials.html, which holds their shared tab bar.
var adminPages = []string{"admin_nations", "admin_users", "admin_audit", "admin_marking"}

// adminUI serves the administration pages: nations, users and tokens, the
// audit view and the marking check. Every handler goes through
// httpapi.Admin, which refuses non-admins (403, as the admin API routes do)
// before touching a store.
type adminUI struct {
	u   *UI
	adm *httpapi.Admin
}

// RegisterAdmin adds /admin/nations, /admin/users, /admin/audit and
// /admin/marking (admins only). Call it after Register.
func (u *UI) RegisterAdmin(srv *httpapi.Server, adm *httpapi.Admin) error {
	funcs := u.funcs()
	funcs["join"] = strings.Join
	funcs["auditItem"] = auditItem
	funcs["list"] = func(s ...string) []string { return s }
	for _, name := range adminPages {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html",
			"templates/partials.html", "templates/admin_partials.html", "templates/"+name+".html")
		if err != nil {
			return fmt.Errorf("web: template %s: %w", name, err)
		}
		u.pages[name] = t
	}
	p := &adminUI{u: u, adm: adm}
	handlePages(srv, []pageRoute{
		{"GET /admin", p.index},
		{"GET /admin/nations", p.nations},
		{"POST /admin/nations", p.putNation},
		{"GET /admin/users", p.users},
		{"POST /admin/users", p.addUser},
		{"POST /admin/users/{name}", p.updateUser},
		{"POST /admin/users/{name}/tokens", p.issueToken},
		{"POST /admin/tokens/{id}/revoke", p.revokeToken},
		{"GET /admin/audit", p.audit},
		{"GET /admin/marking", p.markingForm},
		{"POST /admin/marking", p.checkMarking},
	})
	return nil
}

// allowed answers 403 (through the error page) unless the real user is an
// admin; handlers call it before reading a form.
func (p *adminUI) allowed(w http.ResponseWriter, r *http.Request) bool {
	if _, err := p.adm.Require(r.Context()); err != nil {
		p.u.fail(w, r, err)
		return false
	}
	return true
}

func (p *adminUI) index(w http.ResponseWriter, r *http.Request) {
	if p.allowed(w, r) {
		http.Redirect(w, r, "/admin/users", http.StatusSeeOther)
	}
}

// failed re-displays a form's page with the error's status and message, or
// the error page when the error is a refusal or a missing item.
func (p *adminUI) failed(w http.ResponseWriter, r *http.Request, err error,
	show func(w http.ResponseWriter, r *http.Request, status int, msg string)) {
	if status, _ := httpapi.StatusOf(err); status == http.StatusForbidden {
		p.u.fail(w, r, err)
		return
	}
	p.u.formFailed(w, r, err, show)
}

// nationsData is what the nations page shows.
type nationsData struct {
	Nations []liaison.Nation
	Form    url.Values // the add/edit form's values
	Editing bool
	Error   string
	Saved   string
}

func (p *adminUI) nations(w http.ResponseWriter, r *http.Request) {
	p.nationsPage(w, r, http.StatusOK, "")
}

// nationsPage renders the list and the form: posted values after a failed
// post, the nation named by ?edit= otherwise.
func (p *adminUI) nationsPage(w http.ResponseWriter, r *http.Request, status int, msg string) {
	ns, err := p.adm.Nations(r.Context())
	if err != nil {
		p.u.fail(w, r, err)
		return
	}
	d := nationsData{Nations: ns, Form: r.PostForm, Error: msg, Saved: r.URL.Query().Get("saved")}
	if d.Form == nil {
		d.Form = url.Values{}
	}
	if code := strings.ToUpper(r.URL.Query().Get("edit")); code != "" && r.Method == http.MethodGet {
		for _, n := range ns {
			if n.Code == code {
				d.Form = url.Values{"code": {n.Code}, "name": {n.Name}, "status": {string(n.Status)},
					"groups": {httpapi.GroupsText(n.Groups)}}
				d.Editing = true
			}
		}
	}
	p.u.render(w, r, status, "admin_nations", "Nations", d, nil)
}

func (p *adminUI) putNation(w http.ResponseWriter, r *http.Request) {
	if !p.allowed(w, r) {
		return
	}
	req := httpapi.NationRequest{Code: r.PostFormValue("code"), Name: r.PostFormValue("name"),
		Status: r.PostFormValue("status"), Groups: httpapi.ParseGroupsText(r.PostFormValue("groups"))}
	n, err := p.adm.PutNation(r.Context(), req)
	if err != nil {
		p.failed(w, r, err, p.nationsPage)
		return
	}
	http.Redirect(w, r, "/admin/nations?saved="+url.QueryEscape(n.Code), http.StatusSeeOther)
}

// usersData is what the users page shows.
type usersData struct {
	Users    []httpapi.UserInfo
	Nations  []liaison.Nation
	Levels   []string
	Roles    []liaison.Role
	Form     url.Values
	Error    string
	NewToken *httpapi.NewToken // shown once, right after it was issued
	Notice   string
	Scope    string // which users the admin administers (admin_scope.go)
}

func (p *adminUI) users(w http.ResponseWriter, r *http.Request) {
	p.usersPage(w, r, http.StatusOK, "", nil)
}

func (p *adminUI) usersPage(w http.ResponseWriter, r *http.Request, status int, msg string, tok *httpapi.NewToken) {
	us, err := p.adm.Users(r.Context())
	if err != nil {
		p.u.fail(w, r, err)
		return
	}
	ns, err := p.adm.Nations(r.Context())
	if err != nil {
		p.u.fail(w, r, err)
		return
	}
	d := usersData{Users: us, Form: r.PostForm, Error: msg, NewToken: tok, Notice: r.URL.Query().Get("done"),
		Roles: []liaison.Role{liaison.RoleReader, liaison.RoleAnalyst, liaison.RoleOfficer, liaison.RoleAdmin}}
	d.Scope, d.Nations, d.Levels = p.usersScope(r, ns)
	if d.Form == nil || tok != nil {
		d.Form = url.Values{}
	}
	w.Header().Set("Cache-Control", "no-store") // a new token is on the page once
	p.u.render(w, r, status, "admin_users", "Users", d, nil)
}

// usersFailed re-displays the users page with an error (the add form keeps
// its values).
func (p *adminUI) usersFailed(w http.ResponseWriter, r *http.Request, err error) {
	p.failed(w, r, err, func(w http.ResponseWriter, r *http.Request, status int, msg string) {
		p.usersPage(w, r, status, msg, nil)
	})
}

func (p *adminUI) addUser(w http.ResponseWriter, r *http.Request) {
	if !p.allowed(w, r) {
		return
	}
	req := httpapi.UserRequest{Name: r.PostFormValue("name"), Nation: r.PostFormValue("nation"), Role: r.PostFormValue("role"),
		Clearance: r.PostFormValue("clearance"), Caveats: strings.Fields(r.PostFormValue("caveats")),
		Password: r.PostFormValue("password")}
	r.PostForm.Del("password") // never echoed back into the form
	tok, err := p.adm.AddUser(r.Context(), req)
	if err != nil {
		p.usersFailed(w, r, err)
		return
	}
	p.usersPage(w, r, http.StatusCreated, "", &tok)
}

func (p *adminUI) updateUser(w http.ResponseWriter, r *http.Request) {
	if !p.allowed(w, r) {
		return
	}
	role, clr := r.PostFormValue("role"), r.PostFormValue("clearance")
	caveats := strings.Fields(r.PostFormValue("caveats"))
	disabled := r.PostFormValue("disabled") == "on"
	name := r.PathValue("name")
	if _, err := p.adm.UpdateUser(r.Context(), name, httpapi.UserUpdate{Role: &role, Clearance: &clr,
		Caveats: &caveats, Disabled: &disabled}); err != nil {
		p.usersFailed(w, r, err)
		return
	}
	http.Redirect(w, r, "/admin/users?done="+url.QueryEscape("Saved "+name+"."), http.StatusSeeOther)
}

func (p *adminUI) issueToken(w http.ResponseWriter, r *http.Request) {
	if !p.allowed(w, r) {
		return
	}
	tok, err := p.adm.IssueToken(r.Context(), r.PathValue("name"), liaison.TokenScope(r.PostFormValue("scope")))
	if err != nil {
		p.usersFailed(w, r, err)
		return
	}
	p.usersPage(w, r, http.StatusCreated, "", &tok)
}

func (p *adminUI) revokeToken(w http.ResponseWriter, r *http.Request) {
	if !p.allowed(w, r) {
		return
	}
	id := r.PathValue("id")
	if err := p.adm.RevokeToken(r.Context(), id); err != nil {
		p.usersFailed(w, r, err)
		return
	}
	http.Redirect(w, r, "/admin/users?done="+url.QueryEscape("Revoked token "+id+"."), http.StatusSeeOther)
}

// auditData is what the audit view shows: a page, the query, the links to
// the next page and to the other order, and the actions to filter by.
type auditData struct {
	Page    httpapi.AuditPage
	Query   httpapi.AuditQuery
	Next    string
	Flip    string // the same filters in the other order
	Actions []string
}

// auditActions are offered in the action filter: every action the node
// writes, under the names stored (the field also takes any other name, as
// the log's list is open). Names are kept as written — older entries keep
// theirs, and a filter finds old and new alike; the item column adds the
// kind where the stored item is a bare id (auditItem).
var auditActions = []string{liaison.AuditLogin, liaison.AuditLoginFailed, liaison.AuditLockedOut, liaison.AuditLogout,
	liaison.AuditTokenIssued, liaison.AuditTokenRevoked, liaison.AuditTokenUsed, liaison.AuditDenied, liaison.AuditViewAs,
	liaison.AuditUserAdded, httpapi.AuditUserChanged, liaison.AuditNationPut, liaison.AuditMarking,
	report.AuditDraft, report.AuditUpdate, liaison.AuditRelease, httpapi.AuditActorNote, coord.AuditDownload,
	"proposal.create", "proposal.circulate", "proposal.amend", "proposal.concur", "proposal.object",
	"proposal.agree-to-disagree", "proposal.comment", "proposal.withdraw", "proposal.blocked", "proposal.adopted",
	"proposal.expired", "thread.open", "thread.post"}

// audit lists the audit entries the viewer may read (the store hides those
// naming an item the viewer may not see), filtered and paged, newest first
// unless ?order=oldest (or an older link's ?after=).
func (p *adminUI) audit(w http.ResponseWriter, r *http.Request) {
	if !p.allowed(w, r) {
		return
	}
	q := r.URL.Query()
	aq, err := httpapi.ParseAuditQuery(q)
	if err == nil && q.Get("order") == "" && q.Get("after") == "" {
		aq.Newest = true // the page's default: recent activity first
	}
	var page httpapi.AuditPage
	if err == nil {
		page, err = p.adm.Audit(r.Context(), aq)
	}
	if err != nil {
		p.u.fail(w, r, err)
		return
	}
	d := auditData{Page: page, Query: aq, Actions: auditActions}
	link := func(order string, cursor int64) string {
		v := url.Values{}
		for _, k := range []string{"action", "actor", "nation", "limit"} {
			if s := q.Get(k); s != "" {
				v.Set(k, s)
			}
		}
		v.Set("order", order)
		if cursor != 0 {
			v.Set("cursor", strconv.FormatInt(cursor, 10))
		}
		return "?" + v.Encode()
	}
	order, other := "oldest", "newest"
	if aq.Newest {
		order, other = other, order
	}
	if page.Next != 0 {
		d.Next = link(order, page.Next)
	}
	d.Flip = link(other, 0)
	p.u.render(w, r, http.StatusOK, "admin_audit", "Audit log", d,
		marked(markingsOf(page.Items, func(e liaison.AuditEntry) liaison.Marking { return e.Marking })))
}

// auditItem is an entry's item as the audit view shows it: with its kind
// in front when the stored item is a bare id (reports and actor notes wrote
// theirs so), so that every row reads "kind:id". Stored items are never
// rewritten: the store hides every entry of an item once one of them is
// hidden, which needs them all to name it alike.
func auditItem(e liaison.AuditEntry) string {
	if e.Item == "" || strings.Contains(e.Item, ":") {
		return e.Item
	}
	switch {
	case e.Action == liaison.AuditRelease || strings.HasPrefix(e.Action, "report."):
		return "report:" + e.Item
	case e.Action == httpapi.AuditActorNote:
		return "actor_note:" + e.Item
	}
	return e.Item
}

// markingData is what the marking check shows.
type markingData struct {
	Text   string
	Result *httpapi.MarkingCheck
	Error  string
	Levels []string
}

func (p *adminUI) markingForm(w http.ResponseWriter, r *http.Request) {
	if p.allowed(w, r) {
		p.markingPage(w, r, http.StatusOK, markingData{})
	}
}

func (p *adminUI) markingPage(w http.ResponseWriter, r *http.Request, status int, d markingData) {
	for _, l := range p.adm.Policy().Levels {
		d.Levels = append(d.Levels, l.Name)
	}
	p.u.render(w, r, status, "admin_marking", "Marking check", d, nil)
}

// checkMarking parses the posted marking: the canonical text, TLP and the
// nations it reaches, or the problem the parser names.
func (p *adminUI) checkMarking(w http.ResponseWriter, r *http.Request) {
	if !p.allowed(w, r) {
		return
	}
	d := markingData{Text: r.PostFormValue("text")}
	res, err := p.adm.CheckMarking(r.Context(), d.Text)
	if err != nil {
		p.failed(w, r, err, func(w http.ResponseWriter, r *http.Request, status int, msg string) {
			d.Error = msg
			p.markingPage(w, r, status, d)
		})
		return
	}
	d.Result = &res
	p.markingPage(w, r, http.StatusOK, d)
}
