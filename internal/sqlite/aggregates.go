package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/liaison-project/liaison"
)

// actorsCTE sums, per actor code, the visible events naming it, from the
// per-marking counts the triggers keep in actor_counts.
func actorsCTE(ctx context.Context) (string, []any) {
	vis, args := visible(ctx, "c")
	return `WITH a AS (SELECT c.code AS code, sum(c.n) AS n FROM actor_counts c WHERE ` + vis +
		` GROUP BY c.code HAVING sum(c.n) > 0) `, args
}

// Actors counts, per actor code, the visible events naming it as source or
// target; most named first (ties by code). Names come from the visible
// actor mentions with that code (the commonest), else the code.
func (db *DB) Actors(ctx context.Context, cursor string, limit int) (liaison.Page[liaison.ActorCount], error) {
	page := liaison.Page[liaison.ActorCount]{Items: []liaison.ActorCount{}}
	k, after, err := decodeCursor(cursor)
	if err != nil {
		return page, err
	}
	cte, args := actorsCTE(ctx)
	if err := db.queryRow(ctx, cte+`SELECT count(*) FROM a`, args...).Scan(&page.Total); err != nil {
		return page, fmt.Errorf("count actors: %w", err)
	}
	cond := "1"
	if after {
		cond = "(a.n < ? OR (a.n = ? AND a.code > ?))"
		args = append(args, k.N, k.N, k.ID)
	}
	limit = clampLimit(limit)
	err = queryEach(ctx, db.db, cte+`SELECT code, n FROM a WHERE `+cond+` ORDER BY n DESC, code LIMIT ?`,
		append(args, limit+1), func(r *sql.Rows) error {
			var c liaison.ActorCount
			err := r.Scan(&c.Code, &c.Events)
			c.Name = c.Code
			page.Items = append(page.Items, c)
			return err
		})
	if err != nil {
		return page, fmt.Errorf("list actors: %w", err)
	}
	if len(page.Items) > limit {
		page.Items = page.Items[:limit]
		last := page.Items[limit-1]
		page.NextCursor = encodeCursor(cursorKey{N: float64(last.Events), ID: last.Code})
	}
	return page, db.actorNames(ctx, page.Items)
}

// actorNames names the actors from visible mentions of their codes.
func (db *DB) actorNames(ctx context.Context, items []liaison.ActorCount) error {
	if len(items) == 0 {
		return nil
	}
	vis, args := visible(ctx, "d")
	idx := map[string]int{}
	var codes []any
	for i, c := range items {
		idx[c.Code] = i
		codes = append(codes, c.Code)
	}
	named := map[string]bool{}
	err := queryEach(ctx, db.db, `SELECT m.code, m.name FROM actor_mentions m JOIN documents d ON d.id = m.doc_id
		WHERE m.name <> '' AND m.code IN (?`+strings.Repeat(",?", len(codes)-1)+`) AND `+vis+`
		GROUP BY m.code, m.name ORDER BY count(*) DESC, m.name`, append(codes, args...), func(r *sql.Rows) error {
		var code, name string
		if err := r.Scan(&code, &name); err != nil {
			return err
		}
		if !named[code] {
			named[code] = true
			items[idx[code]].Name = name
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("name actors: %w", err)
	}
	return nil
}

// placesCTE sums the visible mentions of each place from the per-marking
// counts the triggers keep in place_counts.
func placesCTE(ctx context.Context) (string, []any) {
	vis, args := visible(ctx, "c")
	return `WITH p AS (SELECT c.name AS name, c.country AS country, sum(c.n) AS n, max(c.lat) AS lat,
		max(c.lon) AS lon, max(c.kind) AS kind, max(c.bbox) AS bbox
		FROM place_counts c WHERE ` + vis + ` GROUP BY c.name, c.country HAVING sum(c.n) > 0) `, args
}

// Places counts the visible mentions of each place (name and country), most
// mentioned first (ties by name, country).
func (db *DB) Places(ctx context.Context, cursor string, limit int) (liaison.Page[liaison.PlaceCount], error) {
	page := liaison.Page[liaison.PlaceCount]{Items: []liaison.PlaceCount{}}
	k, after, err := decodeCursor(cursor)
	if err != nil {
		return page, err
	}
	cte, args := placesCTE(ctx)
	if err := db.queryRow(ctx, cte+`SELECT count(*) FROM p`, args...).Scan(&page.Total); err != nil {
		return page, fmt.Errorf("count places: %w", err)
	}
	cond := "1"
	if after {
		cond = "(p.n < ? OR (p.n = ? AND (p.name, p.country) > (?, ?)))"
		args = append(args, k.N, k.N, strings.TrimPrefix(k.ID, "p"), k.S)
	}
	limit = clampLimit(limit)
	err = queryEach(ctx, db.db, cte+`SELECT name, country, lat, lon, kind, bbox, n FROM p WHERE `+cond+
		` ORDER BY n DESC, name, country LIMIT ?`, append(args, limit+1), func(r *sql.Rows) error {
		var c liaison.PlaceCount
		var bb sql.NullString
		err := r.Scan(&c.Name, &c.Country, &c.Lat, &c.Lon, &c.Kind, &bb, &c.Mentions)
		c.BBox = parseBBox(bb)
		page.Items = append(page.Items, c)
		return err
	})
	if err != nil {
		return page, fmt.Errorf("list places: %w", err)
	}
	if len(page.Items) > limit {
		page.Items = page.Items[:limit]
		last := page.Items[limit-1]
		page.NextCursor = encodeCursor(cursorKey{N: float64(last.Mentions), S: last.Country, ID: "p" + last.Name})
	}
	return page, nil
}

// Stats counts what the viewer may see: documents, events, distinct actor
// codes in events, distinct places mentioned, feeds.
func (db *DB) Stats(ctx context.Context) (liaison.Stats, error) {
	var s liaison.Stats
	var err error
	if s.Documents, err = db.countVisible(ctx, "documents"); err != nil {
		return s, fmt.Errorf("stats: %w", err)
	}
	if s.Events, err = db.countVisible(ctx, "events"); err != nil {
		return s, fmt.Errorf("stats: %w", err)
	}
	fvis, fargs := visible(ctx, "f")
	acte, aargs := actorsCTE(ctx)
	pcte, pargs := placesCTE(ctx)
	counts := []struct {
		q    string
		args []any
		dst  *int
	}{
		{acte + `SELECT count(*) FROM a`, aargs, &s.Actors},
		{pcte + `SELECT count(*) FROM p`, pargs, &s.Places},
		{`SELECT count(*) FROM feeds f WHERE ` + fvis, fargs, &s.Feeds},
	}
	for _, c := range counts {
		if err := db.queryRow(ctx, c.q, c.args...).Scan(c.dst); err != nil {
			return liaison.Stats{}, fmt.Errorf("stats: %w", err)
		}
	}
	return s, nil
}
