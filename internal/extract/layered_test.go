package extract_test

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/extract"
	"github.com/liaison-project/liaison/internal/extract/actor"
	"github.com/liaison-project/liaison/internal/shareddata"
)

// fixedCoder returns the same events for every document.
type fixedCoder []liaison.Event

func (f fixedCoder) Code(*extract.Doc) []liaison.Event { return f }

func ev(sentence int, code string) liaison.Event {
	return liaison.Event{Sentence: sentence, CAMEO: code}
}

// TestLayeredFillsSilence: a sentence the top set codes keeps its events
// only; the others take the events underneath, in sentence order.
func TestLayeredFillsSilence(t *testing.T) {
	for _, tc := range []struct {
		name       string
		top, under fixedCoder
		want       []string
	}{
		{"top speaks", fixedCoder{ev(0, "121")}, fixedCoder{ev(0, "111")}, []string{"0:121"}},
		{"top silent", nil, fixedCoder{ev(0, "111"), ev(2, "042")}, []string{"0:111", "2:042"}},
		{"interleaved", fixedCoder{ev(1, "121"), ev(3, "190")}, fixedCoder{ev(0, "112"), ev(1, "111"), ev(2, "042"), ev(3, "173")},
			[]string{"0:112", "1:121", "2:042", "3:190"}},
		{"two top events", fixedCoder{ev(1, "121"), ev(1, "042")}, fixedCoder{ev(1, "111")}, []string{"1:121", "1:042"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, e := range (extract.Layered{Top: tc.top, Under: tc.under}).Code(&extract.Doc{}) {
				got = append(got, string(rune('0'+e.Sentence))+":"+e.CAMEO)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

// TestTABARIWithBuiltin: `--tabari X --builtin` adds the built-in patterns
// under a TABARI project. The first sentence is shorter than TABARI's
// MINIMUM WORDS and its verb is in no TABARI.Demo entry, so only the
// built-in set codes it; the second is coded by the project's own CRITICI
// entry, which must keep precedence over the built-in CRITICIZE.
func TestTABARIWithBuiltin(t *testing.T) {
	proj := shareddata.Need(t, "data/eventcoding/tabari/TABARI.Demo.project")
	in := liaison.ExtractInput{ID: "g13", Date: "2023-07-09",
		Text: "Russia accused Ukraine of shelling. French President Macron sharply criticized NATO chief Stoltenberg over the summit plan on Monday."}
	code := func(builtin bool) map[int]string {
		e, err := extract.WithDictionaries(extract.Dictionaries{TABARIProject: proj, Builtin: builtin, Explain: true}, nil)
		if err != nil {
			t.Fatal(err)
		}
		x, err := e.Extract(context.Background(), in)
		if err != nil {
			t.Fatal(err)
		}
		got := map[int]string{}
		for _, e := range x.Events {
			got[e.Sentence] += e.Source + "/" + e.Target + "/" + e.CAMEO + " "
		}
		return got
	}
	alone, stacked := code(false), code(true)
	if alone[0] != "" || alone[1] != "FRAGOV/IGOWSTNAT/121 " {
		t.Errorf("TABARI alone: %v, want nothing in sentence 0 and FRAGOV/IGOWSTNAT/121 in 1", alone)
	}
	if stacked[0] != "RUS/UKR/112 " || stacked[1] != alone[1] {
		t.Errorf("TABARI + built-in: %v, want RUS/UKR/112 in sentence 0 and TABARI's %q in 1", stacked, alone[1])
	}
}

// TestBuildErrors: a gazetteer directory without an imported gazetteer
// is an error, not a silent fall back to the built-in one; so are a
// missing actor file and two event dictionary sets at once.
func TestBuildErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := extract.Build(extract.Setup{GazetteerDir: dir}); !errors.Is(err, liaison.ErrNotFound) {
		t.Errorf("empty dir: err = %v, want ErrNotFound", err)
	}
	if _, err := extract.Build(extract.Setup{Actors: actor.Options{Files: []string{filepath.Join(dir, "missing.txt")}}}); err == nil {
		t.Error("missing actor file: no error")
	}
	if _, err := extract.Build(extract.Setup{Dictionaries: extract.Dictionaries{TABARIProject: "x", PETRARCHDir: "y"}}); !errors.Is(err, liaison.ErrInvalid) {
		t.Errorf("both dictionary sets: err = %v, want ErrInvalid", err)
	}
}
