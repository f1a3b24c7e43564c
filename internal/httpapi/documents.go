package httpapi

import (
	"net/http"

	"github.com/liaison-project/liaison"
)

// listDocuments answers GET /api/v1/documents: newest first, filtered by
// source and published range.
func (s *Server) listDocuments(r *http.Request) (any, error) {
	q := r.URL.Query()
	f := liaison.DocumentFilter{Source: q.Get("source"), Cursor: q.Get("cursor")}
	var err error
	if f.Limit, err = ParseLimit(q); err == nil {
		if f.From, err = ParseDate(q, "from"); err == nil {
			f.To, err = ParseDateEnd(q, "to")
		}
	}
	if err != nil {
		return nil, err
	}
	return pageAnswer(s.cfg.Documents.Documents(r.Context(), f))
}

// getDocument answers GET /api/v1/documents/{id}.
func (s *Server) getDocument(r *http.Request) (any, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	return s.cfg.Documents.Document(r.Context(), id)
}

// getExtraction answers GET /api/v1/documents/{id}/extraction. The document
// is read first so that an invisible document answers exactly as a missing
// one.
func (s *Server) getExtraction(r *http.Request) (any, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return nil, err
	}
	if _, err := s.cfg.Documents.Document(r.Context(), id); err != nil {
		return nil, err
	}
	return s.cfg.Extractions.Extraction(r.Context(), id)
}
