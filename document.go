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
	// Facets asks for SearchFacets with the page. Opt-in: counting every
	// visible hit by source, month and level reads each hit's document,
	// which a caller that only wants a page should not pay for.
	Facets bool
	// Source and Month ("YYYY-MM", UTC) keep only the hits with that source
	// and published in that month: following a facet value narrows the
	// hits, their total and their facets alike. Empty: no filter.
	Source string
	Month  string
}

// CheckFilters rejects a Month that is not YYYY-MM, naming it, so that a
// mistyped filter is the caller's error rather than an empty result.
func (q SearchQuery) CheckFilters() error {
	if q.Month == "" {
		return nil
	}
	if t, err := time.Parse("2006-01", q.Month); err != nil || t.Format("2006-01") != q.Month {
		return Errorf(ErrInvalid, "search month %.20q: want YYYY-MM", q.Month)
	}
	return nil
}

// FacetCount is one value of a facet and how many of the viewer's visible
// hits have it.
type FacetCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// LevelCount is the hits of one classification level: Level as stored (the
// policy's rank), Name as the hits' markings name it.
type LevelCount struct {
	Level int    `json:"level"`
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// MaxSourceFacets is how many sources SearchFacets.Sources lists: the most
// frequent, so a corpus of many feeds does not turn a facet into a dump.
const MaxSourceFacets = 10

// SearchFacets counts ALL of a query's visible hits (not just the page) by
// source, month published and classification level, so an analyst can see
// where the matches are before paging. The counts are computed under the
// same visibility rule and in the same read as Page.Total: an item the
// viewer may not see is never counted, and no source, month or level
// exists only because of one. Each facet's counts add up to Page.Total,
// except Sources, which keeps the top MaxSourceFacets.
type SearchFacets struct {
	// Sources are the most frequent sources, most hits first (ties by name).
	Sources []FacetCount `json:"sources"`
	// Months are every month (YYYY-MM, UTC) with hits, newest first.
	Months []FacetCount `json:"months"`
	// Levels are every level with hits, highest first.
	Levels []LevelCount `json:"levels"`
	// Marking is every counted hit's marking combined (highest level, all
	// caveats, the REL TO they share): the counts are derived from those
	// items, so a page showing them must carry this banner even when the
	// hits it lists are less sensitive. Zero when nothing is counted.
	Marking Marking `json:"marking"`
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
	// Facets are filled by Search when SearchQuery.Facets asks for them;
	// nil (and absent from JSON) otherwise and on every other listing.
	Facets *SearchFacets `json:"facets,omitempty"`
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
