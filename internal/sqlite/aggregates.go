package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// countCond is the viewer's condition over rows of the per-marking counts
// (mk_counts, actor_counts, place_counts) aliased c: arithmetic on their
// marking number c.mk (migration 0009), or the predicate on their marking
// columns when the viewer may see too many markings to name.
func (db *DB) countCond(ctx context.Context, tx *sql.Tx) (string, []any, error) {
	mv, err := db.viewMarkings(ctx, tx)
	if err != nil {
		return "", nil, err
	}
	cond, args, _ := mv.cond(ctx, "c.mk", "c", db.maxListedMarkings) // mk: the number itself
	return cond, args, nil
}

// actorsCTE sums, per actor code, the events naming it whose count rows
// match vis (from countCond), from the per-marking counts the triggers
// keep in actor_counts.
func actorsCTE(vis string) string {
	return `WITH a AS (SELECT c.code AS code, sum(c.n) AS n FROM actor_counts c WHERE ` + vis +
		` GROUP BY c.code HAVING sum(c.n) > 0) `
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
	limit = clampLimit(limit)
	err = db.read(ctx, func(tx *sql.Tx) error {
		vis, args, err := db.countCond(ctx, tx)
		if err != nil {
			return err
		}
		cte := actorsCTE(vis)
		if err := db.txQueryRow(ctx, tx, cte+`SELECT count(*) FROM a`, args...).Scan(&page.Total); err != nil {
			return fmt.Errorf("count actors: %w", err)
		}
		cond := "1"
		if after {
			cond = "(a.n < ? OR (a.n = ? AND a.code > ?))"
			args = append(args, k.N, k.N, k.ID)
		}
		err = db.txEach(ctx, tx, cte+`SELECT code, n FROM a WHERE `+cond+` ORDER BY n DESC, code LIMIT ?`,
			append(args, limit+1), func(r *sql.Rows) error {
				var c liaison.ActorCount
				err := r.Scan(&c.Code, &c.Events)
				c.Name = c.Code
				page.Items = append(page.Items, c)
				return err
			})
		if err != nil {
			return fmt.Errorf("list actors: %w", err)
		}
		return nil
	})
	if err != nil {
		return page, err
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

// placesCTE sums the mentions of each place whose count rows match vis
// (from countCond), from the per-marking counts the triggers keep in
// place_counts.
func placesCTE(vis string) string {
	return `WITH p AS (SELECT c.name AS name, c.country AS country, sum(c.n) AS n, max(c.lat) AS lat,
		max(c.lon) AS lon, max(c.kind) AS kind, max(c.bbox) AS bbox
		FROM place_counts c WHERE ` + vis + ` GROUP BY c.name, c.country HAVING sum(c.n) > 0) `
}

// Places counts the visible mentions of each place (name and country), most
// mentioned first (ties by name, country).
func (db *DB) Places(ctx context.Context, cursor string, limit int) (liaison.Page[liaison.PlaceCount], error) {
	page := liaison.Page[liaison.PlaceCount]{Items: []liaison.PlaceCount{}}
	k, after, err := decodeCursor(cursor)
	if err != nil {
		return page, err
	}
	limit = clampLimit(limit)
	err = db.read(ctx, func(tx *sql.Tx) error {
		vis, args, err := db.countCond(ctx, tx)
		if err != nil {
			return err
		}
		cte := placesCTE(vis)
		if err := db.txQueryRow(ctx, tx, cte+`SELECT count(*) FROM p`, args...).Scan(&page.Total); err != nil {
			return fmt.Errorf("count places: %w", err)
		}
		cond := "1"
		if after {
			cond = "(p.n < ? OR (p.n = ? AND (p.name, p.country) > (?, ?)))"
			args = append(args, k.N, k.N, strings.TrimPrefix(k.ID, "p"), k.S)
		}
		err = db.txEach(ctx, tx, cte+`SELECT name, country, lat, lon, kind, bbox, n FROM p WHERE `+cond+
			` ORDER BY n DESC, name, country LIMIT ?`, append(args, limit+1), func(r *sql.Rows) error {
			var c liaison.PlaceCount
			var bb sql.NullString
			err := r.Scan(&c.Name, &c.Country, &c.Lat, &c.Lon, &c.Kind, &bb, &c.Mentions)
			c.BBox = parseBBox(bb)
			page.Items = append(page.Items, c)
			return err
		})
		if err != nil {
			return fmt.Errorf("list places: %w", err)
		}
		return nil
	})
	if err != nil {
		return page, err
	}
	if len(page.Items) > limit {
		page.Items = page.Items[:limit]
		last := page.Items[limit-1]
		page.NextCursor = encodeCursor(cursorKey{N: float64(last.Mentions), S: last.Country, ID: "p" + last.Name})
	}
	return page, nil
}

// Stats counts what the viewer may see: documents, events, distinct actor
// codes in events, distinct places mentioned, feeds — in one read, one
// statement, from the per-marking counts (feeds are few: read whole).
func (db *DB) Stats(ctx context.Context) (liaison.Stats, error) {
	var s liaison.Stats
	err := db.read(ctx, func(tx *sql.Tx) error {
		vis, args, err := db.countCond(ctx, tx)
		if err != nil {
			return err
		}
		fvis, fargs := visible(ctx, "f")
		q := `SELECT
			(SELECT coalesce(sum(c.n), 0) FROM mk_counts c WHERE c.tbl = 'documents' AND ` + vis + `),
			(SELECT coalesce(sum(c.n), 0) FROM mk_counts c WHERE c.tbl = 'events' AND ` + vis + `),
			(SELECT count(*) FROM (SELECT 1 FROM actor_counts c WHERE ` + vis + ` GROUP BY c.code HAVING sum(c.n) > 0)),
			(SELECT count(*) FROM (SELECT 1 FROM place_counts c WHERE ` + vis + `
				GROUP BY c.name, c.country HAVING sum(c.n) > 0)),
			(SELECT count(*) FROM feeds f WHERE ` + fvis + `)`
		all := append(append(append(append(append([]any{}, args...), args...), args...), args...), fargs...)
		return db.txQueryRow(ctx, tx, q, all...).Scan(&s.Documents, &s.Events, &s.Actors, &s.Places, &s.Feeds)
	})
	if err != nil {
		return liaison.Stats{}, fmt.Errorf("stats: %w", err)
	}
	return s, nil
}

// ActorsMarking is the marking the actors aggregate carries for the viewer
// in ctx: the markings of every visible event Actors counts, combined
// (see combineCounted). A page showing those counts must carry it, since a
// count derived from a NATO CONFIDENTIAL event is itself that sensitive.
// The zero marking means nothing is counted.
func (db *DB) ActorsMarking(ctx context.Context) (liaison.Marking, error) {
	keys, err := db.countedMarkings(ctx, "actor_counts c WHERE 1")
	if err != nil {
		return liaison.Marking{}, fmt.Errorf("actors marking: %w", err)
	}
	m, err := db.combineCounted(ctx, []countedSet{{"events", keys}})
	if err != nil {
		return m, fmt.Errorf("actors marking: %w", err)
	}
	return m, nil
}

// PlacesMarking is the combined marking of every visible place mention
// Places counts (a mention carries its document's marking).
func (db *DB) PlacesMarking(ctx context.Context) (liaison.Marking, error) {
	keys, err := db.countedMarkings(ctx, "place_counts c WHERE 1")
	if err != nil {
		return liaison.Marking{}, fmt.Errorf("places marking: %w", err)
	}
	m, err := db.combineCounted(ctx, []countedSet{{"documents", keys}})
	if err != nil {
		return m, fmt.Errorf("places marking: %w", err)
	}
	return m, nil
}

// StatsMarking is the combined marking of everything Stats counts: the
// visible documents, events (which cover the actor and place counts) and
// feeds.
func (db *DB) StatsMarking(ctx context.Context) (liaison.Marking, error) {
	var sets []countedSet
	for _, tbl := range []string{"documents", "events"} {
		keys, err := db.countedMarkings(ctx, "mk_counts c WHERE c.tbl = ?", tbl)
		if err != nil {
			return liaison.Marking{}, fmt.Errorf("stats marking: %w", err)
		}
		sets = append(sets, countedSet{tbl, keys})
	}
	// Feeds are few: they are read whole. The alias is "c" so that the
	// same visibility predicate applies.
	keys, err := db.countedMarkings(ctx, "(SELECT f.mk_level, f.mk_rel, f.mk_caveats, 1 AS n FROM feeds f) c WHERE 1")
	if err != nil {
		return liaison.Marking{}, fmt.Errorf("stats marking: %w", err)
	}
	m, err := db.combineCounted(ctx, append(sets, countedSet{"feeds", keys}))
	if err != nil {
		return m, fmt.Errorf("stats marking: %w", err)
	}
	return m, nil
}

// markingKey is a stored marking as the visibility rule reads it.
type markingKey struct {
	level        int
	rel, caveats string
}

// countedSet is the distinct markings counted from one item table.
type countedSet struct {
	table string // the items table holding rows with these markings
	keys  []markingKey
}

// countedMarkings returns the distinct markings of the rows of a
// per-marking count (from: a table or subquery aliased c with mk_level,
// mk_rel, mk_caveats and n, then a WHERE clause) that count something and
// that the viewer may see — through visible, the one rule.
func (db *DB) countedMarkings(ctx context.Context, from string, args ...any) ([]markingKey, error) {
	vis, vargs := visible(ctx, "c")
	var keys []markingKey
	err := queryEach(ctx, db.db, `SELECT DISTINCT c.mk_level, c.mk_rel, c.mk_caveats FROM `+from+
		` AND c.n > 0 AND `+vis+` ORDER BY 1, 2, 3`, append(args, vargs...), func(r *sql.Rows) error {
		var k markingKey
		keys = append(keys, k)
		return r.Scan(&keys[len(keys)-1].level, &keys[len(keys)-1].rel, &keys[len(keys)-1].caveats)
	})
	return keys, err
}

// combineCounted combines counted markings into the one a page showing
// their counts carries, as the banner convention does: the highest level,
// releasable only to the nations every restricted marking is releasable to
// (a marking releasable to all restricts nothing), and every caveat. The
// classification name, and the REL TO as written (groups) when every
// restricted marking has the same releasability, are read from a visible
// item holding that marking.
func (db *DB) combineCounted(ctx context.Context, sets []countedSet) (liaison.Marking, error) {
	var ms []liaison.Marking
	var tables []string
	var keys []markingKey
	for _, s := range sets {
		for _, k := range s.keys {
			ms = append(ms, liaison.Marking{Level: k.level, RelTo: parseList(k.rel), Caveats: parseList(k.caveats)})
			tables, keys = append(tables, s.table), append(keys, k)
		}
	}
	if len(ms) == 0 {
		return liaison.Marking{}, nil
	}
	out := marking.Combine(ms...)
	top := slices.IndexFunc(ms, func(m liaison.Marking) bool { return m.Level == out.Level })
	class, _, err := db.markingNames(ctx, tables[top], keys[top])
	if err != nil {
		return out, err
	}
	out.Classification = class
	// Every restricted list the same: each is the intersection itself.
	rel := slices.IndexFunc(ms, func(m liaison.Marking) bool { return len(m.RelTo) > 0 })
	same := !slices.ContainsFunc(ms, func(m liaison.Marking) bool { return len(m.RelTo) > 0 && !slices.Equal(m.RelTo, out.RelTo) })
	if rel >= 0 && same && out.RelTo[0] != liaison.NoNation {
		_, out.Groups, err = db.markingNames(ctx, tables[rel], keys[rel])
	}
	return out, err
}

// markingNames reads the classification name and the REL TO as written of
// a visible item of table holding marking k. The item is found through the
// table's listing index, which carries the marking (no text is read).
func (db *DB) markingNames(ctx context.Context, table string, k markingKey) (string, []string, error) {
	vis, args := visible(ctx, "x")
	var class, groups string
	err := db.queryRow(ctx, `SELECT d.mk_class, d.mk_groups FROM `+table+` d WHERE d.id = (SELECT x.id FROM `+table+
		` x WHERE x.mk_level = ? AND x.mk_rel = ? AND x.mk_caveats = ? AND `+vis+` LIMIT 1)`,
		append([]any{k.level, k.rel, k.caveats}, args...)...).Scan(&class, &groups)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil, nil // removed since it was counted
	}
	if err != nil {
		return "", nil, fmt.Errorf("marking names: %w", err)
	}
	return class, parseList(groups), nil
}
