package sqlite

import (
	"errors"
	"testing"

	"github.com/liaison-project/liaison"
)

func TestCursorRoundTrip(t *testing.T) {
	for _, k := range []cursorKey{{S: "2023-07-11T00:00:00.000000000Z", ID: "01H"}, {N: -3.25, ID: "x"}, {S: "LTU", N: 4, ID: "pVilnius"}} {
		got, ok, err := decodeCursor(encodeCursor(k))
		if err != nil || !ok || got != k {
			t.Errorf("round trip %+v = %+v, %v, %v", k, got, ok, err)
		}
	}
	if _, ok, err := decodeCursor(""); ok || err != nil {
		t.Errorf(`decodeCursor("") = %v, %v; want first page`, ok, err)
	}
}

// FuzzDecodeCursor checks that any token decodes or answers ErrInvalid.
func FuzzDecodeCursor(f *testing.F) {
	f.Add(encodeCursor(cursorKey{S: "a", ID: "b"}))
	f.Add("garbage")
	f.Add("eyJpIjoiIn0")
	f.Fuzz(func(t *testing.T, s string) {
		k, ok, err := decodeCursor(s)
		if err != nil && !errors.Is(err, liaison.ErrInvalid) {
			t.Fatalf("decodeCursor(%q): %v", s, err)
		}
		if ok && k.ID == "" {
			t.Fatalf("decodeCursor(%q) accepted a key without id", s)
		}
	})
}
