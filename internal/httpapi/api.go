package httpapi

import "net/http"

// Common parameters of the list endpoints.
var (
	pCursor = Param{Name: "cursor", In: "query", Type: "string", Description: "opaque cursor from the previous page's next_cursor"}
	pLimit  = Param{Name: "limit", In: "query", Type: "integer", Description: "page size, 1 to 500 (default 50)"}
	pID     = Param{Name: "id", In: "path", Type: "string", Description: "item id"}
	pFrom   = Param{Name: "from", In: "query", Type: "string", Format: "date", Description: "earliest date (YYYY-MM-DD or RFC 3339)"}
	pTo     = Param{Name: "to", In: "query", Type: "string", Format: "date", Description: "latest date, included (YYYY-MM-DD)"}
)

// registerAPI registers the built-in API routes.
func (s *Server) registerAPI() {
	api := []Route{
		{Method: "GET", Path: "/api/v1/documents", OperationID: "listDocuments", Tag: "documents",
			Summary:  "List documents, newest first",
			Params:   []Param{{Name: "source", In: "query", Type: "string", Description: "only this source"}, pFrom, pTo, pCursor, pLimit},
			Response: "DocumentPage", Answer: s.listDocuments},
		{Method: "GET", Path: "/api/v1/documents/{id}", OperationID: "getDocument", Tag: "documents",
			Summary: "Get one document", Params: []Param{pID}, Response: "Document", Answer: s.getDocument},
		{Method: "GET", Path: "/api/v1/documents/{id}/extraction", OperationID: "getExtraction", Tag: "documents",
			Summary: "Get what was extracted from a document: sentences, actors, places, dates, quotes, events",
			Params:  []Param{pID}, Response: "Extraction", Answer: s.getExtraction},
		{Method: "GET", Path: "/api/v1/search", OperationID: "search", Tag: "search",
			Summary: "Full-text search: words, \"phrases\", prefix*; snippets mark matches with [[ ]]",
			Params: []Param{{Name: "q", In: "query", Type: "string", Description: "query"}, pCursor, pLimit,
				{Name: "facets", In: "query", Type: "integer", Description: "1: also count all visible hits by source, month and level (facets)"},
				{Name: "source", In: "query", Type: "string", Description: "only hits from this source"},
				{Name: "month", In: "query", Type: "string", Description: "only hits published in this month, YYYY-MM (UTC)"}},
			Response: "SearchPage", Answer: s.search},
		{Method: "GET", Path: "/api/v1/events", OperationID: "listEvents", Tag: "events",
			Summary: "List coded events",
			Params: []Param{
				{Name: "actor", In: "query", Type: "string", Description: "source or target actor code prefix, e.g. JPN"},
				{Name: "root", In: "query", Type: "string", Description: "CAMEO root code, 01 to 20"},
				pFrom, pTo,
				{Name: "country", In: "query", Type: "string", Description: "ISO 3166 alpha-3 code of the event's place (e.g. LTU); any other shape answers 400"},
				{Name: "doc", In: "query", Type: "string", Description: "only events of this document"},
				pCursor, pLimit},
			Response: "EventPage", Answer: s.listEvents},
		{Method: "GET", Path: "/api/v1/actors", OperationID: "listActors", Tag: "events",
			Summary: "Actor codes by number of events", Params: []Param{pCursor, pLimit},
			Response: "ActorPage", Answer: s.listActors},
		{Method: "GET", Path: "/api/v1/places", OperationID: "listPlaces", Tag: "events",
			Summary: "Resolved places by number of mentions", Params: []Param{pCursor, pLimit},
			Response: "PlacePage", Answer: s.listPlaces},
		{Method: "GET", Path: "/api/v1/feeds", OperationID: "listFeeds", Tag: "feeds",
			Summary: "List subscribed feeds", Response: "FeedPage", Answer: s.listFeeds},
		{Method: "POST", Path: "/api/v1/feeds", OperationID: "addFeed", Tag: "feeds",
			Summary: "Subscribe a feed (analyst or above)", Body: "FeedRequest", Response: "Feed",
			Status: http.StatusCreated, Answer: s.addFeed},
		{Method: "DELETE", Path: "/api/v1/feeds/{id}", OperationID: "deleteFeed", Tag: "feeds",
			Summary: "Unsubscribe a feed by id or URL (analyst or above)", Params: []Param{pID},
			Status: http.StatusNoContent, Answer: s.deleteFeed},
		{Method: "GET", Path: "/api/v1/stats", OperationID: "getStats", Tag: "meta",
			Summary: "Counts of the items the viewer may see", Response: "Stats", Answer: s.getStats},
		{Method: "GET", Path: "/api/v1/openapi.json", OperationID: "getOpenAPI", Tag: "meta",
			Summary: "This document", Response: "OpenAPI", Handler: http.HandlerFunc(s.serveOpenAPI)},
		{Method: "GET", Path: "/healthz", OperationID: "healthz", Tag: "meta", Public: true,
			Summary: "Liveness", Response: "Health", Handler: http.HandlerFunc(s.healthz)},
		{Method: "GET", Path: "/metrics", OperationID: "metrics", Tag: "meta",
			Summary: "Prometheus metrics (text exposition format); administrators only", ContentType: "text/plain",
			Handler: http.HandlerFunc(s.serveMetrics)},
		{Path: "/api/", Page: true, Handler: http.HandlerFunc(s.apiNotFound)},
	}
	for _, rt := range api {
		s.Handle(rt)
	}
	s.registerTimeline()
}

// apiNotFound answers unknown API paths with a JSON 404.
func (s *Server) apiNotFound(w http.ResponseWriter, r *http.Request) {
	WriteJSON(w, http.StatusNotFound, ErrorBody{Error: ErrorDetail{Status: http.StatusNotFound, Message: "no such endpoint: " + r.Method + " " + r.URL.Path}})
}
