package httpapi

import (
	"errors"
	"net/url"
	"testing"

	"github.com/liaison-project/liaison"
)

// FuzzEventFilter checks the query parser never panics and fails only with
// ErrInvalid.
func FuzzEventFilter(f *testing.F) {
	f.Add("actor=JPN&root=04&from=2023-07-01&to=2023-07-31&country=LTU&limit=10")
	f.Add("root=4&from=2023-07-11T10:00:00Z&limit=500")
	f.Add("limit=-1&root=x&from=%ff")
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		fl, err := EventFilterFrom(q)
		if err != nil {
			if !errors.Is(err, liaison.ErrInvalid) {
				t.Fatalf("error %v does not wrap ErrInvalid", err)
			}
			return
		}
		if fl.Limit < 1 || fl.Limit > MaxLimit {
			t.Fatalf("limit %d accepted", fl.Limit)
		}
		if fl.Root != "" && len(fl.Root) != 2 {
			t.Fatalf("root %q accepted", fl.Root)
		}
	})
}
