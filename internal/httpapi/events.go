package httpapi

import "net/http"

// listEvents answers GET /api/v1/events with the filters actor, root, from,
// to, country and doc.
func (s *Server) listEvents(r *http.Request) (any, error) {
	f, err := EventQuery(r.URL.Query())
	if err != nil {
		return nil, err
	}
	return pageAnswer(s.cfg.Events.Events(r.Context(), f))
}

// listActors answers GET /api/v1/actors: actor codes by event count.
func (s *Server) listActors(r *http.Request) (any, error) {
	q := r.URL.Query()
	limit, err := ParseLimit(q)
	if err != nil {
		return nil, err
	}
	return pageAnswer(s.cfg.Events.Actors(r.Context(), q.Get("cursor"), limit))
}

// listPlaces answers GET /api/v1/places: resolved places by mention count.
func (s *Server) listPlaces(r *http.Request) (any, error) {
	q := r.URL.Query()
	limit, err := ParseLimit(q)
	if err != nil {
		return nil, err
	}
	return pageAnswer(s.cfg.Events.Places(r.Context(), q.Get("cursor"), limit))
}

// getStats answers GET /api/v1/stats: the counts the viewer may see.
func (s *Server) getStats(r *http.Request) (any, error) {
	return s.cfg.Stats.Stats(r.Context())
}
