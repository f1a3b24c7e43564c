package liaison

import (
	"context"
	"time"
)

// Event is a coded who-did-what-to-whom: CAMEO code, quad class, Goldstein
// score and PLOVER type, with its date, place and the text that produced it.
type Event struct {
	ID         string  `json:"id,omitempty"`
	DocID      string  `json:"doc_id,omitempty"`
	Source     string  `json:"source"`
	Target     string  `json:"target"`
	CAMEO      string  `json:"cameo"`
	CAMEOName  string  `json:"cameo_name"`
	Root       string  `json:"root"`
	Quad       int     `json:"quad"`
	Goldstein  float64 `json:"goldstein"`
	PLOVER     string  `json:"plover"`
	Date       string  `json:"date"`
	Place      *Place  `json:"place,omitempty"`
	Sentence   int     `json:"sentence"`
	SourceText string  `json:"source_text"`
	TargetText string  `json:"target_text"`
	VerbText   string  `json:"verb_text"`
	Negated    bool    `json:"negated"`
	// Explain names the dictionary entry or pattern that produced the event
	// (filled with --explain).
	Explain string  `json:"explain,omitempty"`
	Marking Marking `json:"marking,omitzero"`
}

// EventFilter narrows an event listing. Actor matches source or target by
// code prefix; Root is the two-digit CAMEO root; Country is the ISO-3 code of
// the event's place.
type EventFilter struct {
	Actor   string
	Root    string
	From    time.Time
	To      time.Time
	Country string
	DocID   string
	Cursor  string
	Limit   int
}

// ActorCount is an actor code and how many visible events name it.
type ActorCount struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Events int    `json:"events"`
}

// PlaceCount is a place and how many visible mentions it has.
type PlaceCount struct {
	Place
	Mentions int `json:"mentions"`
}

// EventStore lists stored events and their aggregates. Reads apply the viewer.
type EventStore interface {
	Events(ctx context.Context, f EventFilter) (Page[Event], error)
	Actors(ctx context.Context, cursor string, limit int) (Page[ActorCount], error)
	Places(ctx context.Context, cursor string, limit int) (Page[PlaceCount], error)
	// Timeline counts the visible events per month and quad class, for the
	// analyst's question "how did cooperation and conflict evolve", overall
	// or for one actor. It is an aggregate like Actors: it counts only what
	// the viewer may see, and carries the marking of what it counts.
	Timeline(ctx context.Context, f TimelineFilter) (Timeline, error)
}

// TimelineFilter narrows a timeline. Actor matches source or target by code
// prefix, as in EventFilter; From and To bound it by month: only their
// year and month count, both included, since a bar of the chart is a whole
// month or none.
type TimelineFilter struct {
	Actor string
	From  time.Time
	To    time.Time
}

// TimelineBucket is how many visible events fall in one month (YYYY-MM, of
// the event's date) and quad class (1 verbal cooperation, 2 material
// cooperation, 3 verbal conflict, 4 material conflict).
type TimelineBucket struct {
	Month  string `json:"month"`
	Quad   int    `json:"quad"`
	Events int    `json:"events"`
}

// Timeline is the monthly event counts by quad class, oldest month first
// (then by quad), with the combined marking of every event counted: a count
// derived from a NATO SECRET event is itself that sensitive, so whatever
// shows the counts carries it. The zero marking means nothing is counted.
type Timeline struct {
	Buckets []TimelineBucket `json:"buckets"`
	Marking Marking          `json:"marking,omitzero"`
}

// TimelineMonth is the month ("YYYY-MM") a timeline counts an event dated
// date in, or "" for a date without a month (empty, or a year only): such
// events cannot be placed on a monthly chart and are left out of it.
func TimelineMonth(date string) string {
	if len(date) < 7 || date[4] != '-' {
		return ""
	}
	for i, c := range []byte(date[:7]) {
		if i != 4 && (c < '0' || c > '9') {
			return ""
		}
	}
	return date[:7]
}
