package report

import (
	"context"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// RequiredMarking is the least restricted marking a report citing cites may
// carry: marking.Max over every cited item's marking (the lowest level,
// releasable to all, when it cites nothing). The UI and API show it before
// saving. A cited id the viewer cannot see answers exactly like a missing
// one.
func (s *Service) RequiredMarking(ctx context.Context, cites []string) (liaison.Marking, error) {
	req := liaison.Marking{Classification: "", Level: 0}
	first := true
	cited, err := s.Cites(ctx, cites)
	if err != nil {
		return liaison.Marking{}, err
	}
	for _, c := range cited {
		if c.Kind == "" {
			return liaison.Marking{}, liaison.Errorf(liaison.ErrInvalid, "report cites %q: no such document, event or report", c.ID)
		}
		if c.Kind == CiteReport && c.Draft {
			// A draft is seen by its nation only: a released report citing it
			// would show its id to nations that cannot see it.
			return liaison.Marking{}, liaison.Errorf(liaison.ErrInvalid, "report cites %q: a draft report cannot be cited until it is released", c.ID)
		}
		m := c.Marking
		if first {
			req, first = m, false
			continue
		}
		if req, err = marking.Max(req, m); err != nil {
			return liaison.Marking{}, liaison.Errorf(liaison.ErrInvalid,
				"report cites: no nation may see everything cited, so no marking can cover it (%v)", err)
		}
	}
	if first {
		return s.cfg.ParseMarking(ctx, s.lowest())
	}
	return req, nil
}

// lowest is the text of the policy's lowest level (the default policy's
// PUBLIC).
func (s *Service) lowest() string { return s.cfg.Policy.LevelName(0) }

// covers checks that m is at least as restricted as req: level no lower,
// releasable to no nation req excludes, and every caveat of req. The error
// names the marking required, for the form to show before saving.
func covers(m, req liaison.Marking) error {
	if marking.AtLeast(m, req) {
		return nil
	}
	return liaison.Errorf(liaison.ErrInvalid, "report marking %q is less restricted than what it cites: at least %q is required",
		marking.Format(m), marking.Format(req))
}
