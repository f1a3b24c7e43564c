package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"strings"
	"text/tabwriter"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/httpapi"
	"github.com/liaison-project/liaison/internal/marking"
)

// listStore is what the list commands read.
type listStore interface {
	liaison.DocumentStore
	liaison.EventStore
}

// runDocs lists stored documents, newest first.
func runDocs(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "docs", "[flags]", "List stored documents, newest first.")
	data := dataFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON (a page: items, next_cursor, total)")
	source := fs.String("source", "", "only documents from this source")
	from := fs.String("from", "", "published on or after this date (YYYY-MM-DD)")
	to := fs.String("to", "", "published on or before this date (YYYY-MM-DD)")
	limit := fs.Int("limit", 50, "documents per page (1-500)")
	cursor := fs.String("cursor", "", "cursor from the previous page")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fmt.Errorf("unexpected argument %q", rest[0])
	}
	q := url.Values{"limit": {fmt.Sprint(*limit)}, "from": {*from}, "to": {*to}}
	f := liaison.DocumentFilter{Source: *source, Cursor: *cursor}
	if f.Limit, err = httpapi.ParseLimit(q); err != nil {
		return err
	}
	if f.From, err = httpapi.ParseDate(q, "from"); err != nil {
		return err
	}
	if f.To, err = httpapi.ParseDateEnd(q, "to"); err != nil {
		return err
	}
	return withListStore(ctx, *data, func(ctx context.Context, st listStore) error {
		page, err := st.Documents(ctx, f)
		if err != nil {
			return err
		}
		return printDocs(env, page, *asJSON)
	})
}

func printDocs(env *Env, page liaison.Page[liaison.Document], asJSON bool) error {
	if asJSON {
		return printJSON(env.Stdout, page)
	}
	tw := table(env.Stdout, "PUBLISHED", "ID", "SOURCE", "MARKING", "TITLE")
	for _, d := range page.Items {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", d.Published.UTC().Format("2006-01-02"), d.ID, clip(d.Source, 24),
			clip(formatMarking(d.Marking), 40), clip(d.Title, 70))
	}
	return finishTable(env, tw, page.Total, len(page.Items), page.NextCursor)
}

// newFlags returns a flag set that reports to the command's stderr.
func newFlags(env *Env, name, synopsis, doc string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "usage: liaison %s %s\n\n%s\n\nflags:\n", name, synopsis, doc)
		fs.PrintDefaults()
	}
	return fs
}

// parseInterspersed parses flags given before, between or after the
// positional arguments, and returns the positional ones.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := parseQuiet(fs, args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return rest, nil
		}
		if args[0] == "--" {
			return append(rest, args[1:]...), nil
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

// parseQuiet parses args with fs, printing the usage once on an error or
// -h but not the error itself: the caller returns it and main prints it,
// once.
func parseQuiet(fs *flag.FlagSet, args []string) error {
	usage, out := fs.Usage, fs.Output()
	fs.Usage = func() {}
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	fs.Usage = usage
	fs.SetOutput(out)
	if err != nil {
		fs.Usage()
	}
	return err
}

// parseOne parses the flags around a command's one positional argument,
// what naming it in the error when there is not exactly one.
func parseOne(fs *flag.FlagSet, args []string, what string) (string, error) {
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return "", err
	}
	if len(rest) != 1 {
		return "", fmt.Errorf("%s: want exactly one %s", fs.Name(), what)
	}
	return rest[0], nil
}

// printJSON writes v as indented JSON.
func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// table starts a tab-aligned table with a header row.
func table(w io.Writer, cols ...string) *tabwriter.Writer {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(cols, "\t"))
	return tw
}

// finishTable flushes the table and says on stderr how to get the next page.
func finishTable(env *Env, tw *tabwriter.Writer, total, shown int, next string) error {
	if err := tw.Flush(); err != nil {
		return err
	}
	if next != "" {
		fmt.Fprintf(env.Stderr, "%d of %d shown; next page: --cursor %s\n", shown, total, next)
	}
	return nil
}

// clip shortens s to n code points for a table cell, on one line.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// withListStore opens the store of dataDir as the local operator (the node
// itself: it sees every item), runs fn and closes the store.
func withListStore(ctx context.Context, dataDir string, fn func(context.Context, listStore) error) error {
	st, err := openStore(ctx, dataDir)
	if err != nil {
		return err
	}
	return errors.Join(fn(liaison.SystemContext(ctx), st), st.Close())
}

// formatMarking prints a marking in canonical form.
func formatMarking(m liaison.Marking) string { return marking.Format(m) }
