package httpapi

import (
	"net/http"
	"strings"

	"github.com/liaison-project/liaison"
)

// search answers GET /api/v1/search?q=…: ranked hits with snippets whose
// matched terms are wrapped in [[ ]].
func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	sq := liaison.SearchQuery{Query: strings.TrimSpace(q.Get("q")), Cursor: q.Get("cursor")}
	if sq.Query == "" {
		WriteError(w, r, s.log, liaison.Errorf(liaison.ErrInvalid, "q: empty query"))
		return
	}
	var err error
	if sq.Limit, err = ParseLimit(q); err != nil {
		WriteError(w, r, s.log, err)
		return
	}
	page, err := s.cfg.Documents.Search(r.Context(), sq)
	if err != nil {
		WriteError(w, r, s.log, err)
		return
	}
	page.Items = ensureSlice(page.Items)
	WriteJSON(w, http.StatusOK, page)
}
