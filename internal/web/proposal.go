package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
	_ "time/tzdata" // time zones for ?tz= on hosts without zoneinfo

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/coord"
	"github.com/liaison-project/liaison/internal/httpapi"
)

// proposalPages are the coordination pages' templates (templates/<name>.html).
var proposalPages = []string{"proposals", "proposal", "proposal_threads", "proposal_thread"}

// proposalUI serves the proposal board, a proposal's page and the threads.
type proposalUI struct {
	u   *UI
	svc *coord.Service
}

// RegisterProposals adds the coordination pages (/proposals, /proposals/{id},
// /threads, /threads/{id}) to the router. Call it after Register.
func (u *UI) RegisterProposals(srv *httpapi.Server, svc *coord.Service) error {
	funcs := u.funcs()
	funcs["intz"] = func(t time.Time, loc *time.Location) string {
		if t.IsZero() {
			return "—"
		}
		return t.In(loc).Format("2 Jan 2006 15:04 MST")
	}
	funcs["markdown"] = markdown
	if err := u.parsePages(funcs, proposalPages); err != nil {
		return err
	}
	p := &proposalUI{u: u, svc: svc}
	handlePages(srv, []pageRoute{
		{"GET /proposals", p.board},
		{"GET /proposals/{id}", p.proposal},
		{"GET /proposals/{id}/attachments/{n}", p.proposalAttachment},
		{"GET /threads/{id}/messages/{mid}/attachments/{n}", p.messageAttachment},
		{"POST /proposals/{id}", p.act},
		{"GET /threads", p.threads},
		{"GET /threads/{id}", p.thread},
		{"POST /threads/{id}", p.post},
	})
	return nil
}

// location is the viewer's time zone: ?tz=Area/City, else UTC.
func location(r *http.Request) (*time.Location, string) {
	name := strings.TrimSpace(r.URL.Query().Get("tz"))
	if name == "" {
		return time.UTC, ""
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return time.UTC, fmt.Sprintf("unknown time zone %q: times are shown in UTC", name)
	}
	return loc, ""
}

// column is one state of the board.
type column struct {
	State liaison.ProposalState
	Items []liaison.Proposal
}

func (p *proposalUI) board(w http.ResponseWriter, r *http.Request) {
	loc, tzErr := location(r)
	ps, err := p.svc.List(ctx(r), liaison.ProposalFilter{Limit: 500})
	if err != nil {
		p.u.fail(w, r, err)
		return
	}
	var cols []column
	var marks []liaison.Marking
	for _, st := range liaison.ProposalStates {
		c := column{State: st}
		for _, q := range ps {
			if q.State == st {
				c.Items = append(c.Items, q)
				marks = append(marks, q.Marking)
			}
		}
		cols = append(cols, c)
	}
	notes, err := p.svc.Notifications(ctx(r), 10)
	if err != nil {
		p.u.fail(w, r, err)
		return
	}
	for _, n := range notes {
		marks = append(marks, n.Marking)
	}
	data := struct {
		Columns []column
		Notes   []liaison.Notification
		Loc     *time.Location
		TZ      string
		TZError string
		Total   int
	}{cols, notes, loc, r.URL.Query().Get("tz"), tzErr, len(ps)}
	p.u.render(w, r, http.StatusOK, "proposals", "Proposals", data, marked(marks))
}

// versionDiff is one version of a proposal with its changes from the one before.
type versionDiff struct {
	V    liaison.ProposalVersion
	Diff []coord.DiffLine
}

// seat is a decider and its counting position.
type seat struct {
	Nation   string
	Position *liaison.Position
}

func (p *proposalUI) proposal(w http.ResponseWriter, r *http.Request) {
	p.show(w, r, http.StatusOK, "")
}

func (p *proposalUI) show(w http.ResponseWriter, r *http.Request, status int, msg string) {
	loc, tzErr := location(r)
	q, err := p.svc.Get(ctx(r), r.PathValue("id"))
	if err != nil {
		p.u.fail(w, r, err)
		return
	}
	cur := q.Current()
	var seats []seat
	for _, d := range q.Deciders {
		s := seat{Nation: d}
		if pos, ok := cur[d]; ok {
			s.Position = &pos
		}
		seats = append(seats, s)
	}
	var versions []versionDiff
	prev := ""
	for _, v := range q.Versions {
		versions = append(versions, versionDiff{V: v, Diff: coord.LineDiff(prev, v.Text)})
		prev = v.Text
	}
	data := struct {
		P        *liaison.Proposal
		Seats    []seat
		Versions []versionDiff
		Loc      *time.Location
		TZ       string
		TZError  string
		Error    string
		Actions  []coord.Action // what this viewer may do in this state
		Timed    []coord.Action // of those, the ones that take a deadline (their own form)
		Untimed  []coord.Action // the others (a form without the deadline field)
	}{P: q, Seats: seats, Versions: versions, Loc: loc, TZ: r.URL.Query().Get("tz"), TZError: tzErr, Error: msg,
		Actions: p.svc.MayAct(ctx(r), q)}
	data.Timed, data.Untimed = splitTimed(data.Actions)
	p.u.render(w, r, status, "proposal", q.Title, data, marked(append([]liaison.Marking{q.Marking}, attachmentMarkings(q.Attachments)...)))
}

// splitTimed parts acts into those that take a deadline (circulate and
// amend set the next one) and the others, each in the order given, so the
// page shows the deadline field only where it means something.
func splitTimed(acts []coord.Action) (timed, untimed []coord.Action) {
	for _, a := range acts {
		if a == coord.ActCirculate || a == coord.ActAmend {
			timed = append(timed, a)
		} else {
			untimed = append(untimed, a)
		}
	}
	return timed, untimed
}

// act takes a step from the proposal page's form, then shows the page again.
func (p *proposalUI) act(w http.ResponseWriter, r *http.Request) {
	err := httpapi.ViewAsReadOnly(ctx(r))
	var act coord.Action
	if err == nil {
		act, err = coord.ParseAction(r.PostFormValue("action"))
	}
	if err == nil {
		var dl time.Time
		if s := strings.TrimSpace(r.PostFormValue("deadline")); s != "" {
			dl, err = httpapi.ParseTime("deadline", s)
		}
		if err == nil {
			_, err = p.svc.Act(ctx(r), r.PathValue("id"), coord.Step{Action: act, Text: r.PostFormValue("text"),
				Title: r.PostFormValue("title"), Deadline: dl})
		}
	}
	if err != nil {
		p.u.formFailed(w, r, err, p.show)
		return
	}
	to := "/proposals/" + url.PathEscape(r.PathValue("id"))
	if tz := r.URL.Query().Get("tz"); tz != "" {
		to += "?tz=" + url.QueryEscape(tz)
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}

func (p *proposalUI) threads(w http.ResponseWriter, r *http.Request) {
	loc, _ := location(r)
	ts, err := p.svc.Threads(ctx(r), 200)
	if err != nil {
		p.u.fail(w, r, err)
		return
	}
	p.u.render(w, r, http.StatusOK, "proposal_threads", "Threads", struct {
		Threads []liaison.Thread
		Loc     *time.Location
	}{ts, loc}, marked(markingsOf(ts, func(t liaison.Thread) liaison.Marking { return t.Marking })))
}

func (p *proposalUI) thread(w http.ResponseWriter, r *http.Request) {
	p.showThread(w, r, http.StatusOK, "")
}

func (p *proposalUI) showThread(w http.ResponseWriter, r *http.Request, status int, msg string) {
	loc, _ := location(r)
	t, err := p.svc.Thread(ctx(r), r.PathValue("id"))
	if err != nil {
		p.u.fail(w, r, err)
		return
	}
	ms, err := p.svc.Messages(ctx(r), t.ID, 1000)
	if err != nil {
		p.u.fail(w, r, err)
		return
	}
	marks := []liaison.Marking{t.Marking}
	for _, m := range ms {
		marks = append(append(marks, m.Marking), attachmentMarkings(m.Attachments)...)
	}
	p.u.render(w, r, status, "proposal_thread", t.Subject, struct {
		T        *liaison.Thread
		Messages []liaison.Message
		Loc      *time.Location
		Error    string
	}{t, ms, loc, msg}, marked(marks))
}

// post adds a message from the thread page's form under the thread's own
// marking (messages with another marking go through the API or the CLI).
func (p *proposalUI) post(w http.ResponseWriter, r *http.Request) {
	t, err := p.svc.Thread(ctx(r), r.PathValue("id"))
	if err == nil {
		err = httpapi.ViewAsReadOnly(ctx(r))
	}
	if err == nil {
		_, err = p.svc.Post(ctx(r), t.ID, r.PostFormValue("text"), t.Marking, nil)
	}
	if err != nil {
		p.u.formFailed(w, r, err, p.showThread)
		return
	}
	http.Redirect(w, r, "/threads/"+url.PathEscape(r.PathValue("id")), http.StatusSeeOther)
}

// marked drops unmarked (zero) markings, so a page of unmarked items shows
// the floor banner rather than an empty one.
func marked(ms []liaison.Marking) []liaison.Marking {
	var out []liaison.Marking
	for _, m := range ms {
		if m.Classification != "" || len(m.RelTo) > 0 || len(m.Caveats) > 0 {
			out = append(out, m)
		}
	}
	return out
}
