package web

import (
	"net/http"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/coord"
	"github.com/liaison-project/liaison/internal/httpapi"
)

// The download pages of attachments: the web UI's links (session
// authenticated), reading through the same service calls and so the same
// visibility rule as the API. A file that cannot be served answers the
// UI's 404 page, the same for a missing parent, an invisible one or a
// position that does not exist.

// proposalAttachment serves GET /proposals/{id}/attachments/{n}.
func (p *proposalUI) proposalAttachment(w http.ResponseWriter, r *http.Request) {
	n, err := httpapi.AttachmentIndex(r)
	var d *coord.Download
	if err == nil {
		d, err = p.svc.ProposalAttachment(ctx(r), r.PathValue("id"), n)
	}
	p.download(w, r, d, err)
}

// messageAttachment serves GET /threads/{id}/messages/{mid}/attachments/{n}.
func (p *proposalUI) messageAttachment(w http.ResponseWriter, r *http.Request) {
	n, err := httpapi.AttachmentIndex(r)
	var d *coord.Download
	if err == nil {
		d, err = p.svc.MessageAttachment(ctx(r), r.PathValue("id"), r.PathValue("mid"), n)
	}
	p.download(w, r, d, err)
}

// download writes the file, its marking printed as the pages print it, or
// the error page.
func (p *proposalUI) download(w http.ResponseWriter, r *http.Request, d *coord.Download, err error) {
	if err != nil {
		p.u.fail(w, r, err)
		return
	}
	httpapi.ServeAttachment(w, d.Attachment, p.u.cfg.FormatMarking(d.Marking))
}

// attachmentMarkings lists the own markings of attachments shown on a page,
// for its banner (the highest marking on it); unmarked ones, which travel
// under their parent's, are dropped by marked.
func attachmentMarkings(atts []liaison.Attachment) []liaison.Marking {
	out := make([]liaison.Marking, 0, len(atts))
	for _, at := range atts {
		out = append(out, at.Marking)
	}
	return out
}
