package sqlite

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/storetest"
)

// TestEventGet holds Event to the suite's lookup conformance: it answers
// exactly the events the listing shows each viewer.
func TestEventGet(t *testing.T) {
	storetest.RunEventGet(t, func(t *testing.T) storetest.Store { return openTest(t) })
}

// TestEventGetIndexed: the lookup is one seek in the unique index on
// events.id, not a scan of the table, whatever the viewer's condition.
func TestEventGetIndexed(t *testing.T) {
	db := openTest(t)
	ctx := liaison.WithViewer(context.Background(), liaison.Viewer{Nation: "FRA", Role: liaison.RoleReader, Clearance: 2})
	vis, args := visible(ctx, "e")
	rows, err := db.db.QueryContext(ctx, `EXPLAIN QUERY PLAN SELECT `+eventCols+` FROM events e WHERE e.id = ? AND `+vis,
		append([]any{"x"}, args...)...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	p := strings.Join(plan, "; ")
	if !strings.Contains(p, "SEARCH e USING INDEX sqlite_autoindex_events") || strings.Contains(p, "SCAN") {
		t.Errorf("plan %q: want a search of the unique index on events.id", p)
	}
	if _, err := db.Event(ctx, "nothing"); !errors.Is(err, liaison.ErrNotFound) || err.Error() != "event nothing: not found" {
		t.Errorf("Event(nothing) err = %v, want %q wrapping ErrNotFound", err, "event nothing: not found")
	}
}
