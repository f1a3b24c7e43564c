package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/liaison-project/liaison"
)

var (
	_ liaison.ThreadStore       = (*DB)(nil)
	_ liaison.NotificationStore = (*DB)(nil)
	_ liaison.WebhookStore      = (*DB)(nil)
)

// threadVisible is the read predicate of threads aliased alias: the marking
// rule AND the viewer's nation among the participants (and the nation of
// each viewer bounding the viewer).
func threadVisible(ctx context.Context, alias string) (string, []any) {
	mk, args := visible(ctx, alias)
	v, ok := liaison.ViewerFrom(ctx)
	if !ok {
		return "(0)", nil
	}
	party, pargs := eachBound(v, func(b liaison.Viewer) (string, []any) {
		if b.System {
			return "(1)", nil
		}
		return "EXISTS (SELECT 1 FROM thread_parties tp WHERE tp.thread_id = " + alias + ".id AND tp.nation = ?)", []any{b.Nation}
	})
	return "(" + mk + " AND " + party + ")", append(args, pargs...)
}

const threadCols = `t.id, t.subject, t.proposal_id, t.nation, t.user_id, t.groups, t.created, t.updated,
	t.mk_class, t.mk_level, t.mk_rel, t.mk_groups, t.mk_caveats, t.origin_node, t.origin_nation,
	(SELECT group_concat(nation, ',') FROM (SELECT nation FROM thread_parties WHERE thread_id = t.id ORDER BY nation))`

// CreateThread stores a thread with its participants (nations).
func (db *DB) CreateThread(ctx context.Context, t *liaison.Thread) error {
	if err := requireViewer(ctx, "create thread"); err != nil {
		return err
	}
	if t.ID == "" || len(t.Participants) == 0 {
		return liaison.Errorf(liaison.ErrInvalid, "create thread %q: needs an id and participants", t.ID)
	}
	if err := checkMarking("thread "+t.ID, t.Marking); err != nil {
		return err
	}
	return db.tx(ctx, func(tx *sql.Tx) error {
		c := toCols(t.Marking)
		_, err := tx.ExecContext(ctx, `INSERT INTO threads(id, subject, proposal_id, nation, user_id, groups, created, updated,
			mk_class, mk_level, mk_rel, mk_groups, mk_caveats, origin_node, origin_nation)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			t.ID, t.Subject, t.ProposalID, t.Nation, t.UserID, jsonList(t.Groups), fmtTime(t.Created), fmtTime(t.Updated),
			c.Class, c.Level, c.Rel, c.Groups, c.Caveats, t.Origin.Node, t.Origin.Nation)
		if err != nil {
			if coordUnique(err) {
				return liaison.Errorf(liaison.ErrDuplicate, "thread %s", t.ID)
			}
			return fmt.Errorf("sqlite: create thread %s: %w", t.ID, err)
		}
		for _, n := range t.Participants {
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO thread_parties(thread_id, nation) VALUES (?, ?)`, t.ID, n); err != nil {
				return fmt.Errorf("sqlite: thread %s participant %s: %w", t.ID, n, err)
			}
		}
		return nil
	})
}

func scanThread(s interface{ Scan(...any) error }) (liaison.Thread, error) {
	var t liaison.Thread
	var groups, created, updated string
	var parties sql.NullString
	var c markingCols
	err := s.Scan(&t.ID, &t.Subject, &t.ProposalID, &t.Nation, &t.UserID, &groups, &created, &updated,
		&c.Class, &c.Level, &c.Rel, &c.Groups, &c.Caveats, &t.Origin.Node, &t.Origin.Nation, &parties, &t.Messages)
	if err != nil {
		return t, err
	}
	t.Marking, t.Groups = fromCols(c), parseList(groups)
	if t.Created, err = parseTime(created); err == nil {
		t.Updated, err = parseTime(updated)
	}
	if parties.String != "" {
		t.Participants = splitComma(parties.String)
	}
	return t, err
}

func splitComma(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ',' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return out
}

// messageCount counts the messages of thread t visible to the viewer.
func messageCount(ctx context.Context) (string, []any) {
	mp, margs := visible(ctx, "m")
	return `(SELECT count(*) FROM messages m WHERE m.thread_id = t.id AND ` + mp + `)`, margs
}

// Thread returns one thread the viewer takes part in and may see.
func (db *DB) Thread(ctx context.Context, id string) (*liaison.Thread, error) {
	cnt, cargs := messageCount(ctx)
	pred, args := threadVisible(ctx, "t")
	row := db.db.QueryRowContext(ctx, `SELECT `+threadCols+`, `+cnt+` FROM threads t WHERE t.id = ? AND `+pred,
		append(append(cargs, id), args...)...)
	t, err := scanThread(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, liaison.Errorf(liaison.ErrNotFound, "thread %s", id)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: thread %s: %w", id, err)
	}
	return &t, nil
}

// Threads lists the threads the viewer may see, most recent first.
func (db *DB) Threads(ctx context.Context, limit int) ([]liaison.Thread, error) {
	cnt, cargs := messageCount(ctx)
	pred, args := threadVisible(ctx, "t")
	rows, err := db.db.QueryContext(ctx, `SELECT `+threadCols+`, `+cnt+` FROM threads t WHERE `+pred+
		` ORDER BY t.updated DESC, t.id DESC LIMIT ?`, append(append(cargs, args...), clampLimit(limit))...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: threads: %w", err)
	}
	defer rows.Close()
	out := []liaison.Thread{}
	for rows.Next() {
		t, err := scanThread(rows)
		if err != nil {
			return nil, fmt.Errorf("sqlite: threads: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// PostMessage adds a message to a thread the viewer may see and whose
// participants include the viewer's nation (the system may post anywhere).
func (db *DB) PostMessage(ctx context.Context, m *liaison.Message) error {
	if err := requireViewer(ctx, "post message"); err != nil {
		return err
	}
	if m.ID == "" || m.Text == "" {
		return liaison.Errorf(liaison.ErrInvalid, "post message to thread %s: needs an id and a text", m.ThreadID)
	}
	if err := checkMarking("message "+m.ID, m.Marking); err != nil {
		return err
	}
	atts, err := json.Marshal(m.Attachments)
	if err != nil {
		return fmt.Errorf("sqlite: message %s attachments: %w", m.ID, err)
	}
	return db.tx(ctx, func(tx *sql.Tx) error {
		pred, args := threadVisible(ctx, "t")
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM threads t WHERE t.id = ? AND `+pred,
			append([]any{m.ThreadID}, args...)...).Scan(&n); err != nil {
			return fmt.Errorf("sqlite: post message: %w", err)
		}
		if n == 0 {
			return liaison.Errorf(liaison.ErrNotFound, "thread %s", m.ThreadID)
		}
		c := toCols(m.Marking)
		if _, err := tx.ExecContext(ctx, `INSERT INTO messages(id, thread_id, nation, user_id, text, time, attachments,
			mk_class, mk_level, mk_rel, mk_groups, mk_caveats, origin_node, origin_nation)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			m.ID, m.ThreadID, m.Nation, m.UserID, m.Text, fmtTime(m.Time), string(atts),
			c.Class, c.Level, c.Rel, c.Groups, c.Caveats, m.Origin.Node, m.Origin.Nation); err != nil {
			return fmt.Errorf("sqlite: post message %s: %w", m.ID, err)
		}
		_, err := tx.ExecContext(ctx, `UPDATE threads SET updated = ? WHERE id = ?`, fmtTime(m.Time), m.ThreadID)
		return err
	})
}

// Messages lists, oldest first, the messages of a visible thread that the
// viewer may see by their own marking.
func (db *DB) Messages(ctx context.Context, threadID string, limit int) ([]liaison.Message, error) {
	if _, err := db.Thread(ctx, threadID); err != nil {
		return nil, err
	}
	pred, args := visible(ctx, "m")
	rows, err := db.db.QueryContext(ctx, `SELECT `+messageCols+` FROM messages m WHERE m.thread_id = ? AND `+pred+
		` ORDER BY m.rowid LIMIT ?`, append(append([]any{threadID}, args...), clampLimit(limit))...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: messages: %w", err)
	}
	defer rows.Close()
	out := []liaison.Message{}
	for rows.Next() {
		m, err := scanMessage(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// Message returns one message of a thread when the viewer may see both: the
// thread's rule (marking AND participation) and the message's own marking —
// the same predicates as Threads and Messages, in one query. Anything else
// answers ErrNotFound, as a missing message does. Attachment downloads read
// through it.
func (db *DB) Message(ctx context.Context, threadID, id string) (*liaison.Message, error) {
	tp, targs := threadVisible(ctx, "t")
	mp, margs := visible(ctx, "m")
	row := db.db.QueryRowContext(ctx, `SELECT `+messageCols+` FROM messages m JOIN threads t ON t.id = m.thread_id
		WHERE m.id = ? AND m.thread_id = ? AND `+tp+` AND `+mp,
		append(append([]any{id, threadID}, targs...), margs...)...)
	m, err := scanMessage(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, liaison.Errorf(liaison.ErrNotFound, "message %s of thread %s", id, threadID)
	}
	if err != nil {
		return nil, err
	}
	return &m, nil
}

// messageCols are the columns scanMessage reads, of messages aliased m.
const messageCols = `m.id, m.thread_id, m.nation, m.user_id, m.text, m.time, m.attachments,
	m.mk_class, m.mk_level, m.mk_rel, m.mk_groups, m.mk_caveats, m.origin_node, m.origin_nation`

// scanMessage reads one row of messageCols; sql.ErrNoRows passes through
// unwrapped.
func scanMessage(s interface{ Scan(...any) error }) (liaison.Message, error) {
	var m liaison.Message
	var t, atts string
	var c markingCols
	if err := s.Scan(&m.ID, &m.ThreadID, &m.Nation, &m.UserID, &m.Text, &t, &atts,
		&c.Class, &c.Level, &c.Rel, &c.Groups, &c.Caveats, &m.Origin.Node, &m.Origin.Nation); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return m, err
		}
		return m, fmt.Errorf("sqlite: messages: %w", err)
	}
	m.Marking = fromCols(c)
	var err error
	if m.Time, err = parseTime(t); err != nil {
		return m, err
	}
	if err := json.Unmarshal([]byte(atts), &m.Attachments); err != nil {
		return m, fmt.Errorf("sqlite: message %s attachments: %w", m.ID, err)
	}
	return m, nil
}

// AddNotifications stores notifications (system only).
func (db *DB) AddNotifications(ctx context.Context, ns []liaison.Notification) error {
	if err := requireSystem(ctx, "add notifications"); err != nil {
		return err
	}
	return db.tx(ctx, func(tx *sql.Tx) error {
		for _, n := range ns {
			if n.ID == "" {
				n.ID = liaison.NewID(n.Time)
			}
			c := toCols(n.Marking)
			if _, err := tx.ExecContext(ctx, `INSERT INTO notifications(id, nation, user_id, kind, item_id, title, detail, time,
				mk_class, mk_level, mk_rel, mk_groups, mk_caveats) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				n.ID, n.Nation, n.UserID, n.Kind, n.ItemID, n.Title, n.Detail, fmtTime(n.Time),
				c.Class, c.Level, c.Rel, c.Groups, c.Caveats); err != nil {
				return fmt.Errorf("sqlite: add notification: %w", err)
			}
		}
		return nil
	})
}

// notificationVisible: the viewer's own nation (and user, when addressed to
// one) AND the marking rule AND, for a proposal's or thread's notification,
// the proposal or thread as it is now visible to the viewer — so a later, stricter marking
// hides the old notifications too. The system sees all.
func notificationVisible(ctx context.Context) (string, []any) {
	mk, args := visible(ctx, "n")
	v, ok := liaison.ViewerFrom(ctx)
	if !ok {
		return "(0)", nil
	}
	if v.System && v.Within == nil {
		return mk, args
	}
	own, oargs := eachBound(v, func(b liaison.Viewer) (string, []any) {
		if b.System {
			return "(1)", nil
		}
		return "(n.nation = ? AND (n.user_id = '' OR n.user_id = ?))", []any{b.Nation, b.UserID}
	})
	pp, pargs := proposalVisible(ctx, "p")
	tp, targs := threadVisible(ctx, "t")
	args = append(args, oargs...)
	args = append(append(args, pargs...), targs...)
	return "(" + mk + " AND " + own +
		" AND (n.kind NOT LIKE 'proposal.%' OR EXISTS (SELECT 1 FROM proposals p WHERE p.id = n.item_id AND " + pp + "))" +
		" AND (n.kind NOT LIKE 'thread.%' OR EXISTS (SELECT 1 FROM threads t WHERE t.id = n.item_id AND " + tp + ")))", args
}

// Notifications lists the viewer's notifications, newest first.
func (db *DB) Notifications(ctx context.Context, limit int, unreadOnly bool) ([]liaison.Notification, error) {
	pred, args := notificationVisible(ctx)
	q := `SELECT n.id, n.nation, n.user_id, n.kind, n.item_id, n.title, n.detail, n.time, n.read,
		n.mk_class, n.mk_level, n.mk_rel, n.mk_groups, n.mk_caveats FROM notifications n WHERE ` + pred
	if unreadOnly {
		q += ` AND n.read = 0`
	}
	rows, err := db.db.QueryContext(ctx, q+` ORDER BY n.rowid DESC LIMIT ?`, append(args, clampLimit(limit))...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: notifications: %w", err)
	}
	defer rows.Close()
	out := []liaison.Notification{}
	for rows.Next() {
		var n liaison.Notification
		var t string
		var c markingCols
		if err := rows.Scan(&n.ID, &n.Nation, &n.UserID, &n.Kind, &n.ItemID, &n.Title, &n.Detail, &t, &n.Read,
			&c.Class, &c.Level, &c.Rel, &c.Groups, &c.Caveats); err != nil {
			return nil, fmt.Errorf("sqlite: notifications: %w", err)
		}
		n.Marking = fromCols(c)
		if n.Time, err = parseTime(t); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// MarkNotificationRead marks one of the viewer's notifications read.
func (db *DB) MarkNotificationRead(ctx context.Context, id string) error {
	pred, args := notificationVisible(ctx)
	res, err := db.db.ExecContext(ctx, `UPDATE notifications SET read = 1 WHERE rowid IN
		(SELECT n.rowid FROM notifications n WHERE n.id = ? AND `+pred+`)`, append([]any{id}, args...)...)
	if err != nil {
		return fmt.Errorf("sqlite: mark notification %s: %w", id, err)
	}
	if k, _ := res.RowsAffected(); k == 0 {
		return liaison.Errorf(liaison.ErrNotFound, "notification %s", id)
	}
	return nil
}

// webhookScope is which webhooks a viewer manages: the system all, anyone
// else their nation's (and, bounded by another viewer, only webhooks of a
// nation both share: an admin viewing as a nation sees none of its hooks).
func webhookScope(v liaison.Viewer) (string, []any) {
	return eachBound(v, func(b liaison.Viewer) (string, []any) {
		if b.System {
			return "(1)", nil
		}
		return "(nation = ?)", []any{b.Nation}
	})
}

// PutWebhook registers a webhook.
func (db *DB) PutWebhook(ctx context.Context, w *liaison.Webhook) error {
	if err := requireViewer(ctx, "put webhook"); err != nil {
		return err
	}
	if w.ID == "" {
		w.ID = liaison.NewID(w.Created)
	}
	_, err := db.db.ExecContext(ctx, `INSERT OR REPLACE INTO webhooks(id, nation, url, secret, clearance, caveats, created)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, w.ID, w.Nation, w.URL, w.Secret, w.Clearance, jsonSet(w.Caveats), fmtTime(w.Created))
	if err != nil {
		return fmt.Errorf("sqlite: put webhook: %w", err)
	}
	return nil
}

// Webhooks lists the viewer's nation's webhooks (the system: all).
func (db *DB) Webhooks(ctx context.Context) ([]liaison.Webhook, error) {
	v, ok := liaison.ViewerFrom(ctx)
	if !ok {
		return []liaison.Webhook{}, nil
	}
	pred, args := webhookScope(v)
	rows, err := db.db.QueryContext(ctx, `SELECT id, nation, url, secret, clearance, caveats, created FROM webhooks
		WHERE `+pred+` ORDER BY id`, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: webhooks: %w", err)
	}
	defer rows.Close()
	out := []liaison.Webhook{}
	for rows.Next() {
		var w liaison.Webhook
		var cav, created string
		if err := rows.Scan(&w.ID, &w.Nation, &w.URL, &w.Secret, &w.Clearance, &cav, &created); err != nil {
			return nil, fmt.Errorf("sqlite: webhooks: %w", err)
		}
		w.Caveats = parseList(cav)
		if w.Created, err = parseTime(created); err != nil {
			return nil, err
		}
		out = append(out, w)
	}
	return out, rows.Err()
}

// DeleteWebhook removes one of the viewer's nation's webhooks.
func (db *DB) DeleteWebhook(ctx context.Context, id string) error {
	v, ok := liaison.ViewerFrom(ctx)
	if !ok {
		return liaison.Errorf(liaison.ErrUnauthorized, "delete webhook: no viewer in context")
	}
	pred, args := webhookScope(v)
	res, err := db.db.ExecContext(ctx, `DELETE FROM webhooks WHERE id = ? AND `+pred, append([]any{id}, args...)...)
	if err != nil {
		return fmt.Errorf("sqlite: delete webhook %s: %w", id, err)
	}
	if k, _ := res.RowsAffected(); k == 0 {
		return liaison.Errorf(liaison.ErrNotFound, "webhook %s", id)
	}
	return nil
}

// Enqueue adds webhook deliveries (system only).
func (db *DB) Enqueue(ctx context.Context, ds []liaison.Delivery) error {
	if err := requireSystem(ctx, "enqueue deliveries"); err != nil {
		return err
	}
	return db.tx(ctx, func(tx *sql.Tx) error {
		for _, d := range ds {
			if d.ID == "" {
				d.ID = liaison.NewID(d.NextAttempt)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO webhook_queue(id, webhook_id, payload, attempts, next_attempt)
				VALUES (?, ?, ?, 0, ?)`, d.ID, d.WebhookID, string(d.Payload), fmtTime(d.NextAttempt)); err != nil {
				return fmt.Errorf("sqlite: enqueue delivery: %w", err)
			}
		}
		return nil
	})
}

// DueDeliveries returns pending deliveries due at t, oldest first.
func (db *DB) DueDeliveries(ctx context.Context, t time.Time, limit int) ([]liaison.Delivery, error) {
	if err := requireSystem(ctx, "due deliveries"); err != nil {
		return nil, err
	}
	rows, err := db.db.QueryContext(ctx, `SELECT q.id, q.webhook_id, w.url, w.secret, q.payload, q.attempts, q.next_attempt,
		q.status, q.last_error FROM webhook_queue q JOIN webhooks w ON w.id = q.webhook_id
		WHERE q.status = 'pending' AND q.next_attempt <= ? ORDER BY q.next_attempt, q.rowid LIMIT ?`, fmtTime(t), clampLimit(limit))
	if err != nil {
		return nil, fmt.Errorf("sqlite: due deliveries: %w", err)
	}
	defer rows.Close()
	out := []liaison.Delivery{}
	for rows.Next() {
		var d liaison.Delivery
		var payload, next string
		if err := rows.Scan(&d.ID, &d.WebhookID, &d.URL, &d.Secret, &payload, &d.Attempts, &next, &d.Status, &d.LastError); err != nil {
			return nil, fmt.Errorf("sqlite: due deliveries: %w", err)
		}
		d.Payload = []byte(payload)
		if d.NextAttempt, err = parseTime(next); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// UpdateDelivery records the outcome of an attempt.
func (db *DB) UpdateDelivery(ctx context.Context, d *liaison.Delivery) error {
	if err := requireSystem(ctx, "update delivery"); err != nil {
		return err
	}
	done := ""
	if d.Status != "pending" {
		done = fmtTime(time.Now())
	}
	_, err := db.db.ExecContext(ctx, `UPDATE webhook_queue SET attempts = ?, next_attempt = ?, status = ?, last_error = ?, done_at = ?
		WHERE id = ?`, d.Attempts, fmtTime(d.NextAttempt), d.Status, d.LastError, done, d.ID)
	if err != nil {
		return fmt.Errorf("sqlite: update delivery %s: %w", d.ID, err)
	}
	return nil
}
