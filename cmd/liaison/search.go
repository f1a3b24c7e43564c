package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/liaison-project/liaison"
)

// runSearch runs a full-text query over the stored documents.
func runSearch(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "search", "QUERY [flags]", `Full-text search: words, "phrases", prefix*. Best matches first.`)
	data := dataFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON (a page: items, next_cursor, total)")
	limit := fs.Int("limit", 20, "hits per page (1-500)")
	cursor := fs.String("cursor", "", "cursor from the previous page")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	query := strings.TrimSpace(strings.Join(rest, " "))
	if query == "" {
		fs.Usage()
		return liaison.Errorf(liaison.ErrInvalid, "no query given")
	}
	if *limit < 1 || *limit > 500 {
		return liaison.Errorf(liaison.ErrInvalid, "--limit %d: want 1 to 500", *limit)
	}
	return withListStore(ctx, *data, func(ctx context.Context, st listStore) error {
		page, err := st.Search(ctx, liaison.SearchQuery{Query: query, Cursor: *cursor, Limit: *limit})
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(env.Stdout, page)
		}
		tw := table(env.Stdout, "PUBLISHED", "ID", "TITLE", "SNIPPET")
		for _, h := range page.Items {
			d := h.Document
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", d.Published.UTC().Format("2006-01-02"), d.ID, clip(d.Title, 50), clipSnippet(h.Snippet, 90))
		}
		if len(page.Items) == 0 {
			fmt.Fprintf(env.Stderr, "no documents match %q\n", query)
		}
		return finishTable(env, tw, page.Total, len(page.Items), page.NextCursor)
	})
}

// clipSnippet clips a snippet like clip, but never inside a [[highlight]]:
// a highlight the cut would open without closing is left out whole.
func clipSnippet(s string, n int) string {
	c := clip(s, n)
	if i := strings.LastIndex(c, "[["); i >= 0 && !strings.Contains(c[i:], "]]") {
		return strings.TrimRight(c[:i], " ") + "…"
	}
	return c
}
