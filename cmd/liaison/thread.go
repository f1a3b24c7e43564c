package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/coord"
	"github.com/liaison-project/liaison/internal/sqlite"
)

// runThread opens, lists, shows and posts to marked message threads.
func runThread(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintln(env.Stderr, "usage: liaison thread create|list|show|post [flags]")
		return flag.ErrHelp
	}
	switch args[0] {
	case "create":
		return threadCreate(ctx, env, args[1:])
	case "list":
		return threadList(ctx, env, args[1:])
	case "show":
		return threadShow(ctx, env, args[1:])
	case "post":
		return threadPost(ctx, env, args[1:])
	}
	return fmt.Errorf("unknown subcommand %q: want create, list, show or post", args[0])
}

func threadCreate(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "thread create", "--as NATION --subject S --with NATIONS|GROUPS [--attach FILE[;marking=M]]… [flags]",
		"Open a thread. Files attached to the first message keep the thread's marking unless given their own\n"+
			"after ';marking=' (quote the value), at least as restricted as the thread's.")
	f := addCoordFlags(fs)
	subject := fs.String("subject", "", "subject")
	with := fs.String("with", "", "participants: nations or groups, comma-separated (e.g. JPN,IP4)")
	mk := fs.String("marking", "", "marking of the thread (default "+defaultMarking+")")
	proposal := fs.String("proposal", "", "link the thread to this proposal")
	text := fs.String("text", "", "first message")
	files := attachFlag(fs)
	*f.role = "analyst"
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	pending, err := readAttachments(*files)
	if err != nil {
		return err
	}
	return withCoord(ctx, f, func(ctx context.Context, svc *coord.Service, db *sqlite.DB) error {
		m, atts, err := f.createMarkings(ctx, db, *mk, pending)
		if err != nil {
			return err
		}
		t, err := svc.OpenThread(ctx, coord.NewThread{Subject: *subject, Participants: splitList(*with), Marking: m,
			ProposalID: *proposal, Text: *text, Attachments: atts})
		if err != nil {
			return err
		}
		if *f.asJSON {
			return printJSON(env.Stdout, t)
		}
		fmt.Fprintf(env.Stdout, "thread %s with %s\n", t.ID, strings.Join(t.Participants, " "))
		return nil
	})
}

func threadList(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "thread list", "--as NATION [--json]", "List the threads a nation takes part in.")
	f := addCoordFlags(fs)
	limit := fs.Int("limit", 100, "at most this many")
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	return withCoord(ctx, f, func(ctx context.Context, svc *coord.Service, _ *sqlite.DB) error {
		ts, err := svc.Threads(ctx, *limit)
		if err != nil {
			return err
		}
		if *f.asJSON {
			return printJSON(env.Stdout, ts)
		}
		tw := table(env.Stdout, "ID", "UPDATED", "MSGS", "MARKING", "PARTICIPANTS", "SUBJECT")
		for _, t := range ts {
			fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\n", t.ID, t.Updated.UTC().Format("2006-01-02 15:04Z"), t.Messages,
				markingText(t.Marking), clip(strings.Join(t.Participants, " "), 40), clip(t.Subject, 50))
		}
		return finishTable(env, tw, len(ts), len(ts), "")
	})
}

func threadShow(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "thread show", "ID --as NATION [--json]", "Show the messages of a thread.")
	f := addCoordFlags(fs)
	id, err := parseOne(fs, args, "thread ID")
	if err != nil {
		return err
	}
	return withCoord(ctx, f, func(ctx context.Context, svc *coord.Service, _ *sqlite.DB) error {
		t, err := svc.Thread(ctx, id)
		if err != nil {
			return err
		}
		ms, err := svc.Messages(ctx, t.ID, 1000)
		if err != nil {
			return err
		}
		if *f.asJSON {
			return printJSON(env.Stdout, map[string]any{"thread": t, "messages": ms})
		}
		fmt.Fprintf(env.Stdout, "%s  [%s]\n%s\nparticipants: %s\n", t.ID, markingText(t.Marking), t.Subject, strings.Join(t.Participants, " "))
		for _, m := range ms {
			fmt.Fprintf(env.Stdout, "\n%s  %s  [%s]\n%s\n", m.Time.UTC().Format(time.RFC3339), m.Nation, markingText(m.Marking), m.Text)
			printAttachments(env.Stdout, m.Attachments)
		}
		return nil
	})
}

func threadPost(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "thread post", "ID --as NATION --text T [--marking M] [--attach FILE[;marking=M]]…",
		"Post a message. Attached files keep the message's marking (with the thread's: the stricter of both)\n"+
			"unless given their own after ';marking=' (quote the value), at least as restricted as that, e.g.\n"+
			"  liaison thread post T1 --as GBR --text 'see annex' --attach 'annex.pdf;marking=NATO SECRET // REL TO GBR, USA'")
	f := addCoordFlags(fs)
	text := fs.String("text", "", "message text")
	mk := fs.String("marking", "", "marking of the message (default: the thread's)")
	files := attachFlag(fs)
	*f.role = "analyst"
	id, err := parseOne(fs, args, "thread ID")
	if err != nil {
		return err
	}
	pending, err := readAttachments(*files)
	if err != nil {
		return err
	}
	return withCoord(ctx, f, func(ctx context.Context, svc *coord.Service, db *sqlite.DB) error {
		m, err := postMarking(ctx, f, svc, db, id, *mk)
		if err != nil {
			return err
		}
		atts, err := f.attachments(ctx, db, pending)
		if err != nil {
			return err
		}
		msg, err := svc.Post(ctx, id, *text, m, atts)
		if err != nil {
			return err
		}
		if *f.asJSON {
			return printJSON(env.Stdout, msg)
		}
		fmt.Fprintf(env.Stdout, "message %s\n", msg.ID)
		return nil
	})
}

// postMarking is a message's --marking, or without one the thread's own
// marking, so that every message carries one.
func postMarking(ctx context.Context, f *coordFlags, svc *coord.Service, db *sqlite.DB, threadID, text string) (liaison.Marking, error) {
	if text != "" {
		return f.marking(ctx, db, text)
	}
	t, err := svc.Thread(ctx, threadID)
	if err != nil {
		return liaison.Marking{}, err
	}
	return t.Marking, nil
}
