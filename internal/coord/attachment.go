package coord

import (
	"context"
	"errors"
	"fmt"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// Download is one attachment ready to be served: the file and the marking
// it travels under.
type Download struct {
	Attachment liaison.Attachment
	// Marking is the marking the file carries: its own when it has one
	// (never less restricted than its parent's), else the parent's — the
	// proposal's, or the stricter of the thread's and the message's.
	Marking liaison.Marking
}

// MessageReader reads one message of a thread, applying the viewer as
// Messages does (the thread's rule and the message's own marking). The
// SQLite store has it; a thread store without it is read through Messages.
type MessageReader interface {
	Message(ctx context.Context, threadID, id string) (*liaison.Message, error)
}

// attachmentNotFound is the one answer for an attachment that cannot be
// served — parent missing or invisible, index out of range, or a reference
// without data — so that none of them can be told apart from another.
func attachmentNotFound(parent string, n int) error {
	return liaison.Errorf(liaison.ErrNotFound, "attachment %d of %s", n, parent)
}

// pick returns attachment n of the attachments the viewer may see, when it
// has data to serve. Positions count only the visible attachments, so an
// invisible one has no position at all: asking for it is asking past the
// end, and the answer is the out-of-range one, byte for byte.
func pick(v liaison.Viewer, all []liaison.Attachment, n int, parent string) (liaison.Attachment, error) {
	atts := visibleAttachments(v, all)
	if n < 0 || n >= len(atts) || len(atts[n].Data) == 0 {
		return liaison.Attachment{}, attachmentNotFound(parent, n)
	}
	return atts[n], nil
}

// ProposalAttachment returns attachment n (0-based, as listed) of a proposal
// the viewer may see. The proposal is read through the store's visibility
// rule like Get; every failure to find answers the same ErrNotFound. Both
// outcomes are audited (auditDownload, refused).
func (s *Service) ProposalAttachment(ctx context.Context, id string, n int) (*Download, error) {
	parent := "proposal " + id
	p, err := s.cfg.Proposals.Proposal(ctx, id)
	if err != nil {
		return nil, s.refused(ctx, "proposal", notFoundAs(err, parent, n))
	}
	v, _ := liaison.ViewerFrom(ctx)
	at, err := pick(v, p.Attachments, n, parent)
	if err != nil {
		return nil, s.refused(ctx, "proposal", err)
	}
	d := &Download{Attachment: at, Marking: effectiveMarking(p.Marking, at)}
	s.auditDownload(ctx, attachmentItem("proposal:"+p.ID, at), d, proposalParties(p, p.State))
	return d, nil
}

// MessageAttachment returns attachment n of a message the viewer may see in
// a thread the viewer may see. The file carries the stricter of the thread's
// and the message's markings.
func (s *Service) MessageAttachment(ctx context.Context, threadID, messageID string, n int) (*Download, error) {
	parent := fmt.Sprintf("message %s of thread %s", messageID, threadID)
	if s.cfg.Threads == nil {
		return nil, s.refused(ctx, "message", attachmentNotFound(parent, n))
	}
	t, err := s.cfg.Threads.Thread(ctx, threadID)
	if err != nil {
		return nil, s.refused(ctx, "message", notFoundAs(err, parent, n))
	}
	m, err := s.message(ctx, threadID, messageID)
	if err != nil {
		return nil, s.refused(ctx, "message", notFoundAs(err, parent, n))
	}
	v, _ := liaison.ViewerFrom(ctx)
	at, err := pick(v, m.Attachments, n, parent)
	if err != nil {
		return nil, s.refused(ctx, "message", err)
	}
	mk, err := marking.Max(t.Marking, m.Marking)
	if err != nil { // only the system can see two markings no nation shares
		mk = m.Marking
	}
	d := &Download{Attachment: at, Marking: effectiveMarking(mk, at)}
	s.auditDownload(ctx, attachmentItem("thread:"+t.ID+"/message:"+m.ID, at), d, t.Participants)
	return d, nil
}

// message reads one visible message, through the store's MessageReader
// when it has one.
func (s *Service) message(ctx context.Context, threadID, id string) (*liaison.Message, error) {
	if mr, ok := s.cfg.Threads.(MessageReader); ok {
		return mr.Message(ctx, threadID, id)
	}
	ms, err := s.cfg.Threads.Messages(ctx, threadID, 1000)
	if err != nil {
		return nil, err
	}
	for i := range ms {
		if ms[i].ID == id {
			return &ms[i], nil
		}
	}
	return nil, liaison.Errorf(liaison.ErrNotFound, "message %s of thread %s", id, threadID)
}

// notFoundAs turns a not-found parent into the attachment's one not-found
// answer; other errors pass through.
func notFoundAs(err error, parent string, n int) error {
	if errors.Is(err, liaison.ErrNotFound) {
		return attachmentNotFound(parent, n)
	}
	return err
}
