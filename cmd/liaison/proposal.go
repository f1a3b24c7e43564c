package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/app"
	"github.com/liaison-project/liaison/internal/coord"
	"github.com/liaison-project/liaison/internal/sqlite"
)

// coordFlags are the flags every proposal and thread subcommand shares.
type coordFlags struct {
	data   *string
	as     *string
	role   *string
	admin  *bool
	asJSON *bool
}

func addCoordFlags(fs *flag.FlagSet) *coordFlags {
	return &coordFlags{
		data:   dataFlag(fs),
		as:     fs.String("as", "", "act as this nation (ISO 3166 alpha-3 code)"),
		role:   fs.String("role", "officer", "role to act with: reader, analyst, officer, admin"),
		admin:  fs.Bool("admin", false, "act as the node itself (sees every proposal and thread; may withdraw any proposal)"),
		asJSON: fs.Bool("json", false, "print JSON"),
	}
}

// withCoord opens the store, builds the coordination service and runs fn
// with the viewer the flags give: a nation the store knows (--as), or the
// node itself (--admin). New items record the node's id as their origin,
// as ingest and serve do on the same data directory.
func withCoord(ctx context.Context, f *coordFlags, fn func(context.Context, *coord.Service, *sqlite.DB) error) error {
	var v liaison.Viewer
	switch {
	case *f.admin:
	case *f.as == "":
		return errors.New("give --as NATION (or --admin)")
	default:
		role := liaison.Role(*f.role)
		if !role.Valid() {
			return fmt.Errorf("--role %q: want reader, analyst, officer or admin", *f.role)
		}
		n := strings.ToUpper(strings.TrimSpace(*f.as))
		v = liaison.Viewer{UserID: "cli-" + n, Name: "cli (" + n + ")", Nation: n, Role: role, Clearance: 1 << 20}
	}
	dir, err := resolveDataDir(*f.data)
	if err != nil {
		return err
	}
	db, err := openStore(ctx, dir)
	if err != nil {
		return err
	}
	svc, err := coordService(ctx, dir, db, v)
	if err != nil {
		return errors.Join(err, db.Close())
	}
	if v.Nation == "" {
		ctx = liaison.SystemContext(ctx)
	} else {
		ctx = liaison.WithViewer(ctx, v)
	}
	return errors.Join(fn(ctx, svc, db), db.Close())
}

// coordService checks the acting nation v.Nation (none: the node itself)
// is one the store knows and builds the service with the node's origin.
func coordService(ctx context.Context, dir string, db *sqlite.DB, v liaison.Viewer) (*coord.Service, error) {
	if v.Nation != "" {
		if _, err := db.Nation(liaison.SystemContext(ctx), v.Nation); errors.Is(err, liaison.ErrNotFound) {
			return nil, liaison.Errorf(liaison.ErrInvalid, "--as %q: no such nation on this node (see 'liaison nation list')", v.Nation)
		} else if err != nil {
			return nil, fmt.Errorf("--as %q: %w", v.Nation, err)
		}
	}
	origin, err := app.NodeOrigin(dir, "")
	if err != nil {
		return nil, err
	}
	return coord.NewService(coord.Config{Proposals: db, Threads: db, Nations: db, Audit: db,
		Notify: &coord.Notifier{Store: db}, Origin: origin})
}

// marking parses a --marking text as the node would (nodeMarking: the
// data directory's policy and the store's dated nations); "" is the node's
// default marking (defaultMarking, as for ingest), so no item is unmarked.
func (f *coordFlags) marking(ctx context.Context, db *sqlite.DB, text string) (liaison.Marking, error) {
	if text == "" {
		text = defaultMarking
	}
	dir, err := resolveDataDir(*f.data)
	if err != nil {
		return liaison.Marking{}, err
	}
	return nodeMarking(ctx, dir, db, text)
}

// parseDeadline reads an RFC 3339 time or a duration from now ("72h").
func parseDeadline(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	if d, err := time.ParseDuration(s); err == nil {
		return time.Now().UTC().Add(d), nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("--deadline %q: want an RFC 3339 time or a duration such as 72h", s)
	}
	return t.UTC(), nil
}

// textOf is --text, or the contents of --file.
func textOf(text, file string) (string, error) {
	if file == "" {
		return text, nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return "", fmt.Errorf("--file: %w", err)
	}
	return string(b), nil
}

func splitList(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// runProposal creates, lists, shows and decides proposals.
func runProposal(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintln(env.Stderr, "usage: liaison proposal create|list|show|circulate|concur|object|agree|comment|withdraw|amend|settle|webhook [flags]")
		return flag.ErrHelp
	}
	sub, rest := args[0], args[1:]
	switch sub {
	case "create":
		return proposalCreate(ctx, env, rest)
	case "list":
		return proposalList(ctx, env, rest)
	case "show":
		return proposalShow(ctx, env, rest)
	case "settle":
		return proposalSettle(ctx, env, rest)
	case "webhook":
		return proposalWebhook(ctx, env, rest)
	}
	if _, err := coord.ParseAction(sub); err != nil {
		return fmt.Errorf("unknown subcommand %q: want create, list, show, settle or an action (%w)", sub, err)
	}
	return proposalAct(ctx, env, sub, rest)
}

func proposalCreate(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "proposal create", "--as NATION --title T --text T [--attach FILE[;marking=M]]… [flags]",
		"Create a draft proposal of a nation. Attached files keep the proposal's marking unless given their own\n"+
			"after ';marking=' (quote the value), at least as restricted as the proposal's, e.g.\n"+
			"  --attach 'annex.pdf;marking=NATO SECRET // REL TO GBR, USA'")
	f := addCoordFlags(fs)
	title := fs.String("title", "", "title")
	text := fs.String("text", "", "text (Markdown)")
	file := fs.String("file", "", "read the text from this file")
	proc := fs.String("procedure", "silence", "consensus or silence")
	deadline := fs.String("deadline", "", "deadline: RFC 3339 time or duration from now (e.g. 72h)")
	deciders := fs.String("deciders", "", "deciding nations, comma-separated (default: the member nations)")
	consulted := fs.String("consulted", "", "consulted partners or organisations, comma-separated")
	mk := fs.String("marking", "", `marking, e.g. "NATO UNCLASSIFIED // REL TO NATO, JPN" (default `+defaultMarking+`)`)
	circ := fs.Bool("circulate", false, "circulate at once")
	files := attachFlag(fs)
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	body, err := textOf(*text, *file)
	if err != nil {
		return err
	}
	dl, err := parseDeadline(*deadline)
	if err != nil {
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
		p, err := svc.Create(ctx, coord.Draft{Title: *title, Text: body, Procedure: liaison.Procedure(*proc), Deadline: dl,
			Deciders: splitList(*deciders), Consulted: splitList(*consulted), Marking: m, Attachments: atts})
		if err == nil && *circ {
			p, err = svc.Act(ctx, p.ID, coord.Step{Action: coord.ActCirculate})
		}
		if err != nil {
			return err
		}
		if *f.asJSON {
			return printJSON(env.Stdout, p)
		}
		fmt.Fprintf(env.Stdout, "%s %s\n", p.State, p.ID)
		return nil
	})
}

func proposalList(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "proposal list", "--as NATION [--state S] [--json]", "List the proposals a nation takes part in.")
	f := addCoordFlags(fs)
	state := fs.String("state", "", "only this state")
	limit := fs.Int("limit", 100, "at most this many")
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	return withCoord(ctx, f, func(ctx context.Context, svc *coord.Service, _ *sqlite.DB) error {
		ps, err := svc.List(ctx, liaison.ProposalFilter{State: liaison.ProposalState(*state), Limit: *limit})
		if err != nil {
			return err
		}
		if *f.asJSON {
			return printJSON(env.Stdout, ps)
		}
		tw := table(env.Stdout, "ID", "STATE", "PROCEDURE", "DEADLINE", "BY", "V", "TITLE")
		for _, p := range ps {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%s\n", p.ID, p.State, p.Procedure, fmtDeadline(p.Deadline),
				p.ProposingNation, p.Version, clip(p.Title, 60))
		}
		return finishTable(env, tw, len(ps), len(ps), "")
	})
}

// markingText prints a marking, "unmarked" for the zero marking.
func markingText(m liaison.Marking) string {
	if m.Classification == "" && len(m.RelTo) == 0 && len(m.Caveats) == 0 {
		return "unmarked"
	}
	return formatMarking(m)
}

func fmtDeadline(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.UTC().Format("2006-01-02 15:04Z")
}

func proposalShow(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "proposal show", "ID --as NATION [--json]", "Show a proposal: text, positions, comments, history.")
	f := addCoordFlags(fs)
	id, err := parseOne(fs, args, "proposal ID")
	if err != nil {
		return err
	}
	return withCoord(ctx, f, func(ctx context.Context, svc *coord.Service, _ *sqlite.DB) error {
		p, err := svc.Get(ctx, id)
		if err != nil {
			return err
		}
		if *f.asJSON {
			return printJSON(env.Stdout, p)
		}
		printProposal(env, p)
		return nil
	})
}

func printProposal(env *Env, p *liaison.Proposal) {
	w := env.Stdout
	fmt.Fprintf(w, "%s  [%s]\n%s\n", p.ID, markingText(p.Marking), p.Title)
	fmt.Fprintf(w, "state %s · %s procedure · version %d · deadline %s · proposed by %s\n", p.State, p.Procedure,
		p.Version, fmtDeadline(p.Deadline), p.ProposingNation)
	fmt.Fprintf(w, "deciders: %s\nconsulted: %s\n\n%s\n\n", strings.Join(p.Deciders, " "),
		strings.Join(p.Consulted, " "), strings.TrimSpace(p.Text))
	if len(p.Attachments) > 0 {
		printAttachments(w, p.Attachments)
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "positions (version %d):\n", p.Version)
	cur := p.Current()
	for _, d := range p.Deciders {
		pos, ok := cur[d]
		switch {
		case !ok:
			fmt.Fprintf(w, "  %s  -\n", d)
		default:
			fmt.Fprintf(w, "  %s  %s %s\n", d, pos.Kind, clip(pos.Text, 100))
		}
	}
	fmt.Fprintln(w, "\nhistory:")
	for _, e := range p.History {
		fmt.Fprintf(w, "  %s  %-18s %-6s v%d → %s  %s\n", e.Time.UTC().Format(time.RFC3339), e.Action, e.Nation, e.Version, e.State, clip(e.Detail, 80))
	}
}

func proposalAct(ctx context.Context, env *Env, sub string, args []string) error {
	act, _ := coord.ParseAction(sub)
	fs := newFlags(env, "proposal "+sub, "ID --as NATION [--text T] [flags]", "Take a step on a proposal.")
	f := addCoordFlags(fs)
	text := fs.String("text", "", "objection, statement, comment or amended text")
	file := fs.String("file", "", "read the text from this file")
	title := fs.String("title", "", "amended title")
	deadline := fs.String("deadline", "", "new deadline (circulate, amend): RFC 3339 or duration from now")
	id, err := parseOne(fs, args, "proposal ID")
	if err != nil {
		return err
	}
	body, err := textOf(*text, *file)
	if err != nil {
		return err
	}
	dl, err := parseDeadline(*deadline)
	if err != nil {
		return err
	}
	return withCoord(ctx, f, func(ctx context.Context, svc *coord.Service, _ *sqlite.DB) error {
		p, err := svc.Act(ctx, id, coord.Step{Action: act, Text: body, Title: *title, Deadline: dl})
		if err != nil {
			return err
		}
		if *f.asJSON {
			return printJSON(env.Stdout, p)
		}
		fmt.Fprintf(env.Stdout, "%s %s (version %d)\n", p.State, p.ID, p.Version)
		return nil
	})
}

func proposalSettle(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "proposal settle", "[--data DIR]", "Settle every proposal whose deadline has passed.")
	f := addCoordFlags(fs)
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	*f.admin = true
	return withCoord(ctx, f, func(ctx context.Context, svc *coord.Service, _ *sqlite.DB) error {
		n, err := svc.SettleDue(ctx)
		fmt.Fprintf(env.Stdout, "settled %d\n", n)
		return err
	})
}

// proposalWebhook registers (URL given) or lists a nation's webhooks.
func proposalWebhook(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "proposal webhook", "[URL --secret S] --as NATION", "Register a webhook for a nation's proposal notifications, or list them.")
	f := addCoordFlags(fs)
	secret := fs.String("secret", "", "HMAC secret (at least 16 characters) signing X-Liaison-Signature: sha256=<hex>")
	clearance := fs.Int("clearance", 0, "highest marking level the webhook may be told of")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	return withCoord(ctx, f, func(ctx context.Context, _ *coord.Service, db *sqlite.DB) error {
		if len(rest) == 0 {
			hs, err := db.Webhooks(ctx)
			if err != nil {
				return err
			}
			if *f.asJSON {
				return printJSON(env.Stdout, hs)
			}
			tw := table(env.Stdout, "ID", "NATION", "CLEARANCE", "URL")
			for _, h := range hs {
				fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", h.ID, h.Nation, h.Clearance, h.URL)
			}
			return finishTable(env, tw, len(hs), len(hs), "")
		}
		u := rest[0]
		if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
			return fmt.Errorf("webhook URL %q: want http:// or https://", u)
		}
		if len(*secret) < 16 || *f.as == "" {
			return errors.New("give --as NATION and a --secret of at least 16 characters")
		}
		h := &liaison.Webhook{Nation: strings.ToUpper(*f.as), URL: u, Secret: *secret, Clearance: *clearance, Created: time.Now().UTC()}
		if err := db.PutWebhook(ctx, h); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "webhook %s\n", h.ID)
		return nil
	})
}
