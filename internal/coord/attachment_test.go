package coord

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// threadsOnly hides the store's MessageReader, so the service reads a
// message through Messages.
type threadsOnly struct{ liaison.ThreadStore }

// attMsg is a stored message with its thread.
type attMsg struct {
	th *liaison.Thread
	m  *liaison.Message
}

// randomMessages stores 12 threads of 3 messages each, every one with a
// random marking (and participants) and an attachment.
func randomMessages(t *testing.T, db liaison.ThreadStore, rng *rand.Rand, nations []string) []attMsg {
	t.Helper()
	sys := liaison.SystemContext(context.Background())
	now := time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)
	var out []attMsg
	for i := range 12 {
		parts := append(randSubset(rng, nations, 0.5), "FRA")
		th := &liaison.Thread{ID: fmt.Sprintf("T%02d", i), Subject: "s", Participants: slices.Compact(slices.Sorted(slices.Values(parts))),
			Marking: randMarking(rng, nations), Nation: "FRA", Created: now, Updated: now}
		if err := db.CreateThread(sys, th); err != nil {
			t.Fatal(err)
		}
		for j := range 3 {
			m := &liaison.Message{ID: fmt.Sprintf("M%02d%d", i, j), ThreadID: th.ID, Nation: "FRA", Text: "t", Marking: randMarking(rng, nations),
				Attachments: []liaison.Attachment{{Name: "a.txt", Data: []byte(fmt.Sprint("file ", i, j))}}, Time: now}
			if err := db.PostMessage(sys, m); err != nil {
				t.Fatal(err)
			}
			out = append(out, attMsg{th, m})
		}
	}
	return out
}

func randSubset(rng *rand.Rand, xs []string, p float64) []string {
	var out []string
	for _, x := range xs {
		if rng.Float64() < p {
			out = append(out, x)
		}
	}
	return out
}

func randMarking(rng *rand.Rand, nations []string) liaison.Marking {
	return liaison.Marking{Classification: "L", Level: rng.IntN(3), RelTo: randSubset(rng, nations, 0.6),
		Caveats: randSubset(rng, []string{"ALPHA"}, 0.2)}
}

// TestAttachmentVisibilityProperty stores random threads and messages with
// random markings, parties and attachments, and checks for random viewers
// that an attachment is served exactly when the reference rule lets the
// viewer see its parent, with the stricter marking of thread and message —
// through the store's one-message query and through the Messages fallback
// alike. Every refusal is the same ErrNotFound.
func TestAttachmentVisibilityProperty(t *testing.T) {
	db := tempDB(t)
	rng := rand.New(rand.NewPCG(3, 5))
	nations := []string{"DEU", "FRA", "GBR", "JPN", "KOR"}
	msgs := randomMessages(t, db, rng, nations)
	direct, err := NewService(Config{Proposals: db, Threads: db})
	if err != nil {
		t.Fatal(err)
	}
	fallback, err := NewService(Config{Proposals: db, Threads: threadsOnly{db}})
	if err != nil {
		t.Fatal(err)
	}
	served := 0
	for range 16 {
		v := liaison.Viewer{Nation: nations[rng.IntN(len(nations))], Role: liaison.RoleOfficer, Clearance: rng.IntN(3),
			Caveats: randSubset(rng, []string{"ALPHA"}, 0.5)}
		ctx := liaison.WithViewer(context.Background(), v)
		for _, x := range msgs {
			want := marking.Visible(v, x.th.Marking) && slices.Contains(x.th.Participants, v.Nation) && marking.Visible(v, x.m.Marking)
			for name, svc := range map[string]*Service{"direct": direct, "fallback": fallback} {
				d, err := svc.MessageAttachment(ctx, x.th.ID, x.m.ID, 0)
				if !want {
					if !errors.Is(err, liaison.ErrNotFound) || err.Error() != attachmentNotFound("message "+x.m.ID+" of thread "+x.th.ID, 0).Error() {
						t.Fatalf("%s: viewer %+v reads %s/%s: %v", name, v, x.th.ID, x.m.ID, err)
					}
					continue
				}
				mk, _ := marking.Max(x.th.Marking, x.m.Marking)
				if err != nil || string(d.Attachment.Data) != string(x.m.Attachments[0].Data) || marking.Format(d.Marking) != marking.Format(mk) {
					t.Fatalf("%s: viewer %+v cannot read %s/%s: %v %+v", name, v, x.th.ID, x.m.ID, err, d)
				}
				served++
			}
			// Under another thread the message does not exist.
			if _, err := direct.MessageAttachment(ctx, msgs[0].th.ID+"x", x.m.ID, 0); !errors.Is(err, liaison.ErrNotFound) {
				t.Fatalf("message %s under a missing thread: %v", x.m.ID, err)
			}
		}
	}
	if served == 0 {
		t.Fatal("no viewer could read any attachment: the property was not exercised")
	}
	t.Logf("%d attachment reads served", served)
}

func TestProposalAttachment(t *testing.T) {
	db := tempDB(t)
	c := &clock{t: t0}
	s := newService(t, db, c)
	mk := liaison.Marking{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"DEU", "FRA", "GBR", "JPN"}}
	p, err := s.Create(as("GBR", liaison.RoleOfficer), Draft{Title: "t", Text: "x", Procedure: liaison.ProcedureSilence,
		Deciders: []string{"DEU", "FRA", "GBR"}, Consulted: []string{"JPN"}, Marking: mk, Deadline: t0.Add(time.Hour),
		Attachments: []liaison.Attachment{{Name: "a.txt", Data: []byte("A")}, {Name: "r", Ref: "document:1"}}})
	if err != nil {
		t.Fatal(err)
	}
	// A draft: its attachments are the proposer's only.
	if _, err := s.ProposalAttachment(as("FRA", liaison.RoleOfficer), p.ID, 0); !errors.Is(err, liaison.ErrNotFound) {
		t.Fatalf("draft attachment read by a decider: %v", err)
	}
	if _, err := s.Act(as("GBR", liaison.RoleOfficer), p.ID, Step{Action: ActCirculate}); err != nil {
		t.Fatal(err)
	}
	want := attachmentNotFound("proposal "+p.ID, 0).Error()
	for _, c := range []struct {
		nation string
		n      int
		ok     bool
	}{{"GBR", 0, true}, {"FRA", 0, true}, {"JPN", 0, true}, {"KOR", 0, false}, {"GBR", 1, false}, {"GBR", 2, false}, {"GBR", -1, false}} {
		d, err := s.ProposalAttachment(as(c.nation, liaison.RoleReader), p.ID, c.n)
		if c.ok != (err == nil) || (c.ok && (string(d.Attachment.Data) != "A" || marking.Format(d.Marking) != marking.Format(mk))) {
			t.Errorf("%s reads attachment %d: %+v %v", c.nation, c.n, d, err)
		}
		if !c.ok && (c.n == 0 && err.Error() != want || !errors.Is(err, liaison.ErrNotFound)) {
			t.Errorf("%s reads attachment %d: %v; want %q", c.nation, c.n, err, want)
		}
	}
	if _, err := s.ProposalAttachment(context.Background(), p.ID, 0); !errors.Is(err, liaison.ErrNotFound) {
		t.Errorf("no viewer: %v", err)
	}
}
