package coord

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/liaison-project/liaison"
)

// Draft is what a proposer writes to create a proposal.
type Draft struct {
	Title       string
	Text        string
	Procedure   liaison.Procedure
	Deadline    time.Time // optional at creation; required to circulate
	Deciders    []string  // nil: the service fills in the member nations
	Consulted   []string
	Marking     liaison.Marking
	Origin      liaison.Origin
	Attachments []liaison.Attachment
	Links       []liaison.Link
}

// Limits on what a proposal may carry.
const (
	maxTitle      = 300
	maxText       = 200_000
	maxAttachment = 1 << 20
)

// New validates d and returns a draft proposal of actor's nation.
func New(d Draft, a Actor, now time.Time) (*liaison.Proposal, []liaison.ProposalEvent, error) {
	now = now.UTC()
	if !a.can(liaison.RoleOfficer) {
		return nil, nil, liaison.Errorf(liaison.ErrForbidden, "create proposal: only officers and admins may propose")
	}
	if a.Nation == "" {
		return nil, nil, liaison.Errorf(liaison.ErrInvalid, "create proposal: the proposing nation is missing (give --as NATION)")
	}
	if err := validate(d, now); err != nil {
		return nil, nil, err
	}
	if err := releasable(d, a.Nation); err != nil {
		return nil, nil, err
	}
	p := &liaison.Proposal{
		ID: liaison.NewID(now), Title: strings.TrimSpace(d.Title), Text: d.Text, Version: 1,
		Attachments: d.Attachments, Links: d.Links, Marking: d.Marking, Origin: d.Origin,
		ProposingNation: a.Nation, Procedure: d.Procedure, Deadline: d.Deadline.UTC(),
		Deciders: normNations(d.Deciders), Consulted: normNations(d.Consulted),
		Created: now, Updated: now,
	}
	if d.Deadline.IsZero() {
		p.Deadline = time.Time{}
	}
	if p.Origin.Nation == "" {
		p.Origin.Nation = a.Nation
	}
	p.Versions = []liaison.ProposalVersion{{Version: 1, Title: p.Title, Text: p.Text, Time: now, Nation: a.Nation, UserID: a.UserID, Deadline: p.Deadline}}
	ev := record(p, now, a, "create", liaison.StateDraft, string(p.Procedure)+" procedure")
	return p, []liaison.ProposalEvent{ev}, nil
}

// validate checks a draft, naming the bad field.
func validate(d Draft, now time.Time) error {
	title := strings.TrimSpace(d.Title)
	switch {
	case title == "":
		return liaison.Errorf(liaison.ErrInvalid, "create proposal: empty title")
	case utf8.RuneCountInString(title) > maxTitle:
		return liaison.Errorf(liaison.ErrInvalid, "create proposal: title longer than %d characters", maxTitle)
	case strings.TrimSpace(d.Text) == "":
		return liaison.Errorf(liaison.ErrInvalid, "create proposal %q: empty text", title)
	case len(d.Text) > maxText:
		return liaison.Errorf(liaison.ErrInvalid, "create proposal %q: text longer than %d bytes", title, maxText)
	case !d.Procedure.Valid():
		return liaison.Errorf(liaison.ErrInvalid, "create proposal %q: procedure %q: want consensus or silence", title, d.Procedure)
	case !d.Deadline.IsZero() && !d.Deadline.After(now):
		return liaison.Errorf(liaison.ErrInvalid, "create proposal %q: deadline %s is not in the future", title, fmtT(d.Deadline))
	}
	deciders, consulted := normNations(d.Deciders), normNations(d.Consulted)
	if len(deciders) == 0 {
		return liaison.Errorf(liaison.ErrInvalid, "create proposal %q: no deciding nations", title)
	}
	for _, c := range consulted {
		if slices.Contains(deciders, c) {
			return liaison.Errorf(liaison.ErrInvalid, "create proposal %q: %s is both a decider and consulted", title, c)
		}
	}
	for _, n := range append(slices.Clone(deciders), consulted...) {
		if !plainCode(n) {
			return liaison.Errorf(liaison.ErrInvalid, "create proposal %q: %q is not a nation code", title, n)
		}
	}
	for _, at := range d.Attachments {
		if at.Name == "" || len(at.Data) > maxAttachment || (len(at.Data) == 0 && at.Ref == "") {
			return liaison.Errorf(liaison.ErrInvalid, "create proposal %q: attachment %q needs a name and data up to %d bytes or a reference", title, at.Name, maxAttachment)
		}
	}
	if err := checkAttachmentMarkings("create proposal "+strconv.Quote(title), "the proposal's", d.Attachments, d.Marking); err != nil {
		return err
	}
	for _, l := range d.Links {
		if l.ID == "" || (l.Kind != "document" && l.Kind != "event" && l.Kind != "report") {
			return liaison.Errorf(liaison.ErrInvalid, "create proposal %q: link %s:%s: want kind document, event or report and an id", title, l.Kind, l.ID)
		}
	}
	return nil
}

// releasable refuses a marking that would hide the proposal from one of its
// parties: a decider who cannot see it could not break silence.
func releasable(d Draft, proposer string) error {
	if len(d.Marking.RelTo) == 0 {
		return nil
	}
	parties := append(append([]string{proposer}, normNations(d.Deciders)...), normNations(d.Consulted)...)
	for _, n := range parties {
		if !contains(d.Marking.RelTo, n) {
			return liaison.Errorf(liaison.ErrInvalid, "create proposal %q: its marking does not release it to %s, a party to it", strings.TrimSpace(d.Title), n)
		}
	}
	return nil
}

// normNations upper-cases, trims, sorts and de-duplicates nation codes.
func normNations(ns []string) []string {
	var out []string
	for _, n := range ns {
		if n = strings.ToUpper(strings.TrimSpace(n)); n != "" {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// plainCode reports whether s looks like a nation code (A-Z, 0-9, 2-8 long).
func plainCode(s string) bool {
	if len(s) < 2 || len(s) > 8 {
		return false
	}
	for _, r := range s {
		if (r < 'A' || r > 'Z') && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

func itoa(n int) string { return strconv.Itoa(n) }

// excerpt returns at most n runes of s on one line.
func excerpt(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
