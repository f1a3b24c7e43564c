package marking

import (
	"strings"
	"time"

	"github.com/liaison-project/liaison"
)

// OrganisationCode is the code the seed set gives the alliance's own staff.
// ISO 3166 reserves X.. codes for user assignment, so "XNS" (NATO Staff)
// cannot clash with a real nation, and a group named "NATO" stays free for
// REL TO. The staff are in group NATO: "REL TO NATO" reaches them.
const OrganisationCode = "XNS"

// seedNation is one row of the built-in nation table: code, name, status and
// "GROUP:YYYY-MM-DD" memberships.
type seedNation struct {
	code, name string
	status     liaison.NationStatus
	groups     []string
}

// Accession dates are public facts (North Atlantic Treaty signatories 1949,
// later accessions); IP4 dates from the first leaders' attendance at a summit
// (Madrid, 2022-06-29).
var seedNations = []seedNation{
	{"ALB", "Albania", liaison.NationMember, []string{"NATO:2009-04-01"}},
	{"BEL", "Belgium", liaison.NationMember, []string{"NATO:1949-08-24"}},
	{"BGR", "Bulgaria", liaison.NationMember, []string{"NATO:2004-03-29"}},
	{"CAN", "Canada", liaison.NationMember, []string{"NATO:1949-08-24"}},
	{"HRV", "Croatia", liaison.NationMember, []string{"NATO:2009-04-01"}},
	{"CZE", "Czechia", liaison.NationMember, []string{"NATO:1999-03-12"}},
	{"DNK", "Denmark", liaison.NationMember, []string{"NATO:1949-08-24"}},
	{"EST", "Estonia", liaison.NationMember, []string{"NATO:2004-03-29"}},
	{"FIN", "Finland", liaison.NationMember, []string{"NATO:2023-04-04"}},
	{"FRA", "France", liaison.NationMember, []string{"NATO:1949-08-24"}},
	{"DEU", "Germany", liaison.NationMember, []string{"NATO:1955-05-06"}},
	{"GRC", "Greece", liaison.NationMember, []string{"NATO:1952-02-18"}},
	{"HUN", "Hungary", liaison.NationMember, []string{"NATO:1999-03-12"}},
	{"ISL", "Iceland", liaison.NationMember, []string{"NATO:1949-08-24"}},
	{"ITA", "Italy", liaison.NationMember, []string{"NATO:1949-08-24"}},
	{"LVA", "Latvia", liaison.NationMember, []string{"NATO:2004-03-29"}},
	{"LTU", "Lithuania", liaison.NationMember, []string{"NATO:2004-03-29"}},
	{"LUX", "Luxembourg", liaison.NationMember, []string{"NATO:1949-08-24"}},
	{"MNE", "Montenegro", liaison.NationMember, []string{"NATO:2017-06-05"}},
	{"NLD", "Netherlands", liaison.NationMember, []string{"NATO:1949-08-24"}},
	{"MKD", "North Macedonia", liaison.NationMember, []string{"NATO:2020-03-27"}},
	{"NOR", "Norway", liaison.NationMember, []string{"NATO:1949-08-24"}},
	{"POL", "Poland", liaison.NationMember, []string{"NATO:1999-03-12"}},
	{"PRT", "Portugal", liaison.NationMember, []string{"NATO:1949-08-24"}},
	{"ROU", "Romania", liaison.NationMember, []string{"NATO:2004-03-29"}},
	{"SVK", "Slovakia", liaison.NationMember, []string{"NATO:2004-03-29"}},
	{"SVN", "Slovenia", liaison.NationMember, []string{"NATO:2004-03-29"}},
	{"ESP", "Spain", liaison.NationMember, []string{"NATO:1982-05-30"}},
	{"SWE", "Sweden", liaison.NationMember, []string{"NATO:2024-03-07"}},
	{"TUR", "Türkiye", liaison.NationMember, []string{"NATO:1952-02-18"}},
	{"GBR", "United Kingdom", liaison.NationMember, []string{"NATO:1949-08-24"}},
	{"USA", "United States", liaison.NationMember, []string{"NATO:1949-08-24"}},
	{"AUS", "Australia", liaison.NationPartner, []string{"IP4:2022-06-29"}},
	{"JPN", "Japan", liaison.NationPartner, []string{"IP4:2022-06-29"}},
	{"KOR", "Republic of Korea", liaison.NationPartner, []string{"IP4:2022-06-29"}},
	{"NZL", "New Zealand", liaison.NationPartner, []string{"IP4:2022-06-29"}},
	{OrganisationCode, "NATO International Staff", liaison.NationOrganisation, []string{"NATO:1952-04-04"}},
}

// SeedNations returns the built-in nation set: the 32 members with their
// accession dates (31 in July 2023: Finland from 2023-04-04, Sweden only from
// 2024-03-07), the IP4 partners (AUS, JPN, KOR, NZL) in group IP4, and the
// alliance staff as organisation OrganisationCode in group NATO.
func SeedNations() []liaison.Nation {
	out := make([]liaison.Nation, 0, len(seedNations))
	for _, s := range seedNations {
		n := liaison.Nation{Code: s.code, Name: s.name, Status: s.status}
		for _, g := range s.groups {
			m, err := ParseMembership(g)
			if err != nil {
				panic("marking: bad seed membership " + g) // a table typo: caught by tests
			}
			n.Groups = append(n.Groups, m)
		}
		out = append(out, n)
	}
	return out
}

// ParseMembership reads "GROUP", "GROUP:SINCE" or "GROUP:SINCE:UNTIL" with
// dates as YYYY-MM-DD (the --group flag of "liaison nation add").
func ParseMembership(s string) (liaison.Membership, error) {
	var m liaison.Membership
	parts := strings.SplitN(s, ":", 3)
	m.Group = normalise(parts[0])
	if err := checkEntry(m.Group); err != nil {
		return m, liaison.Errorf(liaison.ErrInvalid, "group %q: %v", s, err)
	}
	for i, dst := range []*time.Time{&m.Since, &m.Until} {
		if i+1 >= len(parts) || parts[i+1] == "" {
			continue
		}
		t, err := time.Parse(time.DateOnly, parts[i+1])
		if err != nil {
			return m, liaison.Errorf(liaison.ErrInvalid, "group %q: date %q is not YYYY-MM-DD", s, parts[i+1])
		}
		*dst = t
	}
	if !m.Until.IsZero() && !m.Until.After(m.Since) {
		return m, liaison.Errorf(liaison.ErrInvalid, "group %q: until is not after since", s)
	}
	return m, nil
}
