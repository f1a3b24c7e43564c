package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/httpapi"
	"github.com/liaison-project/liaison/internal/report"
)

// reportPages are the templates of the analyst reports pages.
var reportPages = []string{"reports", "report", "report_new"}

// reportUI serves the analyst reports: list, draft form (which shows the
// marking the cited items require before saving), a report and its release.
type reportUI struct {
	u   *UI
	svc *report.Service
}

// RegisterReports adds /reports, /reports/new and /reports/{id} (with the
// release button). Call it after Register.
func (u *UI) RegisterReports(srv *httpapi.Server, svc *report.Service) error {
	funcs := u.funcs()
	funcs["markdown"] = markdown // report bodies are Markdown, rendered safely
	if err := u.parsePages(funcs, reportPages); err != nil {
		return err
	}
	u.reports = true
	p := &reportUI{u: u, svc: svc}
	handlePages(srv, []pageRoute{
		{"GET /reports", p.list},
		{"GET /reports/new", p.form},
		{"POST /reports/new", p.submit},
		{"GET /reports/{id}", p.show},
		{"POST /reports/{id}/release", p.release},
	})
	return nil
}

// list shows the reports the viewer may see, newest first.
func (p *reportUI) list(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	page, err := p.svc.List(ctx(r), liaison.ReportFilter{State: liaison.ReportState(q.Get("state")), Cursor: q.Get("cursor"), Limit: 50})
	if err != nil {
		p.u.fail(w, r, err)
		return
	}
	v, _ := liaison.ViewerFrom(ctx(r))
	data := struct {
		Page     liaison.Page[liaison.Report]
		State    string
		CanDraft bool
		Next     string
	}{page, q.Get("state"), v.Role.Can(liaison.RoleAnalyst), nextPage(q, page.NextCursor)}
	p.u.render(w, r, http.StatusOK, "reports", "Analyst reports", data,
		markingsOf(page.Items, func(rep liaison.Report) liaison.Marking { return rep.Marking }))
}

// draftForm is what the draft form shows: the input, the marking the cited
// items require, and any error.
type draftForm struct {
	Draft    report.Draft
	Cites    string
	Required string
	// RequiredClass colours the required marking's chip.
	RequiredClass string
	Error         string
}

// form shows an empty draft form; ?cite=ID pre-fills citations.
func (p *reportUI) form(w http.ResponseWriter, r *http.Request) {
	cites := r.URL.Query()["cite"]
	f := draftForm{Cites: strings.Join(cites, "\n"), Draft: report.Draft{Cites: cites}}
	p.renderForm(w, r, http.StatusOK, f)
}

// submit either checks the required marking ("check") or saves the draft.
func (p *reportUI) submit(w http.ResponseWriter, r *http.Request) {
	f := draftForm{Cites: r.PostFormValue("cites"), Draft: report.Draft{Title: r.PostFormValue("title"),
		Body: r.PostFormValue("body"), Marking: strings.TrimSpace(r.PostFormValue("marking"))}}
	f.Draft.Cites = strings.Fields(f.Cites)
	if r.PostFormValue("action") != "save" {
		p.renderForm(w, r, http.StatusOK, f)
		return
	}
	err := httpapi.ViewAsReadOnly(ctx(r))
	var rep *liaison.Report
	if err == nil {
		rep, err = p.svc.Create(ctx(r), f.Draft)
	}
	if err != nil {
		status, msg := httpapi.StatusOf(err)
		f.Error = msg
		p.renderForm(w, r, status, f)
		return
	}
	http.Redirect(w, r, "/reports/"+url.PathEscape(rep.ID), http.StatusSeeOther)
}

// renderForm computes the required marking of the cited items and renders
// the form with it, so the analyst sees it before saving.
func (p *reportUI) renderForm(w http.ResponseWriter, r *http.Request, status int, f draftForm) {
	if m, err := p.svc.RequiredMarking(ctx(r), f.Draft.Cites); err == nil {
		f.Required, f.RequiredClass = p.u.cfg.FormatMarking(m), bannerClass(m)
	} else if f.Error == "" {
		_, f.Error = httpapi.StatusOf(err)
	}
	p.u.render(w, r, status, "report_new", "Draft a report", f, nil)
}

// show renders one report with its release button for officers.
func (p *reportUI) show(w http.ResponseWriter, r *http.Request) {
	p.showStatus(w, r, http.StatusOK, "")
}

func (p *reportUI) showStatus(w http.ResponseWriter, r *http.Request, status int, msg string) {
	rep, err := p.svc.Get(ctx(r), r.PathValue("id"))
	if err != nil {
		p.u.fail(w, r, err)
		return
	}
	cites, err := p.svc.Cites(ctx(r), rep.Cites)
	if err != nil {
		p.u.fail(w, r, err)
		return
	}
	v, _ := liaison.ViewerFrom(ctx(r))
	data := struct {
		R          *liaison.Report
		Cites      []citeLink
		CanRelease bool
		Error      string
	}{rep, citeLinks(cites), rep.State == liaison.ReportDraft && v.Role.Can(liaison.RoleOfficer) && v.UserID != rep.Author, msg}
	p.u.render(w, r, status, "report", rep.Title, data, []liaison.Marking{rep.Marking})
}

// citeLink is a cited item as the report page lists it: its kind and where
// it lives (empty for an id the viewer cannot see, shown unlinked).
type citeLink struct {
	ID, Kind, Href string
}

// citeLinks links each cite by its kind: a document to its page, a report
// to its page, an event to its sentence in its document's reader.
func citeLinks(cs []report.Cite) []citeLink {
	out := make([]citeLink, 0, len(cs))
	for _, c := range cs {
		l := citeLink{ID: c.ID, Kind: string(c.Kind)}
		switch c.Kind {
		case report.CiteDocument:
			l.Href = "/documents/" + url.PathEscape(c.ID)
		case report.CiteReport:
			l.Href = "/reports/" + url.PathEscape(c.ID)
		case report.CiteEvent:
			l.Href = "/documents/" + url.PathEscape(c.DocID) + "#s" + strconv.Itoa(c.Sentence)
		}
		out = append(out, l)
	}
	return out
}

// release releases a draft (an officer who is not its author).
func (p *reportUI) release(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	err := httpapi.ViewAsReadOnly(ctx(r))
	if err == nil {
		_, err = p.svc.Release(ctx(r), id)
	}
	if err != nil {
		p.u.formFailed(w, r, err, p.showStatus)
		return
	}
	http.Redirect(w, r, "/reports/"+url.PathEscape(id), http.StatusSeeOther)
}
