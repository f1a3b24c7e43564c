package coord

import (
	"context"
	"strconv"
	"strings"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// NewThread is what opening a thread takes.
type NewThread struct {
	Subject string
	// Participants are nation codes or group names ("NATO", "IP4"), expanded
	// to the nations that belong to the group today. The opener's nation is
	// always a participant.
	Participants []string
	Marking      liaison.Marking
	ProposalID   string // optional: must be a proposal the opener can see
	Text         string // optional first message
	Attachments  []liaison.Attachment
}

// OpenThread creates a thread as the viewer's nation.
func (s *Service) OpenThread(ctx context.Context, in NewThread) (*liaison.Thread, error) {
	a, v, err := actorOf(ctx)
	if err != nil {
		return nil, err
	}
	if s.cfg.Threads == nil {
		return nil, liaison.Errorf(liaison.ErrInvalid, "threads are not configured on this node")
	}
	subject := strings.TrimSpace(in.Subject)
	if subject == "" {
		return nil, liaison.Errorf(liaison.ErrInvalid, "open thread: empty subject")
	}
	if !a.can(liaison.RoleAnalyst) {
		return nil, liaison.Errorf(liaison.ErrForbidden, "open thread: readers may not open threads")
	}
	if err := checkWritable("open thread "+strconv.Quote(subject), v, in.Marking, in.Attachments); err != nil {
		return nil, err
	}
	if in.ProposalID != "" {
		if _, err := s.cfg.Proposals.Proposal(ctx, in.ProposalID); err != nil {
			return nil, err
		}
	}
	nations, groups, err := s.expand(ctx, in.Participants)
	if err != nil {
		return nil, err
	}
	if a.Nation != "" && !contains(nations, a.Nation) {
		nations = append(nations, a.Nation)
	}
	nations = normNations(nations)
	if len(nations) < 2 && !a.System {
		return nil, liaison.Errorf(liaison.ErrInvalid, "open thread %q: name at least one other nation or group", subject)
	}
	for _, n := range nations {
		if len(in.Marking.RelTo) > 0 && !contains(in.Marking.RelTo, n) {
			return nil, liaison.Errorf(liaison.ErrInvalid, "open thread %q: its marking does not release it to participant %s", subject, n)
		}
	}
	now := s.Now()
	t := &liaison.Thread{ID: liaison.NewID(now), Subject: subject, Participants: nations, Groups: groups,
		ProposalID: in.ProposalID, Marking: in.Marking, Origin: liaison.Origin{Node: s.cfg.Origin.Node, Nation: a.Nation},
		Nation: a.Nation, UserID: a.UserID, Created: now, Updated: now}
	if err := s.cfg.Threads.CreateThread(ctx, t); err != nil {
		return nil, err
	}
	s.audit(ctx, v, now, "thread.open", "thread:"+t.ID, "participants "+strings.Join(nations, " "),
		liaison.AuditScope(t.Marking, nations...))
	if strings.TrimSpace(in.Text) != "" {
		if _, err := s.Post(ctx, t.ID, in.Text, in.Marking, in.Attachments); err != nil {
			return nil, err
		}
		t.Messages = 1
	}
	return t, nil
}

// expand turns participant entries into nations, keeping the entries as
// written.
func (s *Service) expand(ctx context.Context, entries []string) ([]string, []string, error) {
	var ns []liaison.Nation
	if s.cfg.Nations != nil {
		var err error
		if ns, err = s.cfg.Nations.Nations(liaison.SystemContext(ctx)); err != nil {
			return nil, nil, err
		}
	}
	now := s.Now()
	var out, groups []string
	for _, e := range entries {
		e = strings.ToUpper(strings.TrimSpace(e))
		if e == "" {
			continue
		}
		groups = append(groups, e)
		found := false
		for _, n := range ns {
			if n.Code == e {
				out, found = append(out, e), true
			} else if n.MemberOf(e, now) {
				out, found = append(out, n.Code), true
			}
		}
		if !found && len(ns) == 0 && plainCode(e) { // no nations configured: codes as given
			out, found = append(out, e), true
		}
		if !found {
			return nil, nil, liaison.Errorf(liaison.ErrInvalid, "participant %q: not a known nation or group", e)
		}
	}
	return out, groups, nil
}

// Post adds a message to a thread the viewer takes part in.
func (s *Service) Post(ctx context.Context, threadID, text string, mk liaison.Marking, atts []liaison.Attachment) (*liaison.Message, error) {
	a, v, err := actorOf(ctx)
	if err != nil {
		return nil, err
	}
	if s.cfg.Threads == nil {
		return nil, liaison.Errorf(liaison.ErrInvalid, "threads are not configured on this node")
	}
	if strings.TrimSpace(text) == "" {
		return nil, liaison.Errorf(liaison.ErrInvalid, "post to thread %s: empty text", threadID)
	}
	if !a.can(liaison.RoleAnalyst) {
		return nil, liaison.Errorf(liaison.ErrForbidden, "post to thread %s: readers may not post", threadID)
	}
	if err := checkWritable("post to thread "+threadID, v, mk, atts); err != nil {
		return nil, err
	}
	for _, at := range atts {
		if at.Name == "" || len(at.Data) > maxAttachment || (len(at.Data) == 0 && at.Ref == "") {
			return nil, liaison.Errorf(liaison.ErrInvalid, "post to thread %s: attachment %q needs a name and data up to %d bytes or a reference", threadID, at.Name, maxAttachment)
		}
	}
	if err := s.checkMessageAttachments(ctx, threadID, mk, atts); err != nil {
		return nil, err
	}
	now := s.Now()
	m := &liaison.Message{ID: liaison.NewID(now), ThreadID: threadID, Nation: a.Nation, UserID: a.UserID, Text: text,
		Marking: mk, Origin: liaison.Origin{Node: s.cfg.Origin.Node, Nation: a.Nation}, Attachments: atts, Time: now}
	if err := s.cfg.Threads.PostMessage(ctx, m); err != nil {
		return nil, err
	}
	t, terr := s.cfg.Threads.Thread(liaison.SystemContext(ctx), threadID)
	// The entry names thread and message: seen by who may see both (by
	// nobody but the system when the thread cannot be read back).
	amk := liaison.AuditScope(m.Marking)
	if terr == nil {
		if amk, err = marking.Max(liaison.AuditScope(t.Marking, t.Participants...), m.Marking); err != nil {
			amk = liaison.AuditScope(m.Marking)
		}
	}
	s.audit(ctx, v, now, "thread.post", "thread:"+threadID, "message "+m.ID, amk)
	if n, ok := s.cfg.Notify.(MessagePublisher); ok {
		err := terr
		if err == nil {
			err = n.PublishMessage(ctx, t, m)
		}
		if err != nil {
			s.log.Error("notify", "thread", threadID, "err", err)
		}
	}
	return messageForViewer(v, m), nil
}

// Thread returns a visible thread.
func (s *Service) Thread(ctx context.Context, id string) (*liaison.Thread, error) {
	if s.cfg.Threads == nil {
		return nil, liaison.Errorf(liaison.ErrNotFound, "thread %s", id)
	}
	return s.cfg.Threads.Thread(ctx, id)
}

// Threads lists visible threads.
func (s *Service) Threads(ctx context.Context, limit int) ([]liaison.Thread, error) {
	if s.cfg.Threads == nil {
		return []liaison.Thread{}, nil
	}
	return s.cfg.Threads.Threads(ctx, limit)
}

// Messages lists the visible messages of a visible thread.
func (s *Service) Messages(ctx context.Context, id string, limit int) ([]liaison.Message, error) {
	if s.cfg.Threads == nil {
		return nil, liaison.Errorf(liaison.ErrNotFound, "thread %s", id)
	}
	ms, err := s.cfg.Threads.Messages(ctx, id, limit)
	if err != nil {
		return nil, err
	}
	v, _ := liaison.ViewerFrom(ctx)
	for i := range ms {
		ms[i].Attachments = visibleAttachments(v, ms[i].Attachments)
	}
	return ms, nil
}
