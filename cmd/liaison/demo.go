package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"strconv"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/app"
	"github.com/liaison-project/liaison/internal/marking"
)

// runDemo loads the built-in sample corpus into a temporary node and serves
// it until interrupted.
func runDemo(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "demo", "[flags]", "Load the sample corpus into a temporary node and serve it on 127.0.0.1:8080 or the next free port.")
	data := fs.String("data", "", "data directory (default: a new temporary directory, removed at exit)")
	addr := fs.String("addr", "", "address to listen on (default: 127.0.0.1:8080 or the next free port)")
	keep := fs.Bool("keep", false, "keep the temporary data directory at exit")
	verbose := fs.Bool("v", false, "log every request")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fmt.Errorf("unexpected argument %q", rest[0])
	}
	dir := *data
	if dir == "" {
		if dir, err = os.MkdirTemp("", "liaison-demo-"); err != nil {
			return fmt.Errorf("temporary data directory: %w", err)
		}
		if !*keep {
			defer os.RemoveAll(dir)
		}
	}
	if *addr == "" {
		if *addr, err = freeAddr("127.0.0.1", 8080, 50); err != nil {
			return err
		}
	}
	logger := newLogger(env, *verbose)
	if !*verbose {
		logger = slog.New(slog.NewTextHandler(env.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	m, err := app.New(app.Config{DataDir: dir, Addr: *addr, Logger: logger, Version: version,
		NoScheduler: true, Demo: true, Origin: liaison.Origin{Nation: marking.OrganisationCode}})
	if err != nil {
		return err
	}
	if err := m.Start(ctx); err != nil {
		return err
	}
	defer m.Close()
	start := time.Now()
	fmt.Fprintf(env.Stdout, "Loading the sample corpus into %s …\n", dir)
	sum, err := m.LoadDemo(ctx)
	if err != nil {
		return err
	}
	for _, e := range sum.Errors {
		fmt.Fprintln(env.Stderr, e)
	}
	fmt.Fprintf(env.Stdout, "Stored %d reports (%d near-duplicates, %d duplicates, %d failed) in %s.\n",
		sum.Stored, sum.NearDuplicates, sum.Duplicates, sum.Failed, time.Since(start).Round(time.Millisecond))
	if err := printDemoLogins(ctx, env, m); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "\nLiaison demo: %s   (Ctrl-C to stop)\n", m.URL())
	return m.Wait(ctx)
}

// printDemoLogins prints the seeded demo accounts, if any.
func printDemoLogins(ctx context.Context, env *Env, m *app.Main) error {
	users := m.DemoUsers()
	if len(users) == 0 {
		fmt.Fprintln(env.Stdout, "No logins: every visitor views as the alliance staff.")
		return nil
	}
	fmt.Fprintln(env.Stdout, "\nDemo logins (name / password):")
	tw := table(env.Stdout, "NAME", "PASSWORD", "NATION", "ROLE", "CLEARANCE")
	for _, u := range users {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", u.Name, u.Password, u.Nation, u.Role, u.Clearance)
	}
	return tw.Flush()
}

// freeAddr returns host:port for the first port from first on that is free.
func freeAddr(host string, first, tries int) (string, error) {
	for p := first; p < first+tries; p++ {
		a := net.JoinHostPort(host, strconv.Itoa(p))
		ln, err := net.Listen("tcp", a)
		if err == nil {
			ln.Close()
			return a, nil
		}
	}
	return "", errors.New("no free port from " + strconv.Itoa(first) + " to " + strconv.Itoa(first+tries-1))
}
