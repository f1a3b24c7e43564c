package liaison

import "context"

// Span is a sentence's character range. Offsets everywhere are Unicode code
// point offsets into the document text, end exclusive.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// ActorMention is an actor found in the text and coded in the CAMEO actor
// scheme (country ISO-3 + role, e.g. JPNGOV, ITAMIL, IGOWSTNAT).
type ActorMention struct {
	Text     string `json:"text"`
	Name     string `json:"name"`
	Code     string `json:"code"`
	Kind     string `json:"kind"` // person, country, organisation, military, government, group
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Sentence int    `json:"sentence"`
}

// Place is a resolved location.
type Place struct {
	Name    string  `json:"name"`
	Country string  `json:"country"` // ISO-3
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
	// Kind: city, capital, country, region (a named area with a bounding box).
	Kind string      `json:"kind,omitempty"`
	BBox *[4]float64 `json:"bbox,omitempty"` // minLon, minLat, maxLon, maxLat for regions
}

// PlaceMention is a toponym in the text and where it resolves.
type PlaceMention struct {
	Text string `json:"text"`
	Place
	Start    int `json:"start"`
	End      int `json:"end"`
	Sentence int `json:"sentence"`
}

// DateMention is a temporal expression resolved against the document date.
// Value is ISO 8601 at the precision the text gives: 2022, 2022-06, 2023-07-11.
type DateMention struct {
	Text     string `json:"text"`
	Value    string `json:"value"`
	EndValue string `json:"end_value,omitempty"` // for ranges
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Sentence int    `json:"sentence"`
}

// Quote is a direct quotation and who said it.
type Quote struct {
	Speaker     string `json:"speaker"`
	SpeakerCode string `json:"speaker_code,omitempty"`
	Text        string `json:"text"`
	Start       int    `json:"start"`
	End         int    `json:"end"`
	Sentence    int    `json:"sentence"`
}

// Extraction is everything the engine understood of one document. Its JSON
// form is the output line of `liaison extract`.
type Extraction struct {
	ID        string         `json:"id"`
	Sentences []Span         `json:"sentences"`
	Actors    []ActorMention `json:"actors"`
	Places    []PlaceMention `json:"places"`
	Dates     []DateMention  `json:"dates"`
	Quotes    []Quote        `json:"quotes"`
	Events    []Event        `json:"events"`
}

// ExtractInput is what the engine reads: text, its date and its title.
type ExtractInput struct {
	ID    string `json:"id"`
	Text  string `json:"text"`
	Date  string `json:"date"` // YYYY-MM-DD: the anchor for relative dates
	Title string `json:"title,omitempty"`
}

// Extractor is the interface the extraction engine plugs into the pipeline
// through. It must be safe for concurrent use.
type Extractor interface {
	Extract(ctx context.Context, in ExtractInput) (*Extraction, error)
}

// ExtractionStore keeps an extraction with provenance: document id, sentence
// index and offsets. Replacing is idempotent.
type ExtractionStore interface {
	PutExtraction(ctx context.Context, docID string, x *Extraction) error
	Extraction(ctx context.Context, docID string) (*Extraction, error)
}
