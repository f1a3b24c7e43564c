package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"math/bits"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
)

// docCols are the columns scanDoc reads, for a table aliased d.
const docCols = `d.id, d.source, d.url, coalesce(d.canonical_url, ''), d.title, d.byline, d.published,
	d.date_source, d.fetched, d.lang, d.text, d.content_hash, d.simhash, coalesce(d.duplicate_of, ''),
	d.mk_class, d.mk_level, d.mk_rel, d.mk_groups, d.mk_caveats, d.origin_node, d.origin_nation`

// scanner is *sql.Row or *sql.Rows.
type scanner interface{ Scan(dest ...any) error }

// scanDoc reads one row of docCols (plus extra trailing destinations).
func scanDoc(s scanner, extra ...any) (liaison.Document, error) {
	var d liaison.Document
	var pub, fetched, ds string
	var sim int64
	var mk markingCols
	dest := []any{&d.ID, &d.Source, &d.URL, &d.CanonicalURL, &d.Title, &d.Byline, &pub,
		&ds, &fetched, &d.Lang, &d.Text, &d.ContentHash, &sim, &d.DuplicateOf,
		&mk.Class, &mk.Level, &mk.Rel, &mk.Groups, &mk.Caveats, &d.Origin.Node, &d.Origin.Nation}
	if err := s.Scan(append(dest, extra...)...); err != nil {
		return d, err
	}
	var err error
	if d.Published, err = parseTime(pub); err != nil {
		return d, err
	}
	if d.Fetched, err = parseTime(fetched); err != nil {
		return d, err
	}
	d.DateSource = liaison.DateSource(ds)
	d.SimHash = uint64(sim)
	d.Marking = fromCols(mk)
	return d, nil
}

// notFound is the one error for a document that is missing or invisible:
// the two must read the same.
func notFound(what, id string) error {
	return fmt.Errorf("%s %s: %w", what, id, liaison.ErrNotFound)
}

// ContentHash is the store's fallback identity of a text when the caller
// gave none: the hex SHA-256 of the text with white space collapsed.
func ContentHash(text string) string {
	sum := sha256.Sum256([]byte(strings.Join(strings.Fields(text), " ")))
	return hex.EncodeToString(sum[:])
}

// PutDocument stores d once. An exact duplicate (same content hash or
// canonical URL) answers Status "duplicate" with the stored id and writes
// nothing; a document with DuplicateOf set is stored as "near-duplicate".
// The new document is pending extraction until PutExtraction. Only the
// system viewer may write (see requireSystem). d.ID and d.ContentHash are
// filled in when empty.
func (db *DB) PutDocument(ctx context.Context, d *liaison.Document) (liaison.PutResult, error) {
	if err := requireSystem(ctx, "put document"); err != nil {
		return liaison.PutResult{}, err
	}
	if err := checkDocument(d); err != nil {
		return liaison.PutResult{}, err
	}
	if d.ID == "" {
		d.ID = liaison.NewID(time.Now())
	}
	if d.ContentHash == "" {
		d.ContentHash = ContentHash(d.Text)
	}
	res := liaison.PutResult{ID: d.ID, Status: "stored"}
	if d.DuplicateOf != "" {
		res.Status = "near-duplicate"
	}
	err := db.tx(ctx, func(tx *sql.Tx) error {
		var err error
		res, err = db.putDocument(ctx, tx, d, res)
		return err
	})
	if err != nil {
		return liaison.PutResult{}, err
	}
	return res, nil
}

// BatchResult is the outcome of one document of PutDocuments: what
// PutDocument would have answered.
type BatchResult struct {
	liaison.PutResult
	Err error
}

// PutDocuments stores a batch in one transaction — much faster than one
// transaction per document for bulk ingest — with PutDocument's rules per
// item. A bad item (invalid, conflicting id, missing duplicate_of) gets its
// error in its result and the batch goes on; duplicates within the batch are
// caught. The returned error is for the batch as a whole (nothing written).
func (db *DB) PutDocuments(ctx context.Context, ds []*liaison.Document) ([]BatchResult, error) {
	if err := requireSystem(ctx, "put documents"); err != nil {
		return nil, err
	}
	out := make([]BatchResult, len(ds))
	err := db.tx(ctx, func(tx *sql.Tx) error {
		for i, d := range ds {
			out[i] = BatchResult{}
			if err := checkDocument(d); err != nil {
				out[i].Err = err
				continue
			}
			if d.ID == "" {
				d.ID = liaison.NewID(time.Now())
			}
			if d.ContentHash == "" {
				d.ContentHash = ContentHash(d.Text)
			}
			res := liaison.PutResult{ID: d.ID, Status: "stored"}
			if d.DuplicateOf != "" {
				res.Status = "near-duplicate"
			}
			res, err := db.putDocument(ctx, tx, d, res)
			if errors.Is(err, liaison.ErrInvalid) || errors.Is(err, liaison.ErrConflict) {
				out[i].Err = err
				continue
			}
			if err != nil {
				return err
			}
			out[i].PutResult = res
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// checkDocument rejects documents the store cannot keep.
func checkDocument(d *liaison.Document) error {
	if d == nil {
		return liaison.Errorf(liaison.ErrInvalid, "document: nil")
	}
	name := first(d.URL, d.Title, d.ID)
	if strings.TrimSpace(d.Text) == "" {
		return liaison.Errorf(liaison.ErrInvalid, "document %q: empty text", name)
	}
	return checkMarking(fmt.Sprintf("document %q", name), d.Marking)
}

// putDocument is PutDocument inside tx.
func (db *DB) putDocument(ctx context.Context, tx *sql.Tx, d *liaison.Document, res liaison.PutResult) (liaison.PutResult, error) {
	// One round trip answers every check: an exact duplicate (by content
	// hash, else canonical URL), whether the id is taken, whether the first
	// copy of a near-duplicate exists.
	var byHash, byURL sql.NullString
	var idTaken, firstExists bool
	err := db.txQueryRow(ctx, tx, `SELECT
		(SELECT id FROM documents WHERE content_hash = ?),
		(SELECT id FROM documents WHERE canonical_url = ? AND ? <> ''),
		EXISTS (SELECT 1 FROM documents WHERE id = ?),
		EXISTS (SELECT 1 FROM documents WHERE id = ?)`,
		d.ContentHash, d.CanonicalURL, d.CanonicalURL, d.ID, d.DuplicateOf).Scan(&byHash, &byURL, &idTaken, &firstExists)
	switch {
	case err != nil:
		return res, fmt.Errorf("put document %s: %w", d.ID, err)
	case byHash.Valid:
		return liaison.PutResult{ID: byHash.String, Status: "duplicate"}, nil
	case byURL.Valid:
		return liaison.PutResult{ID: byURL.String, Status: "duplicate"}, nil
	case d.DuplicateOf != "" && !firstExists:
		return res, liaison.Errorf(liaison.ErrInvalid, "document %s: duplicate_of %s: no such document", d.ID, d.DuplicateOf)
	case idTaken:
		return res, liaison.Errorf(liaison.ErrConflict, "document %s: id already used by other content", d.ID)
	}
	mk := toCols(d.Marking)
	sim := d.SimHash
	// The rowid carries the marking's number (migration 0007): the next
	// sequence in the high bits, the number in the low 20.
	if _, err := db.txExec(ctx, tx, `INSERT OR IGNORE INTO markings(mk_level, mk_rel, mk_caveats) VALUES (?, ?, ?)`,
		mk.Level, mk.Rel, mk.Caveats); err != nil {
		return res, fmt.Errorf("put document %s: number its marking: %w", d.ID, err)
	}
	_, err = db.txExec(ctx, tx, `INSERT INTO documents(rowid, id, source, url, canonical_url, title, byline, published,
		date_source, fetched, lang, text, content_hash, simhash, sh0, sh1, sh2, sh3, duplicate_of,
		mk_class, mk_level, mk_rel, mk_groups, mk_caveats, origin_node, origin_nation, created_at)
		VALUES ((((SELECT coalesce(max(rowid), 0) FROM documents) >> 20) + 1) << 20 | (SELECT id FROM markings
			WHERE mk_level = ? AND mk_rel = ? AND mk_caveats = ?),
		?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		mk.Level, mk.Rel, mk.Caveats, d.ID, d.Source, d.URL, nullable(d.CanonicalURL), d.Title, d.Byline, fmtTime(d.Published),
		string(d.DateSource), fmtTime(d.Fetched), d.Lang, d.Text, d.ContentHash, int64(sim),
		band(sim, 0), band(sim, 1), band(sim, 2), band(sim, 3), nullable(d.DuplicateOf),
		mk.Class, mk.Level, mk.Rel, mk.Groups, mk.Caveats, d.Origin.Node, d.Origin.Nation, fmtTime(time.Now()))
	if err != nil {
		return res, fmt.Errorf("put document %s: %w", d.ID, err)
	}
	return res, nil
}

// band is the i-th 16-bit slice of a SimHash.
func band(h uint64, i int) int64 { return int64((h >> (16 * i)) & 0xffff) }

// nullable stores "" as NULL (for UNIQUE and REFERENCES columns).
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// first returns the first non-empty string.
func first(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// Document returns one document the viewer may see; a missing or invisible
// one answers the same ErrNotFound.
func (db *DB) Document(ctx context.Context, id string) (*liaison.Document, error) {
	vis, args := visible(ctx, "d")
	row := db.queryRow(ctx, `SELECT `+docCols+` FROM documents d WHERE d.id = ? AND `+vis,
		append([]any{id}, args...)...)
	d, err := scanDoc(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("document", id)
	}
	if err != nil {
		return nil, fmt.Errorf("document %s: %w", id, err)
	}
	return &d, nil
}

// Documents lists visible documents matching f, newest published first
// (ties by id, descending). Total counts every visible match.
func (db *DB) Documents(ctx context.Context, f liaison.DocumentFilter) (liaison.Page[liaison.Document], error) {
	page := liaison.Page[liaison.Document]{Items: []liaison.Document{}}
	k, after, err := decodeCursor(f.Cursor)
	if err != nil {
		return page, err
	}
	err = db.read(ctx, func(tx *sql.Tx) error {
		vis, vargs, _, err := db.rowVisibility(ctx, tx, "d.rowid", "d")
		if err != nil {
			return err
		}
		var w where
		w.addPred(vis, vargs)
		if f.Source != "" {
			w.add("d.source = ?", f.Source)
		}
		if !f.From.IsZero() {
			w.add("d.published >= ?", fmtTime(f.From))
		}
		if !f.To.IsZero() {
			w.add("d.published < ?", fmtTime(f.To))
		}
		if f.Source == "" && f.From.IsZero() && f.To.IsZero() {
			page.Total, err = db.countVisibleTx(ctx, tx, "documents")
		} else {
			err = db.txQueryRow(ctx, tx, `SELECT count(*) FROM documents d WHERE `+w.sql(), w.args...).Scan(&page.Total)
		}
		if err != nil {
			return fmt.Errorf("count documents: %w", err)
		}
		if after {
			w.add("(d.published, d.id) < (?, ?)", k.S, k.ID)
		}
		return db.listDocuments(ctx, tx, w, clampLimit(f.Limit), &page)
	})
	return page, err
}

// listDocuments reads one page of the documents w selects, newest first.
func (db *DB) listDocuments(ctx context.Context, tx *sql.Tx, w where, limit int, page *liaison.Page[liaison.Document]) error {
	rows, err := db.txQuery(ctx, tx, `SELECT `+docCols+` FROM documents d WHERE `+w.sql()+
		` ORDER BY d.published DESC, d.id DESC LIMIT ?`, append(w.args, limit+1)...)
	if err != nil {
		return fmt.Errorf("list documents: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		d, err := scanDoc(rows)
		if err != nil {
			return fmt.Errorf("list documents: %w", err)
		}
		page.Items = append(page.Items, d)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("list documents: %w", err)
	}
	if len(page.Items) > limit {
		page.Items = page.Items[:limit]
		last := page.Items[limit-1]
		page.NextCursor = encodeCursor(cursorKey{S: fmtTime(last.Published), ID: last.ID})
	}
	return nil
}

// countVisibleTx sums the visible items of table tbl ("documents" or
// "events") within tx, from the per-marking counts the triggers keep.
func (db *DB) countVisibleTx(ctx context.Context, tx *sql.Tx, tbl string) (int, error) {
	vis, args, err := db.countCond(ctx, tx)
	if err != nil {
		return 0, err
	}
	var n int
	err = db.txQueryRow(ctx, tx, `SELECT coalesce(sum(c.n), 0) FROM mk_counts c WHERE c.tbl = ? AND `+vis,
		append([]any{tbl}, args...)...).Scan(&n)
	return n, err
}

// NearDuplicateCandidates returns visible documents whose SimHash is within
// maxDistance bits of h, oldest first. Up to 3 bits it looks candidates up
// by the four indexed 16-bit bands (one must match exactly); beyond that it
// scans every fingerprint.
func (db *DB) NearDuplicateCandidates(ctx context.Context, h uint64, maxDistance int) ([]liaison.Document, error) {
	if maxDistance < 0 || maxDistance > 64 {
		return nil, liaison.Errorf(liaison.ErrInvalid, "near-duplicate distance %d: want 0..64", maxDistance)
	}
	var w where
	w.addPred(visible(ctx, "d"))
	if maxDistance <= 3 {
		w.add("(d.sh0 = ? OR d.sh1 = ? OR d.sh2 = ? OR d.sh3 = ?)", band(h, 0), band(h, 1), band(h, 2), band(h, 3))
	}
	rows, err := db.query(ctx, `SELECT d.rowid, d.simhash FROM documents d WHERE `+w.sql(), w.args...)
	if err != nil {
		return nil, fmt.Errorf("near-duplicate candidates: %w", err)
	}
	var ids []any
	for rows.Next() {
		var rid, sim int64
		if err := rows.Scan(&rid, &sim); err != nil {
			rows.Close()
			return nil, fmt.Errorf("near-duplicate candidates: %w", err)
		}
		if bits.OnesCount64(uint64(sim)^h) <= maxDistance {
			ids = append(ids, rid)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("near-duplicate candidates: %w", err)
	}
	return db.docsByRowid(ctx, ids, "d.published, d.id")
}

// docsByRowid loads visible documents by rowid, in the given order.
func (db *DB) docsByRowid(ctx context.Context, rowids []any, order string) ([]liaison.Document, error) {
	out := []liaison.Document{}
	if len(rowids) == 0 {
		return out, nil
	}
	vis, args := visible(ctx, "d")
	for start := 0; start < len(rowids); start += 500 {
		chunk := rowids[start:min(len(rowids), start+500)]
		q := `SELECT ` + docCols + ` FROM documents d WHERE d.rowid IN (?` + strings.Repeat(",?", len(chunk)-1) +
			`) AND ` + vis + ` ORDER BY ` + order
		rows, err := db.db.QueryContext(ctx, q, append(append([]any{}, chunk...), args...)...)
		if err != nil {
			return nil, fmt.Errorf("load documents: %w", err)
		}
		for rows.Next() {
			d, err := scanDoc(rows)
			if err != nil {
				rows.Close()
				return nil, fmt.Errorf("load documents: %w", err)
			}
			out = append(out, d)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("load documents: %w", err)
		}
	}
	return out, nil
}
