package httpapi

import "net/http"

// Route is one registered endpoint and what the OpenAPI document says of it.
type Route struct {
	Method string // GET, POST, DELETE…
	Path   string // ServeMux path pattern, e.g. /api/v1/documents/{id}
	// OperationID, Summary and Tag describe the route in the OpenAPI document.
	OperationID string
	Summary     string
	Tag         string
	Params      []Param
	// Body names the component schema of the JSON request body, if any.
	Body string
	// Response names the component schema of the success response; Status
	// is its code (200 when zero). ContentType defaults to application/json.
	Response    string
	Status      int
	ContentType string
	// Page marks an HTML page or other non-API route: not in the OpenAPI
	// document.
	Page bool
	// Public routes skip authentication (/healthz, the login page).
	Public bool
	// Handler serves the route. Most API routes give Answer instead.
	Handler http.Handler
	// Answer is a "parse, call" function for a JSON route: it returns the
	// value to render with Status, or the error to render through StatusOf.
	// Handle wraps it, so that rendering and the error path are written once
	// and the status served is the one the OpenAPI document states.
	Answer func(r *http.Request) (any, error)
}

// Param is a path or query parameter of a route.
type Param struct {
	Name        string
	In          string // "path" or "query"
	Type        string // "string", "integer"
	Format      string // "date", …
	Description string
}

// Pattern is the ServeMux pattern of the route: "METHOD /path".
func (rt Route) Pattern() string {
	if rt.Method == "" {
		return rt.Path
	}
	return rt.Method + " " + rt.Path
}

// status is the route's success status code.
func (rt Route) status() int {
	if rt.Status == 0 {
		return http.StatusOK
	}
	return rt.Status
}
