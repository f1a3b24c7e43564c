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
			Response: "NotificationList", Answer: c.listNotifications},
		{Method: "POST", Path: "/api/v1/notifications/{id}/read", OperationID: "readNotification", Tag: "proposals",
			Summary: "Mark a notification read", Params: []Param{pID}, Status: http.StatusNoContent,
			Answer: c.readNotification},
		{Method: "GET", Path: "/api/v1/webhooks", OperationID: "listWebhooks", Tag: "proposals",
			Summary: "The viewer's nation's webhooks", Response: "WebhookList", Answer: c.listWebhooks},
		{Method: "POST", Path: "/api/v1/webhooks", OperationID: "addWebhook", Tag: "proposals",
			Summary: "Register a webhook for the viewer's nation (officer); POSTs are signed X-Liaison-Signature: sha256=<hex HMAC>",
			Body:    "WebhookRequest", Response: "Webhook", Status: http.StatusCreated, Answer: c.addWebhook},
	}
}

func (c *coordAPI) listNotifications(r *http.Request) (any, error) {
	q := r.URL.Query()
	limit, err := ParseLimit(q)
	if err != nil {
		return nil, err
	}
	ns, err := c.notes.Notifications(r.Context(), limit, q.Get("unread") == "1" || q.Get("unread") == "true")
	if err != nil {
		return nil, err
	}
	return itemList(ns), nil
}

func (c *coordAPI) readNotification(r *http.Request) (any, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	return nil, c.notes.MarkNotificationRead(r.Context(), id)
}

func (c *coordAPI) listWebhooks(r *http.Request) (any, error) {
	hs, err := c.notes.Webhooks(r.Context())
	if err != nil {
		return nil, err
	}
	return itemList(hs), nil
}

func (c *coordAPI) addWebhook(r *http.Request) (any, error) {
	v, ok := liaison.ViewerFrom(r.Context())
	if !ok || !(v.System || v.Role.Can(liaison.RoleOfficer)) {
		return nil, liaison.Errorf(liaison.ErrForbidden, "add webhook: officers only")
	}
	var req WebhookRequest
	if err := DecodeJSON(r, &req); err != nil {
		return nil, err
	}
	u, err := url.Parse(strings.TrimSpace(req.URL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, liaison.Errorf(liaison.ErrInvalid, "webhook url %q: want an http or https URL", req.URL)
	}
	if len(req.Secret) < 16 {
		return nil, liaison.Errorf(liaison.ErrInvalid, "webhook secret: at least 16 characters")
	}
	h := &liaison.Webhook{Nation: v.Nation, URL: u.String(), Secret: req.Secret, Clearance: v.Clearance,
		Caveats: v.Caveats, Created: time.Now().UTC()}
	if err := c.notes.PutWebhook(r.Context(), h); err != nil {
		return nil, err
	}
	return h, nil
}
