package httpapi

import (
	"net/http"

	"github.com/liaison-project/liaison/internal/coord"
)

// ThreadRequest is the body of POST /api/v1/threads.
type ThreadRequest struct {
	Subject      string              `json:"subject"`
	Participants []string            `json:"participants"` // nations or groups
	Marking      string              `json:"marking,omitempty"`
	ProposalID   string              `json:"proposal_id,omitempty"`
	Text         string              `json:"text,omitempty"`
	Attachments  []AttachmentRequest `json:"attachments,omitempty"`
}

// MessageRequest is the body of POST /api/v1/threads/{id}/messages.
type MessageRequest struct {
	Text        string              `json:"text"`
	Marking     string              `json:"marking,omitempty"`
	Attachments []AttachmentRequest `json:"attachments,omitempty"`
}

func (c *coordAPI) threadRoutes() []Route {
	return []Route{
		{Method: "GET", Path: "/api/v1/threads", OperationID: "listThreads", Tag: "threads",
			Summary: "Message threads the viewer's nation takes part in", Params: []Param{pLimit},
			Response: "ThreadList", Answer: c.listThreads},
		{Method: "POST", Path: "/api/v1/threads", OperationID: "createThread", Tag: "threads",
			Summary: "Open a thread with nations or groups (analyst)", Body: "ThreadRequest",
			Response: "Thread", Status: http.StatusCreated, Answer: c.createThread},
		{Method: "GET", Path: "/api/v1/threads/{id}/messages", OperationID: "listMessages", Tag: "threads",
			Summary: "The messages of a thread the viewer may see", Params: []Param{pID, pLimit},
			Response: "MessageList", Answer: c.listMessages},
		{Method: "POST", Path: "/api/v1/threads/{id}/messages", OperationID: "postMessage", Tag: "threads",
			Summary: "Post a marked message (analyst)", Params: []Param{pID}, Body: "MessageRequest",
			Response: "Message", Status: http.StatusCreated, Answer: c.postMessage},
	}
}

func (c *coordAPI) listThreads(r *http.Request) (any, error) {
	limit, err := ParseLimit(r.URL.Query())
	if err != nil {
		return nil, err
	}
	ts, err := c.svc.Threads(r.Context(), limit)
	if err != nil {
		return nil, err
	}
	return itemList(ts), nil
}

func (c *coordAPI) createThread(r *http.Request) (any, error) {
	var req ThreadRequest
	if err := DecodeJSON(r, &req); err != nil {
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
	return c.svc.OpenThread(r.Context(), coord.NewThread{Subject: req.Subject, Participants: req.Participants,
		Marking: mk, ProposalID: req.ProposalID, Text: req.Text, Attachments: atts})
}

func (c *coordAPI) listMessages(r *http.Request) (any, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	limit, err := ParseLimit(r.URL.Query())
	if err != nil {
		return nil, err
	}
	ms, err := c.svc.Messages(r.Context(), id, limit)
	if err != nil {
		return nil, err
	}
	views := make([]*messageView, len(ms))
	for i := range ms {
		views[i] = viewMessage(&ms[i])
	}
	return itemList(views), nil
}

func (c *coordAPI) postMessage(r *http.Request) (any, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	var req MessageRequest
	if err := DecodeJSON(r, &req); err != nil {
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
	m, err := c.svc.Post(r.Context(), id, req.Text, mk, atts)
	if err != nil {
		return nil, err
	}
	return viewMessage(m), nil
}
