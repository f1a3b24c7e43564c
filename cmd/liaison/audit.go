package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/liaison-project/liaison"
)

// runAudit lists or verifies the hash-chained audit log.
func runAudit(ctx context.Context, env *Env, args []string) error {
	return auditCmd(ctx, env, args, openAccessStore)
}

func auditCmd(ctx context.Context, env *Env, args []string, open accessOpener) error {
	if len(args) == 0 {
		return errors.New("usage: liaison audit list [--json] | audit verify")
	}
	switch args[0] {
	case "list":
		return auditList(ctx, env, args[1:], open)
	case "verify":
		return auditVerify(ctx, env, args[1:], open)
	}
	return fmt.Errorf("unknown subcommand %q (list, verify)", args[0])
}

func auditList(ctx context.Context, env *Env, args []string, open accessOpener) error {
	fs := newFlags(env, "audit list", "[--json] [--action A] [--actor NAME] [--after SEQ] [--limit N]",
		"List audit entries, oldest first (the local operator reads them all).")
	data := dataFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	f := liaison.AuditFilter{}
	fs.StringVar(&f.Action, "action", "", "only this action (login, login.failed, token.use, view-as, …)")
	fs.StringVar(&f.Actor, "actor", "", "only this actor")
	fs.Int64Var(&f.After, "after", 0, "only entries after this sequence number")
	fs.IntVar(&f.Limit, "limit", 0, "at most this many entries (0: all)")
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	return withAccess(ctx, open, *data, func(ctx context.Context, st accessStore) error {
		es, err := st.List(ctx, f)
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(env.Stdout, es)
		}
		tw := table(env.Stdout, "SEQ", "TIME", "ACTOR", "NATION", "ACTION", "ITEM", "DETAIL")
		for _, e := range es {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", e.Seq, e.Time.Format("2006-01-02T15:04:05Z"),
				e.Actor, e.Nation, e.Action, e.Item, clip(e.Detail, 60))
		}
		return tw.Flush()
	})
}

func auditVerify(ctx context.Context, env *Env, args []string, open accessOpener) error {
	fs := newFlags(env, "audit verify", "", "Recompute the hash chain; exit non-zero if any entry was edited or removed.")
	data := dataFlag(fs)
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	return withAccess(ctx, open, *data, func(ctx context.Context, st accessStore) error {
		v, err := st.Verify(ctx)
		if err != nil {
			return err
		}
		if !v.OK {
			return fmt.Errorf("audit log BROKEN at entry %d of %d: %s", v.BadSeq, v.Entries, v.Reason)
		}
		fmt.Fprintf(env.Stdout, "audit log intact: %d entries\n", v.Entries)
		return nil
	})
}

// openAccessStore opens (creating) the SQLite store of dataDir: the
// accessOpener of the real commands.
func openAccessStore(ctx context.Context, dataDir string) (accessStore, error) {
	db, err := openStore(ctx, dataDir)
	if err != nil {
		return nil, err
	}
	return db, nil
}
