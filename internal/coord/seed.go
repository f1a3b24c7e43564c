package coord

import (
	"context"
	"fmt"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// Demo proposal titles, so callers and tests can find them.
const (
	DemoTokyoTitle   = "Open a NATO liaison office in Tokyo"
	DemoAdoptedTitle = "Joint statement on maritime security cooperation with the IP4"
)

func officer(ctx context.Context, nation string) context.Context {
	return liaison.WithViewer(ctx, liaison.Viewer{UserID: "demo-" + nation, Name: "demo officer " + nation,
		Nation: nation, Role: liaison.RoleOfficer, Clearance: 4})
}

// SeedDemo stores the demo's proposals: the Tokyo liaison office under
// silence procedure, proposed by the International Staff with Japan
// consulted, blocked by France's objection; and a maritime statement adopted
// by consensus of a committee with the IP4 and the staff consulted. The
// service's nation store must hold the seed nations. Seeding twice adds
// nothing.
func SeedDemo(ctx context.Context, s *Service) error {
	existing, err := s.cfg.Proposals.Proposals(liaison.SystemContext(ctx), liaison.ProposalFilter{Limit: 1000})
	if err != nil {
		return err
	}
	for _, p := range existing {
		if p.Title == DemoTokyoTitle {
			return nil
		}
	}
	now := s.Now()
	mk, err := marking.Parse(marking.Default(), marking.NewNations(marking.SeedNations(), now), "NATO UNCLASSIFIED // REL TO NATO, JPN")
	if err != nil {
		return fmt.Errorf("demo proposal marking: %w", err)
	}
	staff := officer(ctx, marking.OrganisationCode)
	var members []string // the member nations of the day, as in the seed set
	for _, n := range marking.SeedNations() {
		if n.Status == liaison.NationMember && n.MemberOf("NATO", now) {
			members = append(members, n.Code)
		}
	}
	tokyo, err := s.Create(staff, Draft{Title: DemoTokyoTitle, Procedure: liaison.ProcedureSilence, Consulted: []string{"JPN"},
		Deciders: members,
		Marking:  mk, Deadline: now.Add(7 * 24 * time.Hour),
		Text: "## Proposal\n\nThe Alliance opens a liaison office in Tokyo, its first in Asia, to deepen\n" +
			"dialogue with Japan and the Indo-Pacific partners on cyber defence, emerging\n" +
			"technologies and maritime security.\n\n## Silence procedure\n\n" +
			"Unless silence is broken, the proposal is adopted at the deadline."})
	if err != nil {
		return fmt.Errorf("demo proposal: %w", err)
	}
	steps := []struct {
		ctx context.Context
		id  *string
		st  Step
	}{
		{staff, &tokyo.ID, Step{Action: ActCirculate}},
		{officer(ctx, "JPN"), &tokyo.ID, Step{Action: ActComment, Text: "Japan welcomes the proposal and stands ready to host the office."}},
		{officer(ctx, "DEU"), &tokyo.ID, Step{Action: ActConcur}},
		{officer(ctx, "FRA"), &tokyo.ID, Step{Action: ActObject, Text: "France breaks silence: the Alliance's remit is the North Atlantic; " +
			"an office in Tokyo would draw it into the Indo-Pacific. France cannot agree to this proposal."}},
	}
	for _, st := range steps {
		if _, err := s.Act(st.ctx, *st.id, st.st); err != nil {
			return fmt.Errorf("demo proposal %s: %w", st.st.Action, err)
		}
	}
	ip4, err := marking.Parse(marking.Default(), marking.NewNations(marking.SeedNations(), now), "NATO UNCLASSIFIED // REL TO NATO, IP4")
	if err != nil {
		return fmt.Errorf("demo proposal marking: %w", err)
	}
	return seedAdopted(ctx, s, ip4, now)
}

func seedAdopted(ctx context.Context, s *Service, mk liaison.Marking, now time.Time) error {
	usa := officer(ctx, "USA")
	p, err := s.Create(usa, Draft{Title: DemoAdoptedTitle, Procedure: liaison.ProcedureConsensus,
		Deciders: []string{"USA", "GBR", "DEU", "FRA"}, Consulted: []string{"AUS", "JPN", "KOR", "NZL", marking.OrganisationCode},
		Marking: mk, Deadline: now.Add(3 * 24 * time.Hour),
		Text: "The Alliance and its Indo-Pacific partners reaffirm freedom of navigation and\n" +
			"commit to regular exchanges on maritime domain awareness."})
	if err != nil {
		return fmt.Errorf("demo adopted proposal: %w", err)
	}
	if _, err := s.Act(usa, p.ID, Step{Action: ActCirculate}); err != nil {
		return err
	}
	if _, err := s.Act(usa, p.ID, Step{Action: ActAmend, Text: "The Alliance and its Indo-Pacific partners reaffirm freedom of navigation and\n" +
		"commit to regular exchanges on maritime domain awareness and cyber defence."}); err != nil {
		return err
	}
	for _, n := range []string{"USA", "GBR", "DEU"} {
		if _, err := s.Act(officer(ctx, n), p.ID, Step{Action: ActConcur}); err != nil {
			return err
		}
	}
	_, err = s.Act(officer(ctx, "FRA"), p.ID, Step{Action: ActAgree, Text: "France agrees to disagree on the reference to cyber defence."})
	return err
}
