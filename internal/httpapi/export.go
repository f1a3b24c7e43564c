package httpapi

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// ExportConfig is what the export endpoint needs beyond the server's stores.
type ExportConfig struct {
	// Reports adds released analyst reports to exports (nil: none).
	Reports liaison.ReportStore
	// Policy maps markings to TLP 2.0 (nil: marking.Default()).
	Policy *marking.Policy
	// Alpha2 maps an ISO 3166 alpha-3 code to alpha-2 for STIX locations
	// (nil: locations carry coordinates only).
	Alpha2 func(iso3 string) (string, bool)
	// Node names this node in the STIX identity that creates the objects.
	Node string
	Now  func() time.Time // nil: time.Now
}

// exporter writes every item the viewer may see, read page by page through
// the stores' visibility-filtered reads — never a separate query.
type exporter struct {
	s   *Server
	cfg ExportConfig
}

// exportPage is the page size of the reads behind an export.
const exportPage = 500

// RegisterExport adds GET /api/v1/export?format=jsonl|stix: the documents,
// events and released reports the viewer may see, as JSON lines or as a
// STIX 2.1 bundle with TLP 2.0 and classification markings.
func (s *Server) RegisterExport(cfg ExportConfig) {
	if cfg.Policy == nil {
		cfg.Policy = marking.Default()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Node == "" {
		cfg.Node = "liaison"
	}
	e := &exporter{s: s, cfg: cfg}
	s.Handle(Route{Method: "GET", Path: "/api/v1/export", OperationID: "export", Tag: "export",
		Summary:  "Everything the viewer may see: documents, events and released reports, as JSON lines (jsonl) or a STIX 2.1 bundle (stix)",
		Params:   []Param{{Name: "format", In: "query", Type: "string", Description: "jsonl (default) or stix"}},
		Response: "ExportLine", ContentType: "application/x-ndjson", Handler: http.HandlerFunc(e.serve)})
	s.AddSchema("ExportLine", object(obj{"type": str(), "marking_text": str(), "item": obj{"type": "object"}}, "type", "item"))
}

// ExportLine is one line of a JSON lines export.
type ExportLine struct {
	Type        string `json:"type"` // document, event or report
	MarkingText string `json:"marking_text"`
	Item        any    `json:"item"`
}

func (e *exporter) serve(w http.ResponseWriter, r *http.Request) {
	switch f := r.URL.Query().Get("format"); f {
	case "", "jsonl":
		e.jsonl(w, r)
	case "stix":
		b, err := e.stix(r.Context())
		if err != nil {
			WriteError(w, r, e.s.log, err)
			return
		}
		w.Header().Set("Content-Disposition", `attachment; filename="liaison-export.json"`)
		WriteJSON(w, http.StatusOK, b)
	default:
		WriteError(w, r, e.s.log, liaison.Errorf(liaison.ErrInvalid, "format %q: want jsonl or stix", f))
	}
}

// jsonl streams one line per item. The first read happens before the
// status is sent, so an error still answers as JSON.
func (e *exporter) jsonl(w http.ResponseWriter, r *http.Request) {
	started := false
	enc := json.NewEncoder(w)
	emit := func(typ string, m liaison.Marking, item any) error {
		if !started {
			w.Header().Set("Content-Type", "application/x-ndjson; charset=utf-8")
			w.Header().Set("X-Content-Type-Options", "nosniff")
			w.Header().Set("Content-Disposition", `attachment; filename="liaison-export.jsonl"`)
			w.WriteHeader(http.StatusOK)
			started = true
		}
		return enc.Encode(ExportLine{Type: typ, MarkingText: marking.Format(m), Item: item})
	}
	err := e.each(r.Context(),
		func(d *liaison.Document) error { return emit("document", d.Marking, d) },
		func(ev *liaison.Event) error { return emit("event", ev.Marking, ev) },
		func(rp *liaison.Report) error { return emit("report", rp.Marking, rp) })
	switch {
	case err != nil && !started:
		WriteError(w, r, e.s.log, err)
	case err != nil:
		e.s.log.Error("export interrupted", "err", err)
	case !started:
		w.Header().Set("Content-Type", "application/x-ndjson; charset=utf-8")
		w.WriteHeader(http.StatusOK)
	}
}

// each walks the visible documents, then events, then released reports.
func (e *exporter) each(ctx context.Context, doc func(*liaison.Document) error, ev func(*liaison.Event) error,
	rep func(*liaison.Report) error) error {
	for cur := ""; ; {
		p, err := e.s.cfg.Documents.Documents(ctx, liaison.DocumentFilter{Cursor: cur, Limit: exportPage})
		if err != nil {
			return err
		}
		for i := range p.Items {
			if err := doc(&p.Items[i]); err != nil {
				return err
			}
		}
		if cur = p.NextCursor; cur == "" {
			break
		}
	}
	for cur := ""; ; {
		p, err := e.s.cfg.Events.Events(ctx, liaison.EventFilter{Cursor: cur, Limit: exportPage})
		if err != nil {
			return err
		}
		for i := range p.Items {
			if err := ev(&p.Items[i]); err != nil {
				return err
			}
		}
		if cur = p.NextCursor; cur == "" {
			break
		}
	}
	if e.cfg.Reports == nil {
		return nil
	}
	for cur := ""; ; {
		p, err := e.cfg.Reports.Reports(ctx, liaison.ReportFilter{State: liaison.ReportReleased, Cursor: cur, Limit: exportPage})
		if err != nil {
			return err
		}
		for i := range p.Items {
			if err := rep(&p.Items[i]); err != nil {
				return err
			}
		}
		if cur = p.NextCursor; cur == "" {
			return nil
		}
	}
}
