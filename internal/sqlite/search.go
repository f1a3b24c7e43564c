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
// ranked by BM25 (title weighted 5×), each with a snippet whose matched
// terms are wrapped in [[ ]]; Total counts the visible hits only.
// SearchHit.Rank is the hit's 1-based position among the viewer's hits: raw
// BM25 scores are not exposed (nor put in cursors) because they depend on
// corpus statistics that include documents the viewer may not see. The
// cursor is an offset into the ranking.
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
	// Counting and ranking in two statements is faster than one pass that
	// materialises every match (measured on Reuters-21578).
	if err := db.queryRow(ctx, `SELECT count(*)`+base, args...).Scan(&page.Total); err != nil {
		return page, searchErr(q.Query, err)
	}
	offset := 0
	if after {
		if k.ID != "offset" || k.N < 0 || k.N > 1e6 || k.N != float64(int(k.N)) {
			return page, liaison.Errorf(liaison.ErrInvalid, "cursor %q: malformed", q.Cursor)
		}
		offset = int(k.N)
	}
	limit := clampLimit(q.Limit)
	// Rank and page on (rowid, id, rank) only; read the page's documents last.
	rows, err := db.query(ctx, `SELECT `+docCols+`, p.rid FROM (
		SELECT h.rid, h.id, h.r FROM (SELECT d.rowid AS rid, d.id AS id, bm25(documents_fts, 5.0, 1.0) AS r`+base+`) h
		ORDER BY h.r, h.id LIMIT ? OFFSET ?) p JOIN documents d ON d.rowid = p.rid ORDER BY p.r, p.id`,
		append(args, limit+1, offset)...)
	if err != nil {
		return page, searchErr(q.Query, err)
	}
	rowids, err := scanHits(rows, &page, offset)
	if err != nil {
		return page, searchErr(q.Query, err)
	}
	if len(page.Items) > limit {
		page.Items, rowids = page.Items[:limit], rowids[:limit]
		page.NextCursor = encodeCursor(cursorKey{N: float64(offset + limit), ID: "offset"})
	}
	return page, db.snippets(ctx, q.Query, match, rowids, page.Items)
}

// scanHits reads ranked rows (docCols, rowid) into page, numbering them
// from offset+1, returns the rowids and closes rows.
func scanHits(rows *sql.Rows, page *liaison.Page[liaison.SearchHit], offset int) ([]any, error) {
	defer rows.Close()
	var rowids []any
	for rows.Next() {
		var rid int64
		d, err := scanDoc(rows, &rid)
		if err != nil {
			return nil, err
		}
		pos := offset + len(page.Items) + 1
		page.Items = append(page.Items, liaison.SearchHit{Document: d, Rank: float64(pos)})
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
