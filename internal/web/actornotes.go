package web

import (
	"html/template"
	"net/http"
	"net/url"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/httpapi"
)

// actorNoteUI serves an actor's page: a link to its events, the chart of
// them by month, and the notes on it the viewer may see, with the form
// analysts use to add one.
type actorNoteUI struct {
	u     *UI
	notes *httpapi.ActorNotes
}

// RegisterActorNotes adds GET /actors/{code} and POST /actors/{code}/notes;
// the actors list then links each code to its page. Call it after Register.
func (u *UI) RegisterActorNotes(srv *httpapi.Server, notes *httpapi.ActorNotes) error {
	funcs := u.funcs()
	funcs["markdown"] = markdown
	if err := u.parsePages(funcs, []string{"actor"}); err != nil {
		return err
	}
	u.actorPages = true
	p := &actorNoteUI{u: u, notes: notes}
	handlePages(srv, []pageRoute{
		{"GET /actors/{code}", p.show},
		{"POST /actors/{code}/notes", p.add},
	})
	return nil
}

// actorPage is what the actor page shows; Text and Marking refill the form
// after a refused note.
type actorPage struct {
	Code    string
	Notes   liaison.Page[liaison.ActorNote]
	Next    string
	CanAdd  bool
	Text    string
	Marking string
	Error   string
	Chart   template.HTML // the actor's events per month and quad class
	Suggest string        // the marking field's placeholder: one the viewer may write
}

// show renders the actor's page; a code not written as notes keep it
// (lower case: /actors/jpngov) is sent to its canonical page, so that one
// actor has one page with all its notes.
func (p *actorNoteUI) show(w http.ResponseWriter, r *http.Request) {
	code := r.PathValue("code")
	if norm := httpapi.NormalActorCode(code); norm != code && liaison.ValidActorCode(norm) {
		to := "/actors/" + url.PathEscape(norm)
		if r.URL.RawQuery != "" {
			to += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, to, http.StatusMovedPermanently)
		return
	}
	p.render(w, r, http.StatusOK, actorPage{})
}

// render shows the actor's visible notes, newest first, and the chart of
// its visible events per month. The banner combines the notes' markings and
// the marking of the events the chart counts.
func (p *actorNoteUI) render(w http.ResponseWriter, r *http.Request, status int, data actorPage) {
	code := httpapi.NormalActorCode(r.PathValue("code"))
	q := r.URL.Query()
	page, err := p.notes.Notes(ctx(r), code, q.Get("cursor"), 50)
	if err != nil {
		p.u.fail(w, r, err)
		return
	}
	tl, err := p.u.cfg.Events.Timeline(ctx(r), liaison.TimelineFilter{Actor: code})
	if err != nil {
		p.u.fail(w, r, err)
		return
	}
	// The events' total (same actor prefix) tells the chart how many it
	// cannot draw: undated, or dated only to a year.
	all, err := p.u.cfg.Events.Events(ctx(r), liaison.EventFilter{Actor: code, Limit: 1})
	if err != nil {
		p.u.fail(w, r, err)
		return
	}
	if data.Chart, err = chartHTML(tl, all.Total); err != nil {
		p.u.fail(w, r, err)
		return
	}
	v, _ := liaison.ViewerFrom(ctx(r))
	data.Code, data.Notes, data.Next = code, page, nextPage(q, page.NextCursor)
	data.CanAdd = v.System || v.Role.Can(liaison.RoleAnalyst)
	if data.CanAdd {
		data.Suggest = p.notes.SuggestMarking(ctx(r))
	}
	// The chart counts the actor's visible events: their combined marking
	// joins the notes' in the banner.
	p.u.render(w, r, status, "actor", "Actor "+code, data,
		append(markingsOf(page.Items, func(n liaison.ActorNote) liaison.Marking { return n.Marking }), counted(tl.Marking)...))
}

// add stores a note by the viewer (analyst or above) and returns to the
// actor's page; a refused note shows the page again with the reason.
func (p *actorNoteUI) add(w http.ResponseWriter, r *http.Request) {
	d := httpapi.ActorNoteDraft{Text: r.PostFormValue("text"), Marking: r.PostFormValue("marking")}
	if _, err := p.notes.Create(ctx(r), r.PathValue("code"), d); err != nil {
		status, msg := httpapi.StatusOf(err)
		p.render(w, r, status, actorPage{Text: d.Text, Marking: d.Marking, Error: msg})
		return
	}
	http.Redirect(w, r, "/actors/"+url.PathEscape(httpapi.NormalActorCode(r.PathValue("code"))), http.StatusSeeOther)
}
