package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode"

	"github.com/liaison-project/liaison"
)

// FTSQuery turns a user's search text into a safe FTS5 query: bare words
// and "quoted phrases" (each quoted, so no FTS5 syntax leaks through),
// word* and "phrase"* prefixes, and the operators AND, OR, NOT (upper case,
// between terms; a space means AND). Malformed input — an unbalanced quote,
// a dangling operator, nothing to search for — answers ErrInvalid naming
// the query.
func FTSQuery(q string) (string, error) {
	if len(q) > 1000 {
		return "", liaison.Errorf(liaison.ErrInvalid, "search query %.40q...: longer than 1000 bytes", q)
	}
	toks, err := lexQuery(q)
	if err != nil {
		return "", err
	}
	var out []string
	prevOp := true // at the start, as after an operator
	for i, t := range toks {
		isOp := t == "AND" || t == "OR" || t == "NOT"
		switch {
		case isOp && prevOp:
			if i == 0 {
				return "", liaison.Errorf(liaison.ErrInvalid, "search query %q: %s needs a term before it", q, t)
			}
			return "", liaison.Errorf(liaison.ErrInvalid, "search query %q: two operators in a row (%s)", q, t)
		case isOp && i == len(toks)-1:
			return "", liaison.Errorf(liaison.ErrInvalid, "search query %q: %s needs a term after it", q, t)
		}
		out = append(out, t)
		prevOp = isOp
	}
	if len(out) == 0 {
		return "", liaison.Errorf(liaison.ErrInvalid, "search query %q: no words to search for", q)
	}
	return strings.Join(out, " "), nil
}

// lexQuery splits q into quoted FTS5 phrases (with optional trailing *) and
// bare operators, dropping terms with no letter or digit.
func lexQuery(q string) ([]string, error) {
	var toks []string
	rs := []rune(q)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case isSep(r):
			i++
			continue
		case r == '"':
			j := i + 1
			for j < len(rs) && rs[j] != '"' {
				if unicode.IsControl(rs[j]) {
					rs[j] = ' '
				}
				j++
			}
			if j == len(rs) {
				return nil, liaison.Errorf(liaison.ErrInvalid, "search query %q: unbalanced quote", q)
			}
			phrase := string(rs[i+1 : j])
			i = j + 1
			star := i < len(rs) && rs[i] == '*'
			for i < len(rs) && rs[i] == '*' {
				i++
			}
			if t := phraseTok(phrase, star); t != "" {
				toks = append(toks, t)
			}
			continue
		}
		j := i
		for j < len(rs) && !isSep(rs[j]) && rs[j] != '"' {
			j++
		}
		word := string(rs[i:j])
		i = j
		if word == "AND" || word == "OR" || word == "NOT" {
			toks = append(toks, word)
			continue
		}
		star := strings.HasSuffix(word, "*")
		if t := phraseTok(strings.TrimRight(word, "*"), star); t != "" {
			toks = append(toks, t)
		}
	}
	return toks, nil
}

// isSep reports runes that separate terms: space, control characters
// (NUL would end FTS5's string) and parentheses (no grouping is offered).
func isSep(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r) || r == '(' || r == ')'
}

// phraseTok quotes text as one FTS5 phrase, or "" when it has no word.
func phraseTok(text string, prefix bool) string {
	if !strings.ContainsFunc(text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) {
		return ""
	}
	t := `"` + strings.ReplaceAll(text, `"`, `""`) + `"`
	if prefix {
		t += "*"
	}
	return t
}

// Search answers a full-text query over titles and texts: visible hits
// ranked by BM25 (title weighted 5×; Rank is -bm25, higher is better), each
// with a snippet whose matched terms are wrapped in [[ ]]. Total counts the
// visible hits only.
func (db *DB) Search(ctx context.Context, q liaison.SearchQuery) (liaison.Page[liaison.SearchHit], error) {
	page := liaison.Page[liaison.SearchHit]{Items: []liaison.SearchHit{}}
	match, err := FTSQuery(q.Query)
	if err != nil {
		return page, err
	}
	k, after, err := decodeCursor(q.Cursor)
	if err != nil {
		return page, err
	}
	vis, vargs := visible(ctx, "d")
	base := ` FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
		WHERE documents_fts MATCH ? AND ` + vis
	args := append([]any{match}, vargs...)
	outer := "1"
	if after {
		outer = "(h.r, h.id) > (?, ?)"
		args = append(args, k.N, k.ID)
	}
	limit := clampLimit(q.Limit)
	// One pass ranks and counts the visible matches on (rowid, id, rank)
	// only; the page's documents are read last.
	rows, err := db.db.QueryContext(ctx, `WITH m AS MATERIALIZED (SELECT d.rowid AS rid, d.id AS id,
		bm25(documents_fts, 5.0, 1.0) AS r`+base+`)
		SELECT `+docCols+`, p.rid, p.r, p.total FROM (
		SELECT h.rid, h.id, h.r, h.total FROM (SELECT m.*, count(*) OVER () AS total FROM m) h
		WHERE `+outer+` ORDER BY h.r, h.id LIMIT ?) p JOIN documents d ON d.rowid = p.rid ORDER BY p.r, p.id`,
		append(args, limit+1)...)
	if err != nil {
		return page, searchErr(q.Query, err)
	}
	rowids, err := scanHits(rows, &page)
	if err != nil {
		return page, searchErr(q.Query, err)
	}
	if len(page.Items) == 0 && after {
		// Past the last hit: no row carried the total.
		if err := db.db.QueryRowContext(ctx, `SELECT count(*)`+base, append([]any{match}, vargs...)...).Scan(&page.Total); err != nil {
			return page, searchErr(q.Query, err)
		}
	}
	if len(page.Items) > limit {
		page.Items, rowids = page.Items[:limit], rowids[:limit]
		last := page.Items[limit-1]
		page.NextCursor = encodeCursor(cursorKey{N: -last.Rank, ID: last.Document.ID})
	}
	return page, db.snippets(ctx, q.Query, match, rowids, page.Items)
}

// scanHits reads ranked rows (docCols, rowid, rank, total) into page and
// returns the rowids, and closes rows.
func scanHits(rows *sql.Rows, page *liaison.Page[liaison.SearchHit]) ([]any, error) {
	defer rows.Close()
	var rowids []any
	for rows.Next() {
		var rid int64
		var r float64
		d, err := scanDoc(rows, &rid, &r, &page.Total)
		if err != nil {
			return nil, err
		}
		page.Items = append(page.Items, liaison.SearchHit{Document: d, Rank: -r})
		rowids = append(rowids, rid)
	}
	return rowids, rows.Err()
}

// snippets fills the hits' snippets; rowids are those of the (visible) hits.
func (db *DB) snippets(ctx context.Context, query, match string, rowids []any, hits []liaison.SearchHit) error {
	if len(rowids) == 0 {
		return nil
	}
	rows, err := db.db.QueryContext(ctx, `SELECT rowid, snippet(documents_fts, -1, '[[', ']]', '…', 24)
		FROM documents_fts WHERE documents_fts MATCH ? AND rowid IN (?`+strings.Repeat(",?", len(rowids)-1)+`)`,
		append([]any{match}, rowids...)...)
	if err != nil {
		return searchErr(query, err)
	}
	defer rows.Close()
	byRow := map[int64]string{}
	for rows.Next() {
		var rid int64
		var s string
		if err := rows.Scan(&rid, &s); err != nil {
			return searchErr(query, err)
		}
		byRow[rid] = s
	}
	if err := rows.Err(); err != nil {
		return searchErr(query, err)
	}
	for i := range hits {
		hits[i].Snippet = byRow[rowids[i].(int64)]
	}
	return nil
}

// searchErr names the query; an FTS5 complaint about the query is the
// user's input, not a server fault.
func searchErr(query string, err error) error {
	msg := err.Error()
	if strings.Contains(msg, "fts5") || strings.Contains(msg, "syntax error") || strings.Contains(msg, "unterminated") {
		return liaison.Errorf(liaison.ErrInvalid, "search query %q: not understood", query)
	}
	return fmt.Errorf("search %q: %w", query, err)
}
