// Package memstore is an in-memory implementation of the liaison store
// interfaces. It exists so that handler, page and pipeline tests can run
// without SQLite; it applies a simple visibility rule (the viewer's nation,
// clearance and caveats) so that tests see realistic 404s.
package memstore

import (
	"context"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
)

// Store holds documents, extractions, events and feeds in memory. It is safe
// for concurrent use.
type Store struct {
	mu    sync.Mutex
	docs  []liaison.Document
	xs    map[string]*liaison.Extraction
	feeds []liaison.Feed
}

var (
	_ liaison.DocumentStore   = (*Store)(nil)
	_ liaison.ExtractionStore = (*Store)(nil)
	_ liaison.EventStore      = (*Store)(nil)
	_ liaison.FeedStore       = (*Store)(nil)
)

// New returns an empty store.
func New() *Store {
	return &Store{xs: map[string]*liaison.Extraction{}}
}

// Visible is the test store's visibility rule: no viewer sees nothing;
// otherwise marking.Visible, the reference rule the SQL stores are tested
// against, so that tests on this store see the same 404s.
func Visible(ctx context.Context, m liaison.Marking) bool {
	v, ok := liaison.ViewerFrom(ctx)
	return ok && marking.Visible(v, m)
}

// requireSystem refuses writes that do not come from the node itself, as
// the SQLite store does.
func requireSystem(ctx context.Context, what string) error {
	v, ok := liaison.ViewerFrom(ctx)
	if !ok {
		return liaison.Errorf(liaison.ErrUnauthorized, "%s: no viewer in context", what)
	}
	if !v.System {
		return liaison.Errorf(liaison.ErrForbidden, "%s: only the node's system viewer may write", what)
	}
	return nil
}

// PutDocument stores d unless its content hash is already stored.
func (s *Store) PutDocument(ctx context.Context, d *liaison.Document) (liaison.PutResult, error) {
	if err := requireSystem(ctx, "put document"); err != nil {
		return liaison.PutResult{}, err
	}
	if d == nil || strings.TrimSpace(d.Text) == "" {
		return liaison.PutResult{}, liaison.Errorf(liaison.ErrInvalid, "document: empty text")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, o := range s.docs {
		if (d.ContentHash != "" && o.ContentHash == d.ContentHash) || (d.CanonicalURL != "" && o.CanonicalURL == d.CanonicalURL) {
			return liaison.PutResult{ID: o.ID, Status: "duplicate"}, nil
		}
	}
	if d.ID == "" {
		d.ID = liaison.NewID(time.Now())
	}
	s.docs = append(s.docs, *d)
	return liaison.PutResult{ID: d.ID, Status: "stored"}, nil
}

// Document returns one visible document.
func (s *Store) Document(ctx context.Context, id string) (*liaison.Document, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.docs {
		if d.ID == id && Visible(ctx, d.Marking) {
			return &d, nil
		}
	}
	return nil, liaison.Errorf(liaison.ErrNotFound, "document %q", id)
}

func (s *Store) visibleDocs(ctx context.Context) []liaison.Document {
	var out []liaison.Document
	for _, d := range s.docs {
		if Visible(ctx, d.Marking) {
			out = append(out, d)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Published.After(out[j].Published) })
	return out
}

// Documents lists visible documents, newest first.
func (s *Store) Documents(ctx context.Context, f liaison.DocumentFilter) (liaison.Page[liaison.Document], error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []liaison.Document
	for _, d := range s.visibleDocs(ctx) {
		if f.Source != "" && d.Source != f.Source {
			continue
		}
		if !f.From.IsZero() && d.Published.Before(f.From) {
			continue
		}
		if !f.To.IsZero() && !d.Published.Before(f.To) {
			continue
		}
		out = append(out, d)
	}
	return paginate(out, f.Cursor, f.Limit)
}

// Search matches every query word (case-insensitive) in title or text,
// among the visible documents that pass the source and month filters.
func (s *Store) Search(ctx context.Context, q liaison.SearchQuery) (liaison.Page[liaison.SearchHit], error) {
	words := strings.Fields(strings.ToLower(strings.NewReplacer(`"`, " ", "*", " ").Replace(q.Query)))
	if len(words) == 0 {
		return liaison.Page[liaison.SearchHit]{}, liaison.Errorf(liaison.ErrInvalid, "search: empty query")
	}
	if err := q.CheckFilters(); err != nil {
		return liaison.Page[liaison.SearchHit]{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var hits []liaison.SearchHit
	for _, d := range s.visibleDocs(ctx) {
		if (q.Source != "" && d.Source != q.Source) || (q.Month != "" && d.Published.UTC().Format("2006-01") != q.Month) {
			continue
		}
		hay := strings.ToLower(d.Title + " " + d.Text)
		ok := true
		for _, w := range words {
			if !strings.Contains(hay, w) {
				ok = false
				break
			}
		}
		if ok {
			hits = append(hits, liaison.SearchHit{Document: d, Snippet: snippet(d.Text, words[0]), Rank: 1})
		}
	}
	p, err := paginate(hits, q.Cursor, q.Limit)
	if err == nil && q.Facets {
		p.Facets = searchFacets(hits)
	}
	return p, err
}

func snippet(text, word string) string {
	i := strings.Index(strings.ToLower(text), word)
	if i < 0 {
		return ""
	}
	start := max(0, i-40)
	end := min(len(text), i+len(word)+40)
	return text[start:i] + "[[" + text[i:i+len(word)] + "]]" + text[i+len(word):end]
}

// NearDuplicateCandidates is not simulated: it returns nothing.
func (s *Store) NearDuplicateCandidates(ctx context.Context, h uint64, maxDistance int) ([]liaison.Document, error) {
	return []liaison.Document{}, nil
}

// PutExtraction replaces the extraction of docID.
func (s *Store) PutExtraction(ctx context.Context, docID string, x *liaison.Extraction) error {
	if err := requireSystem(ctx, "put extraction"); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.docs {
		if d.ID == docID {
			cp := *x
			cp.ID = docID
			s.xs[docID] = &cp
			return nil
		}
	}
	return liaison.Errorf(liaison.ErrNotFound, "document %q", docID)
}

// Extraction returns the extraction of a visible document.
func (s *Store) Extraction(ctx context.Context, docID string) (*liaison.Extraction, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.docs {
		if d.ID == docID && Visible(ctx, d.Marking) {
			if x, ok := s.xs[docID]; ok {
				return x, nil
			}
		}
	}
	return nil, liaison.Errorf(liaison.ErrNotFound, "extraction of %q", docID)
}
