package web

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/httpapi"
	"github.com/liaison-project/liaison/internal/marking"
)

// overview shows counts, the latest reports and the latest events.
func (u *UI) overview(w http.ResponseWriter, r *http.Request) {
	st, err := u.cfg.Stats.Stats(ctx(r))
	if err != nil {
		u.fail(w, r, err)
		return
	}
	docs, err := u.cfg.Documents.Documents(ctx(r), liaison.DocumentFilter{Limit: 8})
	if err != nil {
		u.fail(w, r, err)
		return
	}
	evs, err := u.cfg.Events.Events(ctx(r), liaison.EventFilter{Limit: 12})
	if err != nil {
		u.fail(w, r, err)
		return
	}
	actors, err := u.cfg.Events.Actors(ctx(r), "", 10)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	places, err := u.cfg.Events.Places(ctx(r), "", 10)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	// The counts derive from every visible item: their banner is the
	// combined marking of all of them, not only of the items listed.
	all, err := u.cfg.Aggregates.StatsMarking(ctx(r))
	if err != nil {
		u.fail(w, r, err)
		return
	}
	tl, err := u.cfg.Events.Timeline(ctx(r), liaison.TimelineFilter{})
	if err != nil {
		u.fail(w, r, err)
		return
	}
	chart, err := chartHTML(tl, st.Events)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	data := struct {
		Stats  liaison.Stats
		Docs   []liaison.Document
		Events []liaison.Event
		Actors []liaison.ActorCount
		Places []liaison.PlaceCount
		Chart  template.HTML
	}{st, docs.Items, evs.Items, actors.Items, places.Items, chart}
	// The chart counts visible events: the events' combined marking (in
	// all already) applies to it as well.
	marks := append(append(docMarkings(docs.Items), eventMarkings(evs.Items)...), append(counted(all), counted(tl.Marking)...)...)
	u.render(w, r, http.StatusOK, "overview", "Overview", data, marks)
}

// documents lists reports, newest first.
func (u *UI) documents(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := liaison.DocumentFilter{Source: q.Get("source"), Cursor: q.Get("cursor"), Limit: 25}
	page, err := u.cfg.Documents.Documents(ctx(r), f)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	data := struct {
		Page   liaison.Page[liaison.Document]
		Source string
		Next   string
	}{page, f.Source, nextPage(q, page.NextCursor)}
	u.render(w, r, http.StatusOK, "documents", "Reports", data, docMarkings(page.Items))
}

// document is the reader: the text with the extraction highlighted and the
// extracted items listed beside it.
func (u *UI) document(w http.ResponseWriter, r *http.Request) {
	d, err := u.cfg.Documents.Document(ctx(r), r.PathValue("id"))
	if err != nil {
		u.fail(w, r, err)
		return
	}
	x, err := u.cfg.Extractions.Extraction(ctx(r), d.ID)
	if err != nil && !errors.Is(err, liaison.ErrNotFound) {
		u.fail(w, r, err)
		return
	}
	if x == nil {
		x = &liaison.Extraction{ID: d.ID}
	}
	marks := []liaison.Marking{d.Marking}
	for _, e := range x.Events {
		if e.Marking.Classification != "" {
			marks = append(marks, e.Marking)
		}
	}
	data := struct {
		Doc     *liaison.Document
		X       *liaison.Extraction
		Body    any
		Actors  []mentionGroup
		Places  []mentionGroup
		CanCite bool
	}{d, x, highlight(d.Text, annotations(x)), groupActors(x.Actors), groupPlaces(x.Places), u.canDraft(r)}
	u.render(w, r, http.StatusOK, "document", d.Title, data, marks)
}

// events is the events table with its filters. A bad filter shows the
// page again with the form as filled in and the reason, not an error page.
func (u *UI) events(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f, err := httpapi.EventQuery(q)
	page := liaison.Page[liaison.Event]{Items: []liaison.Event{}}
	if err == nil {
		page, err = u.cfg.Events.Events(ctx(r), f)
	}
	status, msg := http.StatusOK, ""
	if errors.Is(err, liaison.ErrInvalid) {
		status, msg = httpapi.StatusOf(err)
	} else if err != nil {
		u.fail(w, r, err)
		return
	}
	data := struct {
		Filter liaison.EventFilter
		Form   url.Values
		Roots  []cameoRoot
		Page   liaison.Page[liaison.Event]
		Next   string
		Error  string
	}{f, q, cameoRoots(), page, nextPage(q, page.NextCursor), msg}
	u.render(w, r, status, "events", "Events", data, eventMarkings(page.Items))
}

// actors lists actor codes by number of visible events.
func (u *UI) actors(w http.ResponseWriter, r *http.Request) {
	renderCounts(u, w, r, "actors", "Actors", u.cfg.Events.Actors, u.cfg.Aggregates.ActorsMarking)
}

// places lists resolved places by number of visible mentions.
func (u *UI) places(w http.ResponseWriter, r *http.Request) {
	renderCounts(u, w, r, "places", "Places", u.cfg.Events.Places, u.cfg.Aggregates.PlacesMarking)
}

// renderCounts renders one page of an aggregate listing (actors, places),
// 100 rows at a time, with a link to the next page. Its banner is the
// combined marking of everything counted (mk).
func renderCounts[T any](u *UI, w http.ResponseWriter, r *http.Request, page, title string,
	list func(ctx context.Context, cursor string, limit int) (liaison.Page[T], error),
	mk func(ctx context.Context) (liaison.Marking, error)) {
	q := r.URL.Query()
	items, err := list(ctx(r), q.Get("cursor"), 100)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	all, err := mk(ctx(r))
	if err != nil {
		u.fail(w, r, err)
		return
	}
	data := struct {
		Page liaison.Page[T]
		Next string
	}{items, nextPage(q, items.NextCursor)}
	u.render(w, r, http.StatusOK, page, title, data, counted(all))
}

// feeds lists subscribed feeds and their polling state; analysts get the
// forms to add and remove feeds.
func (u *UI) feeds(w http.ResponseWriter, r *http.Request) {
	u.feedsPage(w, r, http.StatusOK, feedsMsg{})
}

// feedsMsg is what the feeds page says above the list: a refusal (the
// form keeps what was posted) or a notice (the form starts empty).
type feedsMsg struct{ Error, Notice string }

func (u *UI) feedsPage(w http.ResponseWriter, r *http.Request, status int, msg feedsMsg) {
	feeds, err := u.cfg.Feeds.Feeds(ctx(r))
	if err != nil {
		u.fail(w, r, err)
		return
	}
	marks := markingsOf(feeds, func(f liaison.Feed) liaison.Marking { return f.Marking })
	v, _ := liaison.ViewerFrom(ctx(r))
	form := r.PostForm
	if msg.Error == "" {
		form = nil
	}
	data := struct {
		Feeds         []liaison.Feed
		CanEdit       bool
		Error, Notice string
		Form          url.Values
	}{feeds, v.System || v.Role.Can(liaison.RoleAnalyst), msg.Error, msg.Notice, form}
	u.render(w, r, status, "feeds", "Feeds", data, marks)
}

// addFeed handles the add form: the same rules as POST /api/v1/feeds. A
// URL already subscribed shows the list again saying so, with the settings
// it now has (kept, or changed by the fields given).
func (u *UI) addFeed(w http.ResponseWriter, r *http.Request) {
	req := httpapi.FeedRequest{URL: r.PostFormValue("url"), Every: r.PostFormValue("every"),
		Marking: r.PostFormValue("marking"), Title: r.PostFormValue("title")}
	f, existing, err := u.srv.AddFeed(ctx(r), req)
	if err != nil {
		status, msg := httpapi.StatusOf(err)
		u.feedsPage(w, r, status, feedsMsg{Error: msg})
		return
	}
	if existing {
		u.feedsPage(w, r, http.StatusOK, feedsMsg{Notice: fmt.Sprintf(
			"%s was already subscribed (feed %s); it is polled every %v under %s. Only the fields you filled in change a subscribed feed, and its marking can only become stricter.",
			f.URL, f.ID, f.Every, marking.Format(f.Marking))})
		return
	}
	http.Redirect(w, r, "/feeds", http.StatusSeeOther)
}

// deleteFeed handles the remove buttons.
func (u *UI) deleteFeed(w http.ResponseWriter, r *http.Request) {
	if err := u.srv.DeleteFeed(ctx(r), r.PostFormValue("id")); err != nil {
		status, msg := httpapi.StatusOf(err)
		u.feedsPage(w, r, status, feedsMsg{Error: msg})
		return
	}
	http.Redirect(w, r, "/feeds", http.StatusSeeOther)
}

// markingsOf is the marking of each item, for the page's banner.
func markingsOf[T any](items []T, marking func(T) liaison.Marking) []liaison.Marking {
	out := make([]liaison.Marking, 0, len(items))
	for _, it := range items {
		out = append(out, marking(it))
	}
	return out
}

func docMarkings(ds []liaison.Document) []liaison.Marking {
	return markingsOf(ds, func(d liaison.Document) liaison.Marking { return d.Marking })
}

func eventMarkings(es []liaison.Event) []liaison.Marking {
	return markingsOf(es, func(e liaison.Event) liaison.Marking { return e.Marking })
}

// nextPage is the "?query" link to the page at cursor: the query with its
// cursor replaced, or "" on the last page (no cursor).
func nextPage(q url.Values, cursor string) string {
	if cursor == "" {
		return ""
	}
	c := url.Values{}
	for key, vals := range q {
		c[key] = append([]string(nil), vals...)
	}
	c.Set("cursor", cursor)
	return "?" + c.Encode()
}

// mentionGroup is one actor or place with every way the text named it and
// how often, for the reader's side panel.
type mentionGroup struct {
	Key     string // actor code or place country
	Name    string
	Texts   []string
	N       int
	Lat     float64
	Lon     float64
	IsPlace bool
}

// groupActors merges mentions of the same actor (code and name).
func groupActors(ms []liaison.ActorMention) []mentionGroup {
	var g grouper
	for _, m := range ms {
		g.add(mentionGroup{Key: m.Code, Name: orText(m.Name, m.Text)}, m.Text)
	}
	return g.out
}

// groupPlaces merges mentions of the same place (name and country).
func groupPlaces(ms []liaison.PlaceMention) []mentionGroup {
	var g grouper
	for _, m := range ms {
		g.add(mentionGroup{Key: m.Country, Name: orText(m.Name, m.Text), Lat: m.Lat, Lon: m.Lon, IsPlace: true}, m.Text)
	}
	return g.out
}

// grouper collects mention groups keyed by key and name, in first-seen order.
type grouper struct {
	out []mentionGroup
	idx map[string]int
}

// add counts one mention text in the group like proto, creating it if new.
func (g *grouper) add(proto mentionGroup, text string) {
	if g.idx == nil {
		g.idx = map[string]int{}
	}
	k := proto.Key + "|" + proto.Name
	i, ok := g.idx[k]
	if !ok {
		i = len(g.out)
		g.idx[k] = i
		g.out = append(g.out, proto)
	}
	g.out[i].add(text)
}

// orText is name, or the mention's text when no name was resolved.
func orText(name, text string) string {
	if name == "" {
		return text
	}
	return name
}

func (g *mentionGroup) add(text string) {
	g.N++
	if text == "" || text == g.Name {
		return
	}
	for _, t := range g.Texts {
		if t == text {
			return
		}
	}
	g.Texts = append(g.Texts, text)
}

// canDraft reports whether the viewer may draft an analyst report here.
func (u *UI) canDraft(r *http.Request) bool {
	v, _ := liaison.ViewerFrom(ctx(r))
	return u.reports && v.Role.Can(liaison.RoleAnalyst)
}
