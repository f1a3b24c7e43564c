package httpapi

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// AuditActorNote is the audit action of a new actor note.
const AuditActorNote = "actor_note.create"

// Auditor is the part of the audit log that records writes
// (liaison.AuditLog satisfies it).
type Auditor interface {
	Append(ctx context.Context, e *liaison.AuditEntry) error
}

// ActorNoteConfig is what actor notes need. Store is required.
type ActorNoteConfig struct {
	Store  liaison.ActorNoteStore
	Audit  Auditor          // optional: creations are audited when set
	Origin liaison.Origin   // the node, recorded on new notes
	Now    func() time.Time // nil: time.Now
	// Policy names the lowest level, the marking of a note posted without
	// one; nil: marking.Default().
	Policy *marking.Policy
}

// ActorNotes writes and reads analysts' notes on actors for the API and the
// web UI alike, so that both parse markings, stamp the writer and audit the
// same way.
type ActorNotes struct {
	cfg   ActorNoteConfig
	parse func(ctx context.Context, text string) (liaison.Marking, error)
	log   *slog.Logger
}

// ActorNoteDraft is what a client posts: the text (Markdown) and the
// marking in canonical text ("" = the policy's lowest level). Author and
// nation are never taken from a request: they are the writer's.
type ActorNoteDraft struct {
	Text    string `json:"text"`
	Marking string `json:"marking,omitempty"`
}

// ActorNoteView is a note as the API shows it, with its marking's text.
type ActorNoteView struct {
	liaison.ActorNote
	MarkingText string `json:"marking_text"`
}

// RegisterActorNotes adds the actor note endpoints (list and write an
// actor's notes, read one note) and returns the notes service the web UI
// shares.
func (s *Server) RegisterActorNotes(cfg ActorNoteConfig) (*ActorNotes, error) {
	if cfg.Store == nil {
		return nil, errors.New("httpapi: actor notes need a store")
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Policy == nil {
		cfg.Policy = marking.Default()
	}
	a := &ActorNotes{cfg: cfg, parse: s.cfg.ParseMarking, log: s.Logger("actor-notes")}
	pCode := Param{Name: "code", In: "path", Type: "string", Description: "CAMEO actor code, e.g. JPNGOV"}
	for _, rt := range []Route{
		{Method: "GET", Path: "/api/v1/actors/{code}/notes", OperationID: "listActorNotes", Tag: "actors",
			Summary: "Notes on an actor the viewer may see, newest first", Params: []Param{pCode, pCursor, pLimit},
			Response: "ActorNotePage", Answer: a.list},
		{Method: "POST", Path: "/api/v1/actors/{code}/notes", OperationID: "addActorNote", Tag: "actors",
			Summary: "Write a marked note on an actor (analyst or above)", Params: []Param{pCode}, Body: "ActorNoteDraft",
			Response: "ActorNote", Status: http.StatusCreated, Answer: a.create},
		{Method: "GET", Path: "/api/v1/actor-notes/{id}", OperationID: "getActorNote", Tag: "actors",
			Summary: "One actor note", Params: []Param{pID}, Response: "ActorNote", Answer: a.get},
	} {
		s.Handle(rt)
	}
	mk := object(obj{"classification": str(), "level": integer(), "rel_to": arr(str()), "groups": arr(str()), "caveats": arr(str())})
	s.AddSchema("ActorNote", object(obj{"id": str(), "actor": str(), "text": str(), "author": str(), "nation": str(),
		"marking": mk, "marking_text": str(), "origin": object(obj{"node": str(), "nation": str()}),
		"created": strf("date-time")}, "id", "actor", "text", "marking"))
	s.AddSchema("ActorNotePage", object(obj{"items": arr(ref("ActorNote")), "next_cursor": str(), "total": integer()}, "items", "total"))
	s.AddSchema("ActorNoteDraft", object(obj{"text": str(), "marking": str()}, "text"))
	return a, nil
}

// ViewActorNote renders a note with its marking's canonical text.
func ViewActorNote(n liaison.ActorNote) ActorNoteView {
	return ActorNoteView{ActorNote: n, MarkingText: marking.Format(n.Marking)}
}

// Create stores a new note on actor by the viewer in ctx (analyst or above;
// the store checks the role and stamps author and nation) and audits it. A
// marking the writer could not read is refused (marking.Writable).
func (a *ActorNotes) Create(ctx context.Context, actor string, d ActorNoteDraft) (liaison.ActorNote, error) {
	actor = NormalActorCode(actor)
	if !liaison.ValidActorCode(actor) {
		return liaison.ActorNote{}, liaison.Errorf(liaison.ErrInvalid, "actor code %q: letters, digits or '-' only", actor)
	}
	v, ok := liaison.ViewerFrom(ctx)
	if !ok {
		return liaison.ActorNote{}, liaison.Errorf(liaison.ErrUnauthorized, "actor note: no viewer")
	}
	if err := ViewAsReadOnly(ctx); err != nil {
		return liaison.ActorNote{}, fmt.Errorf("actor note: %w", err)
	}
	if !v.System && !v.Role.Can(liaison.RoleAnalyst) {
		return liaison.ActorNote{}, liaison.Errorf(liaison.ErrForbidden, "actor note: writing needs the analyst role or above")
	}
	m, err := a.parseMarking(ctx, d.Marking)
	if err != nil {
		return liaison.ActorNote{}, err
	}
	// A note the writer could not read back would vanish from their view.
	if err := marking.Writable(a.cfg.Policy, v, m); err != nil {
		return liaison.ActorNote{}, fmt.Errorf("actor note: %w", err)
	}
	now := a.cfg.Now().UTC()
	n := liaison.ActorNote{ID: liaison.NewID(now), Actor: actor, Text: d.Text, Marking: m, Created: now,
		Author: v.Name, Nation: v.Nation, Origin: liaison.Origin{Node: a.cfg.Origin.Node, Nation: v.Nation}}
	if err := a.cfg.Store.PutActorNote(ctx, &n); err != nil {
		return liaison.ActorNote{}, err
	}
	a.audit(ctx, v, n)
	return n, nil
}

// Notes lists the visible notes on actor.
func (a *ActorNotes) Notes(ctx context.Context, actor, cursor string, limit int) (liaison.Page[liaison.ActorNote], error) {
	actor = NormalActorCode(actor)
	if !liaison.ValidActorCode(actor) {
		return liaison.Page[liaison.ActorNote]{}, liaison.Errorf(liaison.ErrInvalid, "actor code %q: letters, digits or '-' only", actor)
	}
	return a.cfg.Store.ActorNotes(ctx, actor, cursor, limit)
}

// NormalActorCode is actor as notes are kept: trimmed and upper case, as
// CAMEO codes (and the events naming them) are written, so that a note
// posted or read at /actors/jpngov is JPNGOV's and not a code no event
// names. It does not check the shape (liaison.ValidActorCode does).
func NormalActorCode(actor string) string {
	return strings.ToUpper(strings.TrimSpace(actor))
}

// SuggestMarking is an example marking for the note form that the viewer
// in ctx may write (marking.Writable): the first level with a default REL
// TO (NATO RESTRICTED // REL TO NATO in the built-in policy) as is, or with
// the viewer's nation added, else the lowest level above the public one
// releasable to the viewer's nation; failing all, the lowest level. A
// placeholder the writer would be refused for only teaches a refusal.
func (a *ActorNotes) SuggestMarking(ctx context.Context) string {
	p := a.cfg.Policy
	v, ok := liaison.ViewerFrom(ctx)
	if !ok || a.parse == nil {
		return p.LevelName(0)
	}
	nation := v.Nation
	if nation == liaison.NoNation {
		nation = ""
	}
	for _, text := range suggestions(p, nation) {
		if m, err := a.parse(ctx, text); err == nil && marking.Writable(p, v, m) == nil {
			return text
		}
	}
	return p.LevelName(0)
}

// suggestions are SuggestMarking's candidates, most preferred first:
// from the first level with a default REL TO upwards, then downwards to
// the first level above the public one.
func suggestions(p *marking.Policy, nation string) []string {
	start := 1
	for i := 1; i < len(p.Levels); i++ {
		if len(p.Levels[i].DefaultRelTo) > 0 {
			start = i
			break
		}
	}
	var order []int
	for i := start; i < len(p.Levels); i++ {
		order = append(order, i)
	}
	for i := start - 1; i >= 1; i-- {
		order = append(order, i)
	}
	var out []string
	for _, i := range order {
		l := p.Levels[i]
		rel := strings.Join(l.DefaultRelTo, ", ")
		switch {
		case rel != "" && nation != "":
			out = append(out, l.Name+" // REL TO "+rel, l.Name+" // REL TO "+rel+", "+nation)
		case rel != "":
			out = append(out, l.Name+" // REL TO "+rel)
		case nation != "":
			out = append(out, l.Name+" // REL TO "+nation)
		}
	}
	return out
}

// parseMarking reads the posted marking text against the node's policy and
// nations ("" = the policy's lowest level, named, so that every note shows
// a marking); any failure is a 400 naming the problem.
func (a *ActorNotes) parseMarking(ctx context.Context, text string) (liaison.Marking, error) {
	if strings.TrimSpace(text) == "" {
		text = a.cfg.Policy.LevelName(0)
		if a.parse == nil {
			return liaison.Marking{Classification: text}, nil
		}
	}
	if a.parse == nil {
		return liaison.Marking{}, liaison.Errorf(liaison.ErrInvalid, "marking %q: this node parses no markings", text)
	}
	m, err := a.parse(ctx, text)
	if err != nil && !errors.Is(err, liaison.ErrInvalid) {
		return m, liaison.Errorf(liaison.ErrInvalid, "marking %q: %v", text, err)
	}
	return m, err
}

// audit records the creation under the note's marking, so the audit view
// shows it only to those who may see the note.
func (a *ActorNotes) audit(ctx context.Context, v liaison.Viewer, n liaison.ActorNote) {
	if a.cfg.Audit == nil {
		return
	}
	e := &liaison.AuditEntry{Actor: v.Name, Nation: v.Nation, Action: AuditActorNote, Item: n.ID,
		Detail: n.Actor + " " + marking.Format(n.Marking), Marking: n.Marking}
	if err := a.cfg.Audit.Append(liaison.SystemContext(ctx), e); err != nil {
		a.log.Error("audit", "action", AuditActorNote, "note", n.ID, "err", fmt.Sprint(err))
	}
}

func (a *ActorNotes) list(r *http.Request) (any, error) {
	q := r.URL.Query()
	limit, err := ParseLimit(q)
	if err != nil {
		return nil, err
	}
	page, err := a.Notes(r.Context(), r.PathValue("code"), q.Get("cursor"), limit)
	if err != nil {
		return nil, err
	}
	out := liaison.Page[ActorNoteView]{Items: []ActorNoteView{}, NextCursor: page.NextCursor, Total: page.Total}
	for _, n := range page.Items {
		out.Items = append(out.Items, ViewActorNote(n))
	}
	return out, nil
}

func (a *ActorNotes) create(r *http.Request) (any, error) {
	var d ActorNoteDraft
	if err := DecodeJSON(r, &d); err != nil {
		return nil, err
	}
	n, err := a.Create(r.Context(), r.PathValue("code"), d)
	if err != nil {
		return nil, err
	}
	return ViewActorNote(n), nil
}

func (a *ActorNotes) get(r *http.Request) (any, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	n, err := a.cfg.Store.ActorNote(r.Context(), id)
	if err != nil {
		return nil, err
	}
	return ViewActorNote(n), nil
}

// Get returns one note the viewer may see (ErrNotFound otherwise).
func (a *ActorNotes) Get(ctx context.Context, id string) (liaison.ActorNote, error) {
	return a.cfg.Store.ActorNote(ctx, id)
}
