package coord

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// SignatureHeader carries the HMAC-SHA256 of a webhook body under the
// webhook's secret, as "sha256=<hex>".
const SignatureHeader = "X-Liaison-Signature"

// Sign returns the SignatureHeader value of body under secret.
func Sign(secret string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// VerifySignature reports whether header is body's signature under secret
// (constant time), for receivers and tests.
func VerifySignature(secret string, body []byte, header string) bool {
	return hmac.Equal([]byte(Sign(secret, body)), []byte(header))
}

// NotifyStore is what the Notifier keeps its rows in.
type NotifyStore interface {
	liaison.NotificationStore
	liaison.WebhookStore
}

// Notifier turns proposal events into in-app notifications for every party
// and into webhook deliveries on a durable queue, which Deliver works off
// with exponential backoff.
type Notifier struct {
	Store  NotifyStore
	Client *http.Client // nil: a client with a 10 s timeout
	Logger *slog.Logger
	Now    func() time.Time
	// Backoff is the wait after the first failed attempt, doubled after
	// each further one up to MaxBackoff; MaxAttempts failures give up.
	Backoff     time.Duration
	MaxBackoff  time.Duration
	MaxAttempts int
}

var (
	_ Publisher        = (*Notifier)(nil)
	_ MessagePublisher = (*Notifier)(nil)
)

// MessagePublisher is told of every message posted to a thread.
type MessagePublisher interface {
	PublishMessage(ctx context.Context, t *liaison.Thread, m *liaison.Message) error
}

// PublishMessage notifies every participant but the sender that the
// message's marking releases it to. (Webhooks carry proposal events only.)
func (n *Notifier) PublishMessage(ctx context.Context, t *liaison.Thread, m *liaison.Message) error {
	var ns []liaison.Notification
	for _, r := range t.Participants {
		if r == m.Nation || (len(m.Marking.RelTo) > 0 && !contains(m.Marking.RelTo, r)) {
			continue
		}
		ns = append(ns, liaison.Notification{ID: liaison.NewID(m.Time), Nation: r, Kind: "thread.message", ItemID: t.ID,
			Title: t.Subject, Detail: "new message from " + m.Nation, Time: m.Time, Marking: m.Marking})
	}
	if len(ns) == 0 {
		return nil
	}
	return n.Store.AddNotifications(liaison.SystemContext(ctx), ns)
}

func (n *Notifier) now() time.Time {
	if n.Now != nil {
		return n.Now().UTC()
	}
	return time.Now().UTC()
}

func (n *Notifier) log() *slog.Logger {
	if n.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return n.Logger
}

// recipients are the nations a proposal's events go to: the parties the
// participation rule lets see it, and that its marking releases it to.
func recipients(p *liaison.Proposal) []string {
	all := []string{p.ProposingNation}
	if p.State != liaison.StateDraft {
		all = append(all, p.Deciders...)
		all = append(all, p.Consulted...)
	}
	var out []string
	seen := map[string]bool{}
	for _, n := range all {
		if n == "" || seen[n] {
			continue
		}
		seen[n] = true
		if len(p.Marking.RelTo) == 0 || contains(p.Marking.RelTo, n) {
			out = append(out, n)
		}
	}
	return out
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// WebhookPayload is the JSON body of a webhook POST. It carries no text of
// the proposal: only what happened, so a chat or mail relay can link back.
type WebhookPayload struct {
	Kind     string                `json:"kind"`
	ItemID   string                `json:"item_id"`
	Title    string                `json:"title"`
	Version  int                   `json:"version"`
	State    liaison.ProposalState `json:"state"`
	Nation   string                `json:"nation"`
	Time     time.Time             `json:"time"`
	Marking  string                `json:"marking"`
	Deadline time.Time             `json:"deadline,omitempty"`
}

// Publish stores a notification per recipient nation and event, and queues
// a webhook delivery for every webhook of a recipient that may see p.
func (n *Notifier) Publish(ctx context.Context, p *liaison.Proposal, evs []liaison.ProposalEvent) error {
	if len(evs) == 0 {
		return nil
	}
	sys := liaison.SystemContext(ctx)
	rs := recipients(p)
	var ns []liaison.Notification
	for _, e := range evs {
		for _, r := range rs {
			ns = append(ns, liaison.Notification{ID: liaison.NewID(e.Time), Nation: r, Kind: "proposal." + e.Action,
				ItemID: p.ID, Title: p.Title, Detail: fmt.Sprintf("%s by %s; now %s (version %d)", e.Action, e.Nation, e.State, e.Version),
				Time: e.Time, Marking: p.Marking})
		}
	}
	if err := n.Store.AddNotifications(sys, ns); err != nil {
		return err
	}
	hooks, err := n.Store.Webhooks(sys)
	if err != nil {
		return err
	}
	var ds []liaison.Delivery
	for _, h := range hooks {
		if !contains(rs, h.Nation) || !marking.Visible(liaison.Viewer{Nation: h.Nation, Clearance: h.Clearance, Caveats: h.Caveats}, p.Marking) {
			continue
		}
		for _, e := range evs {
			body, err := json.Marshal(WebhookPayload{Kind: "proposal." + e.Action, ItemID: p.ID, Title: p.Title, Version: e.Version,
				State: e.State, Nation: e.Nation, Time: e.Time, Marking: marking.Format(p.Marking), Deadline: p.Deadline})
			if err != nil {
				return err
			}
			ds = append(ds, liaison.Delivery{ID: liaison.NewID(e.Time), WebhookID: h.ID, Payload: body, NextAttempt: n.now()})
		}
	}
	if len(ds) == 0 {
		return nil
	}
	return n.Store.Enqueue(sys, ds)
}

// Deliver makes one pass over the due deliveries and returns how many were
// delivered. Failures are rescheduled with backoff, or given up after
// MaxAttempts.
func (n *Notifier) Deliver(ctx context.Context) (int, error) {
	sys := liaison.SystemContext(ctx)
	due, err := n.Store.DueDeliveries(sys, n.now(), 100)
	if err != nil {
		return 0, err
	}
	ok := 0
	var errs []error
	for i := range due {
		d := &due[i]
		d.Attempts++
		if err := n.post(ctx, d); err != nil {
			d.LastError = err.Error()
			d.Status = "pending"
			d.NextAttempt = n.now().Add(n.backoff(d.Attempts))
			if d.Attempts >= n.maxAttempts() {
				d.Status = "failed"
			}
			n.log().Warn("webhook delivery failed", "delivery", d.ID, "attempt", d.Attempts, "err", err)
		} else {
			d.Status, d.LastError = "delivered", ""
			ok++
		}
		if err := n.Store.UpdateDelivery(sys, d); err != nil {
			errs = append(errs, err)
		}
	}
	return ok, errors.Join(errs...)
}

func (n *Notifier) maxAttempts() int {
	if n.MaxAttempts <= 0 {
		return 8
	}
	return n.MaxAttempts
}

// backoff is the wait after the attempt-th failure: Backoff·2^(attempt-1),
// at most MaxBackoff.
func (n *Notifier) backoff(attempt int) time.Duration {
	base, ceil := n.Backoff, n.MaxBackoff
	if base <= 0 {
		base = 30 * time.Second
	}
	if ceil <= 0 {
		ceil = 6 * time.Hour
	}
	d := base
	for i := 1; i < attempt && d < ceil; i++ {
		d *= 2
	}
	return min(d, ceil)
}

// post sends one delivery; any status but 2xx is a failure.
func (n *Notifier) post(ctx context.Context, d *liaison.Delivery) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, d.URL, bytes.NewReader(d.Payload))
	if err != nil {
		return fmt.Errorf("webhook %s: %w", d.URL, err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(SignatureHeader, Sign(d.Secret, d.Payload))
	req.Header.Set("X-Liaison-Delivery", d.ID)
	c := n.Client
	if c == nil {
		c = &http.Client{Timeout: 10 * time.Second}
	}
	resp, err := c.Do(req)
	if err != nil {
		return fmt.Errorf("webhook %s: %w", d.URL, err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("webhook %s: status %d", d.URL, resp.StatusCode)
	}
	return nil
}

// Run delivers every `every` until ctx is done (for serve).
func (n *Notifier) Run(ctx context.Context, every time.Duration) {
	if every <= 0 {
		every = 5 * time.Second
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if _, err := n.Deliver(ctx); err != nil {
			n.log().Error("webhook deliveries", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Notifications lists the viewer's latest notifications when the service
// notifies through a *Notifier (none otherwise).
func (s *Service) Notifications(ctx context.Context, limit int) ([]liaison.Notification, error) {
	n, ok := s.cfg.Notify.(*Notifier)
	if !ok || n == nil || n.Store == nil {
		return []liaison.Notification{}, nil
	}
	return n.Store.Notifications(ctx, limit, false)
}
