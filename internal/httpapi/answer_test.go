package httpapi

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
)

// TestAnswerRendersResultOrError checks the one adapter every JSON route
// goes through: the value with the route's status, no body for 204, and
// errors through StatusOf (internal ones with a generic message).
func TestAnswerRendersResultOrError(t *testing.T) {
	tests := []struct {
		name     string
		status   int
		v        any
		err      error
		wantCode int
		wantBody string
	}{
		{"value", http.StatusCreated, map[string]int{"n": 7}, nil, http.StatusCreated, `"n": 7`},
		{"no content", http.StatusNoContent, map[string]int{"n": 7}, nil, http.StatusNoContent, ""},
		{"domain error", http.StatusOK, nil, liaison.Errorf(liaison.ErrNotFound, "proposal %q", "p1"), http.StatusNotFound, `proposal \"p1\"`},
		{"internal error", http.StatusCreated, nil, errors.New("disk on fire"), http.StatusInternalServerError, "internal error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := answer(nil, tt.status, func(*http.Request) (any, error) { return tt.v, tt.err })
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", "/x", nil))
			body := rec.Body.String()
			if rec.Code != tt.wantCode {
				t.Errorf("status %d, want %d", rec.Code, tt.wantCode)
			}
			if tt.wantBody == "" && body != "" || !strings.Contains(body, tt.wantBody) {
				t.Errorf("body %q, want %q", body, tt.wantBody)
			}
			if strings.Contains(body, "disk on fire") {
				t.Errorf("internal error leaked: %s", body)
			}
		})
	}
}

// TestHandleServesRouteStatus checks that a route given as Answer is served
// with the status its OpenAPI description states.
func TestHandleServesRouteStatus(t *testing.T) {
	s, _, _ := fixture(t, &reader)
	s.Handle(Route{Method: "POST", Path: "/api/v1/answer-test", OperationID: "answerTest", Status: http.StatusAccepted,
		Answer: func(*http.Request) (any, error) { return []string{"ok"}, nil }})
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("POST", "/api/v1/answer-test", nil))
	if rec.Code != http.StatusAccepted || !strings.Contains(rec.Body.String(), `"ok"`) {
		t.Fatalf("got %d %s, want 202 with the answer", rec.Code, rec.Body.String())
	}
}
