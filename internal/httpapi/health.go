package httpapi

import (
	"net/http"
	"time"
)

// Health is the body of /healthz.
type Health struct {
	Status  string `json:"status"`
	Version string `json:"version"`
	Time    string `json:"time"`
}

// healthz answers GET /healthz: the process is up and serving.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	WriteJSON(w, http.StatusOK, Health{Status: "ok", Version: s.cfg.Version, Time: time.Now().UTC().Format(time.RFC3339)})
}
