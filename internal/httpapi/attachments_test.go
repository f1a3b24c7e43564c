package httpapi

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/authtest"
	"github.com/liaison-project/liaison/internal/coord"
	"github.com/liaison-project/liaison/internal/sqlite"
)

// attachmentServer serves the coordination API over a real store. The
// viewer is an officer of the nation fetch is given, with clearance 4 or
// the one given; without a nation the request is unauthenticated (401).
func attachmentServer(t *testing.T) (*httptest.Server, *coord.Service) {
	t.Helper()
	var svc *coord.Service
	ts, _ := apiServer(t, func(srv *Server, db *sqlite.DB) (err error) {
		if svc, err = coord.NewService(coord.Config{Proposals: db, Threads: db}); err == nil {
			srv.RegisterCoord(svc, db)
		}
		return err
	})
	return ts, svc
}

func officer(nation string) context.Context {
	return liaison.WithViewer(context.Background(), liaison.Viewer{Nation: nation, Role: liaison.RoleOfficer, Clearance: 4})
}

// attFixture is what TestAttachmentDownloads stores.
type attFixture struct {
	prop, draft, secret, thread, open, restricted string
}

func seedAttachments(t *testing.T, svc *coord.Service) attFixture {
	t.Helper()
	restricted := liaison.Marking{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"DEU", "FRA", "GBR", "JPN"}}
	p, err := svc.Create(officer("GBR"), coord.Draft{Title: "Tokyo office", Text: "Open it.", Procedure: liaison.ProcedureSilence,
		Deciders: []string{"DEU", "FRA", "GBR"}, Consulted: []string{"JPN"}, Marking: restricted, Deadline: time.Now().Add(48 * time.Hour),
		Attachments: []liaison.Attachment{
			{Name: "plan.txt", MediaType: "text/plain; charset=utf-8", Data: []byte("Tokyo plan")},
			{Name: "cited", Ref: "document:01ABC"},
			{Name: "../../etc/pass\"wd\r\n.txt", Data: []byte("odd name")},
			{Name: "résumé 東京.pdf", MediaType: "not a type", Data: []byte("%PDF")},
		}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Act(officer("GBR"), p.ID, coord.Step{Action: coord.ActCirculate}); err != nil {
		t.Fatal(err)
	}
	d, err := svc.Create(officer("GBR"), coord.Draft{Title: "Draft", Text: "Not yet.", Procedure: liaison.ProcedureSilence,
		Deciders: []string{"FRA", "GBR"}, Attachments: []liaison.Attachment{{Name: "draft.txt", Data: []byte("draft bytes")}}})
	if err != nil {
		t.Fatal(err)
	}
	conf := liaison.Marking{Classification: "NATO CONFIDENTIAL", Level: 3, RelTo: []string{"DEU", "FRA"}}
	s, err := svc.Create(officer("FRA"), coord.Draft{Title: "Secret", Text: "Eyes only.", Procedure: liaison.ProcedureSilence,
		Deciders: []string{"DEU", "FRA"}, Marking: conf, Attachments: []liaison.Attachment{{Name: "c.txt", Data: []byte("conf bytes")}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Act(officer("FRA"), s.ID, coord.Step{Action: coord.ActCirculate, Deadline: time.Now().Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	thMark := liaison.Marking{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"DEU", "FRA", "JPN"}}
	th, err := svc.OpenThread(officer("FRA"), coord.NewThread{Subject: "Talks", Participants: []string{"DEU", "JPN"}, Marking: thMark})
	if err != nil {
		t.Fatal(err)
	}
	m1, err := svc.Post(officer("FRA"), th.ID, "For all", thMark, []liaison.Attachment{{Name: "all.txt", Data: []byte("for all")}})
	if err != nil {
		t.Fatal(err)
	}
	m2, err := svc.Post(officer("DEU"), th.ID, "Between us", conf, []liaison.Attachment{{Name: "us.txt", Data: []byte("between us")}})
	if err != nil {
		t.Fatal(err)
	}
	return attFixture{prop: p.ID, draft: d.ID, secret: s.ID, thread: th.ID, open: m1.ID, restricted: m2.ID}
}

type attResp struct {
	code   int
	header http.Header
	body   string
}

func fetch(t *testing.T, ts *httptest.Server, nation, clearance, path string) attResp {
	t.Helper()
	viewer := nation
	if nation != "" && clearance != "" {
		viewer = nation + "-officer-" + clearance
	}
	resp, b := authtest.Do(t, ts, viewer, "GET", path, nil, "")
	return attResp{resp.StatusCode, resp.Header, b}
}

func TestAttachmentDownloads(t *testing.T) {
	ts, svc := attachmentServer(t)
	f := seedAttachments(t, svc)
	pa := func(id, n string) string { return "/api/v1/proposals/" + id + "/attachments/" + n }
	ma := func(th, m, n string) string { return "/api/v1/threads/" + th + "/messages/" + m + "/attachments/" + n }
	for _, c := range []struct {
		name, nation, clr, path string
		code                    int
		body                    string
	}{
		{"proposer", "GBR", "", pa(f.prop, "0"), 200, "Tokyo plan"},
		{"consulted partner", "JPN", "", pa(f.prop, "0"), 200, "Tokyo plan"},
		{"decider, odd name", "DEU", "", pa(f.prop, "2"), 200, "odd name"},
		{"non-participant", "KOR", "", pa(f.prop, "0"), 404, ""},
		{"clearance too low", "JPN", "1", pa(f.prop, "0"), 404, ""},
		{"reference without data", "GBR", "", pa(f.prop, "1"), 404, ""},
		{"position out of range", "GBR", "", pa(f.prop, "9"), 404, ""},
		{"missing proposal", "GBR", "", pa(liaison.NewID(time.Now()), "0"), 404, ""},
		{"negative position", "GBR", "", pa(f.prop, "-1"), 400, ""},
		{"position not a number", "GBR", "", pa(f.prop, "x"), 400, ""},
		{"unauthenticated", "", "", pa(f.prop, "0"), 401, ""},
		{"draft, proposer", "GBR", "", pa(f.draft, "0"), 200, "draft bytes"},
		{"draft, decider", "FRA", "", pa(f.draft, "0"), 404, ""},
		{"confidential, not released to", "GBR", "", pa(f.secret, "0"), 404, ""},
		{"confidential, released to", "DEU", "", pa(f.secret, "0"), 200, "conf bytes"},
		{"message, participant", "JPN", "", ma(f.thread, f.open, "0"), 200, "for all"},
		{"restricted message, excluded participant", "JPN", "", ma(f.thread, f.restricted, "0"), 404, ""},
		{"restricted message, released to", "DEU", "", ma(f.thread, f.restricted, "0"), 200, "between us"},
		{"message, non-participant", "KOR", "", ma(f.thread, f.open, "0"), 404, ""},
		{"message under another thread", "FRA", "", ma(f.prop, f.open, "0"), 404, ""},
		{"message, unauthenticated", "", "", ma(f.thread, f.open, "0"), 401, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := fetch(t, ts, c.nation, c.clr, c.path)
			if r.code != c.code || (c.body != "" && r.body != c.body) {
				t.Fatalf("GET %s as %s = %d %q; want %d %q", c.path, c.nation, r.code, r.body, c.code, c.body)
			}
			if c.code == 200 {
				if h := r.header.Get("X-Content-Type-Options"); h != "nosniff" {
					t.Errorf("nosniff: %q", h)
				}
				if !strings.HasPrefix(r.header.Get("Content-Disposition"), `attachment; filename="`) || r.header.Get(MarkingHeader) == "" {
					t.Errorf("headers %v", r.header)
				}
			}
			if c.code == 404 {
				sameAsMissingParent(t, ts, c.nation, c.path, r, f)
			}
			if c.code != 200 && (strings.Contains(r.body, "bytes") || strings.Contains(r.body, "plan") || strings.Contains(r.body, ".txt")) {
				t.Errorf("error body shows content: %q", r.body)
			}
		})
	}
}

// sameAsMissingParent checks a 404 is byte for byte the answer for the same
// path with every stored id replaced by a fresh one.
func sameAsMissingParent(t *testing.T, ts *httptest.Server, nation, path string, got attResp, f attFixture) {
	t.Helper()
	ids := []string{f.prop, f.draft, f.secret, f.thread, f.open, f.restricted}
	fresh := make([]string, len(ids))
	twin, norm := path, got.body
	for i, id := range ids {
		fresh[i] = liaison.NewID(time.Now()) + strconv.Itoa(i)
		twin = strings.ReplaceAll(twin, id, fresh[i])
		norm = strings.ReplaceAll(norm, id, "{ID"+strconv.Itoa(i)+"}")
	}
	m := fetch(t, ts, nation, "", twin)
	mnorm := m.body
	for i, id := range fresh {
		mnorm = strings.ReplaceAll(mnorm, id, "{ID"+strconv.Itoa(i)+"}")
	}
	if m.code != got.code || mnorm != norm || m.header.Get("Content-Type") != got.header.Get("Content-Type") {
		t.Errorf("GET %s = %d %q; a missing parent = %d %q", path, got.code, norm, m.code, mnorm)
	}
}

func TestAttachmentHeaders(t *testing.T) {
	ts, svc := attachmentServer(t)
	f := seedAttachments(t, svc)
	for _, c := range []struct {
		nation, path            string
		ctype, disp, markingTxt string
	}{
		{"GBR", "/api/v1/proposals/" + f.prop + "/attachments/0", "text/plain; charset=utf-8",
			`attachment; filename="plan.txt"`, "NATO RESTRICTED // REL TO DEU, FRA, GBR, JPN"},
		{"GBR", "/api/v1/proposals/" + f.prop + "/attachments/2", "application/octet-stream",
			`attachment; filename="passwd.txt"`, "NATO RESTRICTED // REL TO DEU, FRA, GBR, JPN"},
		{"GBR", "/api/v1/proposals/" + f.prop + "/attachments/3", "application/octet-stream",
			`attachment; filename="r_sum_ __.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%E6%9D%B1%E4%BA%AC.pdf`,
			"NATO RESTRICTED // REL TO DEU, FRA, GBR, JPN"},
		{"GBR", "/api/v1/proposals/" + f.draft + "/attachments/0", "application/octet-stream",
			`attachment; filename="draft.txt"`, "UNMARKED"},
		// The stricter of the thread's and the message's markings.
		{"DEU", "/api/v1/threads/" + f.thread + "/messages/" + f.restricted + "/attachments/0", "application/octet-stream",
			`attachment; filename="us.txt"`, "NATO CONFIDENTIAL // REL TO DEU, FRA"},
	} {
		r := fetch(t, ts, c.nation, "", c.path)
		if r.code != 200 {
			t.Fatalf("GET %s = %d %s", c.path, r.code, r.body)
		}
		for h, want := range map[string]string{"Content-Type": c.ctype, "Content-Disposition": c.disp, MarkingHeader: c.markingTxt,
			"X-Content-Type-Options": "nosniff", "Cache-Control": "private, no-store",
			"Content-Security-Policy": "default-src 'none'; sandbox", "Content-Length": strconv.Itoa(len(r.body))} {
			if got := r.header.Get(h); got != want {
				t.Errorf("GET %s: %s = %q; want %q", c.path, h, got, want)
			}
		}
	}
}

func TestAttachmentURLsInJSON(t *testing.T) {
	ts, svc := attachmentServer(t)
	f := seedAttachments(t, svc)
	var p struct {
		Attachments []struct {
			Name string `json:"name"`
			Data []byte `json:"data"`
			Ref  string `json:"ref"`
			URL  string `json:"url"`
		} `json:"attachments"`
		Title string `json:"title"`
	}
	r := fetch(t, ts, "JPN", "", "/api/v1/proposals/"+f.prop)
	if err := json.Unmarshal([]byte(r.body), &p); err != nil || r.code != 200 || len(p.Attachments) != 4 || p.Title != "Tokyo office" {
		t.Fatalf("proposal: %d %v %.300s", r.code, err, r.body)
	}
	for i, a := range p.Attachments {
		want := ""
		if a.Ref == "" {
			want = "/api/v1/proposals/" + f.prop + "/attachments/" + strconv.Itoa(i)
		}
		if a.URL != want || (a.Ref == "" && len(a.Data) == 0) {
			t.Errorf("attachment %d %q: url %q, %d bytes inline; want url %q", i, a.Name, a.URL, len(a.Data), want)
		}
		if a.URL != "" {
			if d := fetch(t, ts, "JPN", "", a.URL); d.code != 200 || d.body != string(a.Data) {
				t.Errorf("download %s = %d %q; inline %q", a.URL, d.code, d.body, a.Data)
			}
		}
	}
}

func TestAttachmentURLsInLists(t *testing.T) {
	ts, svc := attachmentServer(t)
	f := seedAttachments(t, svc)
	var list struct {
		Items []struct {
			ID          string `json:"id"`
			Attachments []struct {
				URL string `json:"url"`
			} `json:"attachments"`
		} `json:"items"`
	}
	r := fetch(t, ts, "DEU", "", "/api/v1/threads/"+f.thread+"/messages")
	if err := json.Unmarshal([]byte(r.body), &list); err != nil || len(list.Items) != 2 {
		t.Fatalf("messages: %d %v %.300s", r.code, err, r.body)
	}
	for _, m := range list.Items {
		want := "/api/v1/threads/" + f.thread + "/messages/" + m.ID + "/attachments/0"
		if len(m.Attachments) != 1 || m.Attachments[0].URL != want {
			t.Errorf("message %s attachments %+v; want url %s", m.ID, m.Attachments, want)
		}
	}
	var ps struct {
		Items []struct {
			Attachments []struct {
				URL string `json:"url"`
			} `json:"attachments"`
		} `json:"items"`
	}
	r = fetch(t, ts, "GBR", "", "/api/v1/proposals")
	if err := json.Unmarshal([]byte(r.body), &ps); err != nil || len(ps.Items) != 2 {
		t.Fatalf("proposals: %d %v", r.code, err)
	}
	for _, it := range ps.Items {
		if len(it.Attachments) == 0 || !strings.Contains(it.Attachments[0].URL, "/attachments/0") {
			t.Errorf("listed proposal without download urls: %+v", it)
		}
	}
}

func TestAttachmentRoutesInOpenAPI(t *testing.T) {
	ts, _ := attachmentServer(t)
	r := fetch(t, ts, "GBR", "", "/api/v1/openapi.json")
	var doc struct {
		Paths map[string]map[string]struct {
			OperationID string `json:"operationId"`
			Responses   map[string]struct {
				Content map[string]any `json:"content"`
			} `json:"responses"`
		} `json:"paths"`
	}
	if err := json.Unmarshal([]byte(r.body), &doc); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/api/v1/proposals/{id}/attachments/{n}", "/api/v1/threads/{id}/messages/{mid}/attachments/{n}"} {
		op, ok := doc.Paths[p]["get"]
		if !ok || op.OperationID == "" || op.Responses["200"].Content["application/octet-stream"] == nil {
			t.Errorf("OpenAPI lacks GET %s as a download: %+v", p, op)
		}
	}
}

func TestContentDisposition(t *testing.T) {
	for in, want := range map[string]string{
		"report.pdf":                   `attachment; filename="report.pdf"`,
		`C:\Users\x\secret.docx`:       `attachment; filename="secret.docx"`,
		"../../.ssh/id_rsa":            `attachment; filename="id_rsa"`,
		"...hidden":                    `attachment; filename="hidden"`,
		"a\"b\nc.txt":                  `attachment; filename="abc.txt"`,
		"":                             `attachment; filename="attachment"`,
		"dir/":                         `attachment; filename="attachment"`,
		"evil\u202etxt.exe":            `attachment; filename="eviltxt.exe"`,
		"Zürich.txt":                   `attachment; filename="Z_rich.txt"; filename*=UTF-8''Z%C3%BCrich.txt`,
		"semi;colon=1,comma.txt":       `attachment; filename="semi;colon=1,comma.txt"`,
		"x" + strings.Repeat("y", 300): `attachment; filename="x` + strings.Repeat("y", 199) + `"`,
	} {
		if got := ContentDisposition(in); got != want {
			t.Errorf("ContentDisposition(%q) = %q; want %q", in, got, want)
		}
	}
}
