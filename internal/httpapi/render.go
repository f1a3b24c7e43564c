package httpapi

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
)

// Paging limits of every list endpoint.
const (
	DefaultLimit = 50
	MaxLimit     = 500
	maxBodyBytes = 1 << 20
)

// WriteJSON answers v as JSON with the given status.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v) // the client went away; nothing to do
}

// DecodeJSON reads a JSON request body of at most 1 MiB into v, rejecting
// unknown fields.
func DecodeJSON(r *http.Request, v any) error {
	dec := json.NewDecoder(io.LimitReader(r.Body, maxBodyBytes))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return liaison.Errorf(liaison.ErrInvalid, "request body: %v", err)
	}
	return nil
}

// ParseLimit reads the "limit" query parameter: DefaultLimit when absent,
// an error when not an integer in 1..MaxLimit.
func ParseLimit(q url.Values) (int, error) {
	s := q.Get("limit")
	if s == "" {
		return DefaultLimit, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > MaxLimit {
		return 0, liaison.Errorf(liaison.ErrInvalid, "limit %q: want an integer from 1 to %d", s, MaxLimit)
	}
	return n, nil
}

// ParseDate reads a date query parameter given as YYYY-MM-DD or RFC 3339;
// zero when absent.
func ParseDate(q url.Values, name string) (time.Time, error) {
	s := strings.TrimSpace(q.Get(name))
	if s == "" {
		return time.Time{}, nil
	}
	return ParseTime(name, s)
}

// ParseDateEnd reads the end of a range given as a date (YYYY-MM-DD: the
// whole day is included, so the exclusive end is the next midnight) or an
// RFC 3339 time (exclusive); zero when absent.
func ParseDateEnd(q url.Values, name string) (time.Time, error) {
	s := strings.TrimSpace(q.Get(name))
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t.AddDate(0, 0, 1), nil
	}
	return ParseTime(name, s)
}

// ParseTime parses a date (YYYY-MM-DD) or an RFC 3339 time, naming the input
// in the error.
func ParseTime(name, s string) (time.Time, error) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC(), nil
	}
	return time.Time{}, liaison.Errorf(liaison.ErrInvalid, "%s %q: want a date YYYY-MM-DD or an RFC 3339 time", name, s)
}

// EventFilterFrom reads an event filter from query parameters: actor, root,
// from, to, country, doc, cursor, limit.
func EventFilterFrom(q url.Values) (liaison.EventFilter, error) {
	f := liaison.EventFilter{
		Actor:   strings.ToUpper(strings.TrimSpace(q.Get("actor"))),
		Root:    strings.TrimSpace(q.Get("root")),
		Country: strings.ToUpper(strings.TrimSpace(q.Get("country"))),
		DocID:   strings.TrimSpace(q.Get("doc")),
		Cursor:  q.Get("cursor"),
	}
	var err error
	if f.Limit, err = ParseLimit(q); err != nil {
		return f, err
	}
	if f.From, err = ParseDate(q, "from"); err != nil {
		return f, err
	}
	if f.To, err = ParseDate(q, "to"); err != nil {
		return f, err
	}
	if f.Root != "" {
		if len(f.Root) == 1 {
			f.Root = "0" + f.Root
		}
		if n, err := strconv.Atoi(f.Root); err != nil || len(f.Root) != 2 || n < 1 || n > 20 {
			return f, liaison.Errorf(liaison.ErrInvalid, "root %q: want a CAMEO root code 01 to 20", q.Get("root"))
		}
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		return f, liaison.Errorf(liaison.ErrInvalid, "to %s is before from %s", q.Get("to"), q.Get("from"))
	}
	return f, nil
}

// EventQuery is EventFilterFrom for the API and the web's events page,
// which also refuse (ErrInvalid) a country that is not an ISO 3166 alpha-3
// code, as the CLI does with its own flag's name: such a filter matches
// nothing, and an empty list would read as "no events there".
func EventQuery(q url.Values) (liaison.EventFilter, error) {
	f, err := EventFilterFrom(q)
	if err == nil && f.Country != "" && !isAlpha3(f.Country) {
		err = liaison.Errorf(liaison.ErrInvalid, "country %q: want an ISO 3166 alpha-3 country code (e.g. LTU)", q.Get("country"))
	}
	return f, err
}

// isAlpha3 reports whether s has the shape of an ISO 3166 alpha-3 code:
// three letters A to Z (upper case, as EventFilterFrom leaves it). A
// filter of another shape matches nothing, so it is refused rather than
// answered with an empty list the user may take for "no events there".
func isAlpha3(s string) bool {
	if len(s) != 3 {
		return false
	}
	for _, c := range []byte(s) {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// pathID reads a non-empty path value.
func pathID(r *http.Request, name string) (string, error) {
	v := strings.TrimSpace(r.PathValue(name))
	if v == "" {
		return "", liaison.Errorf(liaison.ErrInvalid, "%s: empty", name)
	}
	return v, nil
}

// ensureSlice returns an empty slice rather than nil so JSON shows [].
func ensureSlice[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// answer renders the result of a "parse, call" function: the value as JSON
// with status (no body for 204 No Content), or the error through WriteError
// and so the one StatusOf mapping.
func answer(log *slog.Logger, status int, call func(*http.Request) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v, err := call(r)
		switch {
		case err != nil:
			WriteError(w, r, log, err)
		case status == http.StatusNoContent:
			w.WriteHeader(status)
		default:
			WriteJSON(w, status, v)
		}
	}
}

// itemList is the {"items": […], "total": n} body of the unpaged lists.
func itemList[T any](items []T) map[string]any {
	return map[string]any{"items": ensureSlice(items), "total": len(items)}
}

// pageAnswer is the answer of a paged list: its items render as [] rather
// than null when there are none.
func pageAnswer[T any](page liaison.Page[T], err error) (any, error) {
	if err != nil {
		return nil, err
	}
	page.Items = ensureSlice(page.Items)
	return page, nil
}
