package httpapi

import (
	"net/http"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
	"github.com/liaison-project/liaison/internal/report"
)

// reportAPI serves analyst reports over a report.Service.
type reportAPI struct {
	s   *Server
	svc *report.Service
}

// ReportView is a report as the API shows it: the report and its marking in
// canonical text.
type ReportView struct {
	liaison.Report
	MarkingText string `json:"marking_text"`
}

// RequiredMarkingView answers the required-marking preview.
type RequiredMarkingView struct {
	Marking     liaison.Marking `json:"marking"`
	MarkingText string          `json:"marking_text"`
}

func viewOf(r *liaison.Report) ReportView {
	return ReportView{Report: *r, MarkingText: marking.Format(r.Marking)}
}

// RegisterReports adds the analyst report endpoints: list, draft, get,
// edit, release and the required-marking preview a form shows before saving.
func (s *Server) RegisterReports(svc *report.Service) {
	a := &reportAPI{s: s, svc: svc}
	pState := Param{Name: "state", In: "query", Type: "string", Description: "draft or released"}
	pCite := Param{Name: "cite", In: "query", Type: "string", Description: "a cited document, event or report id (repeatable)"}
	for _, rt := range []Route{
		{Method: "GET", Path: "/api/v1/reports", OperationID: "listReports", Tag: "reports",
			Summary: "Analyst reports the viewer may see, newest first (drafts: the author's nation and admins)",
			Params:  []Param{pState, pCursor, pLimit}, Response: "ReportPage", Handler: http.HandlerFunc(a.list)},
		{Method: "POST", Path: "/api/v1/reports", OperationID: "draftReport", Tag: "reports",
			Summary: "Draft a report (analyst or above); the marking must cover everything cited", Body: "ReportDraft",
			Response: "Report", Status: http.StatusCreated, Handler: http.HandlerFunc(a.create)},
		{Method: "GET", Path: "/api/v1/reports/required-marking", OperationID: "requiredMarking", Tag: "reports",
			Summary: "The least restricted marking a report citing these items may carry", Params: []Param{pCite},
			Response: "RequiredMarking", Handler: http.HandlerFunc(a.required)},
		{Method: "GET", Path: "/api/v1/reports/{id}", OperationID: "getReport", Tag: "reports",
			Summary: "One report", Params: []Param{pID}, Response: "Report", Handler: http.HandlerFunc(a.get)},
		{Method: "PUT", Path: "/api/v1/reports/{id}", OperationID: "editReport", Tag: "reports",
			Summary: "Edit a draft (its author only)", Params: []Param{pID}, Body: "ReportDraft",
			Response: "Report", Handler: http.HandlerFunc(a.update)},
		{Method: "POST", Path: "/api/v1/reports/{id}/release", OperationID: "releaseReport", Tag: "reports",
			Summary: "Release a draft (an officer or admin who is not its author)", Params: []Param{pID},
			Response: "Report", Handler: http.HandlerFunc(a.release)},
	} {
		s.Handle(rt)
	}
	mk := object(obj{"classification": str(), "level": integer(), "rel_to": arr(str()), "groups": arr(str()), "caveats": arr(str())})
	rep := object(obj{"id": str(), "title": str(), "body": str(), "cites": arr(str()), "marking": mk,
		"marking_text": str(), "origin": object(obj{"node": str(), "nation": str()}), "author": str(),
		"author_name": str(), "state": str(), "released_by": str(), "created": strf("date-time"),
		"updated": strf("date-time"), "released": strf("date-time")}, "id", "title", "state", "marking")
	s.AddSchema("Report", rep)
	s.AddSchema("ReportPage", object(obj{"items": arr(ref("Report")), "next_cursor": str(), "total": integer()}, "items", "total"))
	s.AddSchema("ReportDraft", object(obj{"title": str(), "body": str(), "cites": arr(str()), "marking": str()}, "title"))
	s.AddSchema("RequiredMarking", object(obj{"marking": mk, "marking_text": str()}, "marking", "marking_text"))
}

func (a *reportAPI) fail(w http.ResponseWriter, r *http.Request, err error) {
	WriteError(w, r, a.s.log, err)
}

func (a *reportAPI) list(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := liaison.ReportFilter{State: liaison.ReportState(q.Get("state")), Cursor: q.Get("cursor")}
	var err error
	if f.Limit, err = ParseLimit(q); err != nil {
		a.fail(w, r, err)
		return
	}
	page, err := a.svc.List(r.Context(), f)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := liaison.Page[ReportView]{Items: []ReportView{}, NextCursor: page.NextCursor, Total: page.Total}
	for i := range page.Items {
		out.Items = append(out.Items, viewOf(&page.Items[i]))
	}
	WriteJSON(w, http.StatusOK, out)
}

func (a *reportAPI) get(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		a.fail(w, r, err)
		return
	}
	rep, err := a.svc.Get(r.Context(), id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	WriteJSON(w, http.StatusOK, viewOf(rep))
}

func (a *reportAPI) create(w http.ResponseWriter, r *http.Request) {
	var d report.Draft
	if err := DecodeJSON(r, &d); err != nil {
		a.fail(w, r, err)
		return
	}
	rep, err := a.svc.Create(r.Context(), d)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	WriteJSON(w, http.StatusCreated, viewOf(rep))
}

func (a *reportAPI) update(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var d report.Draft
	if err := DecodeJSON(r, &d); err != nil {
		a.fail(w, r, err)
		return
	}
	rep, err := a.svc.Update(r.Context(), id, d)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	WriteJSON(w, http.StatusOK, viewOf(rep))
}

func (a *reportAPI) release(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		a.fail(w, r, err)
		return
	}
	rep, err := a.svc.Release(r.Context(), id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	WriteJSON(w, http.StatusOK, viewOf(rep))
}

func (a *reportAPI) required(w http.ResponseWriter, r *http.Request) {
	m, err := a.svc.RequiredMarking(r.Context(), r.URL.Query()["cite"])
	if err != nil {
		a.fail(w, r, err)
		return
	}
	WriteJSON(w, http.StatusOK, RequiredMarkingView{Marking: m, MarkingText: marking.Format(m)})
}
