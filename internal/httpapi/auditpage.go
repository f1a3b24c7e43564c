package httpapi

import (
	"context"
	"net/url"
	"strconv"
	"strings"

	"github.com/liaison-project/liaison"
)

// AuditQuery narrows an audit listing — by action, acting user and the
// actor's nation — and pages it: oldest first (the log's order) or newest
// first, continuing past entry Cursor (0: from the start in that order).
type AuditQuery struct {
	Action, Actor, Nation string
	Newest                bool
	Cursor                int64
	Limit                 int // 0: DefaultLimit
}

// AuditPage is one page of an audit listing, shaped as every list of the
// API: Next is the cursor of the next page (0 on the last), Total counts
// every entry the viewer may read that matches the query.
type AuditPage struct {
	Items []liaison.AuditEntry `json:"items"`
	Next  int64                `json:"-"`
	// NextCursor is Next as the API writes it ("" on the last page).
	NextCursor string `json:"next_cursor,omitempty"`
	Total      int    `json:"total"`
}

// ParseAuditQuery reads an audit query from URL parameters: action, actor,
// nation, order ("oldest", the default, or "newest"), cursor (the
// next_cursor of the previous page) and limit. after=SEQ, the older form
// of the cursor, reads the log oldest first from entry SEQ+1.
func ParseAuditQuery(q url.Values) (AuditQuery, error) {
	aq := AuditQuery{Action: strings.TrimSpace(q.Get("action")), Actor: strings.TrimSpace(q.Get("actor")),
		Nation: strings.ToUpper(strings.TrimSpace(q.Get("nation")))}
	var err error
	if aq.Limit, err = ParseLimit(q); err != nil {
		return aq, err
	}
	switch o := q.Get("order"); o {
	case "", "oldest":
	case "newest":
		aq.Newest = true
	default:
		return aq, liaison.Errorf(liaison.ErrInvalid, "order %q: want oldest or newest", o)
	}
	for _, name := range []string{"after", "cursor"} { // cursor wins over the older after
		s := strings.TrimSpace(q.Get(name))
		if s == "" {
			continue
		}
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < 1 {
			return aq, liaison.Errorf(liaison.ErrInvalid, "%s %q: want the next_cursor of a previous page", name, s)
		}
		if name == "after" {
			if aq.Newest {
				return aq, liaison.Errorf(liaison.ErrInvalid, "after: reads oldest first; use cursor with order=newest")
			}
		}
		aq.Cursor = n
	}
	return aq, nil
}

// listAudit reads one page of q from log as the viewer in ctx (the log
// applies the read rule), with the total of the matching entries.
func listAudit(ctx context.Context, log liaison.AuditLog, q AuditQuery) (AuditPage, error) {
	if q.Limit <= 0 || q.Limit > MaxLimit {
		q.Limit = DefaultLimit
	}
	f := liaison.AuditFilter{Action: q.Action, Actor: q.Actor, Nation: q.Nation, Newest: q.Newest, Limit: q.Limit + 1}
	if q.Newest {
		f.Before = q.Cursor
	} else {
		f.After = q.Cursor
	}
	es, err := log.List(ctx, f)
	if err != nil {
		return AuditPage{}, err
	}
	page := AuditPage{Items: es}
	if len(es) > q.Limit {
		page.Items = es[:q.Limit]
		page.Next = page.Items[q.Limit-1].Seq
		page.NextCursor = strconv.FormatInt(page.Next, 10)
	}
	if page.Total, err = log.Count(ctx, f); err != nil {
		return AuditPage{}, err
	}
	return page, nil
}
