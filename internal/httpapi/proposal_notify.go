package httpapi

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
)

// WebhookRequest is the body of POST /api/v1/webhooks.
type WebhookRequest struct {
	URL    string `json:"url"`
	Secret string `json:"secret"` // at least 16 characters; signs every POST
}

func (c *coordAPI) notifyRoutes() []Route {
	return []Route{
		{Method: "GET", Path: "/api/v1/notifications", OperationID: "listNotifications", Tag: "proposals",
			Summary:  "The viewer's nation's notifications, newest first",
			Params:   []Param{{Name: "unread", In: "query", Type: "string", Description: "1: only unread"}, pLimit},
			Response: "NotificationList", Handler: http.HandlerFunc(c.listNotifications)},
		{Method: "POST", Path: "/api/v1/notifications/{id}/read", OperationID: "readNotification", Tag: "proposals",
			Summary: "Mark a notification read", Params: []Param{pID}, Status: http.StatusNoContent,
			Handler: http.HandlerFunc(c.readNotification)},
		{Method: "GET", Path: "/api/v1/webhooks", OperationID: "listWebhooks", Tag: "proposals",
			Summary: "The viewer's nation's webhooks", Response: "WebhookList", Handler: http.HandlerFunc(c.listWebhooks)},
		{Method: "POST", Path: "/api/v1/webhooks", OperationID: "addWebhook", Tag: "proposals",
			Summary: "Register a webhook for the viewer's nation (officer); POSTs are signed X-Liaison-Signature: sha256=<hex HMAC>",
			Body:    "WebhookRequest", Response: "Webhook", Status: http.StatusCreated, Handler: http.HandlerFunc(c.addWebhook)},
	}
}

func (c *coordAPI) listNotifications(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	limit, err := ParseLimit(q)
	if err != nil {
		c.fail(w, r, err)
		return
	}
	ns, err := c.notes.Notifications(r.Context(), limit, q.Get("unread") == "1" || q.Get("unread") == "true")
	if err != nil {
		c.fail(w, r, err)
		return
	}
	WriteJSON(w, http.StatusOK, map[string]any{"items": ensureSlice(ns), "total": len(ns)})
}

func (c *coordAPI) readNotification(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err == nil {
		err = c.notes.MarkNotificationRead(r.Context(), id)
	}
	if err != nil {
		c.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (c *coordAPI) listWebhooks(w http.ResponseWriter, r *http.Request) {
	hs, err := c.notes.Webhooks(r.Context())
	if err != nil {
		c.fail(w, r, err)
		return
	}
	WriteJSON(w, http.StatusOK, map[string]any{"items": ensureSlice(hs), "total": len(hs)})
}

func (c *coordAPI) addWebhook(w http.ResponseWriter, r *http.Request) {
	v, ok := liaison.ViewerFrom(r.Context())
	if !ok || !(v.System || v.Role.Can(liaison.RoleOfficer)) {
		c.fail(w, r, liaison.Errorf(liaison.ErrForbidden, "add webhook: officers only"))
		return
	}
	var req WebhookRequest
	if err := DecodeJSON(r, &req); err != nil {
		c.fail(w, r, err)
		return
	}
	u, err := url.Parse(strings.TrimSpace(req.URL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		c.fail(w, r, liaison.Errorf(liaison.ErrInvalid, "webhook url %q: want an http or https URL", req.URL))
		return
	}
	if len(req.Secret) < 16 {
		c.fail(w, r, liaison.Errorf(liaison.ErrInvalid, "webhook secret: at least 16 characters"))
		return
	}
	h := &liaison.Webhook{Nation: v.Nation, URL: u.String(), Secret: req.Secret, Clearance: v.Clearance,
		Caveats: v.Caveats, Created: time.Now().UTC()}
	if err := c.notes.PutWebhook(r.Context(), h); err != nil {
		c.fail(w, r, err)
		return
	}
	WriteJSON(w, http.StatusCreated, h)
}
