// Package report runs analyst reports through the four-eyes release
// workflow: analysts (and above) draft, an officer or admin who is not the
// author releases, and a report is always at least as restricted as
// everything it cites. Every draft, edit and release is audited.
package report

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// Auditor is the part of the audit log the service writes to
// (liaison.AuditLog satisfies it).
type Auditor interface {
	Append(ctx context.Context, e *liaison.AuditEntry) error
}

// Audit actions written by the service (release uses liaison.AuditRelease).
const (
	AuditDraft  = "report.draft"
	AuditUpdate = "report.update"
)

// Limits on a report's text, so a single request cannot bloat the store.
const (
	MaxTitle = 500
	MaxBody  = 1 << 20
	MaxCites = 500
)

// Config is what the service needs. Reports, Documents, Events and
// ParseMarking are required.
type Config struct {
	Reports   liaison.ReportStore
	Documents liaison.DocumentStore
	Events    liaison.EventStore
	// ParseMarking turns marking text into a marking (policy + nations).
	ParseMarking func(ctx context.Context, text string) (liaison.Marking, error)
	// Policy names the lowest level (the marking of a report citing
	// nothing); nil: marking.Default().
	Policy *marking.Policy
	Audit  Auditor // optional
	Logger *slog.Logger
	Now    func() time.Time // nil: time.Now
	Origin liaison.Origin   // the node, recorded on new reports
}

// Service drafts, edits and releases reports.
type Service struct {
	cfg Config
	log *slog.Logger
}

// Draft is what an analyst writes: the marking is canonical text; empty
// means the marking the cited items require.
type Draft struct {
	Title   string   `json:"title"`
	Body    string   `json:"body"`
	Cites   []string `json:"cites,omitempty"`
	Marking string   `json:"marking,omitempty"`
}

// New checks cfg and returns a service.
func New(cfg Config) (*Service, error) {
	if cfg.Reports == nil || cfg.Documents == nil || cfg.Events == nil || cfg.ParseMarking == nil {
		return nil, errors.New("report: reports, documents, events and a marking parser are required")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Policy == nil {
		cfg.Policy = marking.Default()
	}
	return &Service{cfg: cfg, log: cfg.Logger.With("part", "report")}, nil
}

func viewerOf(ctx context.Context) (liaison.Viewer, error) {
	v, ok := liaison.ViewerFrom(ctx)
	if !ok || (v.UserID == "" && !v.System) {
		return v, liaison.Errorf(liaison.ErrUnauthorized, "report: no user")
	}
	return v, nil
}

// Get returns one report the viewer may see (ErrNotFound otherwise).
func (s *Service) Get(ctx context.Context, id string) (*liaison.Report, error) {
	return s.cfg.Reports.Report(ctx, id)
}

// List lists the reports the viewer may see.
func (s *Service) List(ctx context.Context, f liaison.ReportFilter) (liaison.Page[liaison.Report], error) {
	return s.cfg.Reports.Reports(ctx, f)
}

// Create stores a new draft by the viewer (analyst or above).
func (s *Service) Create(ctx context.Context, d Draft) (*liaison.Report, error) {
	v, err := viewerOf(ctx)
	if err != nil {
		return nil, err
	}
	if !v.Role.Can(liaison.RoleAnalyst) {
		return nil, liaison.Errorf(liaison.ErrForbidden, "report: drafting needs the analyst role or above")
	}
	now := s.cfg.Now().UTC()
	r := &liaison.Report{ID: liaison.NewID(now), Author: v.UserID, AuthorName: v.Name, State: liaison.ReportDraft,
		Created: now, Updated: now, Origin: liaison.Origin{Node: s.cfg.Origin.Node, Nation: v.Nation}}
	if err := s.apply(ctx, r, d); err != nil {
		return nil, err
	}
	if err := s.cfg.Reports.PutReport(ctx, r); err != nil {
		return nil, err
	}
	s.audit(ctx, v, AuditDraft, r)
	return r, nil
}

// Update replaces the title, body, cites and marking of a draft. Only its
// author may; a released report is final.
func (s *Service) Update(ctx context.Context, id string, d Draft) (*liaison.Report, error) {
	v, err := viewerOf(ctx)
	if err != nil {
		return nil, err
	}
	r, err := s.cfg.Reports.Report(ctx, id)
	if err != nil {
		return nil, err
	}
	if r.Author != v.UserID {
		return nil, liaison.Errorf(liaison.ErrForbidden, "report %s: only its author may edit a draft", id)
	}
	if r.State != liaison.ReportDraft {
		return nil, liaison.Errorf(liaison.ErrConflict, "report %s: released reports cannot be edited", id)
	}
	if err := s.apply(ctx, r, d); err != nil {
		return nil, err
	}
	r.Updated = s.cfg.Now().UTC()
	if err := s.cfg.Reports.PutReport(ctx, r); err != nil {
		return nil, err
	}
	s.audit(ctx, v, AuditUpdate, r)
	return r, nil
}

// Release publishes a draft under its marking. The releaser must be an
// officer or admin and not its author (four eyes), and the marking must
// still cover everything the report cites.
func (s *Service) Release(ctx context.Context, id string) (*liaison.Report, error) {
	v, err := viewerOf(ctx)
	if err != nil {
		return nil, err
	}
	r, err := s.cfg.Reports.Report(ctx, id)
	if err != nil {
		return nil, err
	}
	if !v.Role.Can(liaison.RoleOfficer) {
		return nil, liaison.Errorf(liaison.ErrForbidden, "report %s: releasing needs the officer role or above", id)
	}
	if r.Author == v.UserID {
		return nil, liaison.Errorf(liaison.ErrForbidden, "report %s: nobody releases their own report; a second officer must", id)
	}
	if r.State != liaison.ReportDraft {
		return nil, liaison.Errorf(liaison.ErrConflict, "report %s: already released", id)
	}
	req, err := s.RequiredMarking(ctx, r.Cites)
	if err != nil {
		return nil, err
	}
	if err := covers(r.Marking, req); err != nil {
		return nil, err
	}
	now := s.cfg.Now().UTC()
	r.State, r.ReleasedBy, r.Released, r.Updated = liaison.ReportReleased, v.UserID, now, now
	if err := s.cfg.Reports.PutReport(ctx, r); err != nil {
		return nil, err
	}
	s.audit(ctx, v, liaison.AuditRelease, r)
	return r, nil
}

// apply validates d and copies it into r, settling the marking: at least
// what the cites require and readable by the writer (marking.Writable).
func (s *Service) apply(ctx context.Context, r *liaison.Report, d Draft) error {
	d.Title = strings.TrimSpace(d.Title)
	switch {
	case d.Title == "":
		return liaison.Errorf(liaison.ErrInvalid, "report title: empty")
	case len(d.Title) > MaxTitle:
		return liaison.Errorf(liaison.ErrInvalid, "report title: longer than %d bytes", MaxTitle)
	case len(d.Body) > MaxBody:
		return liaison.Errorf(liaison.ErrInvalid, "report body: longer than %d bytes", MaxBody)
	case len(d.Cites) > MaxCites:
		return liaison.Errorf(liaison.ErrInvalid, "report cites: more than %d items", MaxCites)
	}
	cites := cleanCites(d.Cites)
	req, err := s.RequiredMarking(ctx, cites)
	if err != nil {
		return err
	}
	m := req
	if strings.TrimSpace(d.Marking) != "" {
		if m, err = s.cfg.ParseMarking(ctx, d.Marking); err != nil {
			return err
		}
		if err := covers(m, req); err != nil {
			return err
		}
	}
	// The author must be able to read what they mark (and edit it after).
	v, _ := liaison.ViewerFrom(ctx)
	if err := marking.Writable(s.cfg.Policy, v, m); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	r.Title, r.Body, r.Cites, r.Marking = d.Title, d.Body, cites, m
	return nil
}

func cleanCites(in []string) []string {
	out := []string{}
	for _, c := range in {
		if c = strings.TrimSpace(c); c != "" && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

func (s *Service) audit(ctx context.Context, v liaison.Viewer, action string, r *liaison.Report) {
	if s.cfg.Audit == nil {
		return
	}
	name := v.Name
	if name == "" {
		name = v.UserID
	}
	e := &liaison.AuditEntry{Actor: name, Nation: v.Nation, Action: action, Item: r.ID, Detail: marking.Format(r.Marking),
		Marking: r.Marking}
	if err := s.cfg.Audit.Append(liaison.SystemContext(ctx), e); err != nil {
		s.log.Error("audit", "action", action, "report", r.ID, "err", fmt.Sprint(err))
	}
}
