package httpapi

import (
	"net/http"

	"github.com/liaison-project/liaison"
)

// listDocuments answers GET /api/v1/documents: newest first, filtered by
// source and published range.
func (s *Server) listDocuments(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := liaison.DocumentFilter{Source: q.Get("source"), Cursor: q.Get("cursor")}
	var err error
	if f.Limit, err = ParseLimit(q); err == nil {
		if f.From, err = ParseDate(q, "from"); err == nil {
			f.To, err = ParseDateEnd(q, "to")
		}
	}
	if err != nil {
		WriteError(w, r, s.log, err)
		return
	}
	page, err := s.cfg.Documents.Documents(r.Context(), f)
	if err != nil {
		WriteError(w, r, s.log, err)
		return
	}
	page.Items = ensureSlice(page.Items)
	WriteJSON(w, http.StatusOK, page)
}

// getDocument answers GET /api/v1/documents/{id}.
func (s *Server) getDocument(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		WriteError(w, r, s.log, err)
		return
	}
	d, err := s.cfg.Documents.Document(r.Context(), id)
	if err != nil {
		WriteError(w, r, s.log, err)
		return
	}
	WriteJSON(w, http.StatusOK, d)
}

// getExtraction answers GET /api/v1/documents/{id}/extraction. The document
// is read first so that an invisible document answers exactly as a missing
// one.
func (s *Server) getExtraction(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		WriteError(w, r, s.log, err)
		return
	}
	if _, err := s.cfg.Documents.Document(r.Context(), id); err != nil {
		WriteError(w, r, s.log, err)
		return
	}
	x, err := s.cfg.Extractions.Extraction(r.Context(), id)
	if err != nil {
		WriteError(w, r, s.log, err)
		return
	}
	WriteJSON(w, http.StatusOK, x)
}
