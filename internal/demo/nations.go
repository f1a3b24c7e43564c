package demo

import (
	"slices"
	"time"

	"github.com/liaison-project/liaison"
)

// EUGroup is the group name of the European Union memberships the demo
// adds, so that "REL TO EU" means something in the demo.
const EUGroup = "EU"

// euAccessions are the dates (public facts) on which the nations of the
// demo's set joined the European Communities / Union; the United Kingdom's
// membership ended on 31 January 2020 (until is exclusive). EU members
// outside the demo's nation set (Austria, Cyprus, Ireland, Malta) have no
// nation there to carry a membership.
var euAccessions = map[string][2]string{
	"BEL": {"1958-01-01"}, "FRA": {"1958-01-01"}, "DEU": {"1958-01-01"}, "ITA": {"1958-01-01"},
	"LUX": {"1958-01-01"}, "NLD": {"1958-01-01"},
	"DNK": {"1973-01-01"}, "GBR": {"1973-01-01", "2020-02-01"},
	"GRC": {"1981-01-01"}, "ESP": {"1986-01-01"}, "PRT": {"1986-01-01"},
	"FIN": {"1995-01-01"}, "SWE": {"1995-01-01"},
	"CZE": {"2004-05-01"}, "EST": {"2004-05-01"}, "HUN": {"2004-05-01"}, "LVA": {"2004-05-01"},
	"LTU": {"2004-05-01"}, "POL": {"2004-05-01"}, "SVK": {"2004-05-01"}, "SVN": {"2004-05-01"},
	"BGR": {"2007-01-01"}, "ROU": {"2007-01-01"}, "HRV": {"2013-07-01"},
}

// EUMembership returns the dated EU membership of the nation code, if the
// demo knows one.
func EUMembership(code string) (liaison.Membership, bool) {
	d, ok := euAccessions[code]
	if !ok {
		return liaison.Membership{}, false
	}
	m := liaison.Membership{Group: EUGroup, Since: day(d[0])}
	if d[1] != "" {
		m.Until = day(d[1])
	}
	return m, true
}

// WithEU returns the nations with their EU memberships added (a nation that
// already lists a membership of the group is left as it is). The input is
// not modified.
func WithEU(nations []liaison.Nation) []liaison.Nation {
	out := make([]liaison.Nation, len(nations))
	for i, n := range nations {
		n.Groups = slices.Clone(n.Groups)
		if m, ok := EUMembership(n.Code); ok && !slices.ContainsFunc(n.Groups, func(g liaison.Membership) bool { return g.Group == EUGroup }) {
			n.Groups = append(n.Groups, m)
		}
		out[i] = n
	}
	return out
}

// day parses a table date; the table is fixed and tested.
func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic("demo: bad EU accession date " + s)
	}
	return t
}
