package httpapi

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/liaison-project/liaison/internal/authtest"
	"github.com/liaison-project/liaison/internal/coord"
)

// mayAct reads a proposal answer's may_act, failing unless it is a list.
func mayAct(t *testing.T, what string, p map[string]any) string {
	t.Helper()
	raw, ok := p["may_act"].([]any)
	if !ok {
		t.Fatalf("%s: may_act = %#v, want a list", what, p["may_act"])
	}
	var names []string
	for _, a := range raw {
		names = append(names, a.(string))
	}
	return strings.Join(names, " ")
}

// TestProposalMayAct: GET /api/v1/proposals/{id} says which actions the
// viewer may take, as the web form offers them (coord's MayAct): a deciding
// officer and a consulted partner, on an open proposal and once it is
// blocked by an objection. Each action listed is one the act endpoint
// takes, and one left out is refused.
func TestProposalMayAct(t *testing.T) {
	ts := coordServer(t)
	code, p := call(t, ts, "GBR", "POST", "/api/v1/proposals", ProposalRequest{Title: "Tokyo office", Text: "Open it.",
		Procedure: "silence", Deadline: "2099-01-01T00:00:00Z", Deciders: []string{"DEU", "FRA", "GBR"},
		Consulted: []string{"JPN"}, Circulate: true})
	if code != http.StatusCreated {
		t.Fatalf("create: %d %v", code, p)
	}
	id := p["id"].(string)
	if got := mayAct(t, "creator's answer", p); got != "amend concur object agree-to-disagree comment withdraw" {
		t.Errorf("proposer after circulating may %q", got)
	}
	check := func(state string, want map[string]string) {
		t.Helper()
		for nation, acts := range want {
			code, got := call(t, ts, nation, "GET", "/api/v1/proposals/"+id, nil)
			if code != http.StatusOK || got["state"] != state {
				t.Fatalf("%s GET: %d, state %v; want 200, %s", nation, code, got["state"], state)
			}
			if g := mayAct(t, nation+" on "+state, got); g != acts {
				t.Errorf("%s on the %s proposal may %q, want %q", nation, state, g, acts)
			}
		}
	}
	check("circulating", map[string]string{"FRA": "concur object agree-to-disagree comment", "JPN": "comment"})
	if code, _ := call(t, ts, "JPN", "POST", "/api/v1/proposals/"+id+"/concur", nil); code != http.StatusForbidden {
		t.Errorf("JPN concur (not offered): %d, want 403", code)
	}
	code, after := call(t, ts, "FRA", "POST", "/api/v1/proposals/"+id+"/object", StepRequest{Text: "France objects"})
	if code != http.StatusOK || mayAct(t, "objector's answer", after) != "object comment" {
		t.Fatalf("FRA object: %d, may_act %v", code, after["may_act"])
	}
	check("blocked", map[string]string{"FRA": "object comment", "JPN": "comment"})
	if code, _ := call(t, ts, "FRA", "POST", "/api/v1/proposals/"+id+"/concur", nil); code != http.StatusConflict {
		t.Errorf("FRA concur on blocked (not offered): %d, want 409", code)
	}
	if code, _ := call(t, ts, "JPN", "POST", "/api/v1/proposals/"+id+"/comment", StepRequest{Text: "noted"}); code != http.StatusOK {
		t.Errorf("JPN comment (offered): %d, want 200", code)
	}
	_, list := call(t, ts, "JPN", "GET", "/api/v1/proposals", nil)
	items, _ := list["items"].([]any)
	if len(items) != 1 || mayAct(t, "JPN list item", items[0].(map[string]any)) != "comment" {
		t.Errorf("JPN list: %v", list)
	}
}

// TestProposalMayActSchema: the OpenAPI Proposal schema documents may_act,
// required, as a list of the action names the act endpoint takes.
func TestProposalMayActSchema(t *testing.T) {
	ts := coordServer(t)
	resp, body := authtest.Do(t, ts, "GBR", "GET", "/api/v1/openapi.json", nil, "")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("openapi: %d", resp.StatusCode)
	}
	var doc struct {
		Components struct {
			Schemas map[string]struct {
				Required   []string
				Properties map[string]struct {
					Type  string
					Items struct{ Enum []string }
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatal(err)
	}
	s := doc.Components.Schemas["Proposal"]
	m, ok := s.Properties["may_act"]
	if !ok || m.Type != "array" || !slices.Contains(s.Required, "may_act") {
		t.Fatalf("Proposal schema: may_act %+v (present %v), required %v", m, ok, s.Required)
	}
	var want []string
	for _, a := range coord.Actions {
		want = append(want, string(a))
	}
	if !slices.Equal(m.Items.Enum, want) {
		t.Errorf("may_act enum %v, want %v", m.Items.Enum, want)
	}
}
