package httpapi

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/coord"
)

// coordAPI serves proposals, threads and notifications over a coord.Service.
type coordAPI struct {
	s     *Server
	svc   *coord.Service
	notes CoordStore
}

// CoordStore is what the notification and webhook endpoints read.
type CoordStore interface {
	liaison.NotificationStore
	liaison.WebhookStore
}

// ProposalRequest is the body of POST /api/v1/proposals.
type ProposalRequest struct {
	Title       string              `json:"title"`
	Text        string              `json:"text"`
	Procedure   liaison.Procedure   `json:"procedure"`
	Deadline    string              `json:"deadline,omitempty"` // RFC 3339
	Deciders    []string            `json:"deciders,omitempty"` // default: the member nations
	Consulted   []string            `json:"consulted,omitempty"`
	Marking     string              `json:"marking,omitempty"` // canonical text
	Links       []liaison.Link      `json:"links,omitempty"`
	Attachments []AttachmentRequest `json:"attachments,omitempty"`
	Circulate   bool                `json:"circulate,omitempty"` // circulate at once
}

// StepRequest is the body of POST /api/v1/proposals/{id}/{action}.
type StepRequest struct {
	Text     string `json:"text,omitempty"`
	Title    string `json:"title,omitempty"`
	Deadline string `json:"deadline,omitempty"` // RFC 3339
}

// RegisterCoord adds the proposal, thread, notification and webhook
// endpoints. notes may be nil (no notification endpoints).
func (s *Server) RegisterCoord(svc *coord.Service, notes CoordStore) {
	c := &coordAPI{s: s, svc: svc, notes: notes}
	pState := Param{Name: "state", In: "query", Type: "string", Description: "draft, circulating, blocked, adopted, expired or withdrawn"}
	pAction := Param{Name: "action", In: "path", Type: "string", Description: "amend, circulate, concur, object, agree-to-disagree, comment or withdraw"}
	routes := []Route{
		{Method: "GET", Path: "/api/v1/proposals", OperationID: "listProposals", Tag: "proposals",
			Summary: "Proposals the viewer takes part in, most recently updated first", Params: []Param{pState, pLimit},
			Response: "ProposalList", Answer: c.list},
		{Method: "POST", Path: "/api/v1/proposals", OperationID: "createProposal", Tag: "proposals",
			Summary: "Create a draft proposal of the viewer's nation (officer)", Body: "ProposalRequest",
			Response: "Proposal", Status: http.StatusCreated, Answer: c.create},
		{Method: "GET", Path: "/api/v1/proposals/{id}", OperationID: "getProposal", Tag: "proposals",
			Summary: "One proposal with its versions, positions, comments and history", Params: []Param{pID},
			Response: "Proposal", Answer: c.get},
		{Method: "POST", Path: "/api/v1/proposals/{id}/{action}", OperationID: "actOnProposal", Tag: "proposals",
			Summary: "Amend, circulate, concur, object (text required), agree-to-disagree, comment or withdraw",
			Params:  []Param{pID, pAction}, Body: "StepRequest", Response: "Proposal", Answer: c.act},
	}
	routes = append(routes, c.threadRoutes()...)
	routes = append(routes, c.attachmentRoutes()...)
	if notes != nil {
		routes = append(routes, c.notifyRoutes()...)
	}
	for _, rt := range routes {
		s.Handle(rt)
	}
	c.schemas()
}

func (c *coordAPI) list(r *http.Request) (any, error) {
	q := r.URL.Query()
	limit, err := ParseLimit(q)
	if err != nil {
		return nil, err
	}
	f := liaison.ProposalFilter{State: liaison.ProposalState(strings.TrimSpace(q.Get("state"))), Limit: limit}
	if f.State != "" && !f.State.Valid() {
		return nil, liaison.Errorf(liaison.ErrInvalid, "state %q: want one of draft, circulating, blocked, adopted, expired, withdrawn", f.State)
	}
	ps, err := c.svc.List(r.Context(), f)
	if err != nil {
		return nil, err
	}
	views := make([]*proposalAnswer, len(ps))
	for i := range ps {
		views[i] = c.answer(r.Context(), &ps[i])
	}
	return itemList(views), nil
}

// parseMarking reads a marking text ("" = the lowest, public marking).
func (c *coordAPI) parseMarking(ctx context.Context, text string) (liaison.Marking, error) {
	if strings.TrimSpace(text) == "" {
		return liaison.Marking{}, nil
	}
	if c.s.cfg.ParseMarking == nil {
		return liaison.Marking{}, liaison.Errorf(liaison.ErrInvalid, "marking %q: this node parses no markings", text)
	}
	return c.s.cfg.ParseMarking(ctx, text)
}

func optDeadline(s string) (time.Time, error) {
	if strings.TrimSpace(s) == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, liaison.Errorf(liaison.ErrInvalid, "deadline %q: want an RFC 3339 time, e.g. 2026-03-04T17:00:00Z", s)
	}
	return t.UTC(), nil
}

func (c *coordAPI) create(r *http.Request) (any, error) {
	var req ProposalRequest
	if err := DecodeJSON(r, &req); err != nil {
		return nil, err
	}
	dl, err := optDeadline(req.Deadline)
	if err != nil {
		return nil, err
	}
	mk, err := c.parseMarking(r.Context(), req.Marking)
	if err != nil {
		return nil, err
	}
	atts, err := c.parseAttachments(r.Context(), req.Attachments)
	if err != nil {
		return nil, err
	}
	p, err := c.svc.Create(r.Context(), coord.Draft{Title: req.Title, Text: req.Text, Procedure: req.Procedure, Deadline: dl,
		Deciders: req.Deciders, Consulted: req.Consulted, Marking: mk, Links: req.Links, Attachments: atts})
	if err == nil && req.Circulate {
		p, err = c.svc.Act(r.Context(), p.ID, coord.Step{Action: coord.ActCirculate})
	}
	return c.answerOrErr(r.Context(), p, err)
}

func (c *coordAPI) get(r *http.Request) (any, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	p, err := c.svc.Get(r.Context(), id)
	return c.answerOrErr(r.Context(), p, err)
}

func (c *coordAPI) act(r *http.Request) (any, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	act, err := coord.ParseAction(r.PathValue("action"))
	if err != nil {
		return nil, err
	}
	var req StepRequest
	if r.ContentLength != 0 {
		if err := DecodeJSON(r, &req); err != nil {
			return nil, err
		}
	}
	dl, err := optDeadline(req.Deadline)
	if err != nil {
		return nil, err
	}
	p, err := c.svc.Act(r.Context(), id, coord.Step{Action: act, Text: req.Text, Title: req.Title, Deadline: dl})
	return c.answerOrErr(r.Context(), p, err)
}

// proposalAnswer is a proposal as the API answers it to a viewer: with the
// actions the viewer may take on it now, from coord.Service.MayAct — the
// rule the web form's Act menu uses — so a client offers exactly what
// POST /api/v1/proposals/{id}/{action} would accept instead of restating
// the rules (role, kind of participant, state, deadline). It is never null:
// no action is [].
type proposalAnswer struct {
	*proposalView
	MayAct []coord.Action `json:"may_act"`
}

// answer is p with the viewer's allowed actions.
func (c *coordAPI) answer(ctx context.Context, p *liaison.Proposal) *proposalAnswer {
	acts := c.svc.MayAct(ctx, p)
	if acts == nil {
		acts = []coord.Action{}
	}
	return &proposalAnswer{proposalView: viewProposal(p), MayAct: acts}
}

// answerOrErr answers the result of a service call returning a proposal.
func (c *coordAPI) answerOrErr(ctx context.Context, p *liaison.Proposal, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	return c.answer(ctx, p), nil
}

// schemas describes the coordination bodies in the OpenAPI document.
func (c *coordAPI) schemas() {
	proposal := object(obj{"id": str(), "title": str(), "text": str(), "version": integer(), "marking": obj{"type": "object"},
		"proposing_nation": str(), "procedure": str(), "deadline": strf("date-time"), "deciders": arr(str()),
		"consulted": arr(str()), "state": str(), "positions": arr(obj{"type": "object"}), "comments": arr(obj{"type": "object"}),
		"versions": arr(obj{"type": "object"}), "history": arr(obj{"type": "object"}), "rev": integer(),
		"attachments": arr(ref("Attachment")), "may_act": mayActSchema()}, "id", "state", "may_act")
	c.s.AddSchema("Proposal", proposal)
	c.s.AddSchema("ProposalList", object(obj{"items": arr(ref("Proposal")), "total": integer()}, "items"))
	c.s.AddSchema("ProposalRequest", object(obj{"title": str(), "text": str(), "procedure": str(), "deadline": strf("date-time"),
		"deciders": arr(str()), "consulted": arr(str()), "marking": str(), "circulate": boolean(),
		"attachments": arr(ref("AttachmentRequest"))}, "title", "text", "procedure"))
	c.s.AddSchema("StepRequest", object(obj{"text": str(), "title": str(), "deadline": strf("date-time")}))
	c.s.AddSchema("Thread", object(obj{"id": str(), "subject": str(), "participants": arr(str()), "proposal_id": str(),
		"marking": obj{"type": "object"}, "messages": integer()}, "id"))
	c.s.AddSchema("ThreadList", object(obj{"items": arr(ref("Thread")), "total": integer()}, "items"))
	c.s.AddSchema("ThreadRequest", object(obj{"subject": str(), "participants": arr(str()), "marking": str(),
		"proposal_id": str(), "text": str(), "attachments": arr(ref("AttachmentRequest"))}, "subject", "participants"))
	c.s.AddSchema("Message", object(obj{"id": str(), "thread_id": str(), "nation": str(), "text": str(), "time": strf("date-time"),
		"marking": obj{"type": "object"}, "attachments": arr(ref("Attachment"))}, "id"))
	c.s.AddSchema("MessageList", object(obj{"items": arr(ref("Message")), "total": integer()}, "items"))
	c.s.AddSchema("MessageRequest", object(obj{"text": str(), "marking": str(), "attachments": arr(ref("AttachmentRequest"))}, "text"))
	c.s.AddSchema("NotificationList", object(obj{"items": arr(obj{"type": "object"}), "total": integer()}, "items"))
	c.s.AddSchema("WebhookRequest", object(obj{"url": str(), "secret": str()}, "url", "secret"))
	c.s.AddSchema("Webhook", object(obj{"id": str(), "nation": str(), "url": str(), "clearance": integer()}, "id"))
	c.attachmentSchemas()
	c.s.AddSchema("WebhookList", object(obj{"items": arr(ref("Webhook")), "total": integer()}, "items"))
}

// mayActSchema documents proposalAnswer.MayAct: the actions the viewer may
// take now, each one the {action} of actOnProposal.
func mayActSchema() obj {
	names := make([]string, len(coord.Actions))
	for i, a := range coord.Actions {
		names[i] = string(a)
	}
	s := arr(obj{"type": "string", "enum": names})
	s["description"] = "The actions the viewer may take on the proposal now (the same rule POST /api/v1/proposals/{id}/{action} applies); [] for none."
	return s
}
