package storetest

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
)

func testPutAndGet(t *testing.T, s Store) {
	tokyo := time.FixedZone("JST", 9*3600)
	d := doc("Italian patrol vessel at Yokosuka", "The Italian Navy's offshore patrol vessel Morosini arrived at Yokosuka.",
		time.Date(2023, 7, 24, 10, 0, 0, 0, tokyo))
	d.URL, d.CanonicalURL, d.Byline = "https://example.org/a?utm=x", "https://example.org/a", "Staff"
	d.SimHash = 0xfedcba9876543210
	d.Marking = liaison.Marking{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"JPN", "ITA"},
		Groups: []string{"ITA", "JPN"}, Caveats: []string{"X"}}
	d.Origin = liaison.Origin{Node: "node-a", Nation: "ITA"}
	res := put(t, s, d)
	if res.Status != "stored" || res.ID == "" || d.ID != res.ID {
		t.Fatalf("PutDocument = %+v (d.ID %q), want stored with the assigned id", res, d.ID)
	}
	got, err := s.Document(sys(), res.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := *d
	want.Published, want.Fetched = d.Published.UTC(), d.Fetched.UTC()
	want.Marking.RelTo = []string{"ITA", "JPN"} // stored as a sorted set
	if got.Published.Location() != time.UTC || !got.Published.Equal(d.Published) {
		t.Errorf("Published = %v, want %v in UTC", got.Published, d.Published)
	}
	if fmt.Sprintf("%+v", *got) != fmt.Sprintf("%+v", want) {
		t.Errorf("Document round trip:\n got %+v\nwant %+v", *got, want)
	}
	_, err = s.Document(sys(), "01ARZ3NDEKTSV4RRFFQ69G5FAV")
	wantErr(t, "Document(missing)", err, liaison.ErrNotFound)
	_, err = s.PutDocument(sys(), doc("empty", "  \n ", day0))
	wantErr(t, "PutDocument(empty text)", err, liaison.ErrInvalid)
	_, err = s.PutDocument(sys(), nil)
	wantErr(t, "PutDocument(nil)", err, liaison.ErrInvalid)
}

func testDuplicates(t *testing.T, s Store) {
	a := doc("A", "Japan and the IP4 attended the Vilnius summit.", day0)
	a.CanonicalURL = "https://example.org/vilnius"
	first := put(t, s, a)
	sameHash := doc("A copy", "Japan and the IP4 attended the Vilnius summit.", day0)
	sameHash.ContentHash = a.ContentHash
	sameURL := doc("A again", "A different text under the same canonical URL.", day0)
	sameURL.CanonicalURL = a.CanonicalURL
	for _, d := range []*liaison.Document{sameHash, sameURL} {
		res := put(t, s, d)
		if res.Status != "duplicate" || res.ID != first.ID {
			t.Errorf("PutDocument(%q) = %+v, want duplicate of %s", d.Title, res, first.ID)
		}
	}
	near := doc("A, edited", "Japan and the IP4 partners attended the Vilnius summit.", day0)
	near.DuplicateOf = first.ID
	res := put(t, s, near)
	if res.Status != "near-duplicate" || res.ID == first.ID {
		t.Errorf("near duplicate: %+v, want a new id with status near-duplicate", res)
	}
	got, err := s.Document(sys(), res.ID)
	if err != nil || got.DuplicateOf != first.ID {
		t.Errorf("near duplicate stored as %+v, %v; want DuplicateOf %s", got, err, first.ID)
	}
	ids, total := allDocs(t, sys(), s, liaison.DocumentFilter{})
	if total != 2 || len(ids) != 2 {
		t.Errorf("after duplicates: %d documents (total %d), want 2", len(ids), total)
	}
	bad := doc("B", "Linked to nothing.", day0)
	bad.DuplicateOf = "01ARZ3NDEKTSV4RRFFQ69G5FAV"
	_, err = s.PutDocument(sys(), bad)
	wantErr(t, "PutDocument(duplicate_of missing)", err, liaison.ErrInvalid)
}

func testWritesNeedSystem(t *testing.T, s Store) {
	d := doc("user write", "A user may not write documents directly.", day0)
	if _, err := s.PutDocument(as("USA", 9), d); err == nil {
		t.Error("PutDocument by a user viewer succeeded, want an error")
	}
	if _, err := s.PutDocument(context.Background(), d); err == nil {
		t.Error("PutDocument without a viewer succeeded, want an error")
	}
	id := put(t, s, d).ID
	if err := s.PutExtraction(as("USA", 9), id, &liaison.Extraction{}); err == nil {
		t.Error("PutExtraction by a user viewer succeeded, want an error")
	}
}

// putDays stores n documents published a day apart (two on the same
// instant, to test tie-breaking) and returns their ids newest first.
func putDays(t *testing.T, s Store, n int) []string {
	var ids []string
	for i := range n {
		pub := day0.AddDate(0, 0, i)
		if i == 1 {
			pub = day0 // a tie with document 0
		}
		d := doc(fmt.Sprintf("Report %d", i), fmt.Sprintf("Body of report number %d.", i), pub)
		d.Source = []string{"wire", "blog"}[i%2]
		ids = append(ids, put(t, s, d).ID)
	}
	// Expected order: published desc, then id desc.
	type kv struct {
		id  string
		pub time.Time
	}
	var all []kv
	for i, id := range ids {
		pub := day0.AddDate(0, 0, i)
		if i == 1 {
			pub = day0
		}
		all = append(all, kv{id, pub})
	}
	slices.SortFunc(all, func(a, b kv) int {
		if c := b.pub.Compare(a.pub); c != 0 {
			return c
		}
		if a.id > b.id {
			return -1
		}
		return 1
	})
	out := make([]string, len(all))
	for i, x := range all {
		out[i] = x.id
	}
	return out
}

func testListOrderAndCursor(t *testing.T, s Store) {
	want := putDays(t, s, 7)
	for _, limit := range []int{1, 2, 3, 7, 50} {
		got, total := allDocs(t, sys(), s, liaison.DocumentFilter{Limit: limit})
		if !slices.Equal(got, want) || total != 7 {
			t.Errorf("limit %d: ids %v total %d, want %v total 7", limit, got, total, want)
		}
	}
	// A page boundary stays stable when a newer document arrives meanwhile.
	p1, err := s.Documents(sys(), liaison.DocumentFilter{Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	put(t, s, doc("Newest", "Arrived between two pages.", day0.AddDate(1, 0, 0)))
	p2, err := s.Documents(sys(), liaison.DocumentFilter{Limit: 3, Cursor: p1.NextCursor})
	if err != nil {
		t.Fatal(err)
	}
	if len(p2.Items) != 3 || p2.Items[0].ID != want[3] {
		t.Errorf("second page after an insert starts with %v, want %s", p2.Items, want[3])
	}
}

func testListFilters(t *testing.T, s Store) {
	putDays(t, s, 6)
	tests := []struct {
		name string
		f    liaison.DocumentFilter
		want int
	}{
		{"all", liaison.DocumentFilter{}, 6},
		{"source", liaison.DocumentFilter{Source: "wire"}, 3},
		{"no such source", liaison.DocumentFilter{Source: "nope"}, 0},
		{"from", liaison.DocumentFilter{From: day0.AddDate(0, 0, 3)}, 3},
		{"to exclusive", liaison.DocumentFilter{To: day0.AddDate(0, 0, 2)}, 2},
		{"from-to", liaison.DocumentFilter{From: day0.AddDate(0, 0, 2), To: day0.AddDate(0, 0, 4)}, 2},
		{"from in another zone", liaison.DocumentFilter{From: day0.AddDate(0, 0, 3).In(time.FixedZone("X", -5*3600))}, 3},
	}
	for _, tc := range tests {
		ids, total := allDocs(t, sys(), s, tc.f)
		if len(ids) != tc.want || total != tc.want {
			t.Errorf("%s: %d items, total %d; want %d", tc.name, len(ids), total, tc.want)
		}
	}
}

func testBadCursor(t *testing.T, s Store) {
	putDays(t, s, 2)
	for _, c := range []string{"garbage", "%%%", "eyJ4IjoxfQ"} {
		_, err := s.Documents(sys(), liaison.DocumentFilter{Cursor: c})
		wantErr(t, "Documents(cursor "+c+")", err, liaison.ErrInvalid)
		_, err = s.Search(sys(), liaison.SearchQuery{Query: "report", Cursor: c})
		wantErr(t, "Search(cursor "+c+")", err, liaison.ErrInvalid)
		_, err = s.Events(sys(), liaison.EventFilter{Cursor: c})
		wantErr(t, "Events(cursor "+c+")", err, liaison.ErrInvalid)
		_, err = s.Actors(sys(), c, 10)
		wantErr(t, "Actors(cursor "+c+")", err, liaison.ErrInvalid)
		_, err = s.Places(sys(), c, 10)
		wantErr(t, "Places(cursor "+c+")", err, liaison.ErrInvalid)
	}
}

func testNearDuplicates(t *testing.T, s Store) {
	const h = uint64(0x0123456789abcdef)
	hashes := map[string]uint64{
		"same": h, "1 bit": h ^ 1, "3 bits": h ^ 0x8000_0000_0001_0001,
		"4 bits": h ^ 0x8000_8000_8000_8000, "10 bits": h ^ 0x3ff,
	}
	ids := map[string]string{}
	for name, sh := range hashes {
		d := doc(name, "Near duplicate test "+name, day0)
		d.SimHash = sh
		ids[name] = put(t, s, d).ID
	}
	tests := []struct {
		dist int
		want []string
	}{
		{0, []string{"same"}},
		{3, []string{"same", "1 bit", "3 bits"}},
		{4, []string{"same", "1 bit", "3 bits", "4 bits"}},
		{10, []string{"same", "1 bit", "3 bits", "4 bits", "10 bits"}},
	}
	for _, tc := range tests {
		got, err := s.NearDuplicateCandidates(sys(), h, tc.dist)
		if err != nil {
			t.Fatal(err)
		}
		var gotIDs, wantIDs []string
		for _, d := range got {
			gotIDs = append(gotIDs, d.ID)
		}
		for _, n := range tc.want {
			wantIDs = append(wantIDs, ids[n])
		}
		if ok, diff := sameSet(gotIDs, wantIDs); !ok {
			t.Errorf("distance %d: got %d candidates, want %v (diff %s)", tc.dist, len(got), tc.want, diff)
		}
	}
	if _, err := s.NearDuplicateCandidates(sys(), h, -1); err == nil {
		t.Error("negative distance accepted")
	}
}
