package extract_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/extract"
	"github.com/liaison-project/liaison/internal/shareddata"
)

// codes returns the source/target/code triples of an extraction's events.
func codes(x *extract.Output) []string {
	var out []string
	for _, e := range x.Events {
		out = append(out, e.Source+"/"+e.Target+"/"+e.CAMEO)
	}
	return out
}

func run(t *testing.T, o extract.Options, text string) *extract.Output {
	t.Helper()
	eng, err := extract.New(o)
	if err != nil {
		t.Fatal(err)
	}
	x, err := eng.Extract(context.Background(), extract.Input{ID: "t", Text: text, Date: "2024-03-01"})
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// TestUserActorFile: an actor the built-in dictionaries do not know is
// found and coded once the user's dictionary file names it.
func TestUserActorFile(t *testing.T) {
	const text = "Admiral Quentin Farsworth met the Italian Navy in Naples."
	file := filepath.Join(t.TempDir(), "actors.txt")
	if err := os.WriteFile(file, []byte("# test\nperson | Quentin Farsworth | ITAMIL 2020..2030\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	find := func(x *extract.Output) string {
		for _, a := range x.Actors {
			if a.Name == "Quentin Farsworth" {
				return a.Code
			}
		}
		return ""
	}
	if c := find(run(t, extract.Options{}, text)); c != "" {
		t.Fatalf("built-in engine already codes the test actor as %q: pick another name", c)
	}
	if c := find(run(t, extract.Options{ActorFiles: []string{file}}, text)); c != "ITAMIL" {
		t.Errorf("with the user's file: code %q, want ITAMIL", c)
	}
}

// TestDictionarySets: a TABARI project and a PETRARCH directory load, and
// Builtin adds the built-in patterns under TABARI's.
func TestDictionarySets(t *testing.T) {
	proj := shareddata.Need(t, "data/eventcoding/tabari/TABARI.Demo.project")
	petr := shareddata.Need(t, "data/eventcoding/petrarch")
	const text = "Russia accused Ukraine of shelling."
	if got := codes(run(t, extract.Options{TABARIProject: proj}, text)); len(got) != 0 {
		t.Errorf("TABARI.Demo alone: %v, want nothing (sentence under its MINIMUM WORDS)", got)
	}
	for name, o := range map[string]extract.Options{
		"built-in":           {},
		"TABARI + built-in":  {TABARIProject: proj, Builtin: true},
		"PETRARCH":           {PETRARCHDir: petr},
		"PETRARCH + builtin": {PETRARCHDir: petr, Builtin: true, Explain: true},
	} {
		got := codes(run(t, o, text))
		if len(got) != 1 || got[0] != "RUS/UKR/112" {
			t.Errorf("%s: %v, want [RUS/UKR/112]", name, got)
		}
	}
}

// TestOptionErrors: bad option combinations and inputs are errors that
// wrap the liaison sentinels.
func TestOptionErrors(t *testing.T) {
	for name, tc := range map[string]struct {
		o    extract.Options
		want error
	}{
		"two dictionary sets":   {extract.Options{TABARIProject: "a.project", PETRARCHDir: "dir"}, liaison.ErrInvalid},
		"no imported gazetteer": {extract.Options{GazetteerDir: t.TempDir()}, liaison.ErrNotFound},
	} {
		if _, err := extract.New(tc.o); !errors.Is(err, tc.want) {
			t.Errorf("%s: err = %v, want %v", name, err, tc.want)
		}
	}
	if _, err := extract.New(extract.Options{TABARIProject: filepath.Join(t.TempDir(), "none.project")}); err == nil {
		t.Error("missing TABARI project: no error")
	}
	eng, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []extract.Input{{ID: "nodate", Text: "x"}, {ID: "baddate", Text: "x", Date: "9 July"}} {
		if _, err := eng.Extract(context.Background(), in); !errors.Is(err, liaison.ErrInvalid) {
			t.Errorf("%s: err = %v, want ErrInvalid", in.ID, err)
		}
	}
}

// TestConcurrentExtract: one engine serves many goroutines with the same
// results as one (run with -race).
func TestConcurrentExtract(t *testing.T) {
	eng, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	in := extract.Input{ID: "c", Date: "2023-07-09", Text: "Russia accused Ukraine of shelling. Japan will attend the NATO summit in Vilnius on July 11."}
	want, err := eng.Extract(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			got, err := eng.Extract(context.Background(), in)
			if err != nil {
				t.Error(err)
				return
			}
			if len(got.Events) != len(want.Events) || len(got.Places) != len(want.Places) || len(got.Actors) != len(want.Actors) {
				t.Errorf("concurrent run: %d events %d places %d actors, want %d %d %d",
					len(got.Events), len(got.Places), len(got.Actors), len(want.Events), len(want.Places), len(want.Actors))
			}
		})
	}
	wg.Wait()
	if len(want.Events) == 0 || len(want.Places) == 0 {
		t.Errorf("reference run found %d events and %d places, want some", len(want.Events), len(want.Places))
	}
}

// TestMaxTextBytes: a text over the limit is refused with ErrInvalid, so
// the documented 8 MiB is the limit in force.
func TestMaxTextBytes(t *testing.T) {
	if extract.MaxTextBytes != 8<<20 {
		t.Errorf("MaxTextBytes = %d, documented as 8 MiB", extract.MaxTextBytes)
	}
	eng, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	big := extract.Input{ID: "big", Date: "2023-07-09", Text: strings.Repeat("a", extract.MaxTextBytes+1)}
	if _, err := eng.Extract(context.Background(), big); !errors.Is(err, liaison.ErrInvalid) {
		t.Errorf("text over the limit: err = %v, want ErrInvalid", err)
	}
}
