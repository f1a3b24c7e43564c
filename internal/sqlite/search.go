package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
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

// defaultSearchWindow is how many visible hits, newest first, one ranking
// window holds (see Search).
const defaultSearchWindow = 2000

// Search answers a full-text query over titles and texts: visible hits
// ranked by BM25 (title weighted 5×), each with a snippet whose matched
// terms are wrapped in [[ ]]; Total counts the visible hits only (exact).
// SearchHit.Rank is the hit's 1-based position among the viewer's hits: raw
// BM25 scores are not exposed (nor put in cursors) because they depend on
// corpus statistics that include documents the viewer may not see. The
// cursor is an offset into the ranking.
//
// Ranking is bounded so that a near-stopword ("said": 15,000 Reuters hits)
// costs what a common word does: the viewer's hits, newest stored first,
// are cut into windows of 2,000, and hits are ranked by BM25 within each
// window, window after window. A query with at most 2,000 visible hits is
// ranked exactly; beyond that the first pages are the best matches among
// the newest 2,000. Windows are cut on visible hits only, so documents the
// viewer cannot see never move a window boundary.
func (db *DB) Search(ctx context.Context, q liaison.SearchQuery) (liaison.Page[liaison.SearchHit], error) {
	page := liaison.Page[liaison.SearchHit]{Items: []liaison.SearchHit{}}
	match, err := FTSQuery(q.Query)
	if err != nil {
		return page, err
	}
	if err := q.CheckFilters(); err != nil {
		return page, err
	}
	offset, err := searchOffset(q.Cursor)
	if err != nil {
		return page, err
	}
	err = db.read(ctx, func(tx *sql.Tx) error {
		sq, err := db.planSearch(ctx, tx, match, q)
		if err != nil {
			return err
		}
		if err := db.searchPage(ctx, tx, sq, q, offset, &page); err != nil || !q.Facets {
			return err
		}
		page.Facets, err = db.searchFacets(ctx, tx, sq)
		return err
	})
	return page, err
}

// searchPage fills page with the hits from offset on, their total and
// snippets.
func (db *DB) searchPage(ctx context.Context, tx *sql.Tx, sq searchQuery, q liaison.SearchQuery, offset int,
	page *liaison.Page[liaison.SearchHit]) error {
	var err error
	if page.Total, err = db.searchCount(ctx, tx, sq); err != nil {
		return searchErr(q.Query, err)
	}
	limit := clampLimit(q.Limit)
	var rowids []int64
	for pos := offset; pos < page.Total && len(page.Items) <= limit; {
		n, rids, err := db.rankWindow(ctx, tx, sq, pos, limit+1-len(page.Items), page)
		if err != nil {
			return searchErr(q.Query, err)
		}
		if n == 0 {
			break // cannot happen within one snapshot; never loop
		}
		rowids = append(rowids, rids...)
		pos += n
	}
	if len(page.Items) > limit {
		page.Items, rowids = page.Items[:limit], rowids[:limit]
		page.NextCursor = encodeCursor(cursorKey{N: float64(offset + limit), ID: "offset"})
	}
	return db.snippets(ctx, tx, q.Query, sq.match, rowids, page.Items)
}

// searchQuery is how one search runs for its viewer: the FTS5 query, the
// condition vis (with its arguments) that keeps the viewer's hits, and the
// ranking window. vis reads only the hit's rowid, which carries its
// marking's number (migration 0007), except when the viewer may see too
// many markings to list: then the query joins documents_mk and vis is the
// predicate itself (join). The page's documents are always checked again
// with the full predicate pageVis, against documents itself. A source or
// month filter (filter, over the hit's documents_facets entry f) is ANDed
// with vis in every statement, so Total, ranking and facets agree.
type searchQuery struct {
	match    string
	join     bool
	doc      bool // join documents f (documents_facets) for filter or facets
	filter   string
	fargs    []any
	vis      string
	vargs    []any
	pageVis  string
	pageArgs []any
	window   int
}

// planSearch decides, inside the search's read transaction, how the
// viewer's visibility is applied: not at all when every stored marking is
// visible, by the hits' rowids, or per hit through documents_mk.
func (db *DB) planSearch(ctx context.Context, tx *sql.Tx, match string, q liaison.SearchQuery) (searchQuery, error) {
	sq := searchQuery{match: match, window: db.searchWindow, filter: "(1)"}
	var conds []string
	if q.Source != "" {
		conds, sq.fargs = append(conds, "f.source = ?"), append(sq.fargs, q.Source)
	}
	if q.Month != "" {
		conds, sq.fargs = append(conds, "substr(f.published, 1, 7) = ?"), append(sq.fargs, q.Month)
	}
	if len(conds) > 0 {
		sq.doc, sq.filter = true, "("+strings.Join(conds, " AND ")+")"
	}
	if sq.window <= 0 {
		sq.window = defaultSearchWindow
	}
	sq.pageVis, sq.pageArgs = visible(ctx, "d")
	var err error
	sq.vis, sq.vargs, sq.join, err = db.rowVisibility(ctx, tx, "documents_fts.rowid", "d")
	return sq, err
}

// args returns the query's arguments: the match, the filter's, then the
// predicate's.
func (sq searchQuery) args(extra ...any) []any {
	return append(append(append([]any{sq.match}, sq.fargs...), sq.vargs...), extra...)
}

// from is the FROM and WHERE head of the search's statements, ending in
// "AND " before the condition vis: the index, joined to the narrow marking
// table documents_mk (migration 0006) when vis reads it, and to the hit's
// source and published (documents_facets, migration 0011: alias f) when
// filtering or counting facets.
func (sq searchQuery) from() string {
	q := ` FROM documents_fts`
	if sq.join {
		q += ` JOIN documents_mk d ON d.rowid = documents_fts.rowid`
	}
	if sq.doc {
		// Named: the planner would rather read documents' own rows,
		// which carry the text (about one page per hit).
		q += ` JOIN documents f INDEXED BY documents_facets ON f.rowid = documents_fts.rowid`
	}
	return q + ` WHERE documents_fts MATCH ? AND ` + sq.filter + ` AND `
}

// searchOffset reads a search cursor: an offset into the ranking.
func searchOffset(cursor string) (int, error) {
	k, after, err := decodeCursor(cursor)
	if err != nil || !after {
		return 0, err
	}
	if k.ID != "offset" || k.N < 0 || k.N > 1e6 || k.N != float64(int(k.N)) {
		return 0, liaison.Errorf(liaison.ErrInvalid, "cursor %q: malformed", cursor)
	}
	return int(k.N), nil
}

// searchCount counts the visible hits.
func (db *DB) searchCount(ctx context.Context, tx *sql.Tx, sq searchQuery) (int, error) {
	var n int
	err := db.txQueryRow(ctx, tx, `SELECT count(*)`+sq.from()+sq.vis, sq.args()...).Scan(&n)
	return n, err
}

// rankWindow appends to page up to want hits from position pos (0-based,
// among total visible hits) of the ranking, all from pos's window, and
// returns how many it appended and their rowids.
func (db *DB) rankWindow(ctx context.Context, tx *sql.Tx, sq searchQuery, pos, want int,
	page *liaison.Page[liaison.SearchHit]) (int, []int64, error) {
	w := pos / sq.window
	// The window is the viewer's hits newest stored first, cut at its
	// bounds; one pass of the index yields it with scores. Rank on (score,
	// rowid) only, ties oldest stored first; read the page's documents last
	// — checking them again against documents itself, so that a page never
	// shows a document even were its rowid's marking number or documents_mk
	// wrong.
	args := append(sq.args(sq.window, w*sq.window), min(want, (w+1)*sq.window-pos), pos-w*sq.window)
	args = append(args, sq.pageArgs...)
	rows, err := db.txQuery(ctx, tx, `SELECT `+docCols+`, p.rid FROM (
		SELECT rid, r FROM (SELECT documents_fts.rowid AS rid, bm25(documents_fts, 5.0, 1.0) AS r`+sq.from()+sq.vis+`
			ORDER BY documents_fts.rowid DESC LIMIT ? OFFSET ?)
		ORDER BY r, rid LIMIT ? OFFSET ?) p JOIN documents d ON d.rowid = p.rid WHERE `+sq.pageVis+`
		ORDER BY p.r, p.rid`, args...)
	if err != nil {
		return 0, nil, err
	}
	before := len(page.Items)
	rowids, err := scanHits(rows, page, pos-before)
	return len(page.Items) - before, rowids, err
}

// scanHits reads ranked rows (docCols, rowid) into page, numbering them
// from offset+1, returns the rowids and closes rows.
func scanHits(rows *sql.Rows, page *liaison.Page[liaison.SearchHit], offset int) ([]int64, error) {
	defer rows.Close()
	var rowids []int64
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
// The rowid range is handed to FTS5 and the list is checked by SQLite
// (+rowid): given the list itself, FTS5 would evaluate the query once per
// rowid, which for a prefix query means merging its terms each time.
func (db *DB) snippets(ctx context.Context, tx *sql.Tx, query, match string, rowids []int64, hits []liaison.SearchHit) error {
	if len(rowids) == 0 {
		return nil
	}
	args := []any{match, slices.Min(rowids), slices.Max(rowids)}
	for _, r := range rowids {
		args = append(args, r)
	}
	rows, err := tx.QueryContext(ctx, `SELECT rowid, snippet(documents_fts, -1, '[[', ']]', '…', 24)
		FROM documents_fts WHERE documents_fts MATCH ? AND rowid BETWEEN ? AND ?
		AND +rowid IN (?`+strings.Repeat(",?", len(rowids)-1)+`)`, args...)
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
		hits[i].Snippet = byRow[rowids[i]]
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
