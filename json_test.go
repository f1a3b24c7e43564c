package liaison

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// TestJSONOmitsUnknown: a zero time that means "unknown" or "never" and an
// event's absent marking are left out of the JSON, not printed as
// "0001-01-01T00:00:00Z" or an empty marking; set values are kept.
func TestJSONOmitsUnknown(t *testing.T) {
	when := time.Date(2026, 3, 4, 17, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name       string
		zero, set  any
		field, val string
	}{
		{"event marking", Event{}, Event{Marking: Marking{Classification: "PUBLIC"}}, `"marking"`, `"PUBLIC"`},
		{"membership since", Membership{}, Membership{Since: when}, `"since"`, "2026-03-04"},
		{"membership until", Membership{}, Membership{Until: when}, `"until"`, "2026-03-04"},
		{"user locked_until", User{}, User{LockedUntil: when}, `"locked_until"`, "2026-03-04"},
		{"token last_used", Token{}, Token{LastUsed: when}, `"last_used"`, "2026-03-04"},
		{"token revoked", Token{}, Token{Revoked: when}, `"revoked"`, "2026-03-04"},
		{"feed last_polled", Feed{}, Feed{LastPolled: when}, `"last_polled"`, "2026-03-04"},
		{"proposal deadline", Proposal{}, Proposal{Deadline: when}, `"deadline"`, "2026-03-04"},
		{"proposal circulated_at", Proposal{}, Proposal{CirculatedAt: when}, `"circulated_at"`, "2026-03-04"},
		{"version deadline", ProposalVersion{}, ProposalVersion{Deadline: when}, `"deadline"`, "2026-03-04"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			z, err := json.Marshal(tc.zero)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(z), tc.field) {
				t.Errorf("zero value: %s holds %s", z, tc.field)
			}
			s, err := json.Marshal(tc.set)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(s), tc.field) || !strings.Contains(string(s), tc.val) {
				t.Errorf("set value: %s lacks %s %s", s, tc.field, tc.val)
			}
		})
	}
}
