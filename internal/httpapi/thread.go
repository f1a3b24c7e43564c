package httpapi

import (
	"net/http"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/coord"
)

// ThreadRequest is the body of POST /api/v1/threads.
type ThreadRequest struct {
	Subject      string               `json:"subject"`
	Participants []string             `json:"participants"` // nations or groups
	Marking      string               `json:"marking,omitempty"`
	ProposalID   string               `json:"proposal_id,omitempty"`
	Text         string               `json:"text,omitempty"`
	Attachments  []liaison.Attachment `json:"attachments,omitempty"`
}

// MessageRequest is the body of POST /api/v1/threads/{id}/messages.
type MessageRequest struct {
	Text        string               `json:"text"`
	Marking     string               `json:"marking,omitempty"`
	Attachments []liaison.Attachment `json:"attachments,omitempty"`
}

func (c *coordAPI) threadRoutes() []Route {
	return []Route{
		{Method: "GET", Path: "/api/v1/threads", OperationID: "listThreads", Tag: "threads",
			Summary: "Message threads the viewer's nation takes part in", Params: []Param{pLimit},
			Response: "ThreadList", Handler: http.HandlerFunc(c.listThreads)},
		{Method: "POST", Path: "/api/v1/threads", OperationID: "createThread", Tag: "threads",
			Summary: "Open a thread with nations or groups (analyst)", Body: "ThreadRequest",
			Response: "Thread", Status: http.StatusCreated, Handler: http.HandlerFunc(c.createThread)},
		{Method: "GET", Path: "/api/v1/threads/{id}/messages", OperationID: "listMessages", Tag: "threads",
			Summary: "The messages of a thread the viewer may see", Params: []Param{pID, pLimit},
			Response: "MessageList", Handler: http.HandlerFunc(c.listMessages)},
		{Method: "POST", Path: "/api/v1/threads/{id}/messages", OperationID: "postMessage", Tag: "threads",
			Summary: "Post a marked message (analyst)", Params: []Param{pID}, Body: "MessageRequest",
			Response: "Message", Status: http.StatusCreated, Handler: http.HandlerFunc(c.postMessage)},
	}
}

func (c *coordAPI) listThreads(w http.ResponseWriter, r *http.Request) {
	limit, err := ParseLimit(r.URL.Query())
	if err != nil {
		c.fail(w, r, err)
		return
	}
	ts, err := c.svc.Threads(r.Context(), limit)
	if err != nil {
		c.fail(w, r, err)
		return
	}
	WriteJSON(w, http.StatusOK, map[string]any{"items": ensureSlice(ts), "total": len(ts)})
}

func (c *coordAPI) createThread(w http.ResponseWriter, r *http.Request) {
	var req ThreadRequest
	if err := DecodeJSON(r, &req); err != nil {
		c.fail(w, r, err)
		return
	}
	mk, err := c.parseMarking(r.Context(), req.Marking)
	if err != nil {
		c.fail(w, r, err)
		return
	}
	t, err := c.svc.OpenThread(r.Context(), coord.NewThread{Subject: req.Subject, Participants: req.Participants,
		Marking: mk, ProposalID: req.ProposalID, Text: req.Text, Attachments: req.Attachments})
	if err != nil {
		c.fail(w, r, err)
		return
	}
	WriteJSON(w, http.StatusCreated, t)
}

func (c *coordAPI) listMessages(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		c.fail(w, r, err)
		return
	}
	limit, err := ParseLimit(r.URL.Query())
	if err != nil {
		c.fail(w, r, err)
		return
	}
	ms, err := c.svc.Messages(r.Context(), id, limit)
	if err != nil {
		c.fail(w, r, err)
		return
	}
	WriteJSON(w, http.StatusOK, map[string]any{"items": ensureSlice(ms), "total": len(ms)})
}

func (c *coordAPI) postMessage(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		c.fail(w, r, err)
		return
	}
	var req MessageRequest
	if err := DecodeJSON(r, &req); err != nil {
		c.fail(w, r, err)
		return
	}
	mk, err := c.parseMarking(r.Context(), req.Marking)
	if err != nil {
		c.fail(w, r, err)
		return
	}
	m, err := c.svc.Post(r.Context(), id, req.Text, mk, req.Attachments)
	if err != nil {
		c.fail(w, r, err)
		return
	}
	WriteJSON(w, http.StatusCreated, m)
}
