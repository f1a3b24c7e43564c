// Command liaison gathers open-source reporting, understands it, and shares it
// under markings. This file only dispatches; each subcommand lives in its own
// file and turns flags into a config for the internal packages.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
)

// Env is what a subcommand may touch of the outside world, so tests can run
// commands with their own streams.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

// command is one subcommand: a one-line summary and its entry point.
type command struct {
	summary string
	run     func(ctx context.Context, env *Env, args []string) error
	// usage, for commands made of subcommands, is printed for -h; the
	// others print their own flag sets.
	usage string
}

// commands lists every subcommand. Add new ones here.
func commands() map[string]command {
	return map[string]command{
		"demo":      {"load the sample corpus into a temporary node and serve it", runDemo, ""},
		"serve":     {"serve the web UI and the API, polling feeds", runServe, ""},
		"ingest":    {"ingest files, directories, web pages and feeds", runIngest, ""},
		"feeds":     {"add, list, update or remove polled feeds", runFeeds, "usage: liaison feeds add URL [--every 15m] [--marking M] | feeds list [--json] | feeds update ID|URL [--every D] [--marking M] | feeds remove ID|URL"},
		"search":    {"full-text search of stored documents", runSearch, ""},
		"docs":      {"list stored documents", runDocs, ""},
		"events":    {"list coded events", runEvents, ""},
		"extract":   {"extract sentences, actors, places, dates, quotes and events from JSON lines", runExtract, ""},
		"eval":      {"score the extraction engine on the gold sets in ../shared", runEval, ""},
		"gazetteer": {"import a GeoNames gazetteer", runGazetteer, "usage: liaison gazetteer import [--data DIR] [--min-pop N] [--admin1 FILE] CITIES.zip|.txt countryInfo.txt | gazetteer lookup NAME"},
		"nation":    {"add, list or seed nations", runNation, "usage: liaison nation add CODE --name NAME --status member|partner|organisation [--group G[:SINCE[:UNTIL]]]... | nation list [--json] | nation seed"},
		"user":      {"add users, list them, issue API tokens", runUser, "usage: liaison user add|list|token|tokens|revoke|disable|enable|passwd ... (-h after each for its flags)"},
		"marking":   {"check and normalise a marking", runMarking, "usage: liaison marking check 'LEVEL [// CAVEAT]... [// REL TO NATION|GROUP, ...]'"},
		"audit":     {"list or verify the audit log", runAudit, "usage: liaison audit list [--json] | audit verify"},
		"proposal":  {"create, circulate and decide proposals", runProposal, "usage: liaison proposal create|list|show|circulate|concur|object|agree|comment|withdraw|amend|settle|webhook [flags] (-h after each for its flags)"},
		"thread":    {"marked message threads between nations", runThread, "usage: liaison thread create|list|show|post [flags] (-h after each for its flags)"},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := runMain(ctx, &Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}, os.Args[1:])
	stop()
	os.Exit(code)
}

// runMain runs a command line and returns the process's exit code: 0, or 1
// after one "liaison: …" line on stderr (none when the command has already
// reported its failures).
func runMain(ctx context.Context, env *Env, args []string) int {
	err := run(ctx, env, args)
	if err == nil {
		return 0
	}
	if !errors.Is(err, errSilentFailure) {
		fmt.Fprintln(env.Stderr, "liaison:", err)
	}
	return 1
}

// errSilentFailure is returned by commands that have already reported their
// failures on stderr (e.g. a batch with failed items) and only need a
// non-zero exit.
var errSilentFailure = errors.New("failed")

func run(ctx context.Context, env *Env, args []string) error {
	cmds := commands()
	switch {
	case len(args) == 0:
		usage(env.Stderr, cmds)
		return errors.New("give a command")
	case len(args) == 2 && args[0] == "help":
		args = []string{args[1], "-h"}
	case isHelp(args[0]):
		usage(env.Stdout, cmds)
		return nil
	case args[0] == "version" || args[0] == "--version" || args[0] == "-version":
		fmt.Fprintln(env.Stdout, "liaison", version)
		return nil
	}
	c, ok := cmds[args[0]]
	if !ok {
		usage(env.Stderr, cmds)
		return fmt.Errorf("unknown command %q", args[0])
	}
	if c.usage != "" && len(args) == 2 && isHelp(args[1]) {
		fmt.Fprintln(env.Stdout, c.usage)
		return nil
	}
	err := c.run(ctx, env, args[1:])
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil && !errors.Is(err, errSilentFailure) && !namesCommand(err, args[0]) {
		return fmt.Errorf("%s: %w", args[0], err)
	}
	return err
}

// namesCommand reports an error that already starts with the command's
// name ("user token: …"), which needs no second prefix.
func namesCommand(err error, name string) bool {
	msg := err.Error()
	return strings.HasPrefix(msg, name+": ") || strings.HasPrefix(msg, name+" ")
}

// isHelp reports the words that ask for a command's usage.
func isHelp(a string) bool { return a == "-h" || a == "--help" || a == "help" }

func usage(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "usage: liaison COMMAND [flags] [args]")
	fmt.Fprintln(w, "\ncommands:")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'liaison COMMAND -h' or 'liaison help COMMAND' for the flags of a command,\n'liaison --version' for the version.")
}
