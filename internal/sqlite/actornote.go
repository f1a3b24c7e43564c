package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/liaison-project/liaison"
)

var _ liaison.ActorNoteStore = (*DB)(nil)

// actorNoteCols are the columns an actor note is read from, in scan order.
const actorNoteCols = `n.id, n.actor, n.text, n.author, n.nation, n.created, n.mk_class, n.mk_level, n.mk_rel,
	n.mk_groups, n.mk_caveats, n.origin_node, n.origin_nation`

// PutActorNote stores a new note. The writer must be an analyst or above
// (or the system); the note's Author and Nation are the writer's, whatever
// n carried, so no request can write in another's name. An id that exists
// already is a conflict: notes are never rewritten.
func (db *DB) PutActorNote(ctx context.Context, n *liaison.ActorNote) error {
	v, ok := liaison.ViewerFrom(ctx)
	if !ok {
		return liaison.Errorf(liaison.ErrUnauthorized, "put actor note: no viewer in context")
	}
	if !v.System && !v.Role.Can(liaison.RoleAnalyst) {
		return liaison.Errorf(liaison.ErrForbidden, "actor note: writing needs the analyst role or above")
	}
	if !v.System || n.Author == "" {
		n.Author, n.Nation = v.Name, v.Nation
	}
	if err := n.Validate(); err != nil {
		return err
	}
	if err := checkMarking("actor note "+n.ID, n.Marking); err != nil {
		return err
	}
	c := toCols(n.Marking)
	res, err := db.db.ExecContext(ctx, `INSERT INTO actor_notes(id, actor, text, author, nation, created, mk_class,
		mk_level, mk_rel, mk_groups, mk_caveats, origin_node, origin_nation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(id) DO NOTHING`,
		n.ID, n.Actor, n.Text, n.Author, n.Nation, fmtTime(n.Created), c.Class, c.Level, c.Rel, c.Groups, c.Caveats,
		n.Origin.Node, n.Origin.Nation)
	if err != nil {
		return fmt.Errorf("sqlite: insert actor note %s: %w", n.ID, err)
	}
	if k, _ := res.RowsAffected(); k == 0 {
		// Ids are minted by the node (ULIDs), never chosen by a client.
		return liaison.Errorf(liaison.ErrConflict, "actor note %s: id already used", n.ID)
	}
	return nil
}

// ActorNote returns one note the viewer may see; an invisible note answers
// ErrNotFound exactly like a missing one.
func (db *DB) ActorNote(ctx context.Context, id string) (liaison.ActorNote, error) {
	pred, args := visible(ctx, "n")
	row := db.db.QueryRowContext(ctx, `SELECT `+actorNoteCols+` FROM actor_notes n WHERE n.id = ? AND `+pred,
		append([]any{id}, args...)...)
	note, _, err := scanActorNote(row)
	if errors.Is(err, sql.ErrNoRows) {
		return note, notFound("actor note", id)
	}
	if err != nil {
		return note, fmt.Errorf("sqlite: actor note %s: %w", id, err)
	}
	return note, nil
}

// ActorNotes lists the notes on actor the viewer may see, newest first,
// keyset paged; Total counts the visible notes only, so the count of an
// actor's notes says nothing of the invisible ones.
func (db *DB) ActorNotes(ctx context.Context, actor, cursor string, limit int) (liaison.Page[liaison.ActorNote], error) {
	page := liaison.Page[liaison.ActorNote]{Items: []liaison.ActorNote{}}
	var w where
	w.add("n.actor = ?", actor)
	w.addPred(visible(ctx, "n"))
	if err := db.db.QueryRowContext(ctx, `SELECT count(*) FROM actor_notes n WHERE `+w.sql(), w.args...).Scan(&page.Total); err != nil {
		return page, fmt.Errorf("sqlite: count actor notes: %w", err)
	}
	k, ok, err := decodeCursor(cursor)
	if err != nil {
		return page, err
	}
	if ok {
		w.add("(n.created < ? OR (n.created = ? AND n.id < ?))", k.S, k.S, k.ID)
	}
	limit = clampLimit(limit)
	rows, err := db.db.QueryContext(ctx, `SELECT `+actorNoteCols+` FROM actor_notes n WHERE `+w.sql()+
		` ORDER BY n.created DESC, n.id DESC LIMIT ?`, append(w.args, limit+1)...)
	if err != nil {
		return page, fmt.Errorf("sqlite: actor notes: %w", err)
	}
	defer rows.Close()
	var last cursorKey
	for rows.Next() {
		note, created, err := scanActorNote(rows)
		if err != nil {
			return page, fmt.Errorf("sqlite: actor notes: %w", err)
		}
		if len(page.Items) == limit {
			page.NextCursor = encodeCursor(last)
			break
		}
		page.Items = append(page.Items, note)
		last = cursorKey{S: created, ID: note.ID}
	}
	return page, rows.Err()
}

// scanActorNote reads one row of actorNoteCols; created is the stored time
// text, the listing's cursor key.
func scanActorNote(row interface{ Scan(...any) error }) (liaison.ActorNote, string, error) {
	var n liaison.ActorNote
	var c markingCols
	var created string
	if err := row.Scan(&n.ID, &n.Actor, &n.Text, &n.Author, &n.Nation, &created, &c.Class, &c.Level, &c.Rel,
		&c.Groups, &c.Caveats, &n.Origin.Node, &n.Origin.Nation); err != nil {
		return n, "", err
	}
	t, err := parseTime(created)
	if err != nil {
		return n, "", err
	}
	n.Created, n.Marking = t, fromCols(c)
	return n, created, nil
}
