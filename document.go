package liaison

import (
	"context"
	"time"
)

// DateSource says where a document's published time came from, so analysts
// can tell a real date from a fallback.
type DateSource string

// Where a published time can come from.
const (
	DateFromFeed  DateSource = "feed"
	DateFromMeta  DateSource = "meta"  // page metadata (og:, JSON-LD, <time>)
	DateFromText  DateSource = "text"  // a date line in the text
	DateFromInput DateSource = "input" // given with the input (JSONL/CSV field, --date)
	DateFromFetch DateSource = "fetch" // nothing better: the fetch time
)

// Document is one stored report: clean, dated, deduplicated text.
type Document struct {
	ID           string     `json:"id"` // ULID
	Source       string     `json:"source"`
	URL          string     `json:"url,omitempty"`
	CanonicalURL string     `json:"canonical_url,omitempty"`
	Title        string     `json:"title"`
	Byline       string     `json:"byline,omitempty"`
	Published    time.Time  `json:"published"`
	DateSource   DateSource `json:"date_source"`
	Fetched      time.Time  `json:"fetched"`
	Lang         string     `json:"lang,omitempty"`
	Text         string     `json:"text"`
	// ContentHash is the hex SHA-256 of the normalised text: the identity
	// of the content.
	ContentHash string `json:"content_hash"`
	// SimHash is a 64-bit locality-sensitive fingerprint used to link
	// near-duplicates (the same wire story lightly edited).
	SimHash uint64 `json:"-"`
	// DuplicateOf is the ID of the first copy when this is a near-duplicate.
	DuplicateOf string  `json:"duplicate_of,omitempty"`
	Marking     Marking `json:"marking"`
	Origin      Origin  `json:"origin"`
}

// DocumentFilter narrows a document listing.
type DocumentFilter struct {
	Source string
	From   time.Time
	To     time.Time
	Cursor string // opaque, from a previous page
	Limit  int
}

// SearchQuery is a full-text query: words, "phrases", prefix*.
type SearchQuery struct {
	Query  string
	Cursor string
	Limit  int
}

// SearchHit is one ranked search result with a highlighted snippet.
type SearchHit struct {
	Document Document `json:"document"`
	Snippet  string   `json:"snippet"` // matched terms wrapped in [[ ]]
	Rank     float64  `json:"rank"`
}

// Page is a page of results and the cursor to the next one ("" at the end).
type Page[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor,omitempty"`
	Total      int    `json:"total"` // count of visible matches
}

// PutResult says what happened to a document handed to the store.
type PutResult struct {
	ID string
	// Status is "stored", "duplicate" (exact: same content hash or canonical
	// URL; nothing written) or "near-duplicate" (stored, linked to the first copy).
	Status string
}

// DocumentStore keeps documents. Reads apply the viewer in ctx.
type DocumentStore interface {
	// PutDocument stores d once: an exact duplicate is reported, not stored.
	PutDocument(ctx context.Context, d *Document) (PutResult, error)
	Document(ctx context.Context, id string) (*Document, error)
	Documents(ctx context.Context, f DocumentFilter) (Page[Document], error)
	Search(ctx context.Context, q SearchQuery) (Page[SearchHit], error)
	// NearDuplicateCandidates returns stored documents whose SimHash is within
	// maxDistance bits of h (for near-duplicate linking at ingest).
	NearDuplicateCandidates(ctx context.Context, h uint64, maxDistance int) ([]Document, error)
}
