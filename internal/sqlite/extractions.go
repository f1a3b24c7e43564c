package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/liaison-project/liaison"
)

// PutExtraction replaces the extraction of document docID — sentences,
// actor/place/date mentions, quotes and events, each with its provenance
// (document, sentence index, code point offsets) — in one transaction, and
// marks the document extracted. Running it again with the same extraction
// leaves the same rows. Events take a marking at least as restricted as the
// document's (their own, if stricter, is combined in). Events without an id
// get a new ULID (replaced on every re-extraction). Only the system viewer
// may write.
func (db *DB) PutExtraction(ctx context.Context, docID string, x *liaison.Extraction) error {
	if err := requireSystem(ctx, "put extraction"); err != nil {
		return err
	}
	if x == nil {
		return liaison.Errorf(liaison.ErrInvalid, "extraction of %s: nil", docID)
	}
	if err := checkExtraction(docID, x); err != nil {
		return err
	}
	return db.tx(ctx, func(tx *sql.Tx) error {
		var mk markingCols
		err := tx.QueryRowContext(ctx, `SELECT mk_class, mk_level, mk_rel, mk_groups, mk_caveats FROM documents WHERE id = ?`, docID).
			Scan(&mk.Class, &mk.Level, &mk.Rel, &mk.Groups, &mk.Caveats)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("document", docID)
		}
		if err != nil {
			return fmt.Errorf("put extraction of %s: %w", docID, err)
		}
		if err := putExtraction(ctx, tx, docID, fromCols(mk), x); err != nil {
			return fmt.Errorf("put extraction of %s: %w", docID, err)
		}
		return nil
	})
}

// checkExtraction rejects impossible provenance (negative offsets, spans
// ending before they start, negative sentence indexes) and bad event
// markings, naming the document and the item.
func checkExtraction(docID string, x *liaison.Extraction) error {
	type span struct {
		what                 string
		start, end, sentence int
	}
	var spans []span
	for i, s := range x.Sentences {
		spans = append(spans, span{fmt.Sprintf("sentence %d", i), s.Start, s.End, 0})
	}
	for i, a := range x.Actors {
		spans = append(spans, span{fmt.Sprintf("actor %d (%q)", i, a.Text), a.Start, a.End, a.Sentence})
	}
	for i, p := range x.Places {
		spans = append(spans, span{fmt.Sprintf("place %d (%q)", i, p.Text), p.Start, p.End, p.Sentence})
	}
	for i, d := range x.Dates {
		spans = append(spans, span{fmt.Sprintf("date %d (%q)", i, d.Text), d.Start, d.End, d.Sentence})
	}
	for i, q := range x.Quotes {
		spans = append(spans, span{fmt.Sprintf("quote %d", i), q.Start, q.End, q.Sentence})
	}
	for _, sp := range spans {
		if sp.start < 0 || sp.end < sp.start || sp.sentence < 0 {
			return liaison.Errorf(liaison.ErrInvalid, "extraction of %s: %s: bad provenance (start %d, end %d, sentence %d)",
				docID, sp.what, sp.start, sp.end, sp.sentence)
		}
	}
	for i, e := range x.Events {
		if e.Sentence < 0 {
			return liaison.Errorf(liaison.ErrInvalid, "extraction of %s: event %d: negative sentence %d", docID, i, e.Sentence)
		}
		if err := checkMarking(fmt.Sprintf("extraction of %s: event %d", docID, i), e.Marking); err != nil {
			return err
		}
	}
	return nil
}

// putExtraction is PutExtraction inside tx, for a document marked docMk.
func putExtraction(ctx context.Context, tx *sql.Tx, docID string, docMk liaison.Marking, x *liaison.Extraction) error {
	for _, t := range []string{"sentences", "actor_mentions", "place_mentions", "date_mentions", "quotes", "events"} {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+t+` WHERE doc_id = ?`, docID); err != nil {
			return err
		}
	}
	for i, s := range x.Sentences {
		if _, err := tx.ExecContext(ctx, `INSERT INTO sentences(doc_id, idx, start, "end") VALUES (?,?,?,?)`,
			docID, i, s.Start, s.End); err != nil {
			return err
		}
	}
	for i, a := range x.Actors {
		if _, err := tx.ExecContext(ctx, `INSERT INTO actor_mentions(doc_id, seq, sentence, start, "end", text, name, code, kind)
			VALUES (?,?,?,?,?,?,?,?,?)`, docID, i, a.Sentence, a.Start, a.End, a.Text, a.Name, a.Code, a.Kind); err != nil {
			return err
		}
	}
	dmk := toCols(docMk)
	for i, p := range x.Places {
		if _, err := tx.ExecContext(ctx, `INSERT INTO place_mentions(doc_id, seq, sentence, start, "end", text, name, country,
			lat, lon, kind, bbox, mk_level, mk_rel, mk_caveats) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, docID, i, p.Sentence,
			p.Start, p.End, p.Text, p.Name, p.Country, p.Lat, p.Lon, p.Kind, bboxJSON(p.BBox),
			dmk.Level, dmk.Rel, dmk.Caveats); err != nil {
			return err
		}
	}
	for i, d := range x.Dates {
		if _, err := tx.ExecContext(ctx, `INSERT INTO date_mentions(doc_id, seq, sentence, start, "end", text, value, end_value)
			VALUES (?,?,?,?,?,?,?,?)`, docID, i, d.Sentence, d.Start, d.End, d.Text, d.Value, d.EndValue); err != nil {
			return err
		}
	}
	for i, q := range x.Quotes {
		if _, err := tx.ExecContext(ctx, `INSERT INTO quotes(doc_id, seq, sentence, start, "end", speaker, speaker_code, text)
			VALUES (?,?,?,?,?,?,?,?)`, docID, i, q.Sentence, q.Start, q.End, q.Speaker, q.SpeakerCode, q.Text); err != nil {
			return err
		}
	}
	for i, e := range x.Events {
		if err := insertEvent(ctx, tx, docID, i, docMk, e); err != nil {
			return fmt.Errorf("event %d: %w", i, err)
		}
	}
	_, err := tx.ExecContext(ctx, `UPDATE documents SET extracted_at = ? WHERE id = ?`, fmtTime(time.Now()), docID)
	return err
}

// insertEvent writes one event of document docID with a marking at least as
// restricted as the document's.
func insertEvent(ctx context.Context, tx *sql.Tx, docID string, seq int, docMk liaison.Marking, e liaison.Event) error {
	if e.ID == "" {
		// A fresh ULID, not "<doc>-<n>": a sequence would let a viewer who
		// sees events 0 and 2 infer a hidden event 1.
		e.ID = liaison.NewID(time.Now())
	}
	mk := toCols(stricter(docMk, e.Marking))
	var pname any
	var pcountry, pkind string
	var plat, plon float64
	var pbbox any
	if p := e.Place; p != nil {
		pname, pcountry, pkind, plat, plon, pbbox = p.Name, p.Country, p.Kind, p.Lat, p.Lon, bboxJSON(p.BBox)
	}
	// The rowid carries the marking's number (migration 0007).
	if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO markings(mk_level, mk_rel, mk_caveats) VALUES (?, ?, ?)`,
		mk.Level, mk.Rel, mk.Caveats); err != nil {
		return fmt.Errorf("event of %s: number its marking: %w", docID, err)
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO events(rowid, id, doc_id, seq, sentence, source, target, cameo, cameo_name, root,
		quad, goldstein, plover, date, place_name, place_country, place_lat, place_lon, place_kind, place_bbox,
		source_text, target_text, verb_text, negated, explain, mk_class, mk_level, mk_rel, mk_groups, mk_caveats)
		VALUES ((((SELECT coalesce(max(rowid), 0) FROM events) >> 20) + 1) << 20 | (SELECT id FROM markings
			WHERE mk_level = ? AND mk_rel = ? AND mk_caveats = ?),
		?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		mk.Level, mk.Rel, mk.Caveats, e.ID, docID, seq, e.Sentence, e.Source, e.Target, e.CAMEO, e.CAMEOName, e.Root,
		e.Quad, e.Goldstein, e.PLOVER, e.Date, pname, pcountry, plat, plon, pkind, pbbox,
		e.SourceText, e.TargetText, e.VerbText, e.Negated, e.Explain,
		mk.Class, mk.Level, mk.Rel, mk.Groups, mk.Caveats)
	return err
}

// bboxJSON stores a bounding box as JSON, NULL when absent.
func bboxJSON(b *[4]float64) any {
	if b == nil {
		return nil
	}
	out, _ := json.Marshal(b) // four floats always marshal
	return string(out)
}

// parseBBox reads a stored bounding box.
func parseBBox(s sql.NullString) *[4]float64 {
	if !s.Valid {
		return nil
	}
	var b [4]float64
	if json.Unmarshal([]byte(s.String), &b) != nil {
		return nil
	}
	return &b
}

// Extraction returns the stored extraction of a visible document, with only
// the events the viewer may see. A missing, invisible or not yet extracted
// document answers the same ErrNotFound.
func (db *DB) Extraction(ctx context.Context, docID string) (*liaison.Extraction, error) {
	vis, args := visible(ctx, "d")
	var at sql.NullString
	err := db.queryRow(ctx, `SELECT d.extracted_at FROM documents d WHERE d.id = ? AND `+vis,
		append([]any{docID}, args...)...).Scan(&at)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && !at.Valid) {
		return nil, notFound("extraction", docID)
	}
	if err != nil {
		return nil, fmt.Errorf("extraction %s: %w", docID, err)
	}
	x := &liaison.Extraction{ID: docID, Sentences: []liaison.Span{}, Actors: []liaison.ActorMention{},
		Places: []liaison.PlaceMention{}, Dates: []liaison.DateMention{}, Quotes: []liaison.Quote{}}
	if err := db.readMentions(ctx, docID, x); err != nil {
		return nil, fmt.Errorf("extraction %s: %w", docID, err)
	}
	page, err := db.events(ctx, liaison.EventFilter{DocID: docID}, "e.seq", 1<<30)
	if err != nil {
		return nil, fmt.Errorf("extraction %s: %w", docID, err)
	}
	x.Events = page.Items
	return x, nil
}

// readMentions loads the sentence and mention rows of docID into x. The
// caller has checked that the document is visible.
func (db *DB) readMentions(ctx context.Context, docID string, x *liaison.Extraction) error {
	type load struct {
		q    string
		scan func(*sql.Rows) error
	}
	loads := []load{
		{`SELECT start, "end" FROM sentences WHERE doc_id = ? ORDER BY idx`, func(r *sql.Rows) error {
			var s liaison.Span
			err := r.Scan(&s.Start, &s.End)
			x.Sentences = append(x.Sentences, s)
			return err
		}},
		{`SELECT text, name, code, kind, start, "end", sentence FROM actor_mentions WHERE doc_id = ? ORDER BY seq`, func(r *sql.Rows) error {
			var a liaison.ActorMention
			err := r.Scan(&a.Text, &a.Name, &a.Code, &a.Kind, &a.Start, &a.End, &a.Sentence)
			x.Actors = append(x.Actors, a)
			return err
		}},
		{`SELECT text, name, country, lat, lon, kind, bbox, start, "end", sentence FROM place_mentions WHERE doc_id = ? ORDER BY seq`, func(r *sql.Rows) error {
			var p liaison.PlaceMention
			var bb sql.NullString
			err := r.Scan(&p.Text, &p.Name, &p.Country, &p.Lat, &p.Lon, &p.Kind, &bb, &p.Start, &p.End, &p.Sentence)
			p.BBox = parseBBox(bb)
			x.Places = append(x.Places, p)
			return err
		}},
		{`SELECT text, value, end_value, start, "end", sentence FROM date_mentions WHERE doc_id = ? ORDER BY seq`, func(r *sql.Rows) error {
			var d liaison.DateMention
			err := r.Scan(&d.Text, &d.Value, &d.EndValue, &d.Start, &d.End, &d.Sentence)
			x.Dates = append(x.Dates, d)
			return err
		}},
		{`SELECT speaker, speaker_code, text, start, "end", sentence FROM quotes WHERE doc_id = ? ORDER BY seq`, func(r *sql.Rows) error {
			var q liaison.Quote
			err := r.Scan(&q.Speaker, &q.SpeakerCode, &q.Text, &q.Start, &q.End, &q.Sentence)
			x.Quotes = append(x.Quotes, q)
			return err
		}},
	}
	for _, l := range loads {
		if err := queryEach(ctx, db.db, l.q, []any{docID}, l.scan); err != nil {
			return err
		}
	}
	return nil
}

// queryEach runs q and calls scan for every row.
func queryEach(ctx context.Context, db *sql.DB, q string, args []any, scan func(*sql.Rows) error) error {
	rows, err := db.QueryContext(ctx, q, args...)
	return scanEach(rows, err, scan)
}

// scanEach calls scan for each of rows (the result of a query that failed
// with err, if it did) and closes them.
func scanEach(rows *sql.Rows, err error, scan func(*sql.Rows) error) error {
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// PendingExtraction returns up to limit visible documents (oldest stored
// first) that have no extraction yet: those stored by a run that was killed
// before its pipeline finished. Re-running the pipeline over them completes
// the work; PutExtraction marks each one done.
func (db *DB) PendingExtraction(ctx context.Context, limit int) ([]liaison.Document, error) {
	vis, args := visible(ctx, "d")
	rows, err := db.db.QueryContext(ctx, `SELECT `+docCols+` FROM documents d WHERE d.extracted_at IS NULL AND `+vis+
		` ORDER BY d.rowid LIMIT ?`, append(args, clampLimit(limit))...)
	if err != nil {
		return nil, fmt.Errorf("pending extraction: %w", err)
	}
	defer rows.Close()
	out := []liaison.Document{}
	for rows.Next() {
		d, err := scanDoc(rows)
		if err != nil {
			return nil, fmt.Errorf("pending extraction: %w", err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("pending extraction: %w", err)
	}
	return out, nil
}
