package httpapi

// Schema helpers for the component schemas of the OpenAPI document.
func str() obj               { return obj{"type": "string"} }
func strf(format string) obj { return obj{"type": "string", "format": format} }
func integer() obj           { return obj{"type": "integer"} }
func number() obj            { return obj{"type": "number"} }
func boolean() obj           { return obj{"type": "boolean"} }
func arr(items obj) obj      { return obj{"type": "array", "items": items} }
func object(props obj, required ...string) obj {
	o := obj{"type": "object", "properties": props}
	if len(required) > 0 {
		o["required"] = required
	}
	return o
}

// page is the schema of a page of items of the named schema.
func page(item string) obj {
	return object(obj{"items": arr(ref(item)), "next_cursor": str(), "total": integer()}, "items", "total")
}

// searchPage is a page of search hits, with the facets when asked for.
func searchPage() obj {
	p := page("SearchHit")
	p["properties"].(obj)["facets"] = ref("SearchFacets")
	return p
}

// AddSchema adds a component schema (a JSON Schema object as map[string]any)
// that routes registered by other packages reference by name.
func (s *Server) AddSchema(name string, schema map[string]any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.extraSchemas == nil {
		s.extraSchemas = obj{}
	}
	s.extraSchemas[name] = schema
}

// schemas returns the built-in component schemas and the added ones.
func (s *Server) schemas() obj {
	out := builtinSchemas()
	s.mu.Lock()
	defer s.mu.Unlock()
	for k, v := range s.extraSchemas {
		out[k] = v
	}
	return out
}

// builtinSchemas are the component schemas: the JSON forms of the root
// package's types.
func builtinSchemas() obj {
	span := obj{"start": integer(), "end": integer(), "sentence": integer(), "text": str()}
	with := func(extra obj) obj {
		o := obj{}
		for k, v := range span {
			o[k] = v
		}
		for k, v := range extra {
			o[k] = v
		}
		return object(o)
	}
	return obj{
		"Error":   object(obj{"error": object(obj{"status": integer(), "message": str()}, "status", "message")}, "error"),
		"Health":  object(obj{"status": str(), "version": str(), "time": strf("date-time")}),
		"OpenAPI": obj{"type": "object", "description": "an OpenAPI 3.0 document"},
		"Marking": object(obj{"classification": str(), "level": integer(), "rel_to": arr(str()),
			"groups": arr(str()), "caveats": arr(str())}, "classification", "level"),
		"Origin": object(obj{"node": str(), "nation": str()}),
		"Document": object(obj{"id": str(), "source": str(), "url": str(), "canonical_url": str(), "title": str(),
			"byline": str(), "published": strf("date-time"),
			"date_source": obj{"type": "string", "enum": []string{"feed", "meta", "text", "input", "fetch"}},
			"fetched":     strf("date-time"), "lang": str(), "text": str(), "content_hash": str(), "duplicate_of": str(),
			"marking": ref("Marking"), "origin": ref("Origin")}, "id", "title", "text"),
		"DocumentPage": page("Document"),
		"SearchHit":    object(obj{"document": ref("Document"), "snippet": str(), "rank": number()}),
		"SearchPage":   searchPage(),
		"FacetCount":   object(obj{"value": str(), "count": integer()}, "value", "count"),
		"LevelCount":   object(obj{"level": integer(), "name": str(), "count": integer()}, "level", "name", "count"),
		"SearchFacets": object(obj{"sources": arr(ref("FacetCount")), "months": arr(ref("FacetCount")),
			"levels": arr(ref("LevelCount")), "marking": ref("Marking")}, "sources", "months", "levels", "marking"),
		"Span": object(obj{"start": integer(), "end": integer()}),
		"Place": object(obj{"name": str(), "country": str(), "lat": number(), "lon": number(), "kind": str(),
			"bbox": arr(number())}),
		"ActorMention": with(obj{"name": str(), "code": str(), "kind": str()}),
		"PlaceMention": with(obj{"name": str(), "country": str(), "lat": number(), "lon": number(), "kind": str()}),
		"DateMention":  with(obj{"value": str(), "end_value": str()}),
		"Quote":        with(obj{"speaker": str(), "speaker_code": str()}),
		"Event": object(obj{"id": str(), "doc_id": str(), "source": str(), "target": str(), "cameo": str(),
			"cameo_name": str(), "root": str(), "quad": integer(), "goldstein": number(), "plover": str(),
			"date": str(), "place": ref("Place"), "sentence": integer(), "source_text": str(), "target_text": str(),
			"verb_text": str(), "negated": boolean(), "explain": str(), "marking": ref("Marking")}),
		"EventPage": page("Event"),
		"Extraction": object(obj{"id": str(), "sentences": arr(ref("Span")), "actors": arr(ref("ActorMention")),
			"places": arr(ref("PlaceMention")), "dates": arr(ref("DateMention")), "quotes": arr(ref("Quote")),
			"events": arr(ref("Event"))}),
		"ActorCount": object(obj{"code": str(), "name": str(), "events": integer()}),
		"ActorPage":  page("ActorCount"),
		"PlaceCount": object(obj{"name": str(), "country": str(), "lat": number(), "lon": number(), "kind": str(),
			"mentions": integer()}),
		"PlacePage": page("PlaceCount"),
		"Feed": object(obj{"id": str(), "url": str(), "title": str(),
			"every": obj{"type": "integer", "description": "polling interval in nanoseconds"}, "etag": str(),
			"last_modified": str(), "last_polled": strf("date-time"), "next_poll": strf("date-time"),
			"failures": integer(), "last_error": str(), "marking": ref("Marking")}),
		"FeedPage": page("Feed"),
		"FeedRequest": object(obj{"url": str(), "title": str(),
			"every":   obj{"type": "string", "description": "Go duration, e.g. 15m"},
			"marking": obj{"type": "string", "description": "canonical marking text"}}, "url"),
		"Stats": object(obj{"documents": integer(), "events": integer(), "actors": integer(), "places": integer(),
			"feeds": integer()}),
	}
}
