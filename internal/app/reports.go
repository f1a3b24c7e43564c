package app

import (
	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/extract/place"
	"github.com/liaison-project/liaison/internal/httpapi"
	"github.com/liaison-project/liaison/internal/report"
	"github.com/liaison-project/liaison/internal/web"
)

// buildReports wires analyst reports (draft by an analyst, release by a
// second officer: API and pages) and the export endpoint when the store
// keeps reports.
func (m *Main) buildReports(api *httpapi.Server, ui *web.UI) error {
	rs, ok := m.store.(liaison.ReportStore)
	if !ok {
		return nil
	}
	cfg := report.Config{Reports: rs, Documents: m.store, Events: m.store, ParseMarking: m.parseMarking,
		Logger: m.cfg.Logger, Origin: m.cfg.Origin, Policy: m.cfg.Policy}
	if m.access != nil {
		cfg.Audit = m.access.store
	}
	svc, err := report.New(cfg)
	if err != nil {
		return err
	}
	api.RegisterReports(svc)
	api.RegisterExport(httpapi.ExportConfig{Reports: rs, Node: nodeName(m.cfg.Origin), Alpha2: alpha2(), Policy: m.cfg.Policy})
	return ui.RegisterReports(api, svc)
}

// nodeName names the node in exports.
func nodeName(o liaison.Origin) string {
	if o.Node != "" {
		return o.Node
	}
	return "liaison"
}

// alpha2 maps ISO 3166 alpha-3 codes to alpha-2 through the built-in
// gazetteer (nil when it cannot be loaded: STIX locations then carry
// coordinates only).
func alpha2() func(string) (string, bool) {
	g, err := place.Builtin()
	if err != nil {
		return nil
	}
	return func(iso3 string) (string, bool) {
		c, ok := g.Country(iso3)
		if !ok || c.ISO2 == "" {
			return "", false
		}
		return c.ISO2, true
	}
}
