package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/auth"
	"github.com/liaison-project/liaison/internal/extract/place"
	"github.com/liaison-project/liaison/internal/marking"
)

// accessStore is what the nation, user and audit commands need of a store.
type accessStore interface {
	liaison.NationStore
	liaison.UserStore
	liaison.AuditLog
	Close() error
}

// accessOpener opens the access store of a data directory (tests pass an
// in-memory one).
type accessOpener func(ctx context.Context, dataDir string) (accessStore, error)

// withAccess resolves --data, opens the store as the local operator (the
// node itself), runs fn and closes the store.
func withAccess(ctx context.Context, open accessOpener, data string, fn func(context.Context, accessStore) error) error {
	dir, err := resolveDataDir(data)
	if err != nil {
		return err
	}
	st, err := open(ctx, dir)
	if err != nil {
		return err
	}
	ctx = liaison.SystemContext(ctx)
	return errors.Join(fn(ctx, st), st.Close())
}

// policyFlag declares --policy on fs; read it with loadPolicy.
func policyFlag(fs *flag.FlagSet) *string {
	return fs.String("policy", "", "classification policy file (default: <data>/policy.json, else built-in)")
}

// loadPolicy reads the classification policy: the --policy file, else
// policy.json in the data directory (data is the raw --data value) when
// present, else the built-in default.
func loadPolicy(file, data string) (*marking.Policy, error) {
	if dir, _ := resolveDataDir(data); file == "" && dir != "" {
		if p := filepath.Join(dir, "policy.json"); fileExists(p) {
			file = p
		}
	}
	if file == "" {
		return marking.Default(), nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("policy file: %w", err)
	}
	p, err := marking.ParsePolicy(b)
	if err != nil {
		return nil, fmt.Errorf("policy file %s: %w", file, err)
	}
	return p, nil
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// userNamed looks a user up by name, naming it in the error.
func userNamed(ctx context.Context, st accessStore, name string) (*liaison.User, error) {
	u, err := st.UserByName(ctx, name)
	if err != nil {
		return nil, fmt.Errorf("user %q: %w", name, err)
	}
	return u, nil
}

// authService builds the auth service over an open store.
func authService(st accessStore) (*auth.Service, error) {
	return auth.New(auth.Config{Users: st, Audit: st})
}

// runNation adds, lists or seeds nations.
func runNation(ctx context.Context, env *Env, args []string) error {
	return nationCmd(ctx, env, args, openAccessStore)
}

func nationCmd(ctx context.Context, env *Env, args []string, open accessOpener) error {
	if len(args) == 0 {
		return errors.New("usage: liaison nation add CODE --name NAME --status STATUS [--group G[:SINCE[:UNTIL]]]… | nation list [--json] | nation seed")
	}
	switch args[0] {
	case "add":
		return nationAdd(ctx, env, args[1:], open)
	case "list":
		return nationList(ctx, env, args[1:], open)
	case "seed":
		return nationSeed(ctx, env, args[1:], open)
	}
	return fmt.Errorf("unknown subcommand %q (add, list, seed)", args[0])
}

// multiFlag collects a repeatable string flag (--group, --caveat, --attach).
type multiFlag []string

// String joins the values, as flag.Value asks.
func (m *multiFlag) String() string { return strings.Join(*m, ",") }

// Set adds one value: each use of the flag adds one.
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func nationAdd(ctx context.Context, env *Env, args []string, open accessOpener) error {
	fs := newFlags(env, "nation add", "CODE --name NAME --status member|partner|organisation [--group G[:SINCE[:UNTIL]]]…",
		"Add or replace a nation. Dates are YYYY-MM-DD; groups are expanded with the memberships in force when a marking is applied.")
	data := dataFlag(fs)
	name := fs.String("name", "", "the nation's name")
	status := fs.String("status", "", "member, partner or organisation")
	var groups multiFlag
	fs.Var(&groups, "group", "group membership GROUP[:SINCE[:UNTIL]] (repeatable)")
	code, err := parseOne(fs, args, "CODE")
	if err != nil {
		return err
	}
	n := liaison.Nation{Code: strings.ToUpper(code), Name: strings.TrimSpace(*name), Status: liaison.NationStatus(*status)}
	if err := checkNation(n); err != nil {
		return err
	}
	for _, g := range groups {
		m, err := marking.ParseMembership(g)
		if err != nil {
			return err
		}
		n.Groups = append(n.Groups, m)
	}
	return withAccess(ctx, open, *data, func(ctx context.Context, st accessStore) error {
		if err := st.PutNation(ctx, &n); err != nil {
			return err
		}
		svc, err := authService(st)
		if err != nil {
			return err
		}
		if err := svc.Record(ctx, "system", "", liaison.AuditNationPut, "nation:"+n.Code, formatGroups(n.Groups)); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "stored nation %s (%s, %s)", n.Code, n.Name, n.Status)
		if g := formatGroups(n.Groups); g != "" {
			fmt.Fprintf(env.Stdout, " in %s", g)
		}
		fmt.Fprintln(env.Stdout)
		return nil
	})
}

// checkNation validates a nation's code, name and status.
func checkNation(n liaison.Nation) error {
	if len(n.Code) != 3 || strings.Trim(n.Code, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		return liaison.Errorf(liaison.ErrInvalid, "nation code %q: want three letters (ISO 3166 alpha-3, or X.. for organisations)", n.Code)
	}
	if !strings.HasPrefix(n.Code, "X") && !knownCountry(n.Code) {
		return liaison.Errorf(liaison.ErrInvalid, "nation code %q is not an ISO 3166 alpha-3 country code (codes X.. are free for organisations)", n.Code)
	}
	if n.Name == "" {
		return liaison.Errorf(liaison.ErrInvalid, "nation %s: --name is required", n.Code)
	}
	if !n.Status.Valid() {
		return liaison.Errorf(liaison.ErrInvalid, "nation %s: status %q: want member, partner or organisation", n.Code, n.Status)
	}
	return nil
}

// knownCountry reports an ISO 3166 alpha-3 code of the built-in country
// table, so that a typo ("JAP") does not become a nation nobody's markings
// name.
func knownCountry(code string) bool {
	g, err := place.Builtin()
	if err != nil {
		return false
	}
	_, ok := g.Country(code)
	return ok
}

func formatGroups(ms []liaison.Membership) string {
	parts := make([]string, 0, len(ms))
	for _, m := range ms {
		s := m.Group
		if !m.Since.IsZero() || !m.Until.IsZero() {
			s += ":" + dateOrEmpty(m.Since)
		}
		if !m.Until.IsZero() {
			s += ":" + dateOrEmpty(m.Until)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ",")
}

func dateOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func nationList(ctx context.Context, env *Env, args []string, open accessOpener) error {
	fs := newFlags(env, "nation list", "[--json]", "List nations and their group memberships.")
	data := dataFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	return withAccess(ctx, open, *data, func(ctx context.Context, st accessStore) error {
		ns, err := st.Nations(ctx)
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(env.Stdout, ns)
		}
		tw := table(env.Stdout, "CODE", "NAME", "STATUS", "GROUPS")
		for _, n := range ns {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", n.Code, n.Name, n.Status, formatGroups(n.Groups))
		}
		return tw.Flush()
	})
}
