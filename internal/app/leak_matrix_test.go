package app

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/auth"
	"github.com/liaison-project/liaison/internal/coord"
	"github.com/liaison-project/liaison/internal/httpapi"
	"github.com/liaison-project/liaison/internal/marking"
	"github.com/liaison-project/liaison/internal/report"
)

// The leak matrix: the whole node (SQLite, auth, API, web UI, reports,
// export) started on port 0; nations of every status; users of several
// nations × roles × clearances × caveats (and an admin viewing as another
// nation), each with an API token; documents (with extractions and events),
// feeds and reports under many markings, each carrying a unique canary word.
// Every API route and UI page is read by every user: list routes must hold
// exactly the visible items and counts, and no body may contain the canary
// or the id of an item the user may not see; an invisible id must answer
// byte for byte like a nonexistent one.

// lmUser is one row of the matrix.
type lmUser struct {
	name    string
	nation  string
	role    liaison.Role
	clr     int
	caveats []string
	viewAs  string // admin "view as" nation (X-View-As)
	token   string
	user    liaison.User
}

// viewer is what the stores see for this row (view-as applied: the nation
// as a reader, within the admin's own access, so it only narrows).
func (u *lmUser) viewer() liaison.Viewer {
	v := u.user.Viewer()
	if u.viewAs != "" {
		own := v
		v.Nation, v.Role, v.Within = u.viewAs, liaison.RoleReader, &own
	}
	return v
}

// lmItem is one marked item: a document (with one event), a feed or a report.
type lmItem struct {
	kind     string // document, feed, report
	id       string
	canary   string
	m        liaison.Marking
	mtext    string
	eventID  string
	actor    string   // document's own actor code
	country  string   // ISO-3 of the event's place
	released bool     // reports; proposals: circulated
	origin   string   // reports: author's nation; proposals: proposing nation
	parties  []string // proposals: deciders and consulted nations
	month    string   // documents: the month published (YYYY-MM), unique to most
	mid      string   // threads: the first message, which carries an attachment
	parent   *lmItem  // attachments: the proposal or thread (first message) carrying it
	n        int      // attachments: position as listed to those who see it
}

// visibleTo is the reference rule the responses are checked against. A
// viewer bounded by another (view-as) sees only what both see.
func (it *lmItem) visibleTo(v liaison.Viewer) bool {
	if !marking.Visible(v, it.m) || v.Within != nil && !it.visibleTo(*v.Within) {
		return false
	}
	switch it.kind {
	case "report":
		return it.released || v.Role == liaison.RoleAdmin || v.Nation == it.origin
	case "proposal":
		return v.Nation == it.origin || it.released && slices.Contains(it.parties, v.Nation)
	case "thread":
		return slices.Contains(it.parties, v.Nation)
	case "attachment": // its own marking (above) AND its parent
		return it.parent.visibleTo(v)
	}
	return true
}

// lmNoExtract keeps the node from building the real extraction engine: the
// matrix writes extractions itself.
type lmNoExtract struct{}

func (lmNoExtract) Extract(ctx context.Context, in liaison.ExtractInput) (*liaison.Extraction, error) {
	return &liaison.Extraction{ID: in.ID}, nil
}

// lmFixture is the running node and what was put in it.
type lmFixture struct {
	m       *Main
	users   []*lmUser
	byName  map[string]*lmUser
	items   []*lmItem
	reports *report.Service
}

var lmUsers = []lmUser{
	{name: "usa-officer", nation: "USA", role: liaison.RoleOfficer, clr: 4, caveats: []string{"ATOMAL"}},
	{name: "usa-analyst", nation: "USA", role: liaison.RoleAnalyst, clr: 4, caveats: []string{"ATOMAL"}},
	{name: "usa-reader", nation: "USA", role: liaison.RoleReader, clr: 2},
	{name: "fra-analyst", nation: "FRA", role: liaison.RoleAnalyst, clr: 3},
	{name: "fra-officer", nation: "FRA", role: liaison.RoleOfficer, clr: 4},
	{name: "gbr-admin", nation: "GBR", role: liaison.RoleAdmin, clr: 4},
	{name: "gbr-admin-as-jpn", nation: "GBR", role: liaison.RoleAdmin, clr: 4, viewAs: "JPN"},
	{name: "deu-reader", nation: "DEU", role: liaison.RoleReader, clr: 0},
	{name: "swe-reader", nation: "SWE", role: liaison.RoleReader, clr: 1},
	{name: "jpn-reader", nation: "JPN", role: liaison.RoleReader, clr: 2},
	{name: "jpn-analyst", nation: "JPN", role: liaison.RoleAnalyst, clr: 4},
	{name: "kor-officer", nation: "KOR", role: liaison.RoleOfficer, clr: 3},
	{name: "xns-admin", nation: "XNS", role: liaison.RoleAdmin, clr: 4, caveats: []string{"ATOMAL", "CRYPTO"}},
}

// lmDocMarkings are the documents' markings (feeds reuse every third one).
var lmDocMarkings = []string{
	"PUBLIC",
	"NATO UNCLASSIFIED",
	"NATO RESTRICTED // REL TO NATO",
	"NATO RESTRICTED // REL TO NATO, IP4",
	"NATO CONFIDENTIAL // REL TO NATO",
	"NATO SECRET // REL TO NATO",
	"NATO SECRET // REL TO USA",
	"NATO CONFIDENTIAL // REL TO JPN",
	"NATO RESTRICTED // ATOMAL // REL TO NATO",
	"NATO SECRET // ATOMAL // REL TO GBR, USA",
	"NATO UNCLASSIFIED // CRYPTO",
	"NATO RESTRICTED // REL TO FRA, KOR",
	"NATO UNCLASSIFIED // REL TO SWE",
}

// lmCountries are the events' place countries, cycled.
var lmCountries = []string{"LTU", "JPN", "POL", "KOR", "FRA"}

func canary(i int) string { return fmt.Sprintf("zqcanary%c%cq", 'a'+i/26, 'a'+i%26) }

func newLeakFixture(t *testing.T) *lmFixture {
	t.Helper()
	cfg := Config{DataDir: t.TempDir(), Addr: "127.0.0.1:0", NoScheduler: true, FetchHostInterval: -1,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), PasswordParams: auth.TestParams,
		Extractor: lmNoExtract{}, Origin: liaison.Origin{Node: "matrix", Nation: "XNS"}}
	m, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := m.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = m.Close() })
	if m.access == nil {
		t.Fatal("node runs without authentication")
	}
	f := &lmFixture{m: m, byName: map[string]*lmUser{}}
	sys := liaison.SystemContext(ctx)
	for _, n := range marking.SeedNations() {
		if err := m.access.store.PutNation(sys, &n); err != nil {
			t.Fatal(err)
		}
	}
	f.wireReports(t)
	f.addUsers(t, sys)
	f.addDocuments(t, sys)
	f.addFeeds(t, sys)
	f.addReports(t)
	f.addProposals(t)
	f.addThreads(t)
	f.addActorNotes(t)
	return f
}

// wireReports registers the report and export routes unless the node
// already does.
func (f *lmFixture) wireReports(t *testing.T) {
	t.Helper()
	rs, ok := f.m.Store().(liaison.ReportStore)
	if !ok {
		t.Fatal("the store keeps no reports")
	}
	svc, err := report.New(report.Config{Reports: rs, Documents: f.m.Store(), Events: f.m.Store(),
		ParseMarking: f.m.parseMarking, Audit: f.m.access.store, Origin: f.m.cfg.Origin})
	if err != nil {
		t.Fatal(err)
	}
	f.reports = svc
	wired := map[string]bool{}
	for _, rt := range f.m.Server().Routes() {
		wired[rt.Path] = true
	}
	if !wired["/api/v1/reports"] {
		f.m.Server().RegisterReports(svc)
	}
	if !wired["/api/v1/export"] {
		f.m.Server().RegisterExport(httpapi.ExportConfig{Reports: rs, Node: "matrix",
			Alpha2: func(iso3 string) (string, bool) {
				a2, ok := map[string]string{"LTU": "LT", "JPN": "JP", "POL": "PL", "KOR": "KR", "FRA": "FR"}[iso3]
				return a2, ok
			}})
	}
}

func (f *lmFixture) addUsers(t *testing.T, sys context.Context) {
	t.Helper()
	for i := range lmUsers {
		u := lmUsers[i]
		if u.viewAs != "" {
			base := f.byName[strings.TrimSuffix(u.name, "-as-"+strings.ToLower(u.viewAs))]
			u.token, u.user = base.token, base.user
		} else {
			lu := &liaison.User{Name: u.name, Nation: u.nation, Role: u.role, Clearance: u.clr, Caveats: u.caveats}
			tok, _, err := f.m.access.svc.AddUser(sys, lu, "")
			if err != nil {
				t.Fatalf("add user %s: %v", u.name, err)
			}
			u.token, u.user = tok, *lu
		}
		f.users = append(f.users, &u)
		f.byName[u.name] = &u
	}
}

func (f *lmFixture) parse(t *testing.T, text string) liaison.Marking {
	t.Helper()
	m, err := f.m.parseMarking(context.Background(), text)
	if err != nil {
		t.Fatalf("marking %q: %v", text, err)
	}
	return m
}

func (f *lmFixture) addDocuments(t *testing.T, sys context.Context) {
	t.Helper()
	st := f.m.Store()
	for i, mt := range lmDocMarkings {
		c := canary(len(f.items))
		it := &lmItem{kind: "document", canary: c, mtext: mt, m: f.parse(t, mt),
			actor: fmt.Sprintf("QZA%c%c", 'A'+i/26, 'A'+i%26), country: lmCountries[i%len(lmCountries)]}
		text := fmt.Sprintf("Zephyr bulletin %d. The %s envoy met officials in %sville.", i, c, c)
		// The source carries the canary and the month differs from item to
		// item (all in 2023), so that a search facet naming either for a
		// user who may not see the document is a trace the checks find.
		d := &liaison.Document{Title: "Bulletin " + c, Text: text, Source: "src-" + c,
			Published: time.Date(2023, time.Month(1+i%12), 1+i, 9, 0, 0, 0, time.UTC), DateSource: liaison.DateFromInput,
			Fetched: time.Date(2023, 7, 20, 0, 0, 0, 0, time.UTC), Lang: "en", Marking: it.m}
		res, err := st.PutDocument(sys, d)
		if err != nil {
			t.Fatal(err)
		}
		it.id, it.month = res.ID, d.Published.Format("2006-01")
		start := strings.Index(text, "The ")
		place := liaison.Place{Name: c + "ville", Country: it.country, Lat: 50 + float64(i)/10, Lon: 20 + float64(i)/10, Kind: "city"}
		x := &liaison.Extraction{ID: res.ID,
			Sentences: []liaison.Span{{Start: 0, End: start - 1}, {Start: start, End: len(text)}},
			Actors: []liaison.ActorMention{{Text: c + " envoy", Name: c + " envoy", Code: it.actor, Kind: "person",
				Start: start + 4, End: start + 4 + len(c) + 6, Sentence: 1}},
			Places: []liaison.PlaceMention{{Text: c + "ville", Place: place, Start: len(text) - len(c) - 6, End: len(text) - 1, Sentence: 1}},
			Events: []liaison.Event{{Source: it.actor, Target: "IGOWSTNAT", CAMEO: "042", CAMEOName: "Make a visit", Root: "04",
				Quad: 1, Goldstein: 1.9, PLOVER: "CONSULT", Date: d.Published.Format(time.DateOnly), Place: &place,
				Sentence: 1, SourceText: c + " envoy", TargetText: "officials", VerbText: "met"}},
		}
		if err := st.PutExtraction(sys, res.ID, x); err != nil {
			t.Fatal(err)
		}
		evs, err := st.Events(sys, liaison.EventFilter{DocID: res.ID})
		if err != nil || len(evs.Items) != 1 {
			t.Fatalf("events of %s: %v %v", res.ID, evs.Items, err)
		}
		it.eventID = evs.Items[0].ID
		f.items = append(f.items, it)
	}
}

func (f *lmFixture) addFeeds(t *testing.T, sys context.Context) {
	t.Helper()
	for i := 0; i < len(lmDocMarkings); i += 3 {
		c := canary(len(f.items))
		it := &lmItem{kind: "feed", canary: c, mtext: lmDocMarkings[i], m: f.parse(t, lmDocMarkings[i])}
		fd := &liaison.Feed{URL: "https://feeds.example/" + c + ".xml", Title: "Feed " + c, Every: time.Hour,
			NextPoll: time.Now().Add(24 * time.Hour), Marking: it.m}
		if err := f.m.Store().PutFeed(sys, fd); err != nil {
			t.Fatal(err)
		}
		it.id = fd.ID
		f.items = append(f.items, it)
	}
}

// addReports drafts reports through the service as their authors and
// releases some as a second officer or admin.
func (f *lmFixture) addReports(t *testing.T) {
	t.Helper()
	doc := func(mt string) string {
		for _, it := range f.items {
			if it.kind == "document" && it.mtext == mt {
				return it.id
			}
		}
		t.Fatalf("no document marked %q", mt)
		return ""
	}
	for _, r := range []struct {
		author, releaser, cite, marking string
	}{
		{"fra-analyst", "fra-officer", "NATO RESTRICTED // REL TO NATO", ""},
		{"fra-analyst", "", "PUBLIC", "PUBLIC"},
		{"jpn-analyst", "", "NATO CONFIDENTIAL // REL TO JPN", ""},
		{"usa-analyst", "usa-officer", "NATO SECRET // ATOMAL // REL TO GBR, USA", ""},
		{"kor-officer", "gbr-admin", "NATO RESTRICTED // REL TO NATO, IP4", "NATO RESTRICTED // REL TO NATO, IP4"},
		{"usa-analyst", "", "NATO UNCLASSIFIED", "NATO SECRET // REL TO USA"},
	} {
		c := canary(len(f.items))
		author := f.byName[r.author]
		ctx := liaison.WithViewer(context.Background(), author.viewer())
		rep, err := f.reports.Create(ctx, report.Draft{Title: "Assessment " + c, Body: "## " + c + "\nAnalysis.",
			Cites: []string{doc(r.cite)}, Marking: r.marking})
		if err != nil {
			t.Fatalf("draft by %s: %v", r.author, err)
		}
		it := &lmItem{kind: "report", id: rep.ID, canary: c, m: rep.Marking, mtext: marking.Format(rep.Marking), origin: author.nation}
		if r.releaser != "" {
			rctx := liaison.WithViewer(context.Background(), f.byName[r.releaser].viewer())
			if _, err := f.reports.Release(rctx, rep.ID); err != nil {
				t.Fatalf("release by %s: %v", r.releaser, err)
			}
			it.released = true
		}
		f.items = append(f.items, it)
	}
}

// visible returns the items of kind the user may see, by id.
func (f *lmFixture) visible(u *lmUser, kind string) []*lmItem {
	var out []*lmItem
	for _, it := range f.items {
		if it.kind == kind && it.visibleTo(u.viewer()) {
			out = append(out, it)
		}
	}
	return out
}

func ids(items []*lmItem, event bool) []string {
	out := []string{}
	for _, it := range items {
		if event {
			out = append(out, it.eventID)
		} else {
			out = append(out, it.id)
		}
	}
	slices.Sort(out)
	return out
}

// get fetches path as u, returning status and body.
func (f *lmFixture) get(t *testing.T, u *lmUser, path string) (int, string) {
	t.Helper()
	req, err := http.NewRequest("GET", f.m.URL()+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+u.token)
	if u.viewAs != "" {
		req.Header.Set(httpapi.ViewAsHeader, u.viewAs)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	return resp.StatusCode, string(b)
}

// addProposals creates proposals through the coordination service: a
// circulated NATO one, a national draft and a circulated one with a
// consulted partner.
func (f *lmFixture) addProposals(t *testing.T) {
	t.Helper()
	if f.m.coord == nil {
		t.Log("node keeps no proposals: proposals left out of the matrix")
		return
	}
	for _, p := range []struct {
		by, marking         string
		deciders, consulted []string
		circulate           bool
		annex               string // the own marking of a second, stricter attachment
	}{
		{"fra-officer", "NATO RESTRICTED // REL TO NATO", []string{"FRA", "USA", "GBR", "DEU"}, nil, true, "NATO SECRET // REL TO FRA, USA"},
		{"fra-officer", "PUBLIC", []string{"FRA", "USA"}, nil, false, ""},
		{"kor-officer", "NATO CONFIDENTIAL // REL TO JPN, KOR, USA", []string{"KOR", "USA"}, []string{"JPN"}, true,
			"NATO CONFIDENTIAL // REL TO KOR, USA"},
	} {
		c := canary(len(f.items))
		u := f.byName[p.by]
		ctx := liaison.WithViewer(context.Background(), u.viewer())
		m := f.parse(t, p.marking)
		atts, annex := f.annexes(t, "Annex "+c, p.annex)
		pr, err := f.m.coord.Create(ctx, coord.Draft{Title: "Proposal " + c, Text: "We propose " + c + ".",
			Procedure: liaison.ProcedureConsensus, Deciders: p.deciders, Consulted: p.consulted, Marking: m,
			Deadline: time.Now().Add(48 * time.Hour), Attachments: atts})
		if err != nil {
			t.Fatalf("proposal by %s: %v", p.by, err)
		}
		if p.circulate {
			if _, err := f.m.coord.Act(ctx, pr.ID, coord.Step{Action: coord.ActCirculate}); err != nil {
				t.Fatalf("circulate: %v", err)
			}
		}
		f.items = append(f.items, &lmItem{kind: "proposal", id: pr.ID, canary: c, m: m, mtext: p.marking,
			released: p.circulate, origin: u.nation, parties: append(append([]string{}, p.deciders...), p.consulted...)})
		f.addAnnex(annex)
	}
}

// addThreads opens message threads between nations, each with a first
// message carrying its canary.
func (f *lmFixture) addThreads(t *testing.T) {
	t.Helper()
	if f.m.coord == nil {
		return
	}
	for _, th := range []struct {
		by, marking string
		with        []string
		annex       string // the own marking of a second, stricter attachment
	}{
		{"fra-analyst", "NATO RESTRICTED // REL TO NATO", []string{"USA", "GBR"}, "NATO CONFIDENTIAL // REL TO FRA, GBR, USA"},
		{"jpn-analyst", "NATO CONFIDENTIAL // REL TO JPN, KOR", []string{"KOR"}, "NATO SECRET // REL TO JPN, KOR"},
		{"usa-analyst", "NATO SECRET // ATOMAL // REL TO GBR, USA", []string{"GBR"}, ""},
	} {
		c := canary(len(f.items))
		u := f.byName[th.by]
		ctx := liaison.WithViewer(context.Background(), u.viewer())
		m := f.parse(t, th.marking)
		atts, annex := f.annexes(t, "Note "+c, th.annex)
		tr, err := f.m.coord.OpenThread(ctx, coord.NewThread{Subject: "Thread " + c, Participants: th.with, Marking: m,
			Text: "First message " + c, Attachments: atts})
		if err != nil {
			t.Fatalf("thread by %s: %v", th.by, err)
		}
		ms, err := f.m.coord.Messages(ctx, tr.ID, 1)
		if err != nil || len(ms) != 1 {
			t.Fatalf("thread %s: first message %v %v", tr.ID, ms, err)
		}
		f.items = append(f.items, &lmItem{kind: "thread", id: tr.ID, canary: c, m: m, mtext: th.marking,
			origin: u.nation, parties: append([]string{u.nation}, th.with...), mid: ms[0].ID})
		f.addAnnex(annex)
	}
}

// annexes returns a parent's attachments: one under the parent's marking
// holding data, and — when own is set — a second under its own stricter
// marking, with a canary of its own in its name and bytes (the item it
// becomes once the parent is appended).
func (f *lmFixture) annexes(t *testing.T, data, own string) ([]liaison.Attachment, *lmItem) {
	t.Helper()
	atts := []liaison.Attachment{{Name: "annex.txt", MediaType: "text/plain", Data: []byte(data)}}
	if own == "" {
		return atts, nil
	}
	c := canary(len(f.items) + 1) // after the parent
	m := f.parse(t, own)
	atts = append(atts, liaison.Attachment{Name: "annex-" + c + ".txt", MediaType: "text/plain", Data: []byte("Own annex " + c), Marking: m})
	return atts, &lmItem{kind: "attachment", id: c, canary: c, m: m, mtext: own, n: 1}
}

// addAnnex records an own-marked attachment after its parent (the last
// item).
func (f *lmFixture) addAnnex(it *lmItem) {
	if it == nil {
		return
	}
	it.parent = f.items[len(f.items)-1]
	f.items = append(f.items, it)
}
