package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/httpapi"
	"github.com/liaison-project/liaison/internal/marking"
)

// search runs a full-text query and shows ranked hits with snippets, and
// beside them the facets: all the viewer's hits counted by source, month
// and level, each value a link that narrows the search to it (source=,
// month=). The banner covers the hits listed AND the facets' combined
// marking, since the counts are derived from every hit, not just this
// page's (a "NATO SECRET 3" line is as sensitive as those three reports).
func (u *UI) search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	query := strings.TrimSpace(q.Get("q"))
	data := struct {
		Query, Source, Month string
		Page                 liaison.Page[liaison.SearchHit]
		Next                 string
		Error                string
		Facets               *liaison.SearchFacets
	}{Query: query, Source: q.Get("source"), Month: q.Get("month")}
	var marks []liaison.Marking
	status := http.StatusOK
	if query != "" {
		sq := liaison.SearchQuery{Query: query, Cursor: q.Get("cursor"), Limit: 20, Facets: true,
			Source: data.Source, Month: data.Month}
		page, err := u.cfg.Documents.Search(ctx(r), sq)
		switch {
		case errors.Is(err, liaison.ErrInvalid):
			// A bad filter (month=2023-13) is the request's fault: 400, as
			// the API and /events answer, with the form and the message.
			status, data.Error = httpapi.StatusOf(err)
		case err != nil:
			u.fail(w, r, err)
			return
		default:
			data.Page, data.Next, data.Facets = page, nextPage(q, page.NextCursor), page.Facets
			marks = searchMarkings(page)
		}
	}
	u.render(w, r, status, "search", "Search", data, marks)
}

// searchMarkings are the banner inputs of a search page: its hits'
// markings, and the facets' combined marking when there are facets. The
// facets count every hit of the page, so their marking alone is the
// banner when it is at least each hit's — and must be: combining it with
// a hit's again could print a REL TO as written that not every counted
// hit shares (marking.Combine keeps the written form only when all lists
// agree). Should it ever be below a hit's, both are combined.
func searchMarkings(page liaison.Page[liaison.SearchHit]) []liaison.Marking {
	marks := markingsOf(page.Items, func(h liaison.SearchHit) liaison.Marking { return h.Document.Marking })
	if page.Facets == nil {
		return marks
	}
	for _, m := range marks {
		if !marking.AtLeast(page.Facets.Marking, m) {
			return append(marks, counted(page.Facets.Marking)...)
		}
	}
	return counted(page.Facets.Marking)
}
