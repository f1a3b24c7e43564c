package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/demo"
	"github.com/liaison-project/liaison/internal/ingest"
	"github.com/liaison-project/liaison/internal/marking"
)

// LoadDemo ingests the embedded sample corpus through the ordinary ingest
// path (JSON records on disk → ingest → store → pipeline), each report under
// its own suggested marking with groups expanded as of the report's date.
// Loading twice stores nothing new.
func (m *Main) LoadDemo(ctx context.Context) (ingest.Summary, error) {
	var total ingest.Summary
	reports, err := demo.Reports()
	if err != nil {
		return total, err
	}
	dir := filepath.Join(m.cfg.DataDir, "demo-corpus")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return total, fmt.Errorf("demo corpus directory: %w", err)
	}
	nations, err := m.demoNations(ctx)
	if err != nil {
		return total, err
	}
	for _, r := range reports {
		if err := ctx.Err(); err != nil {
			return total, err
		}
		mk, err := marking.Parse(m.cfg.Policy, marking.NewNations(nations, r.Date), r.Marking)
		if err != nil {
			return total, fmt.Errorf("demo report %s: marking %q: %w", r.Name, r.Marking, err)
		}
		path := filepath.Join(dir, strings.TrimSuffix(r.Name, filepath.Ext(r.Name))+".json")
		rec := map[string]string{
			"title": r.Title, "text": r.Text, "source": r.Source, "lang": "en",
			"date": r.Date.UTC().Format(time.DateOnly),
		}
		b, err := json.Marshal(rec)
		if err != nil {
			return total, err
		}
		if err := os.WriteFile(path, b, 0o600); err != nil {
			return total, fmt.Errorf("demo report %s: %w", r.Name, err)
		}
		sum, err := m.Ingester(mk).Run(ctx, []string{path})
		total.Add(sum)
		if err != nil {
			return total, err
		}
	}
	return total, m.loadDemoNotes(ctx, nations)
}

// loadDemoNotes stores the demo's actor notes, each under its own marking,
// as written by its demo author; a note already stored is left as it is.
func (m *Main) loadDemoNotes(ctx context.Context, nations []liaison.Nation) error {
	ns, ok := m.store.(liaison.ActorNoteStore)
	if !ok {
		return nil
	}
	for _, d := range demo.Notes() {
		mk, err := marking.Parse(m.cfg.Policy, marking.NewNations(nations, d.Date), d.Marking)
		if err != nil {
			return fmt.Errorf("demo note on %s: marking %q: %w", d.Actor, d.Marking, err)
		}
		n := &liaison.ActorNote{ID: d.ID, Actor: d.Actor, Text: d.Text, Author: d.Author, Nation: d.Nation,
			Marking: mk, Origin: m.cfg.Origin, Created: d.Date}
		if err := ns.PutActorNote(liaison.SystemContext(ctx), n); err != nil && !errors.Is(err, liaison.ErrConflict) {
			return fmt.Errorf("demo note on %s: %w", d.Actor, err)
		}
	}
	return nil
}

// demoNations are the nations the demo's markings expand groups with: the
// node's stored nations (seeded, with their EU memberships), or without a
// nation store the built-in ones with the demo's EU memberships.
func (m *Main) demoNations(ctx context.Context) ([]liaison.Nation, error) {
	if m.access == nil {
		return demo.WithEU(marking.SeedNations()), nil
	}
	ns, err := m.access.store.Nations(liaison.SystemContext(ctx))
	if err != nil {
		return nil, fmt.Errorf("demo nations: %w", err)
	}
	if len(ns) == 0 { // not seeded (a node that is no demo): the built-in set
		return demo.WithEU(marking.SeedNations()), nil
	}
	return ns, nil
}

// seedDemoEU adds the demo's dated EU memberships to the stored nations, so
// that "REL TO EU" expands (and view-as shows its effect).
func (m *Main) seedDemoEU(ctx context.Context) error {
	sys := liaison.SystemContext(ctx)
	ns, err := m.access.store.Nations(sys)
	if err != nil {
		return fmt.Errorf("seed EU memberships: %w", err)
	}
	for i, n := range demo.WithEU(ns) {
		if len(n.Groups) == len(ns[i].Groups) {
			continue
		}
		if err := m.access.store.PutNation(sys, &n); err != nil {
			return fmt.Errorf("seed EU membership of %s: %w", n.Code, err)
		}
	}
	return nil
}

// demoViewer is who a demo visitor is when no login is configured: an
// analyst of the alliance's own staff cleared for everything in the corpus.
var demoViewer = liaison.Viewer{Name: "demo", Nation: marking.OrganisationCode, Role: liaison.RoleAnalyst, Clearance: 4}

// DemoViewer returns the fixed viewer of a demo without logins.
func DemoViewer() liaison.Viewer { return demoViewer }
