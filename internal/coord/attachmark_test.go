package coord

import (
	"context"
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// TestAtLeastIsVisibilityInclusion checks the comparison against its
// meaning: m is at least as restricted as p exactly when every viewer who
// may see m may see p — over random markings and every viewer of a small
// universe (nations outside every list included).
func TestAtLeastIsVisibilityInclusion(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 13))
	nations := []string{"DEU", "FRA", "GBR", "JPN"}
	var viewers []liaison.Viewer
	for _, n := range append(slices.Clone(nations), "KOR") {
		for cl := range 3 {
			for _, cv := range [][]string{nil, {"ALPHA"}} {
				viewers = append(viewers, liaison.Viewer{Nation: n, Clearance: cl, Caveats: cv})
			}
		}
	}
	yes := 0
	for range 2000 {
		m, p := randMarking(rng, nations), randMarking(rng, nations)
		want := true
		for _, v := range viewers {
			if marking.Visible(v, m) && !marking.Visible(v, p) {
				want = false
			}
		}
		if got := marking.AtLeast(m, p); got != want {
			t.Fatalf("marking.AtLeast(%+v, %+v) = %v, want %v", m, p, got, want)
		}
		if want {
			yes++
		}
	}
	if yes == 0 || yes == 2000 {
		t.Fatalf("%d of 2000 pairs ordered: the property was not exercised both ways", yes)
	}
}

var (
	mkR   = liaison.Marking{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"DEU", "FRA", "GBR", "JPN"}}
	mkC   = liaison.Marking{Classification: "NATO CONFIDENTIAL", Level: 3, RelTo: []string{"DEU", "FRA", "GBR", "JPN"}}
	mkRne = liaison.Marking{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"DEU", "FRA", "GBR"}}
)

func TestAttachmentMarkingOnCreate(t *testing.T) {
	s := newService(t, tempDB(t), &clock{t: t0})
	// The creator holds ALPHA: a writer may only write what they may read.
	alpha := liaison.WithViewer(context.Background(), liaison.Viewer{UserID: "u-GBR", Name: "officer-GBR",
		Nation: "GBR", Role: liaison.RoleOfficer, Clearance: 4, Caveats: []string{"ALPHA"}})
	for _, c := range []struct {
		name string
		mk   liaison.Marking
		ok   bool
	}{
		{"unmarked (the parent's)", liaison.Marking{}, true},
		{"same", mkR, true},
		{"higher level", mkC, true},
		{"fewer nations", mkRne, true},
		{"with a caveat", liaison.Marking{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"GBR"}, Caveats: []string{"ALPHA"}}, true},
		{"lower level", liaison.Marking{Classification: "NATO UNCLASSIFIED", Level: 1, RelTo: []string{"DEU", "FRA", "GBR", "JPN"}}, false},
		{"more nations", liaison.Marking{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"DEU", "FRA", "GBR", "JPN", "KOR"}}, false},
		{"releasable to all", liaison.Marking{Classification: "NATO SECRET", Level: 4}, false},
		{"other nations only", liaison.Marking{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"KOR"}}, false},
	} {
		_, err := s.Create(alpha, Draft{Title: "t", Text: "x", Procedure: liaison.ProcedureSilence,
			Deciders: []string{"DEU", "FRA", "GBR"}, Consulted: []string{"JPN"}, Marking: mkR,
			Attachments: []liaison.Attachment{{Name: "plain.txt", Data: []byte("p")}, {Name: "annex.txt", Data: []byte("a"), Marking: c.mk}}})
		if c.ok != (err == nil) {
			t.Errorf("%s: %v", c.name, err)
		}
		if !c.ok && (!errors.Is(err, liaison.ErrInvalid) || !strings.Contains(err.Error(), `attachment "annex.txt"`) ||
			!strings.Contains(err.Error(), "less restricted than the proposal's")) {
			t.Errorf("%s: want ErrInvalid naming the attachment and the reason, got %v", c.name, err)
		}
	}
}

// TestAttachmentVisibilityPerViewer: an attachment with its own marking is
// listed, counted and served only to those who may see it, the others'
// positions close up, and a step by a viewer who cannot see it keeps it.
func TestAttachmentVisibilityPerViewer(t *testing.T) {
	db := tempDB(t)
	s := newService(t, db, &clock{t: t0})
	p, err := s.Create(as("GBR", liaison.RoleOfficer), Draft{Title: "t", Text: "x", Procedure: liaison.ProcedureSilence,
		Deciders: []string{"DEU", "FRA", "GBR"}, Consulted: []string{"JPN"}, Marking: mkR, Deadline: t0.Add(time.Hour),
		Attachments: []liaison.Attachment{{Name: "a.txt", Data: []byte("A")}, {Name: "secret-annex.txt", Data: []byte("S"), Marking: mkRne},
			{Name: "c.txt", Data: []byte("C")}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Act(as("GBR", liaison.RoleOfficer), p.ID, Step{Action: ActCirculate}); err != nil {
		t.Fatal(err)
	}
	// JPN comments: the step is saved from the whole stored proposal.
	q, err := s.Act(as("JPN", liaison.RoleOfficer), p.ID, Step{Action: ActComment, Text: "ok"})
	if err != nil {
		t.Fatal(err)
	}
	if names(q.Attachments) != "a.txt c.txt" {
		t.Errorf("JPN's step answers attachments %q", names(q.Attachments))
	}
	for _, c := range []struct {
		nation, want string
		data         []string
	}{{"GBR", "a.txt secret-annex.txt c.txt", []string{"A", "S", "C"}}, {"FRA", "a.txt secret-annex.txt c.txt", []string{"A", "S", "C"}},
		{"JPN", "a.txt c.txt", []string{"A", "C"}}} {
		ctx := as(c.nation, liaison.RoleReader)
		g, err := s.Get(ctx, p.ID)
		if err != nil || names(g.Attachments) != c.want {
			t.Errorf("%s gets %q (%v), want %q", c.nation, names(g.Attachments), err, c.want)
		}
		ps, err := s.List(ctx, liaison.ProposalFilter{})
		if err != nil || len(ps) != 1 || names(ps[0].Attachments) != c.want {
			t.Errorf("%s lists %v (%v)", c.nation, ps, err)
		}
		for i, want := range c.data {
			d, err := s.ProposalAttachment(ctx, p.ID, i)
			if err != nil || string(d.Attachment.Data) != want {
				t.Fatalf("%s downloads %d: %+v %v", c.nation, i, d, err)
			}
			wantMk := mkR
			if want == "S" {
				wantMk = mkRne
			}
			if marking.Format(d.Marking) != marking.Format(wantMk) {
				t.Errorf("%s downloads %d under %q, want %q", c.nation, i, marking.Format(d.Marking), marking.Format(wantMk))
			}
		}
		// One past the last visible: the same answer whether or not an
		// invisible attachment is hidden behind it.
		n := len(c.data)
		if _, err := s.ProposalAttachment(ctx, p.ID, n); err == nil || err.Error() != attachmentNotFound("proposal "+p.ID, n).Error() {
			t.Errorf("%s downloads %d: %v", c.nation, n, err)
		}
	}
	stored, err := db.Proposal(liaison.SystemContext(context.Background()), p.ID)
	if err != nil || names(stored.Attachments) != "a.txt secret-annex.txt c.txt" {
		t.Fatalf("stored attachments after JPN's step: %q (%v)", names(stored.Attachments), err)
	}
}

func names(atts []liaison.Attachment) string {
	var out []string
	for _, a := range atts {
		out = append(out, a.Name)
	}
	return strings.Join(out, " ")
}

// TestMessageAttachmentMarking: a message's attachment is checked against
// the stricter of thread and message, hidden from a participant who may not
// see it, and a marked attachment to a thread the poster cannot see answers
// as posting to a missing thread does.
func TestMessageAttachmentMarking(t *testing.T) {
	s := newService(t, tempDB(t), &clock{t: t0})
	gbr := as("GBR", liaison.RoleAnalyst)
	th, err := s.OpenThread(gbr, NewThread{Subject: "s", Participants: []string{"FRA", "JPN"}, Marking: mkR})
	if err != nil {
		t.Fatal(err)
	}
	loose := liaison.Marking{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"FRA", "GBR", "JPN"}}
	// The message leaves out DEU; its attachment still may not go below
	// the thread's level.
	if _, err := s.Post(gbr, th.ID, "m", loose, []liaison.Attachment{{Name: "low.txt", Data: []byte("l"),
		Marking: liaison.Marking{Classification: "NATO UNCLASSIFIED", Level: 1, RelTo: []string{"GBR"}}}}); !errors.Is(err, liaison.ErrInvalid) ||
		!strings.Contains(err.Error(), `attachment "low.txt"`) || !strings.Contains(err.Error(), "stricter of thread and message") {
		t.Fatalf("looser than the thread: %v", err)
	}
	// At the thread's level but wider than the message's nations.
	if _, err := s.Post(gbr, th.ID, "m", mkRne, []liaison.Attachment{{Name: "wide.txt", Data: []byte("w"), Marking: mkC}}); !errors.Is(err, liaison.ErrInvalid) {
		t.Fatalf("wider than the message: %v", err)
	}
	m, err := s.Post(gbr, th.ID, "m", loose, []liaison.Attachment{{Name: "open.txt", Data: []byte("O")},
		{Name: "gbr-fra.txt", Data: []byte("G"), Marking: liaison.Marking{Classification: "NATO CONFIDENTIAL", Level: 3, RelTo: []string{"FRA", "GBR"}}}})
	if err != nil {
		t.Fatal(err)
	}
	for nation, want := range map[string]string{"GBR": "open.txt gbr-fra.txt", "FRA": "open.txt gbr-fra.txt", "JPN": "open.txt"} {
		ctx := as(nation, liaison.RoleReader)
		ms, err := s.Messages(ctx, th.ID, 10)
		if err != nil || len(ms) != 1 || names(ms[0].Attachments) != want {
			t.Errorf("%s lists %v (%v), want %q", nation, ms, err, want)
		}
		n := len(strings.Fields(want))
		if _, err := s.MessageAttachment(ctx, th.ID, m.ID, n); err == nil ||
			err.Error() != attachmentNotFound("message "+m.ID+" of thread "+th.ID, n).Error() {
			t.Errorf("%s downloads %d: %v", nation, n, err)
		}
		if d, err := s.MessageAttachment(ctx, th.ID, m.ID, n-1); err != nil || d.Attachment.Name != strings.Fields(want)[n-1] {
			t.Errorf("%s downloads %d: %+v %v", nation, n-1, d, err)
		} else if n == 2 && !strings.HasPrefix(marking.Format(d.Marking), "NATO CONFIDENTIAL // REL TO FRA, GBR") {
			t.Errorf("%s: own marking not sent: %q", nation, marking.Format(d.Marking))
		}
	}
	// KOR takes no part: a marked attachment does not change the answer
	// (markings KOR may write, so that only the thread decides).
	kor := as("KOR", liaison.RoleAnalyst)
	korR := liaison.Marking{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"GBR", "KOR"}}
	korC := liaison.Marking{Classification: "NATO CONFIDENTIAL", Level: 3, RelTo: []string{"GBR", "KOR"}}
	_, e1 := s.Post(kor, th.ID, "m", korR, nil)
	_, e2 := s.Post(kor, th.ID, "m", korR, []liaison.Attachment{{Name: "x", Data: []byte("x"), Marking: korC}})
	if e1 == nil || e2 == nil || e1.Error() != e2.Error() || !errors.Is(e2, liaison.ErrNotFound) {
		t.Errorf("posting to an invisible thread: %v / %v", e1, e2)
	}
}
