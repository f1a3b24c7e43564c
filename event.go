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
}
