package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/auth"
)

// runUser adds and lists users and issues and revokes their API tokens.
func runUser(ctx context.Context, env *Env, args []string) error {
	return userCmd(ctx, env, args, openAccessStore)
}

func userCmd(ctx context.Context, env *Env, args []string, open accessOpener) error {
	if len(args) == 0 {
		return errors.New("usage: liaison user add|list|token|tokens|revoke|disable|enable|passwd … (-h on each for flags)")
	}
	sub := map[string]func(context.Context, *Env, []string, accessOpener) error{
		"add": userAdd, "list": userList, "token": userToken, "tokens": userTokens, "revoke": userRevoke,
		"disable": userSetDisabled(true), "enable": userSetDisabled(false), "passwd": userPasswd,
	}
	f, ok := sub[args[0]]
	if !ok {
		return fmt.Errorf("unknown subcommand %q (add, list, token, tokens, revoke, disable, enable, passwd)", args[0])
	}
	return f(ctx, env, args[1:], open)
}

func userAdd(ctx context.Context, env *Env, args []string, open accessOpener) error {
	fs := newFlags(env, "user add", "NAME --nation CODE --role ROLE --clearance LEVEL [--caveat C]… [--password-stdin]",
		"Add a user. Prints the new user's write-scoped API token as the last line: it is shown only once.")
	data := dataFlag(fs)
	policyFile := policyFlag(fs)
	nation := fs.String("nation", "", "the user's nation (a code added with 'liaison nation add')")
	role := fs.String("role", "", "reader, analyst, officer or admin")
	clearance := fs.String("clearance", "", "highest classification the user may read (name or level number)")
	pwStdin := fs.Bool("password-stdin", false, fmt.Sprintf("read a login password (at least %d characters) from the first line of stdin", auth.MinPasswordLen))
	var caveats multiFlag
	fs.Var(&caveats, "caveat", "a caveat the user holds (repeatable)")
	name, err := parseOne(fs, args, "NAME")
	if err != nil {
		return err
	}
	pw := ""
	if *pwStdin {
		line, err := bufio.NewReader(env.Stdin).ReadString('\n')
		if pw = strings.TrimRight(line, "\r\n"); pw == "" {
			return liaison.Errorf(liaison.ErrInvalid, "--password-stdin: no password on stdin (%v)", err)
		}
		if err := auth.CheckPassword(pw); err != nil { // before the store is opened
			return err
		}
	}
	return withAccess(ctx, open, *data, func(ctx context.Context, st accessStore) error {
		p, err := loadPolicy(*policyFile, *data)
		if err != nil {
			return err
		}
		lvl, err := p.Level(*clearance)
		if err != nil {
			return fmt.Errorf("--clearance: %w", err)
		}
		code := strings.ToUpper(*nation)
		if _, err := st.Nation(ctx, code); err != nil {
			return fmt.Errorf("--nation %q: %w", *nation, err)
		}
		u := &liaison.User{Name: name, Nation: code, Role: liaison.Role(*role), Clearance: lvl}
		for _, c := range caveats {
			u.Caveats = append(u.Caveats, strings.ToUpper(strings.TrimSpace(c)))
		}
		svc, err := authService(st)
		if err != nil {
			return err
		}
		tok, t, err := svc.AddUser(ctx, u, pw)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "user %s (%s, %s, cleared to %s) id %s; API token %s (scope %s):\n",
			u.Name, u.Nation, u.Role, p.LevelName(u.Clearance), u.ID, t.ID, t.Scope)
		fmt.Fprintln(env.Stdout, tok)
		return nil
	})
}

func userList(ctx context.Context, env *Env, args []string, open accessOpener) error {
	fs := newFlags(env, "user list", "[--json]", "List users.")
	data := dataFlag(fs)
	policyFile := policyFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	return withAccess(ctx, open, *data, func(ctx context.Context, st accessStore) error {
		us, err := st.Users(ctx)
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(env.Stdout, us)
		}
		p, err := loadPolicy(*policyFile, *data)
		if err != nil {
			return err
		}
		tw := table(env.Stdout, "NAME", "NATION", "ROLE", "CLEARANCE", "CAVEATS", "ID")
		for _, u := range us {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", u.Name, u.Nation, u.Role, p.LevelName(u.Clearance),
				strings.Join(u.Caveats, ","), u.ID)
		}
		return tw.Flush()
	})
}

func userToken(ctx context.Context, env *Env, args []string, open accessOpener) error {
	fs := newFlags(env, "user token", "NAME [--scope read|write]", "Issue an API token; prints it as the last line (shown once).")
	data := dataFlag(fs)
	scope := fs.String("scope", "write", "read (safe methods only) or write")
	name, err := parseOne(fs, args, "NAME")
	if err != nil {
		return err
	}
	return withAccess(ctx, open, *data, func(ctx context.Context, st accessStore) error {
		u, err := userNamed(ctx, st, name)
		if err != nil {
			return err
		}
		svc, err := authService(st)
		if err != nil {
			return err
		}
		tok, t, err := svc.IssueToken(ctx, u, liaison.TokenScope(*scope))
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "API token %s for %s (scope %s):\n%s\n", t.ID, u.Name, t.Scope, tok)
		return nil
	})
}

func userTokens(ctx context.Context, env *Env, args []string, open accessOpener) error {
	fs := newFlags(env, "user tokens", "NAME [--json]", "List a user's API tokens (never their secrets).")
	data := dataFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	name, err := parseOne(fs, args, "NAME")
	if err != nil {
		return err
	}
	return withAccess(ctx, open, *data, func(ctx context.Context, st accessStore) error {
		u, err := userNamed(ctx, st, name)
		if err != nil {
			return err
		}
		ts, err := st.Tokens(ctx, u.ID)
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(env.Stdout, ts)
		}
		tw := table(env.Stdout, "ID", "SCOPE", "CREATED", "LAST USED", "REVOKED")
		for _, t := range ts {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", t.ID, t.Scope, dateOrEmpty(t.Created), dateOrEmpty(t.LastUsed), dateOrEmpty(t.Revoked))
		}
		return tw.Flush()
	})
}

func userRevoke(ctx context.Context, env *Env, args []string, open accessOpener) error {
	fs := newFlags(env, "user revoke", "TOKENID", "Revoke an API token by id (see 'liaison user tokens NAME').")
	data := dataFlag(fs)
	tokenID, err := parseOne(fs, args, "TOKENID")
	if err != nil {
		return err
	}
	return withAccess(ctx, open, *data, func(ctx context.Context, st accessStore) error {
		svc, err := authService(st)
		if err != nil {
			return err
		}
		if err := svc.RevokeToken(ctx, tokenID); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "revoked %s\n", tokenID)
		return nil
	})
}

// userSetDisabled returns the disable (true) or enable (false) subcommand: a
// disabled user can neither log in nor use sessions or tokens.
func userSetDisabled(disabled bool) func(context.Context, *Env, []string, accessOpener) error {
	verb := map[bool]string{true: "disable", false: "enable"}[disabled]
	return func(ctx context.Context, env *Env, args []string, open accessOpener) error {
		fs := newFlags(env, "user "+verb, "NAME", "Disable or enable a user's logins, sessions and tokens.")
		data := dataFlag(fs)
		name, err := parseOne(fs, args, "NAME")
		if err != nil {
			return err
		}
		return withAccess(ctx, open, *data, func(ctx context.Context, st accessStore) error {
			u, err := userNamed(ctx, st, name)
			if err != nil {
				return err
			}
			u.Disabled = disabled
			if err := st.PutUser(ctx, u); err != nil {
				return err
			}
			svc, err := authService(st)
			if err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "%sd %s\n", verb, u.Name)
			return svc.Record(ctx, "system", "", "user."+verb, "user:"+u.ID, u.Name)
		})
	}
}

func userPasswd(ctx context.Context, env *Env, args []string, open accessOpener) error {
	fs := newFlags(env, "user passwd", "NAME", fmt.Sprintf("Set a user's password (at least %d characters) from the first line of stdin (clears any lock-out).", auth.MinPasswordLen))
	data := dataFlag(fs)
	name, err := parseOne(fs, args, "NAME")
	if err != nil {
		return err
	}
	line, _ := bufio.NewReader(env.Stdin).ReadString('\n')
	pw := strings.TrimRight(line, "\r\n")
	if err := auth.CheckPassword(pw); err != nil { // before the store is opened
		return err
	}
	return withAccess(ctx, open, *data, func(ctx context.Context, st accessStore) error {
		u, err := userNamed(ctx, st, name)
		if err != nil {
			return err
		}
		svc, err := authService(st)
		if err != nil {
			return err
		}
		if err := svc.SetPassword(ctx, u, pw); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "password set for %s\n", u.Name)
		return svc.Record(ctx, "system", "", "user.passwd", "user:"+u.ID, u.Name)
	})
}
