package coord

import (
	"testing"
	"time"

	"github.com/liaison-project/liaison"
)

func BenchmarkDecide(b *testing.B) {
	p := fixture(liaison.StateCirculating, liaison.ProcedureConsensus)
	a := kinds["decider"]
	now := t0.Add(time.Hour)
	for b.Loop() {
		if _, _, err := Decide(p, Step{Action: ActConcur}, a, now); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkActSQLite is one comment through the service: load under the
// visibility predicate, decide, save with the revision check, audit and
// notify.
func BenchmarkActSQLite(b *testing.B) {
	db := tempDB(b)
	s := newService(b, db, &clock{t: t0})
	p := circulating(b, s, liaison.ProcedureSilence, liaison.Marking{}, t0.Add(48*time.Hour))
	ctx := as("JPN", liaison.RoleAnalyst)
	for b.Loop() {
		if _, err := s.Act(ctx, p.ID, Step{Action: ActComment, Text: "noted"}); err != nil {
			b.Fatal(err)
		}
	}
}
