package main

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/app"
	"github.com/liaison-project/liaison/internal/auth"
)

// runServe serves the web UI and the API over the data directory, polling
// subscribed feeds, until interrupted.
func runServe(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "serve", "[flags]", "Serve the web UI and the JSON API, polling subscribed feeds.")
	data := dataFlag(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (port 0: any free port)")
	poll := fs.Duration("poll", 30*time.Second, "how often to look for due feeds")
	noFeeds := fs.Bool("no-feeds", false, "do not poll feeds")
	verbose := fs.Bool("v", false, "log every request")
	nation := fs.String("nation", "", "ISO 3166 alpha-3 code of this node's nation, recorded as the origin of new items\n"+
		"(remembered in the data directory; default: the one given before, else XNS, the alliance staff)")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fmt.Errorf("unexpected argument %q", rest[0])
	}
	dir, err := resolveDataDir(*data)
	if err != nil {
		return err
	}
	// A new node gets the built-in nations before it serves (openStore).
	db, err := openStore(ctx, dir)
	if err != nil {
		return err
	}
	if err := db.Close(); err != nil {
		return err
	}
	m, err := app.New(app.Config{
		DataDir: dir, Addr: *addr, Logger: newLogger(env, *verbose), Version: version,
		PollInterval: *poll, NoScheduler: *noFeeds, Origin: liaison.Origin{Nation: *nation},
	})
	if err != nil {
		return err
	}
	if err := m.Start(ctx); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Liaison serving %s on %s (Ctrl-C to stop)\n", dir, m.URL())
	if m.NoUsers(ctx) {
		fmt.Fprintf(env.Stdout, "No users yet: add an admin with\n  liaison user add NAME --data %s --nation CODE --role admin --clearance LEVEL --password-stdin\n"+
			"(the built-in nations are loaded: 'liaison nation list --data %s'; passwords: at least %d characters).\n",
			shellQuote(dir), shellQuote(dir), auth.MinPasswordLen)
	}
	return m.Wait(ctx)
}

// version is reported by /healthz and the OpenAPI document.
const version = "0.1.0"

// newLogger logs text to stderr: info and up, or debug with verbose.
func newLogger(env *Env, verbose bool) *slog.Logger {
	lvl := slog.LevelInfo
	if verbose {
		lvl = slog.LevelDebug
	}
	return slog.New(slog.NewTextHandler(env.Stderr, &slog.HandlerOptions{Level: lvl}))
}

// shellQuote quotes s for a POSIX shell when it holds anything but safe
// characters, so printed commands can be pasted.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+:@") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
