package httpapi

import (
	"context"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/coord"
	"github.com/liaison-project/liaison/internal/marking"
)

// MarkingHeader carries the canonical text of a downloaded file's marking:
// the bytes leave the JSON that otherwise says how they are marked.
const MarkingHeader = "X-Liaison-Marking"

// Attachments have no id of their own: they are addressed by their parent
// and their position in its list, so the routes nest under the parent.
func (c *coordAPI) attachmentRoutes() []Route {
	pN := Param{Name: "n", In: "path", Type: "integer", Description: "the attachment's position in the list, from 0"}
	pMID := Param{Name: "mid", In: "path", Type: "string", Description: "message id"}
	return []Route{
		{Method: "GET", Path: "/api/v1/proposals/{id}/attachments/{n}", OperationID: "getProposalAttachment", Tag: "proposals",
			Summary: "Download a proposal's attachment (its marking in " + MarkingHeader + ")", Params: []Param{pID, pN},
			ContentType: "application/octet-stream", Handler: http.HandlerFunc(c.proposalAttachment)},
		{Method: "GET", Path: "/api/v1/threads/{id}/messages/{mid}/attachments/{n}", OperationID: "getMessageAttachment",
			Tag: "threads", Summary: "Download a message's attachment (its marking in " + MarkingHeader + ")",
			Params: []Param{pID, pMID, pN}, ContentType: "application/octet-stream", Handler: http.HandlerFunc(c.messageAttachment)},
	}
}

func (c *coordAPI) proposalAttachment(w http.ResponseWriter, r *http.Request) {
	n, err := AttachmentIndex(r)
	var d *coord.Download
	if err == nil {
		d, err = c.svc.ProposalAttachment(r.Context(), r.PathValue("id"), n)
	}
	if err != nil {
		WriteError(w, r, c.s.log, err)
		return
	}
	ServeAttachment(w, d.Attachment, marking.Format(d.Marking))
}

func (c *coordAPI) messageAttachment(w http.ResponseWriter, r *http.Request) {
	n, err := AttachmentIndex(r)
	var d *coord.Download
	if err == nil {
		d, err = c.svc.MessageAttachment(r.Context(), r.PathValue("id"), r.PathValue("mid"), n)
	}
	if err != nil {
		WriteError(w, r, c.s.log, err)
		return
	}
	ServeAttachment(w, d.Attachment, marking.Format(d.Marking))
}

// AttachmentIndex reads the {n} path value: a position from 0. A malformed
// one is refused before any item is read, so the answer says nothing of it.
func AttachmentIndex(r *http.Request) (int, error) {
	s := r.PathValue("n")
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || len(s) > 6 || strings.TrimLeft(s, "0123456789") != "" {
		return 0, liaison.Errorf(liaison.ErrInvalid, "attachment %q: want its position, a number from 0", s)
	}
	return n, nil
}

// ServeAttachment writes an attachment's bytes as a download: its stored
// media type (application/octet-stream when none or malformed), a sanitised
// file name, nosniff, a sandboxing CSP, no caching and the marking text
// (UNMARKED for the zero marking) in MarkingHeader.
func ServeAttachment(w http.ResponseWriter, at liaison.Attachment, markingText string) {
	h := w.Header()
	h.Set("Content-Type", attachmentType(at.MediaType))
	h.Set("Content-Disposition", ContentDisposition(at.Name))
	h.Set("Content-Length", strconv.Itoa(len(at.Data)))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	h.Set("Cache-Control", "private, no-store")
	if strings.TrimSpace(markingText) == "" {
		markingText = "UNMARKED"
	}
	h.Set(MarkingHeader, markingText)
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(at.Data) // the client went away; nothing to do
}

// attachmentType is the stored media type when it parses, else
// application/octet-stream.
func attachmentType(stored string) string {
	mt, params, err := mime.ParseMediaType(stored)
	if err != nil || !strings.Contains(mt, "/") {
		return "application/octet-stream"
	}
	if out := mime.FormatMediaType(mt, params); out != "" {
		return out
	}
	return "application/octet-stream"
}

// ContentDisposition is the attachment header for a stored file name: the
// last path element only, without control characters, quotes or leading
// dots; an ASCII filename="…" for every client and, when the name is not
// plain ASCII, the UTF-8 form in filename*= (RFC 6266).
func ContentDisposition(name string) string {
	clean := cleanFilename(name)
	ascii := strings.Map(func(r rune) rune {
		if r > unicode.MaxASCII {
			return '_'
		}
		return r
	}, clean)
	out := `attachment; filename="` + ascii + `"`
	if ascii != clean {
		out += "; filename*=UTF-8''" + rfc5987(clean)
	}
	return out
}

// cleanFilename keeps the last path element of name, drops control
// characters, quotes and backslashes, trims spaces and leading dots, and caps
// the length; "attachment" when nothing is left.
func cleanFilename(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '"' || r == utf8.RuneError || unicode.Is(unicode.Bidi_Control, r) {
			return -1
		}
		return r
	}, name)
	name = strings.TrimLeft(strings.TrimSpace(name), ".")
	for len(name) > 200 {
		_, size := utf8.DecodeLastRuneInString(name)
		name = name[:len(name)-size]
	}
	if strings.TrimSpace(name) == "" {
		return "attachment"
	}
	return name
}

// rfc5987 percent-encodes every byte that is not an attr-char.
func rfc5987(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("!#$&+-.^_`|~", c) >= 0) {
			b.WriteByte(c)
			continue
		}
		b.WriteString("%" + strings.ToUpper(strconv.FormatUint(uint64(c)|0x100, 16)[1:]))
	}
	return b.String()
}

// AttachmentRequest is an attachment in a request body. Its own marking is
// canonical text, parsed by the node like the parent's (a marking object
// sent by a client is never trusted); empty means the parent's marking. A
// set one must be at least as restricted as the parent's (400 otherwise).
type AttachmentRequest struct {
	Name      string `json:"name"`
	MediaType string `json:"media_type,omitempty"`
	Data      []byte `json:"data,omitempty"`
	Ref       string `json:"ref,omitempty"`
	Marking   string `json:"marking,omitempty"`
}

// parseAttachments turns request attachments into stored ones, parsing
// their own markings.
func (c *coordAPI) parseAttachments(ctx context.Context, in []AttachmentRequest) ([]liaison.Attachment, error) {
	var out []liaison.Attachment
	for _, a := range in {
		mk, err := c.parseMarking(ctx, a.Marking)
		if err != nil {
			return nil, fmt.Errorf("attachment %q: %w", a.Name, err)
		}
		out = append(out, liaison.Attachment{Name: a.Name, MediaType: a.MediaType, Data: a.Data, Ref: a.Ref, Marking: mk})
	}
	return out, nil
}

// attachmentView is an attachment in the JSON answers: as stored (the
// inline data kept for compatibility) with its download URL when it has
// data to download.
type attachmentView struct {
	liaison.Attachment
	URL string `json:"url,omitempty"`
}

func attachmentViews(atts []liaison.Attachment, base string) []attachmentView {
	if len(atts) == 0 {
		return nil
	}
	out := make([]attachmentView, len(atts))
	for i, at := range atts {
		out[i].Attachment = at
		if len(at.Data) > 0 {
			out[i].URL = base + "/attachments/" + strconv.Itoa(i)
		}
	}
	return out
}

// proposalView is a proposal as the API answers it: its attachments carry
// their download URLs (the shallower field hides the embedded one).
type proposalView struct {
	*liaison.Proposal
	Attachments []attachmentView `json:"attachments,omitempty"`
}

func viewProposal(p *liaison.Proposal) *proposalView {
	return &proposalView{Proposal: p, Attachments: attachmentViews(p.Attachments, "/api/v1/proposals/"+url.PathEscape(p.ID))}
}

// messageView is a message with its attachments' download URLs.
type messageView struct {
	*liaison.Message
	Attachments []attachmentView `json:"attachments,omitempty"`
}

func viewMessage(m *liaison.Message) *messageView {
	base := "/api/v1/threads/" + url.PathEscape(m.ThreadID) + "/messages/" + url.PathEscape(m.ID)
	return &messageView{Message: m, Attachments: attachmentViews(m.Attachments, base)}
}

// attachmentSchemas describes attachments in the OpenAPI document.
func (c *coordAPI) attachmentSchemas() {
	c.s.AddSchema("Attachment", object(obj{"name": str(), "media_type": str(), "data": strf("byte"), "ref": str(),
		"marking": obj{"type": "object", "description": "the attachment's own marking; absent: the parent's"},
		"url": obj{"type": "string", "description": "download path (attachments with data only); the file's marking is in the " +
			MarkingHeader + " response header"}}, "name"))
	c.s.AddSchema("AttachmentRequest", object(obj{"name": str(), "media_type": str(), "data": strf("byte"), "ref": str(),
		"marking": obj{"type": "string", "description": "canonical marking text, at least as restricted as the parent's; empty: the parent's"}}, "name"))
}
