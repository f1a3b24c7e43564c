package main

import (
	"context"
	"fmt"
	"net/url"
	"strings"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/httpapi"
)

// runEvents lists coded events with the same filters as the API.
func runEvents(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "events", "[flags]", "List coded events (who did what to whom), newest first.")
	data := dataFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON (a page: items, next_cursor, total)")
	names := []struct{ name, usage string }{
		{"actor", "source or target actor code prefix, e.g. JPN"},
		{"root", "CAMEO root code, 01 to 20 (e.g. 04 consult)"},
		{"from", "on or after this date (YYYY-MM-DD)"},
		{"to", "on or before this date (YYYY-MM-DD)"},
		{"country", "ISO-3 code of the event's place, e.g. LTU"},
		{"doc", "only events of this document id"},
		{"cursor", "cursor from the previous page"},
	}
	vals := map[string]*string{}
	for _, n := range names {
		vals[n.name] = fs.String(n.name, "", n.usage)
	}
	limit := fs.Int("limit", 50, "events per page (1-500)")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fmt.Errorf("unexpected argument %q", rest[0])
	}
	q := url.Values{"limit": {fmt.Sprint(*limit)}}
	for k, v := range vals {
		q.Set(k, *v)
	}
	f, err := httpapi.EventFilterFrom(q)
	if err != nil {
		return err
	}
	if err := checkEventCodes(f); err != nil {
		return err
	}
	return withListStore(ctx, *data, func(ctx context.Context, st listStore) error {
		page, err := st.Events(ctx, f)
		if err != nil {
			return err
		}
		return printEvents(env, page, *asJSON)
	})
}

func printEvents(env *Env, page liaison.Page[liaison.Event], asJSON bool) error {
	if asJSON {
		return printJSON(env.Stdout, page)
	}
	tw := table(env.Stdout, "DATE", "SOURCE", "CAMEO", "EVENT", "TARGET", "PLACE", "GOLDSTEIN", "DOC")
	for _, e := range page.Items {
		place := ""
		if e.Place != nil {
			place = e.Place.Name + ", " + e.Place.Country
		}
		name := e.CAMEOName
		if e.Negated {
			name = "not " + name
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%+.1f\t%s\n", e.Date, e.Source, e.CAMEO, clip(name, 36), e.Target,
			clip(place, 24), e.Goldstein, e.DocID)
	}
	return finishTable(env, tw, page.Total, len(page.Items), page.NextCursor)
}

// checkEventCodes refuses an --actor or --country that can match nothing,
// as the web does, instead of answering an empty list: an actor code is
// letters, digits or '-', a country an ISO 3166 alpha-3 code.
func checkEventCodes(f liaison.EventFilter) error {
	if strings.Trim(f.Actor, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") != "" {
		return liaison.Errorf(liaison.ErrInvalid, "--actor %q: an actor code is letters, digits or '-' (e.g. JPNGOV)", f.Actor)
	}
	if f.Country != "" && (len(f.Country) != 3 || !knownCountry(f.Country)) {
		return liaison.Errorf(liaison.ErrInvalid, "--country %q: want an ISO 3166 alpha-3 country code (e.g. LTU)", f.Country)
	}
	return nil
}
