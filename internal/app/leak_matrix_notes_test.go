package app

import (
	"context"
	"encoding/json"
	"html"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/httpapi"
	"github.com/liaison-project/liaison/internal/marking"
)

// lmNoteActor is the actor every matrix note is written on.
const lmNoteActor = "QZNOTE"

// addActorNotes writes one note per document marking on lmNoteActor through
// the node's API (so creations are audited as in production), each
// carrying its canary, by analysts, officers and an admin of several
// nations. A reader's attempt is refused.
func (f *lmFixture) addActorNotes(t *testing.T) {
	t.Helper()
	path := "/api/v1/actors/" + lmNoteActor + "/notes"
	draft := func(d httpapi.ActorNoteDraft) string {
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if code, body := f.post(t, f.byName["deu-reader"], "POST", path, draft(httpapi.ActorNoteDraft{Text: "reader"})); code != 403 {
		t.Fatalf("reader writes a note: %d %.200s", code, body)
	}
	writers := []string{"usa-analyst", "fra-analyst", "jpn-analyst", "kor-officer", "xns-admin"}
	for i, mt := range lmDocMarkings {
		c := canary(len(f.items))
		// The first writer, from the i-th on, who may read the note:
		// nobody may write what they could not read (marking.Writable).
		// A marking no writer may read is written by the node itself.
		var u *lmUser
		for j := range writers {
			if w := f.byName[writers[(i+j)%len(writers)]]; marking.Visible(w.viewer(), f.parse(t, mt)) {
				u = w
				break
			}
		}
		if u == nil {
			f.addSystemNote(t, c, mt)
			continue
		}
		code, body := f.post(t, u, "POST", path, draft(httpapi.ActorNoteDraft{Text: "Note **" + c + "** on the envoy.", Marking: mt}))
		if code != 201 {
			t.Fatalf("note by %s marked %q: %d %.200s", u.name, mt, code, body)
		}
		var n httpapi.ActorNoteView
		if err := json.Unmarshal([]byte(body), &n); err != nil {
			t.Fatal(err)
		}
		if n.Author != u.name || n.Nation != u.nation || n.MarkingText != mt && n.Marking.Level != f.parse(t, mt).Level {
			t.Fatalf("note stored as %+v; want author %s of %s marked %q", n, u.name, u.nation, mt)
		}
		f.items = append(f.items, &lmItem{kind: "note", id: n.ID, canary: c, m: n.Marking, mtext: mt})
	}
}

// addSystemNote stores a note marked mt with canary c as the node itself,
// for a marking none of the matrix's writers may read.
func (f *lmFixture) addSystemNote(t *testing.T, c, mt string) {
	t.Helper()
	ns, ok := f.m.Store().(liaison.ActorNoteStore)
	if !ok {
		t.Fatal("the node's store keeps no actor notes")
	}
	now := time.Now().UTC()
	n := &liaison.ActorNote{ID: liaison.NewID(now), Actor: lmNoteActor, Text: "Note **" + c + "** on the envoy.",
		Author: "system", Nation: "XNS", Marking: f.parse(t, mt), Created: now}
	if err := ns.PutActorNote(liaison.SystemContext(context.Background()), n); err != nil {
		t.Fatalf("system note marked %q: %v", mt, err)
	}
	f.items = append(f.items, &lmItem{kind: "note", id: n.ID, canary: c, m: n.Marking, mtext: mt})
}

// actorNotes checks the actor note routes: the API list holds exactly the
// visible notes, each visible note answers with its canary, each invisible
// one exactly like a missing id, and the actor page shows every visible
// note under the banner of the most sensitive one (the sweep checks no
// page shows an invisible one).
func (r *lmRun) actorNotes(t *testing.T) {
	notes := r.f.visible(r.u, "note")
	r.exact(t, "GET /api/v1/actors/{code}/notes", "/api/v1/actors/"+lmNoteActor+"/notes?limit=500", ids(notes, false), false)
	r.exact(t, "GET /api/v1/actors/{code}/notes", "/api/v1/actors/QZNONE/notes", nil, false)
	missing := liaison.NewID(time.Now())
	v := r.u.viewer()
	for _, it := range r.f.items {
		if it.kind != "note" {
			continue
		}
		if !it.visibleTo(v) {
			r.sameAsMissing(t, "/api/v1/actor-notes/{id}", it.id, missing)
			continue
		}
		code, body := r.get(t, "/api/v1/actor-notes/{id}", "/api/v1/actor-notes/"+it.id)
		if code != 200 || !strings.Contains(body, it.canary) {
			t.Errorf("%s: visible note %s = %d %.200s", r.u.name, it.id, code, body)
		}
	}
	code, body := r.get(t, "GET /actors/{code}", "/actors/"+lmNoteActor)
	if code != 200 {
		t.Errorf("%s: GET /actors/%s = %d %.200s", r.u.name, lmNoteActor, code, body)
		return
	}
	for _, it := range notes {
		if !strings.Contains(body, "<strong>"+it.canary+"</strong>") {
			t.Errorf("%s: actor page lacks visible note %s", r.u.name, it.canary)
		}
	}
	want := lmWantBanner(markingsOfItems(notes))
	banners := lmBannerRe.FindAllStringSubmatch(body, -1)
	if len(banners) != 2 || html.UnescapeString(banners[0][1]) != want || banners[1][1] != banners[0][1] {
		t.Errorf("%s: actor page banners %q; want %q twice", r.u.name, banners, want)
	}
	// A page of an actor with no notes answers like any other: nothing to see.
	if code, body := r.get(t, "GET /actors/{code}", "/actors/QZNONE"); code != 200 || strings.Contains(body, "zqcanary") {
		t.Errorf("%s: GET /actors/QZNONE = %d", r.u.name, code)
	}
}
