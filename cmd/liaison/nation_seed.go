package main

import (
	"context"
	"fmt"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/auth"
	"github.com/liaison-project/liaison/internal/marking"
)

// nationSeed adds the built-in nations the store does not hold yet: for a
// node created before nodes seeded themselves, or one whose admin added a
// nation first.
func nationSeed(ctx context.Context, env *Env, args []string, open accessOpener) error {
	fs := newFlags(env, "nation seed", "[--data DIR]",
		"Add the built-in nations (the NATO members with their accession dates, the IP4 partners and the\n"+
			"alliance staff "+marking.OrganisationCode+") that the store does not hold yet. Nations already stored are left as\n"+
			"they are. A new node does this by itself the first time a command opens its store.")
	data := dataFlag(fs)
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fmt.Errorf("nation seed: unexpected argument %q", rest[0])
	}
	return withAccess(ctx, open, *data, func(ctx context.Context, st accessStore) error {
		added, err := seedNations(ctx, st)
		if err != nil {
			return err
		}
		for _, n := range added {
			fmt.Fprintf(env.Stdout, "%s\t%s\t%s\t%s\n", n.Code, n.Name, n.Status, formatGroups(n.Groups))
		}
		all, err := st.Nations(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "%d built-in nations added; the store holds %d nations\n", len(added), len(all))
		return nil
	})
}

// seedNations stores the built-in nations st lacks (auth.SeedNations, the
// demo's seeding) and records each in the audit log as 'nation add' does
// (the entry auth.Service.Record writes, without building the service:
// its start-up password hash would slow every new store down).
func seedNations(ctx context.Context, st accessStore) ([]liaison.Nation, error) {
	sys := liaison.SystemContext(ctx)
	added, err := auth.SeedNations(sys, st)
	now := time.Now().UTC()
	for _, n := range added {
		e := &liaison.AuditEntry{Time: now, Actor: "system", Action: liaison.AuditNationPut, Item: "nation:" + n.Code,
			Detail: "built-in " + formatGroups(n.Groups)}
		if aerr := st.Append(sys, e); aerr != nil {
			return added, fmt.Errorf("audit %s: %w", e.Item, aerr)
		}
	}
	return added, err
}

// seedNewStore gives a store that holds no nation yet the built-in ones, so
// that a new node can add users of any member or partner nation at once and
// its markings expand "REL TO NATO" the same before and after an admin's
// first 'nation add'. A store with any nation is left alone.
func seedNewStore(ctx context.Context, st accessStore) error {
	ns, err := st.Nations(liaison.SystemContext(ctx))
	if err != nil || len(ns) > 0 {
		return err
	}
	_, err = seedNations(ctx, st)
	return err
}
