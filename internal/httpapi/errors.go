package httpapi

import (
	"errors"
	"log/slog"
	"net/http"

	"github.com/liaison-project/liaison"
)

// StatusOf is the one mapping of errors to HTTP status codes and the message
// a client may see. Errors that wrap no domain sentinel are internal: the
// client gets a generic message and the details go to the log only.
func StatusOf(err error) (int, string) {
	switch {
	case errors.Is(err, liaison.ErrNotFound):
		return http.StatusNotFound, err.Error()
	case errors.Is(err, liaison.ErrInvalid):
		return http.StatusBadRequest, err.Error()
	case errors.Is(err, liaison.ErrForbidden):
		return http.StatusForbidden, err.Error()
	case errors.Is(err, liaison.ErrUnauthorized):
		return http.StatusUnauthorized, err.Error()
	case errors.Is(err, liaison.ErrConflict), errors.Is(err, liaison.ErrDuplicate):
		return http.StatusConflict, err.Error()
	default:
		return http.StatusInternalServerError, "internal error"
	}
}

// ErrorBody is the JSON shape of every error response.
type ErrorBody struct {
	Error ErrorDetail `json:"error"`
}

// ErrorDetail is the status and the client-safe message of an error.
type ErrorDetail struct {
	Status  int    `json:"status"`
	Message string `json:"message"`
}

// WriteError answers a JSON error for err, logging internal errors.
func WriteError(w http.ResponseWriter, r *http.Request, log *slog.Logger, err error) {
	status, msg := StatusOf(err)
	if status == http.StatusInternalServerError && log != nil {
		log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	WriteJSON(w, status, ErrorBody{Error: ErrorDetail{Status: status, Message: msg}})
}
