package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// runMarking checks a marking and prints its canonical form and TLP label.
func runMarking(ctx context.Context, env *Env, args []string) error {
	return markingCmd(ctx, env, args, openExistingAccessStore)
}

// errNoStore says a data directory holds no store yet.
var errNoStore = errors.New("no store")

// openExistingAccessStore opens the store of dataDir only when it exists:
// checking a marking reads nations and must not create a data directory
// as a side effect.
func openExistingAccessStore(ctx context.Context, dataDir string) (accessStore, error) {
	if !fileExists(filepath.Join(dataDir, storeFile)) {
		return nil, fmt.Errorf("%s: %w", dataDir, errNoStore)
	}
	return openAccessStore(ctx, dataDir)
}

func markingCmd(ctx context.Context, env *Env, args []string, open accessOpener) error {
	if len(args) == 0 || args[0] != "check" {
		return errors.New(`usage: liaison marking check "LEVEL [// CAVEAT]… [// REL TO NATION|GROUP, …]"`)
	}
	fs := newFlags(env, "marking check", `"MARKING" [--json] [--at YYYY-MM-DD]`,
		"Parse a marking, print its canonical form, then its TLP 2.0 label. Groups are expanded with the\n"+
			"nations of the store in --data (or, with none, the built-in nations) as of --at (default: today).")
	data := dataFlag(fs)
	policyFile := policyFlag(fs)
	at := fs.String("at", "", "marking date for group expansion (YYYY-MM-DD; default today)")
	asJSON := fs.Bool("json", false, "print the marking as JSON (with the expanded REL TO) after the TLP line")
	text, err := parseOne(fs, args[1:], "MARKING argument (quote it)")
	if err != nil {
		return err
	}
	when := time.Now().UTC()
	if *at != "" {
		if when, err = time.Parse(time.DateOnly, *at); err != nil {
			return liaison.Errorf(liaison.ErrInvalid, "--at %q: want YYYY-MM-DD", *at)
		}
	}
	p, err := loadPolicy(*policyFile, *data)
	if err != nil {
		return err
	}
	nations, err := knownNations(ctx, env, open, *data)
	if err != nil {
		return err
	}
	m, err := marking.Parse(p, marking.NewNations(nations, when), text)
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, marking.Format(m))
	fmt.Fprintln(env.Stdout, p.TLP(m))
	if *asJSON {
		return printJSON(env.Stdout, m)
	}
	if len(m.RelTo) > 0 {
		fmt.Fprintf(env.Stderr, "releasable to %d nations: %s\n", len(m.RelTo), strings.Join(m.RelTo, " "))
	}
	return nil
}

// knownNations reads the store's nations; with no store (or an empty one) it
// falls back to the built-in set and says so on stderr. Other errors (a
// locked or corrupt store) are returned, not papered over.
func knownNations(ctx context.Context, env *Env, open accessOpener, data string) ([]liaison.Nation, error) {
	var ns []liaison.Nation
	err := withAccess(ctx, open, data, func(ctx context.Context, st accessStore) error {
		var err error
		ns, err = st.Nations(ctx)
		return err
	})
	if err != nil && !errors.Is(err, errNoStore) {
		return nil, fmt.Errorf("reading nations: %w", err)
	}
	if len(ns) == 0 {
		fmt.Fprintln(env.Stderr, "note: using the built-in nations (no nations in the store)")
		return marking.SeedNations(), nil
	}
	return ns, nil
}
