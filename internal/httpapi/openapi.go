package httpapi

import (
	"net/http"
	"strconv"
	"strings"
)

// obj is a JSON object in the OpenAPI document.
type obj = map[string]any

// OpenAPI builds the OpenAPI 3.0 document of every registered API route
// (pages excluded), with the component schemas in schemas.go.
func (s *Server) OpenAPI() obj {
	paths := obj{}
	for _, rt := range s.Routes() {
		if rt.Page || rt.Method == "" {
			continue
		}
		item, _ := paths[rt.Path].(obj)
		if item == nil {
			item = obj{}
			paths[rt.Path] = item
		}
		item[strings.ToLower(rt.Method)] = operation(rt)
	}
	return obj{
		"openapi": "3.0.3",
		"info": obj{
			"title":       "Liaison API",
			"version":     s.cfg.Version,
			"description": "Open-source reporting gathered, understood and shared under markings. Every read applies the caller's nation, clearance and caveats: an item the caller may not see answers 404 exactly as a missing one.",
		},
		"servers": []obj{{"url": "/"}},
		"paths":   paths,
		"components": obj{
			"schemas": s.schemas(),
			"securitySchemes": obj{
				"bearer":  obj{"type": "http", "scheme": "bearer"},
				"session": obj{"type": "apiKey", "in": "cookie", "name": "liaison_session"},
			},
		},
		"security": []obj{{"bearer": []string{}}, {"session": []string{}}},
	}
}

// operation describes one route.
func operation(rt Route) obj {
	op := obj{"operationId": rt.OperationID, "summary": rt.Summary}
	if rt.Tag != "" {
		op["tags"] = []string{rt.Tag}
	}
	var params []obj
	for _, p := range rt.Params {
		sch := obj{"type": p.Type}
		if p.Format != "" {
			sch["format"] = p.Format
		}
		params = append(params, obj{"name": p.Name, "in": p.In, "required": p.In == "path", "description": p.Description, "schema": sch})
	}
	if params != nil {
		op["parameters"] = params
	}
	if rt.Body != "" {
		op["requestBody"] = obj{"required": true, "content": obj{"application/json": obj{"schema": ref(rt.Body)}}}
	}
	resp := obj{}
	ok := obj{"description": http.StatusText(rt.status())}
	switch {
	case rt.ContentType != "":
		ok["content"] = obj{rt.ContentType: obj{"schema": obj{"type": "string"}}}
	case rt.Response != "":
		ok["content"] = obj{"application/json": obj{"schema": ref(rt.Response)}}
	}
	resp[strconv.Itoa(rt.status())] = ok
	for _, code := range []int{400, 401, 403, 404, 409, 500} {
		resp[strconv.Itoa(code)] = obj{"description": http.StatusText(code), "content": obj{"application/json": obj{"schema": ref("Error")}}}
	}
	op["responses"] = resp
	if rt.Public {
		op["security"] = []obj{}
	}
	return op
}

func ref(name string) obj { return obj{"$ref": "#/components/schemas/" + name} }

// serveOpenAPI answers GET /api/v1/openapi.json.
func (s *Server) serveOpenAPI(w http.ResponseWriter, r *http.Request) {
	WriteJSON(w, http.StatusOK, s.OpenAPI())
}
