package coord

import (
	"context"
	"fmt"
	"slices"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// Per-attachment markings (issue 5: a marking on every stored item). An
// attachment's own marking is optional: the zero marking means the
// parent's. A set one must be at least as restricted as the parent's, so
// that it can only narrow who sees the file; the attachment is then seen by
// those who may see the parent (the store's rule) AND its own marking (the
// reference rule, marking.Visible, as notify.go filters in memory).

// unmarked reports whether m is the zero marking: "the parent's".
func unmarked(m liaison.Marking) bool {
	return m.Classification == "" && m.Level == 0 && len(m.RelTo) == 0 && len(m.Groups) == 0 && len(m.Caveats) == 0
}

// checkAttachmentMarkings refuses an attachment whose own marking is less
// restricted than its parent's (what names the parent, e.g. "the
// proposal's"). The error is ErrInvalid, prefixed by op.
func checkAttachmentMarkings(op, what string, atts []liaison.Attachment, parent liaison.Marking) error {
	for _, at := range atts {
		if unmarked(at.Marking) || marking.AtLeast(at.Marking, parent) {
			continue
		}
		return liaison.Errorf(liaison.ErrInvalid, "%s: attachment %q: its marking %q is less restricted than %s %q; an attachment may only narrow who sees it",
			op, at.Name, marking.Format(at.Marking), what, marking.Format(parent))
	}
	return nil
}

// checkWritable refuses (ErrInvalid, prefixed by op) an item marked mk or
// an attachment with a marking of its own that the writer v could not read
// back (marking.Writable): it would vanish from their view. The policy is
// the built-in one, which only names the clearance in the message.
func checkWritable(op string, v liaison.Viewer, mk liaison.Marking, atts []liaison.Attachment) error {
	if err := marking.Writable(nil, v, mk); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	for _, at := range atts {
		if unmarked(at.Marking) {
			continue
		}
		if err := marking.Writable(nil, v, at.Marking); err != nil {
			return fmt.Errorf("%s: attachment %q: %w", op, at.Name, err)
		}
	}
	return nil
}

// effectiveMarking is the marking an attachment travels under: its own when
// set (never less restricted than the parent's, checked on storing), else
// the parent's.
func effectiveMarking(parent liaison.Marking, at liaison.Attachment) liaison.Marking {
	if unmarked(at.Marking) {
		return parent
	}
	return at.Marking
}

// visibleAttachments returns, in a new slice, the attachments of a parent v
// may already see that v may also see by their own marking. Those left out
// leave no trace: positions (download URLs) count only the ones kept.
func visibleAttachments(v liaison.Viewer, atts []liaison.Attachment) []liaison.Attachment {
	if len(atts) == 0 {
		return atts
	}
	out := make([]liaison.Attachment, 0, len(atts))
	for _, at := range atts {
		if unmarked(at.Marking) || marking.Visible(v, at.Marking) {
			out = append(out, at)
		}
	}
	return out
}

// forViewer returns a copy of p holding only the attachments v may see;
// the stored proposal is left whole.
func forViewer(v liaison.Viewer, p *liaison.Proposal) *liaison.Proposal {
	if p == nil || len(p.Attachments) == 0 {
		return p
	}
	q := *p
	q.Attachments = visibleAttachments(v, p.Attachments)
	return &q
}

// messageForViewer is forViewer for a message.
func messageForViewer(v liaison.Viewer, m *liaison.Message) *liaison.Message {
	if m == nil || len(m.Attachments) == 0 {
		return m
	}
	q := *m
	q.Attachments = visibleAttachments(v, m.Attachments)
	return &q
}

// checkMessageAttachments checks the own markings of a new message's
// attachments against the stricter of the thread's and the message's. The
// thread is read as the poster, so a thread they cannot see answers the
// same ErrNotFound as posting to it would; it is read only when some
// attachment carries a marking of its own.
func (s *Service) checkMessageAttachments(ctx context.Context, threadID string, mk liaison.Marking, atts []liaison.Attachment) error {
	if !slices.ContainsFunc(atts, func(at liaison.Attachment) bool { return !unmarked(at.Marking) }) {
		return nil
	}
	t, err := s.cfg.Threads.Thread(ctx, threadID)
	if err != nil {
		return err
	}
	parent, err := marking.Max(t.Marking, mk)
	if err != nil {
		return liaison.Errorf(liaison.ErrInvalid, "post to thread %s: %v", threadID, err)
	}
	return checkAttachmentMarkings("post to thread "+threadID, "the message's (the stricter of thread and message)", atts, parent)
}
