package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/liaison-project/liaison"
)

// runAudit lists or verifies the hash-chained audit log.
func runAudit(ctx context.Context, env *Env, args []string) error {
	return auditCmd(ctx, env, args, openAccessStore)
}

func auditCmd(ctx context.Context, env *Env, args []string, open accessOpener) error {
	if len(args) == 0 {
		return errors.New("usage: liaison audit list [--json] [--newest] [--action A] [--actor NAME] [--nation CODE] [--after SEQ] [--limit N] | audit verify [--anchor SEQ:HASH]")
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
	fs := newFlags(env, "audit list", "[--json] [--newest] [--action A] [--actor NAME] [--nation CODE] [--after SEQ] [--limit N]",
		"List audit entries, oldest first or with --newest newest first (the local operator reads them all).\n"+
			"Action names are kept as written: a report's release is \"release\", its draft \"report.draft\".")
	data := dataFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	f := liaison.AuditFilter{}
	fs.StringVar(&f.Action, "action", "", "only this action (login, login.failed, token.use, view-as, …)")
	fs.StringVar(&f.Actor, "actor", "", "only this actor")
	fs.StringVar(&f.Nation, "nation", "", "only entries of this nation's users")
	fs.BoolVar(&f.Newest, "newest", false, "newest first (with --limit: the latest N)")
	fs.Int64Var(&f.After, "after", 0, "only entries after this sequence number")
	fs.IntVar(&f.Limit, "limit", 0, "at most this many entries (0: all)")
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	f.Nation = strings.ToUpper(strings.TrimSpace(f.Nation))
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
	fs := newFlags(env, "audit verify", "[--anchor SEQ:HASH]",
		"Recompute the hash chain; exit non-zero if any entry was edited or removed. The head it prints\n"+
			"(SEQ:HASH) can be kept outside the node and given back as --anchor: someone able to rewrite\n"+
			"the database could cut the newest entries and the recorded head together, which only an\n"+
			"anchor kept elsewhere reveals.")
	data := dataFlag(fs)
	anchor := fs.String("anchor", "", "a head SEQ:HASH printed by an earlier verify; fail unless that entry is still in the chain")
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	var aSeq int64
	var aHash string
	if *anchor != "" {
		var err error
		if aSeq, aHash, err = parseAnchor(*anchor); err != nil {
			return err
		}
	}
	return withAccess(ctx, open, *data, func(ctx context.Context, st accessStore) error {
		v, err := st.Verify(ctx)
		if err != nil {
			return err
		}
		if !v.OK {
			return fmt.Errorf("audit log BROKEN at entry %d of %d: %s", v.BadSeq, v.Entries, v.Reason)
		}
		if *anchor != "" {
			if e, err := auditEntry(ctx, st, aSeq); err != nil || e.Hash != aHash {
				return fmt.Errorf("audit log BROKEN: anchor %s is no longer in the log (%d entries): entries were removed or the log rewritten", *anchor, v.Entries)
			}
		}
		head := "empty"
		if v.Entries > 0 {
			e, err := auditEntry(ctx, st, int64(v.Entries))
			if err != nil {
				return err
			}
			head = fmt.Sprintf("%d:%s", e.Seq, e.Hash)
		}
		fmt.Fprintf(env.Stdout, "audit log intact: %d entries\nhead %s\n", v.Entries, head)
		return nil
	})
}

// parseAnchor reads SEQ:HASH as audit verify prints it.
func parseAnchor(s string) (int64, string, error) {
	seqText, hash, ok := strings.Cut(strings.TrimSpace(s), ":")
	seq, err := strconv.ParseInt(seqText, 10, 64)
	if !ok || err != nil || seq < 1 || len(hash) != 64 || strings.Trim(hash, "0123456789abcdef") != "" {
		return 0, "", liaison.Errorf(liaison.ErrInvalid, "--anchor %q: want SEQ:HASH as 'audit verify' prints it", s)
	}
	return seq, hash, nil
}

// auditEntry returns the entry numbered seq.
func auditEntry(ctx context.Context, st accessStore, seq int64) (liaison.AuditEntry, error) {
	es, err := st.List(ctx, liaison.AuditFilter{After: seq - 1, Limit: 1})
	if err != nil {
		return liaison.AuditEntry{}, err
	}
	if len(es) == 0 || es[0].Seq != seq {
		return liaison.AuditEntry{}, liaison.Errorf(liaison.ErrNotFound, "audit entry %d", seq)
	}
	return es[0], nil
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
