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
			Params:  []Param{pState, pCursor, pLimit}, Response: "ReportPage", Answer: a.list},
		{Method: "POST", Path: "/api/v1/reports", OperationID: "draftReport", Tag: "reports",
			Summary: "Draft a report (analyst or above); the marking must cover everything cited", Body: "ReportDraft",
			Response: "Report", Status: http.StatusCreated, Answer: a.create},
		{Method: "GET", Path: "/api/v1/reports/required-marking", OperationID: "requiredMarking", Tag: "reports",
			Summary: "The least restricted marking a report citing these items may carry", Params: []Param{pCite},
			Response: "RequiredMarking", Answer: a.required},
		{Method: "GET", Path: "/api/v1/reports/{id}", OperationID: "getReport", Tag: "reports",
			Summary: "One report", Params: []Param{pID}, Response: "Report", Answer: a.get},
		{Method: "PUT", Path: "/api/v1/reports/{id}", OperationID: "editReport", Tag: "reports",
			Summary: "Edit a draft (its author only)", Params: []Param{pID}, Body: "ReportDraft",
			Response: "Report", Answer: a.update},
		{Method: "POST", Path: "/api/v1/reports/{id}/release", OperationID: "releaseReport", Tag: "reports",
			Summary: "Release a draft (an officer or admin who is not its author)", Params: []Param{pID},
			Response: "Report", Answer: a.release},
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

// reportAnswer renders the report a service call returns.
func reportAnswer(rep *liaison.Report, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	return viewOf(rep), nil
}

func (a *reportAPI) list(r *http.Request) (any, error) {
	q := r.URL.Query()
	f := liaison.ReportFilter{State: liaison.ReportState(q.Get("state")), Cursor: q.Get("cursor")}
	var err error
	if f.Limit, err = ParseLimit(q); err != nil {
		return nil, err
	}
	page, err := a.svc.List(r.Context(), f)
	if err != nil {
		return nil, err
	}
	out := liaison.Page[ReportView]{Items: []ReportView{}, NextCursor: page.NextCursor, Total: page.Total}
	for i := range page.Items {
		out.Items = append(out.Items, viewOf(&page.Items[i]))
	}
	return out, nil
}

func (a *reportAPI) get(r *http.Request) (any, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	return reportAnswer(a.svc.Get(r.Context(), id))
}

func (a *reportAPI) create(r *http.Request) (any, error) {
	var d report.Draft
	if err := DecodeJSON(r, &d); err != nil {
		return nil, err
	}
	return reportAnswer(a.svc.Create(r.Context(), d))
}

func (a *reportAPI) update(r *http.Request) (any, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	var d report.Draft
	if err := DecodeJSON(r, &d); err != nil {
		return nil, err
	}
	return reportAnswer(a.svc.Update(r.Context(), id, d))
}

func (a *reportAPI) release(r *http.Request) (any, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	return reportAnswer(a.svc.Release(r.Context(), id))
}

func (a *reportAPI) required(r *http.Request) (any, error) {
	m, err := a.svc.RequiredMarking(r.Context(), r.URL.Query()["cite"])
	if err != nil {
		return nil, err
	}
	return RequiredMarkingView{Marking: m, MarkingText: marking.Format(m)}, nil
}
