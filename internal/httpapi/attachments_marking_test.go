package httpapi

import (
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

const (
	parentMk = "NATO RESTRICTED // REL TO DEU, FRA, GBR, JPN"
	annexMk  = "NATO CONFIDENTIAL // REL TO FRA, GBR"
	canary   = "CANARY-ANNEX-7f3a"
)

func proposalWith(atts []AttachmentRequest) ProposalRequest {
	return ProposalRequest{Title: "Tokyo office", Text: "Open it.", Procedure: "silence", Deadline: "2099-01-01T00:00:00Z",
		Deciders: []string{"DEU", "FRA", "GBR"}, Consulted: []string{"JPN"}, Marking: parentMk, Circulate: true, Attachments: atts}
}

// TestAttachmentOwnMarkingAPI: an attachment's own marking is parsed from
// text and checked against the parent's (400 when looser), the JSON of a
// viewer who may not see it holds no trace of it (name, bytes, marking,
// position), its download answers exactly as a position past the end, and
// the download of a visible one sends its own marking.
func TestAttachmentOwnMarkingAPI(t *testing.T) {
	ts, _ := attachmentServer(t)
	open := AttachmentRequest{Name: "open.txt", Data: []byte("open bytes")}
	tail := AttachmentRequest{Name: "tail.txt", Data: []byte("tail bytes")}
	annex := AttachmentRequest{Name: "annex-" + canary + ".txt", Data: []byte(canary), Marking: annexMk}
	for _, bad := range []string{"NATO UNCLASSIFIED // REL TO GBR", "NATO RESTRICTED // REL TO DEU, FRA, GBR, JPN, KOR", "NATO SECRET"} {
		code, body := call(t, ts, "GBR", "POST", "/api/v1/proposals",
			proposalWith([]AttachmentRequest{open, {Name: "loose.txt", Data: []byte("x"), Marking: bad}}))
		e, _ := body["error"].(map[string]any)
		if msg, _ := e["message"].(string); code != http.StatusBadRequest || !strings.Contains(msg, `attachment "loose.txt"`) || !strings.Contains(msg, "less restricted") {
			t.Errorf("looser %q: %d %v", bad, code, body)
		}
	}
	if code, body := call(t, ts, "GBR", "POST", "/api/v1/proposals",
		proposalWith([]AttachmentRequest{{Name: "x", Data: []byte("x"), Marking: "NOT A MARKING"}})); code != http.StatusBadRequest {
		t.Errorf("unparsable marking: %d %v", code, body)
	}
	code, p := call(t, ts, "GBR", "POST", "/api/v1/proposals", proposalWith([]AttachmentRequest{open, annex, tail}))
	if code != http.StatusCreated {
		t.Fatalf("create: %d %v", code, p)
	}
	code, twin := call(t, ts, "GBR", "POST", "/api/v1/proposals", proposalWith([]AttachmentRequest{open, tail}))
	if code != http.StatusCreated {
		t.Fatalf("create twin: %d %v", code, twin)
	}
	id, twinID := p["id"].(string), twin["id"].(string)
	base := "/api/v1/proposals/" + id
	for _, c := range []struct {
		nation string
		names  []string
	}{{"GBR", []string{"open.txt", annex.Name, "tail.txt"}}, {"FRA", []string{"open.txt", annex.Name, "tail.txt"}},
		{"JPN", []string{"open.txt", "tail.txt"}}, {"DEU", []string{"open.txt", "tail.txt"}}} {
		for _, path := range []string{base, "/api/v1/proposals"} {
			r := fetch(t, ts, c.nation, "", path)
			seen := len(c.names) == 3
			if r.code != 200 || strings.Contains(r.body, canary) != seen || strings.Contains(r.body, base64.StdEncoding.EncodeToString([]byte(canary))) != seen ||
				strings.Contains(r.body, "NATO CONFIDENTIAL") != seen || strings.Contains(r.body, base+"/attachments/2") != seen {
				t.Errorf("%s GET %s: %d, trace of the annex %v expected: %s", c.nation, path, r.code, seen, r.body)
			}
		}
		for i, name := range c.names {
			r := fetch(t, ts, c.nation, "", base+"/attachments/"+strconv.Itoa(i))
			wantMk := parentMk
			if name == annex.Name {
				wantMk = annexMk
			}
			if r.code != 200 || !strings.Contains(r.header.Get("Content-Disposition"), strings.TrimSuffix(name, ".txt")) ||
				r.header.Get(MarkingHeader) != wantMk {
				t.Errorf("%s downloads %d: %d %v", c.nation, i, r.code, r.header)
			}
		}
		// Past the last visible: byte for byte the answer of the twin
		// proposal that never had the annex.
		n := strconv.Itoa(len(c.names))
		got := fetch(t, ts, c.nation, "", base+"/attachments/"+n)
		want := fetch(t, ts, c.nation, "", "/api/v1/proposals/"+twinID+"/attachments/"+n)
		if got.code != 404 || got.code != want.code || got.body != strings.ReplaceAll(want.body, twinID, id) ||
			got.header.Get("Content-Type") != want.header.Get("Content-Type") || got.header.Get("Content-Length") != want.header.Get("Content-Length") {
			t.Errorf("%s attachment %s: %d %q; twin %d %q", c.nation, n, got.code, got.body, want.code, want.body)
		}
	}
}

// TestMessageAttachmentOwnMarkingAPI: the same for a message's attachment.
func TestMessageAttachmentOwnMarkingAPI(t *testing.T) {
	ts, _ := attachmentServer(t)
	code, th := call(t, ts, "GBR", "POST", "/api/v1/threads", ThreadRequest{Subject: "Talks", Participants: []string{"FRA", "JPN"}, Marking: parentMk})
	if code != http.StatusCreated {
		t.Fatalf("open: %d %v", code, th)
	}
	tid := th["id"].(string)
	if code, body := call(t, ts, "GBR", "POST", "/api/v1/threads/"+tid+"/messages", MessageRequest{Text: "m", Marking: parentMk,
		Attachments: []AttachmentRequest{{Name: "loose.txt", Data: []byte("x"), Marking: "NATO UNCLASSIFIED"}}}); code != http.StatusBadRequest {
		t.Errorf("looser: %d %v", code, body)
	}
	code, m := call(t, ts, "GBR", "POST", "/api/v1/threads/"+tid+"/messages", MessageRequest{Text: "m", Marking: parentMk,
		Attachments: []AttachmentRequest{{Name: "annex.txt", Data: []byte(canary), Marking: annexMk}, {Name: "open.txt", Data: []byte("open")}}})
	if code != http.StatusCreated {
		t.Fatalf("post: %d %v", code, m)
	}
	mbase := "/api/v1/threads/" + tid + "/messages/" + m["id"].(string) + "/attachments/"
	for nation, seen := range map[string]bool{"GBR": true, "FRA": true, "JPN": false} {
		r := fetch(t, ts, nation, "", "/api/v1/threads/"+tid+"/messages")
		if r.code != 200 || strings.Contains(r.body, "annex.txt") != seen || strings.Contains(r.body, mbase+"1") != seen || !strings.Contains(r.body, "open.txt") {
			t.Errorf("%s lists messages: %d %s", nation, r.code, r.body)
		}
		d := fetch(t, ts, nation, "", mbase+"0")
		if wantMk, wantBody := map[bool]string{true: annexMk, false: parentMk}[seen], map[bool]string{true: canary, false: "open"}[seen]; d.code != 200 ||
			d.body != wantBody || d.header.Get(MarkingHeader) != wantMk {
			t.Errorf("%s downloads 0: %d %q %v", nation, d.code, d.body, d.header.Get(MarkingHeader))
		}
	}
}
