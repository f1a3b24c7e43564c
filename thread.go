package liaison

import (
	"context"
	"time"
)

// Thread is a conversation between nations (groups expanded to nations when
// the thread is opened). It is marked like every item and seen only by its
// participants to whom the marking releases it.
type Thread struct {
	ID           string    `json:"id"`
	Subject      string    `json:"subject"`
	Participants []string  `json:"participants"`
	Groups       []string  `json:"groups,omitempty"` // participants as written (groups and nations)
	ProposalID   string    `json:"proposal_id,omitempty"`
	Marking      Marking   `json:"marking"`
	Origin       Origin    `json:"origin"`
	Nation       string    `json:"nation"` // who opened it
	UserID       string    `json:"user_id,omitempty"`
	Created      time.Time `json:"created"`
	Updated      time.Time `json:"updated"`
	Messages     int       `json:"messages"` // visible messages
}

// Message is one marked message of a thread.
type Message struct {
	ID          string       `json:"id"`
	ThreadID    string       `json:"thread_id"`
	Nation      string       `json:"nation"`
	UserID      string       `json:"user_id,omitempty"`
	Text        string       `json:"text"`
	Marking     Marking      `json:"marking"`
	Origin      Origin       `json:"origin"`
	Attachments []Attachment `json:"attachments,omitempty"`
	Time        time.Time    `json:"time"`
}

// ThreadStore keeps threads and messages. Reads apply the viewer: the
// thread's marking AND participation; messages also by their own marking.
type ThreadStore interface {
	CreateThread(ctx context.Context, t *Thread) error
	Thread(ctx context.Context, id string) (*Thread, error)
	Threads(ctx context.Context, limit int) ([]Thread, error)
	// PostMessage adds m to its thread; the thread must be visible to the
	// viewer and the viewer's nation a participant.
	PostMessage(ctx context.Context, m *Message) error
	Messages(ctx context.Context, threadID string, limit int) ([]Message, error)
}

// Notification tells a nation (or one of its users) that something happened
// to an item it takes part in. It carries the item's marking, and is read
// through the same visibility rule.
type Notification struct {
	ID      string    `json:"id"`
	Nation  string    `json:"nation"`
	UserID  string    `json:"user_id,omitempty"` // "": every user of the nation
	Kind    string    `json:"kind"`              // e.g. "proposal.object"
	ItemID  string    `json:"item_id"`
	Title   string    `json:"title"`
	Detail  string    `json:"detail,omitempty"`
	Time    time.Time `json:"time"`
	Read    bool      `json:"read"`
	Marking Marking   `json:"marking"`
}

// NotificationStore keeps in-app notifications. Reads return the viewer's
// nation's notifications that its marking lets the viewer see.
type NotificationStore interface {
	// AddNotifications stores ns (the node's system viewer only).
	AddNotifications(ctx context.Context, ns []Notification) error
	Notifications(ctx context.Context, limit int, unreadOnly bool) ([]Notification, error)
	MarkNotificationRead(ctx context.Context, id string) error
}

// Webhook is a nation's endpoint for notifications, signed with Secret.
// Clearance and Caveats are those of the registering user: an event is sent
// only if they (and the nation) may see its item.
type Webhook struct {
	ID        string    `json:"id"`
	Nation    string    `json:"nation"`
	URL       string    `json:"url"`
	Secret    string    `json:"-"`
	Clearance int       `json:"clearance"`
	Caveats   []string  `json:"caveats,omitempty"`
	Created   time.Time `json:"created"`
}

// Delivery is one queued webhook POST, retried with backoff until delivered
// or given up.
type Delivery struct {
	ID          string    `json:"id"`
	WebhookID   string    `json:"webhook_id"`
	URL         string    `json:"url"`
	Secret      string    `json:"-"`
	Payload     []byte    `json:"payload"`
	Attempts    int       `json:"attempts"`
	NextAttempt time.Time `json:"next_attempt"`
	Status      string    `json:"status"` // pending, delivered, failed
	LastError   string    `json:"last_error,omitempty"`
}

// WebhookStore keeps webhooks and the durable delivery queue.
type WebhookStore interface {
	// PutWebhook registers w (ID set when empty).
	PutWebhook(ctx context.Context, w *Webhook) error
	// Webhooks lists the viewer's nation's webhooks (the system: all).
	Webhooks(ctx context.Context) ([]Webhook, error)
	DeleteWebhook(ctx context.Context, id string) error
	// Enqueue adds deliveries (system only).
	Enqueue(ctx context.Context, ds []Delivery) error
	// DueDeliveries returns pending deliveries due at t (system only).
	DueDeliveries(ctx context.Context, t time.Time, limit int) ([]Delivery, error)
	// UpdateDelivery records an attempt's outcome (system only).
	UpdateDelivery(ctx context.Context, d *Delivery) error
}
