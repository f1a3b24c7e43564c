package sqlite

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

func noteAs(v liaison.Viewer) context.Context {
	return liaison.WithViewer(context.Background(), v)
}

func newNote(actor, text string, m liaison.Marking, at time.Time) *liaison.ActorNote {
	return &liaison.ActorNote{ID: liaison.NewID(at), Actor: actor, Text: text, Marking: m, Created: at,
		Author: "forged", Nation: "CHN", Origin: liaison.Origin{Node: "n1", Nation: "XNS"}}
}

func TestActorNoteWrites(t *testing.T) {
	db := openAccessTestDB(t)
	at := time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)
	analyst := liaison.Viewer{Name: "fra-analyst", Nation: "FRA", Role: liaison.RoleAnalyst, Clearance: 4}
	reader := liaison.Viewer{Name: "fra-reader", Nation: "FRA", Role: liaison.RoleReader, Clearance: 4}
	for _, tc := range []struct {
		name string
		ctx  context.Context
		note *liaison.ActorNote
		want error
	}{
		{"analyst writes", noteAs(analyst), newNote("JPNGOV", "Cabinet reshuffle.", liaison.Marking{}, at), nil},
		{"reader may not", noteAs(reader), newNote("JPNGOV", "x", liaison.Marking{}, at), liaison.ErrForbidden},
		{"no viewer", context.Background(), newNote("JPNGOV", "x", liaison.Marking{}, at), liaison.ErrUnauthorized},
		{"bad code", noteAs(analyst), newNote("JPN GOV", "x", liaison.Marking{}, at), liaison.ErrInvalid},
		{"wildcard code", noteAs(analyst), newNote("JPN%", "x", liaison.Marking{}, at), liaison.ErrInvalid},
		{"empty text", noteAs(analyst), newNote("JPNGOV", "  \n", liaison.Marking{}, at), liaison.ErrInvalid},
		{"text too long", noteAs(analyst), newNote("JPNGOV", strings.Repeat("a", liaison.MaxActorNoteText+1), liaison.Marking{}, at), liaison.ErrInvalid},
		{"bad REL TO", noteAs(analyst), newNote("JPNGOV", "x", liaison.Marking{RelTo: []string{`U"SA`}}, at), liaison.ErrInvalid},
		{"negative level", noteAs(analyst), newNote("JPNGOV", "x", liaison.Marking{Level: -1}, at), liaison.ErrInvalid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := db.PutActorNote(tc.ctx, tc.note)
			if !errors.Is(err, tc.want) || (tc.want == nil) != (err == nil) {
				t.Fatalf("PutActorNote = %v, want %v", err, tc.want)
			}
		})
	}
	// The stored author and nation are the writer's, not the forged ones.
	page, err := db.ActorNotes(noteAs(reader), "JPNGOV", "", 10)
	if err != nil || len(page.Items) != 1 || page.Total != 1 {
		t.Fatalf("notes = %+v, %v", page, err)
	}
	got := page.Items[0]
	if got.Author != "fra-analyst" || got.Nation != "FRA" || got.Text != "Cabinet reshuffle." || !got.Created.Equal(at) ||
		got.Origin.Node != "n1" {
		t.Fatalf("stored note %+v", got)
	}
	// Notes are never rewritten: the same id again is a conflict.
	again := got
	if err := db.PutActorNote(noteAs(analyst), &again); !errors.Is(err, liaison.ErrConflict) {
		t.Fatalf("second put of %s = %v, want conflict", got.ID, err)
	}
}

// seedNoteMarkings stores one JPNGOV note per marking text (an hour apart,
// text "note <marking>") and one note on another actor; it returns the ids
// by marking text.
func seedNoteMarkings(t *testing.T, db *DB, texts []string) map[string]string {
	t.Helper()
	p := marking.Default()
	r := marking.NewNations(marking.SeedNations(), time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC))
	sys := liaison.SystemContext(context.Background())
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	byText := map[string]string{}
	for i, mt := range texts {
		m, err := marking.Parse(p, r, mt)
		if err != nil {
			t.Fatal(err)
		}
		n := newNote("JPNGOV", "note "+mt, m, base.Add(time.Duration(i)*time.Hour))
		if err := db.PutActorNote(sys, n); err != nil {
			t.Fatal(err)
		}
		byText[mt] = n.ID
	}
	other := newNote("RUSMIL", "other actor", liaison.Marking{}, base)
	if err := db.PutActorNote(sys, other); err != nil {
		t.Fatal(err)
	}
	return byText
}

func TestActorNoteVisibility(t *testing.T) {
	db := openAccessTestDB(t)
	texts := []string{"PUBLIC", "NATO SECRET // REL TO USA", "NATO CONFIDENTIAL // REL TO JPN", "NATO RESTRICTED // ATOMAL // REL TO NATO"}
	byText := seedNoteMarkings(t, db, texts)
	for _, tc := range []struct {
		name string
		v    liaison.Viewer
		want []string // marking texts of the visible JPNGOV notes, newest first
	}{
		{"usa secret atomal", liaison.Viewer{Nation: "USA", Clearance: 4, Caveats: []string{"ATOMAL"}},
			[]string{texts[3], texts[1], texts[0]}},
		{"usa secret", liaison.Viewer{Nation: "USA", Clearance: 4}, []string{texts[1], texts[0]}},
		{"jpn confidential", liaison.Viewer{Nation: "JPN", Clearance: 3, Caveats: []string{"ATOMAL"}}, []string{texts[2], texts[0]}},
		{"fra public only", liaison.Viewer{Nation: "FRA", Clearance: 0, Caveats: []string{"ATOMAL"}}, []string{texts[0]}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := noteAs(tc.v)
			page, err := db.ActorNotes(ctx, "JPNGOV", "", 0)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, n := range page.Items {
				got = append(got, strings.TrimPrefix(n.Text, "note "))
			}
			if !slices.Equal(got, tc.want) || page.Total != len(tc.want) {
				t.Fatalf("notes %v total %d, want %v", got, page.Total, tc.want)
			}
			for mt, id := range byText {
				_, err := db.ActorNote(ctx, id)
				vis := slices.Contains(tc.want, mt)
				if vis != (err == nil) || (!vis && !errors.Is(err, liaison.ErrNotFound)) {
					t.Errorf("get %q: %v, want visible=%v", mt, err, vis)
				}
			}
		})
	}
	// An invisible note answers as a missing one, word for word.
	ctx := noteAs(liaison.Viewer{Nation: "FRA", Clearance: 0})
	missing := liaison.NewID(time.Now())
	_, e1 := db.ActorNote(ctx, byText[texts[1]])
	_, e2 := db.ActorNote(ctx, missing)
	if strings.ReplaceAll(e1.Error(), byText[texts[1]], "ID") != strings.ReplaceAll(e2.Error(), missing, "ID") {
		t.Fatalf("invisible %q vs missing %q", e1, e2)
	}
	// No viewer sees nothing.
	if page, err := db.ActorNotes(context.Background(), "JPNGOV", "", 0); err != nil || page.Total != 0 || len(page.Items) != 0 {
		t.Fatalf("no viewer: %+v %v", page, err)
	}
}

func TestActorNotePaging(t *testing.T) {
	db := openAccessTestDB(t)
	sys := liaison.SystemContext(context.Background())
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var want []string
	for i := 0; i < 7; i++ {
		m := liaison.Marking{}
		if i%2 == 1 {
			m = liaison.Marking{Level: 3, RelTo: []string{"USA"}}
		}
		n := newNote("JPNGOV", fmt.Sprint("n", i), m, base.Add(time.Duration(i%3)*time.Minute))
		if err := db.PutActorNote(sys, n); err != nil {
			t.Fatal(err)
		}
		if i%2 == 0 {
			want = append(want, n.ID)
		}
	}
	ctx := noteAs(liaison.Viewer{Nation: "FRA", Clearance: 4})
	var got []string
	cursor := ""
	for pages := 0; ; pages++ {
		page, err := db.ActorNotes(ctx, "JPNGOV", cursor, 2)
		if err != nil || pages > 5 {
			t.Fatalf("page %d: %v", pages, err)
		}
		if page.Total != len(want) {
			t.Fatalf("total %d, want %d", page.Total, len(want))
		}
		for _, n := range page.Items {
			got = append(got, n.ID)
		}
		if cursor = page.NextCursor; cursor == "" {
			break
		}
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("paged %v, want %v", got, want)
	}
	if _, err := db.ActorNotes(ctx, "JPNGOV", "not a cursor", 2); !errors.Is(err, liaison.ErrInvalid) {
		t.Fatalf("bad cursor: %v", err)
	}
}

// TestPropertyActorNotesMatchReference stores notes with random markings and
// checks, for random viewers (odd nations, the system, no viewer), that get,
// list items and list total show exactly the notes marking.Visible allows.
func TestPropertyActorNotesMatchReference(t *testing.T) {
	db := openAccessTestDB(t)
	sys := liaison.SystemContext(context.Background())
	rng := rand.New(rand.NewPCG(13, 17))
	p := marking.Default()
	r := marking.NewNations(marking.SeedNations(), time.Date(2023, 7, 12, 0, 0, 0, 0, time.UTC))
	const notes, viewers = 60, 80
	marks := map[string]liaison.Marking{}
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < notes; i++ {
		n := newNote("JPNGOV", fmt.Sprint("note ", i), randomMarking(rng, p, r), base.Add(time.Duration(i)*time.Second))
		if err := db.PutActorNote(sys, n); err != nil {
			t.Fatal(err)
		}
		marks[n.ID] = n.Marking
	}
	for j := 0; j < viewers; j++ {
		v, has := randomViewer(rng)
		ctx := context.Background()
		if has {
			ctx = liaison.WithViewer(ctx, v)
		}
		var want []string
		for id, m := range marks {
			vis := has && marking.Visible(v, m)
			if vis {
				want = append(want, id)
			}
			_, err := db.ActorNote(ctx, id)
			if (err == nil) != vis || (err != nil && !errors.Is(err, liaison.ErrNotFound)) {
				t.Fatalf("viewer %+v (present %v): get %s (marking %+v) = %v, want visible=%v", v, has, id, m, err, vis)
			}
		}
		page, err := db.ActorNotes(ctx, "JPNGOV", "", 500)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, n := range page.Items {
			got = append(got, n.ID)
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) || page.Total != len(want) {
			t.Fatalf("viewer %+v (present %v): listed %d (total %d), want %d", v, has, len(got), page.Total, len(want))
		}
	}
}
