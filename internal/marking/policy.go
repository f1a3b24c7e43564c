// Package marking reads classification policies and parses, prints, combines
// and checks markings. Nothing here knows about NATO: the default policy is
// just an embedded policy file, and groups come from the nations a node knows.
//
// Canonical text form (one line, segments separated by " // "):
//
//	LEVEL [// CAVEAT]... [// REL TO ENTRY, ENTRY...]
//
// LEVEL is a level name (or alias) of the policy; each CAVEAT is an upper-case
// word or words the reader must hold (e.g. "ATOMAL"); ENTRY is a group name
// ("NATO", "IP4") or a nation code ("JPN"). Input is case-insensitive and
// tolerant of spacing; output puts caveats sorted, then REL TO with groups
// sorted, then nations sorted (nations already in a listed group dropped).
// A level may carry default_rel_to in the policy: "NATO SECRET" alone then
// means "NATO SECRET // REL TO NATO". A REL TO that expands to no nation is an
// error, never "releasable to all". "REL TO NONE", on its own, is the one way
// to write "releasable to no nation" (liaison.NoNation: only the system sees
// it); it is what a banner over items sharing no nation prints, so NONE is
// never read as a nation or group.
package marking

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/liaison-project/liaison"
)

//go:embed default_policy.json
var defaultPolicyJSON []byte

// Level is one classification of a policy. Its index in Policy.Levels is
// the Level stored with markings and compared with a viewer's clearance.
type Level struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"`
	// TLP is the TLP 2.0 label used on export: CLEAR, GREEN, AMBER,
	// AMBER+STRICT or RED.
	TLP string `json:"tlp"`
	// DefaultRelTo applies when a marking at this level names no REL TO.
	DefaultRelTo []string `json:"default_rel_to,omitempty"`
}

// Policy is an ordered list of classifications (lowest first) and, when
// non-empty, the caveats a marking may carry.
type Policy struct {
	Name    string   `json:"name"`
	Levels  []Level  `json:"levels"`
	Caveats []string `json:"caveats,omitempty"`

	byName map[string]int
}

// maxLevels bounds a policy file: levels are compared as small integers.
const maxLevels = 64

// Default returns the built-in policy: PUBLIC < NATO UNCLASSIFIED < NATO
// RESTRICTED < NATO CONFIDENTIAL < NATO SECRET.
func Default() *Policy {
	p, err := ParsePolicy(defaultPolicyJSON)
	if err != nil {
		panic("marking: embedded default policy is invalid: " + err.Error())
	}
	return p
}

// ParsePolicy reads a policy file (JSON, the shape of default_policy.json)
// and validates it: 1..64 levels, unique names and aliases, known TLP labels.
func ParsePolicy(data []byte) (*Policy, error) {
	var p Policy
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return nil, liaison.Errorf(liaison.ErrInvalid, "policy file: %v", err)
	}
	if err := p.init(); err != nil {
		return nil, err
	}
	return &p, nil
}

func (p *Policy) init() error {
	if len(p.Levels) == 0 || len(p.Levels) > maxLevels {
		return liaison.Errorf(liaison.ErrInvalid, "policy %q: needs 1 to %d levels, has %d", p.Name, maxLevels, len(p.Levels))
	}
	p.byName = map[string]int{}
	for i := range p.Levels {
		l := &p.Levels[i]
		l.Name = normalise(l.Name)
		names := append([]string{l.Name}, l.Aliases...)
		for j, n := range names {
			n = normalise(n)
			if err := checkWord(n, "level name"); err != nil {
				return liaison.Errorf(liaison.ErrInvalid, "policy %q level %d: %v", p.Name, i, err)
			}
			if _, dup := p.byName[n]; dup {
				return liaison.Errorf(liaison.ErrInvalid, "policy %q: level name %q used twice", p.Name, n)
			}
			p.byName[n] = i
			if j > 0 {
				l.Aliases[j-1] = n
			}
		}
		l.TLP = strings.ToUpper(strings.TrimPrefix(strings.ToUpper(strings.TrimSpace(l.TLP)), "TLP:"))
		if tlpRank(l.TLP) < 0 {
			return liaison.Errorf(liaison.ErrInvalid, "policy %q level %q: unknown TLP label %q", p.Name, l.Name, l.TLP)
		}
		for k, g := range l.DefaultRelTo {
			g = normalise(g)
			if err := checkEntry(g); err != nil {
				return liaison.Errorf(liaison.ErrInvalid, "policy %q level %q default_rel_to: %v", p.Name, l.Name, err)
			}
			l.DefaultRelTo[k] = g
		}
	}
	for i, c := range p.Caveats {
		c = normalise(c)
		if err := checkWord(c, "caveat"); err != nil {
			return liaison.Errorf(liaison.ErrInvalid, "policy %q caveat %d: %v", p.Name, i, err)
		}
		p.Caveats[i] = c
	}
	return nil
}

// Level returns the index of a level given by name, alias or number.
func (p *Policy) Level(name string) (int, error) {
	n := normalise(name)
	if i, ok := p.byName[n]; ok {
		return i, nil
	}
	if i, err := strconv.Atoi(n); err == nil && i >= 0 && i < len(p.Levels) {
		return i, nil
	}
	return 0, liaison.Errorf(liaison.ErrInvalid, "unknown classification %q (policy %q has %s)", name, p.Name, p.levelList())
}

// LevelName returns the name of level i, or "LEVEL i" when out of range.
func (p *Policy) LevelName(i int) string {
	if i >= 0 && i < len(p.Levels) {
		return p.Levels[i].Name
	}
	return fmt.Sprintf("LEVEL %d", i)
}

func (p *Policy) levelList() string {
	names := make([]string, len(p.Levels))
	for i, l := range p.Levels {
		names[i] = l.Name
	}
	return strings.Join(names, " < ")
}

func (p *Policy) caveatAllowed(c string) bool {
	if len(p.Caveats) == 0 {
		return true
	}
	for _, a := range p.Caveats {
		if a == c {
			return true
		}
	}
	return false
}

var tlpOrder = []string{"CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"}

func tlpRank(label string) int {
	for i, l := range tlpOrder {
		if l == label {
			return i
		}
	}
	return -1
}

// TLP returns the TLP 2.0 label for exporting m: the level's label, raised to
// at least TLP:AMBER when m is releasable to listed nations only, and to at
// least TLP:AMBER+STRICT when it carries caveats. Unknown levels, and items
// releasable to no nation (REL TO NONE), export RED.
func (p *Policy) TLP(m liaison.Marking) string {
	if m.Level < 0 || m.Level >= len(p.Levels) || slices.Equal(m.RelTo, []string{liaison.NoNation}) {
		return "TLP:RED"
	}
	r := tlpRank(p.Levels[m.Level].TLP)
	if len(m.RelTo) > 0 {
		r = max(r, tlpRank("AMBER"))
	}
	if len(m.Caveats) > 0 {
		r = max(r, tlpRank("AMBER+STRICT"))
	}
	return "TLP:" + tlpOrder[r]
}
