package app

import (
	"context"
	"encoding/json"
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
	policy, nations := marking.Default(), marking.SeedNations()
	for _, r := range reports {
		if err := ctx.Err(); err != nil {
			return total, err
		}
		mk, err := marking.Parse(policy, marking.NewNations(nations, r.Date), r.Marking)
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
	return total, nil
}

// demoViewer is who a demo visitor is when no login is configured: an
// analyst of the alliance's own staff cleared for everything in the corpus.
var demoViewer = liaison.Viewer{Name: "demo", Nation: marking.OrganisationCode, Role: liaison.RoleAnalyst, Clearance: 4}

// DemoViewer returns the fixed viewer of a demo without logins.
func DemoViewer() liaison.Viewer { return demoViewer }
