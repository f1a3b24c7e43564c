package httpapi

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/liaison-project/liaison/internal/authtest"
	"github.com/liaison-project/liaison/internal/coord"
	"github.com/liaison-project/liaison/internal/sqlite"
)

// coordServer serves the coordination API over a real store; the viewer
// is an authtest.Header spec, usually just a nation (an officer of it).
func coordServer(t *testing.T) *httptest.Server {
	t.Helper()
	ts, _ := apiServer(t, func(srv *Server, db *sqlite.DB) error {
		svc, err := coord.NewService(coord.Config{Proposals: db, Threads: db, Audit: db, Notify: &coord.Notifier{Store: db}})
		if err != nil {
			return err
		}
		srv.RegisterCoord(svc, db)
		return nil
	})
	return ts
}

func call(t *testing.T, ts *httptest.Server, nation, method, path string, body any) (int, map[string]any) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	resp, b := authtest.Do(t, ts, nation, method, path, rd, "")
	var out map[string]any
	_ = json.Unmarshal([]byte(b), &out)
	return resp.StatusCode, out
}

func TestProposalAPI(t *testing.T) {
	ts := coordServer(t)
	code, p := call(t, ts, "GBR", "POST", "/api/v1/proposals", ProposalRequest{Title: "Tokyo office", Text: "Open it.",
		Procedure: "silence", Deadline: "2099-01-01T00:00:00Z", Deciders: []string{"DEU", "FRA", "GBR"},
		Consulted: []string{"JPN"}, Circulate: true})
	if code != http.StatusCreated || p["state"] != "circulating" {
		t.Fatalf("create: %d %v", code, p)
	}
	id := p["id"].(string)
	steps := []struct {
		nation, method, path string
		body                 any
		want                 int
	}{
		{"KOR", "GET", "/api/v1/proposals/" + id, nil, 404},
		{"KOR", "POST", "/api/v1/proposals/" + id + "/comment", StepRequest{Text: "hello?"}, 404},
		{"JPN", "POST", "/api/v1/proposals/" + id + "/object", StepRequest{Text: "no"}, 403},
		{"FRA", "POST", "/api/v1/proposals/" + id + "/object", nil, 400},
		{"FRA", "POST", "/api/v1/proposals/" + id + "/dance", nil, 400},
		{"JPN", "POST", "/api/v1/proposals/" + id + "/comment", StepRequest{Text: "Japan welcomes it"}, 200},
		{"FRA", "POST", "/api/v1/proposals/" + id + "/object", StepRequest{Text: "France objects"}, 200},
		{"GBR", "POST", "/api/v1/proposals/" + id + "/circulate", nil, 409},
		{"JPN", "GET", "/api/v1/proposals?state=blocked", nil, 200},
		{"GBR", "GET", "/api/v1/proposals?state=nonsense", nil, 400},
	}
	for _, s := range steps {
		if code, body := call(t, ts, s.nation, s.method, s.path, s.body); code != s.want {
			t.Errorf("%s %s %s: %d %v, want %d", s.nation, s.method, s.path, code, body, s.want)
		}
	}
	_, got := call(t, ts, "GBR", "GET", "/api/v1/proposals/"+id, nil)
	if got["state"] != "blocked" {
		t.Fatalf("state %v", got["state"])
	}
	for nation, want := range map[string]float64{"KOR": 0, "JPN": 1, "FRA": 1} {
		_, l := call(t, ts, nation, "GET", "/api/v1/proposals", nil)
		_, ns := call(t, ts, nation, "GET", "/api/v1/notifications", nil)
		if l["total"] != want || (want == 0) != (ns["total"] == 0.0) {
			t.Errorf("%s: lists %v proposals, %v notifications", nation, l["total"], ns["total"])
		}
	}
}

func TestThreadAPI(t *testing.T) {
	ts := coordServer(t)
	code, th := call(t, ts, "FRA", "POST", "/api/v1/threads", ThreadRequest{Subject: "Tokyo", Participants: []string{"JPN"}, Text: "Bonjour"})
	if code != http.StatusCreated {
		t.Fatalf("create thread: %d %v", code, th)
	}
	id := th["id"].(string)
	if code, _ := call(t, ts, "JPN", "POST", "/api/v1/threads/"+id+"/messages", MessageRequest{Text: "Konnichiwa"}); code != 201 {
		t.Fatalf("post: %d", code)
	}
	if code, _ := call(t, ts, "KOR", "POST", "/api/v1/threads/"+id+"/messages", MessageRequest{Text: "hi"}); code != 404 {
		t.Fatalf("outsider post: %d", code)
	}
	_, ms := call(t, ts, "FRA", "GET", "/api/v1/threads/"+id+"/messages", nil)
	if ms["total"] != 2.0 {
		t.Fatalf("messages %v", ms)
	}
	if code, _ := call(t, ts, "KOR", "GET", "/api/v1/threads/"+id+"/messages", nil); code != 404 {
		t.Fatalf("outsider read: %d", code)
	}
	if _, l := call(t, ts, "KOR", "GET", "/api/v1/threads", nil); l["total"] != 0.0 {
		t.Fatalf("outsider lists %v", l)
	}
}
