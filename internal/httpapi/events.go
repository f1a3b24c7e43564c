package httpapi

import "net/http"

// listEvents answers GET /api/v1/events with the filters actor, root, from,
// to, country and doc.
func (s *Server) listEvents(w http.ResponseWriter, r *http.Request) {
	f, err := EventFilterFrom(r.URL.Query())
	if err != nil {
		WriteError(w, r, s.log, err)
		return
	}
	page, err := s.cfg.Events.Events(r.Context(), f)
	if err != nil {
		WriteError(w, r, s.log, err)
		return
	}
	page.Items = ensureSlice(page.Items)
	WriteJSON(w, http.StatusOK, page)
}

// listActors answers GET /api/v1/actors: actor codes by event count.
func (s *Server) listActors(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	limit, err := ParseLimit(q)
	if err != nil {
		WriteError(w, r, s.log, err)
		return
	}
	page, err := s.cfg.Events.Actors(r.Context(), q.Get("cursor"), limit)
	if err != nil {
		WriteError(w, r, s.log, err)
		return
	}
	page.Items = ensureSlice(page.Items)
	WriteJSON(w, http.StatusOK, page)
}

// listPlaces answers GET /api/v1/places: resolved places by mention count.
func (s *Server) listPlaces(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	limit, err := ParseLimit(q)
	if err != nil {
		WriteError(w, r, s.log, err)
		return
	}
	page, err := s.cfg.Events.Places(r.Context(), q.Get("cursor"), limit)
	if err != nil {
		WriteError(w, r, s.log, err)
		return
	}
	page.Items = ensureSlice(page.Items)
	WriteJSON(w, http.StatusOK, page)
}

// getStats answers GET /api/v1/stats: the counts the viewer may see.
func (s *Server) getStats(w http.ResponseWriter, r *http.Request) {
	st, err := s.cfg.Stats.Stats(r.Context())
	if err != nil {
		WriteError(w, r, s.log, err)
		return
	}
	WriteJSON(w, http.StatusOK, st)
}
