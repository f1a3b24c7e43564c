package httpapi

import (
	"net/http"
	"strings"

	"github.com/liaison-project/liaison"
)

// search answers GET /api/v1/search?q=…: ranked hits with snippets whose
// matched terms are wrapped in [[ ]].
func (s *Server) search(r *http.Request) (any, error) {
	q := r.URL.Query()
	sq := liaison.SearchQuery{Query: strings.TrimSpace(q.Get("q")), Cursor: q.Get("cursor")}
	if sq.Query == "" {
		return nil, liaison.Errorf(liaison.ErrInvalid, "q: empty query")
	}
	var err error
	if sq.Limit, err = ParseLimit(q); err != nil {
		return nil, err
	}
	return pageAnswer(s.cfg.Documents.Search(r.Context(), sq))
}
