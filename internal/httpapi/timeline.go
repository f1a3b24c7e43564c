package httpapi

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
)

// registerTimeline adds GET /api/v1/events/timeline, the monthly event
// counts by quad class behind the timeline charts, and its schema.
func (s *Server) registerTimeline() {
	month := func(name, desc string) Param {
		return Param{Name: name, In: "query", Type: "string", Description: desc}
	}
	s.Handle(Route{Method: "GET", Path: "/api/v1/events/timeline", OperationID: "eventTimeline", Tag: "events",
		Summary: "Visible events per month and quad class, oldest month first, with the marking of what is counted",
		Params: []Param{
			{Name: "actor", In: "query", Type: "string", Description: "source or target actor code prefix, e.g. JPN"},
			month("from", "first month (YYYY-MM, or a date: its month)"),
			month("to", "last month, included (YYYY-MM, or a date: its month)")},
		Response: "Timeline", Answer: s.timeline})
	s.AddSchema("Timeline", object(obj{
		"buckets": arr(object(obj{"month": str(), "quad": integer(), "events": integer()}, "month", "quad", "events")),
		"marking": ref("Marking")}, "buckets"))
}

// timeline answers GET /api/v1/events/timeline.
func (s *Server) timeline(r *http.Request) (any, error) {
	f, err := TimelineFilterFrom(r.URL.Query())
	if err != nil {
		return nil, err
	}
	return s.cfg.Events.Timeline(r.Context(), f)
}

// TimelineFilterFrom reads a timeline filter from query parameters: actor,
// from and to (months as YYYY-MM, or dates whose month counts).
func TimelineFilterFrom(q url.Values) (liaison.TimelineFilter, error) {
	f := liaison.TimelineFilter{Actor: strings.ToUpper(strings.TrimSpace(q.Get("actor")))}
	var err error
	if f.From, err = parseMonth(q, "from"); err != nil {
		return f, err
	}
	if f.To, err = parseMonth(q, "to"); err != nil {
		return f, err
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		return f, liaison.Errorf(liaison.ErrInvalid, "to %s is before from %s", q.Get("to"), q.Get("from"))
	}
	return f, nil
}

// parseMonth reads the month of parameter name: YYYY-MM, or a date or time
// (ParseTime) reduced to its month's first day; zero when absent.
func parseMonth(q url.Values, name string) (time.Time, error) {
	s := strings.TrimSpace(q.Get(name))
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse("2006-01", s); err == nil {
		return t, nil
	}
	t, err := ParseTime(name, s)
	if err != nil {
		return t, liaison.Errorf(liaison.ErrInvalid, "%s %q: want a month YYYY-MM or a date YYYY-MM-DD", name, s)
	}
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC), nil
}
