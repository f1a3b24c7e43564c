package httpapi

import (
	"net/http"
	"strings"

	"github.com/liaison-project/liaison"
)

// search answers GET /api/v1/search?q=…: ranked hits with snippets whose
// matched terms are wrapped in [[ ]]; with facets=1 also the counts of all
// the viewer's hits by source, month and level (opt-in: they cost a read
// of every hit); source= and month= keep the hits with that facet value.
func (s *Server) search(r *http.Request) (any, error) {
	q := r.URL.Query()
	sq := liaison.SearchQuery{Query: strings.TrimSpace(q.Get("q")), Cursor: q.Get("cursor"),
		Source: q.Get("source"), Month: q.Get("month")}
	if sq.Query == "" {
		return nil, liaison.Errorf(liaison.ErrInvalid, "q: empty query")
	}
	var err error
	if sq.Limit, err = ParseLimit(q); err != nil {
		return nil, err
	}
	if sq.Facets, err = parseFlag(q.Get("facets"), "facets"); err != nil {
		return nil, err
	}
	return pageAnswer(s.cfg.Documents.Search(r.Context(), sq))
}

// parseFlag reads an on/off query parameter: "1" or "true" is on, absent,
// "0" or "false" off; anything else is the client's mistake, said so
// rather than read as off.
func parseFlag(v, name string) (bool, error) {
	switch v {
	case "1", "true":
		return true, nil
	case "", "0", "false":
		return false, nil
	}
	return false, liaison.Errorf(liaison.ErrInvalid, "%s=%.20q: want 1 or 0", name, v)
}
