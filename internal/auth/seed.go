package auth

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// DemoUser is a seeded account and its demo credentials, for the demo to print.
type DemoUser struct {
	Name      string       `json:"name"`
	Password  string       `json:"password"`
	Nation    string       `json:"nation"`
	Role      liaison.Role `json:"role"`
	Clearance string       `json:"clearance"`
	Caveats   []string     `json:"caveats,omitempty"`
	Token     string       `json:"token,omitempty"` // empty when the user already existed
}

// DemoNations are the nations that get one user per role in the demo.
var demoNations = []string{"USA", "FRA", "GBR", "JPN"}

var demoRoles = []liaison.Role{liaison.RoleReader, liaison.RoleAnalyst, liaison.RoleOfficer, liaison.RoleAdmin}

// SeedDemo stores the built-in nations (SeedNations) and demo users:
// one per role for USA, FRA, GBR and JPN, plus an admin of the alliance staff
// (marking.OrganisationCode). Names are "<nation>-<role>" in lower case and
// each password is the name followed by "-demo" — for demos only. Clearance
// rises with role (reader: third level from the top of the policy's range,
// analyst: second, officer and admin: top); US officers and admins and the
// staff admin hold the caveat ATOMAL. Existing users are left as they are.
func SeedDemo(ctx context.Context, nations liaison.NationStore, svc *Service, p *marking.Policy) ([]DemoUser, error) {
	sys := liaison.SystemContext(ctx)
	if _, err := SeedNations(sys, nations); err != nil {
		return nil, err
	}
	top := len(p.Levels) - 1
	clearance := map[liaison.Role]int{liaison.RoleReader: max(top-2, 0), liaison.RoleAnalyst: max(top-1, 0),
		liaison.RoleOfficer: top, liaison.RoleAdmin: top}
	var specs []DemoUser
	for _, nat := range demoNations {
		for _, r := range demoRoles {
			specs = append(specs, DemoUser{Nation: nat, Role: r})
		}
	}
	specs = append(specs, DemoUser{Nation: marking.OrganisationCode, Role: liaison.RoleAdmin})
	out := make([]DemoUser, 0, len(specs))
	for _, d := range specs {
		d.Name = strings.ToLower(d.Nation) + "-" + string(d.Role)
		d.Password = d.Name + "-demo"
		lvl := clearance[d.Role]
		d.Clearance = p.LevelName(lvl)
		if (d.Nation == "USA" && d.Role.Can(liaison.RoleOfficer)) || d.Nation == marking.OrganisationCode {
			d.Caveats = []string{"ATOMAL"}
		}
		u := &liaison.User{Name: d.Name, Nation: d.Nation, Role: d.Role, Clearance: lvl, Caveats: d.Caveats}
		tok, _, err := svc.AddUser(sys, u, d.Password)
		if err != nil && !errors.Is(err, liaison.ErrDuplicate) {
			return nil, fmt.Errorf("seed user %s: %w", d.Name, err)
		}
		d.Token = tok
		out = append(out, d)
	}
	return out, nil
}

// SeedNations stores each built-in nation (marking.SeedNations, with its
// status and dated group memberships) that the store does not hold yet, and
// returns the ones it added. A new node needs them before its first user
// (a user's nation must exist) and for "REL TO NATO" to expand. A nation
// already stored, perhaps changed by an admin, is left as it is, so seeding
// again changes nothing.
func SeedNations(ctx context.Context, nations liaison.NationStore) ([]liaison.Nation, error) {
	sys := liaison.SystemContext(ctx)
	have, err := nations.Nations(sys)
	if err != nil {
		return nil, fmt.Errorf("seed nations: %w", err)
	}
	stored := make(map[string]bool, len(have))
	for _, n := range have {
		stored[n.Code] = true
	}
	var added []liaison.Nation
	for _, n := range marking.SeedNations() {
		if stored[n.Code] {
			continue
		}
		if err := nations.PutNation(sys, &n); err != nil {
			return added, fmt.Errorf("seed nation %s: %w", n.Code, err)
		}
		added = append(added, n)
	}
	return added, nil
}
