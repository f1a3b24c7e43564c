package extract

import (
	"context"
	"log/slog"

	"github.com/liaison-project/liaison"
	iextract "github.com/liaison-project/liaison/internal/extract"
	"github.com/liaison-project/liaison/internal/extract/actor"
)

// The engine's input and output are the domain types of package liaison,
// named here so an embedding program needs only this package.
type (
	// Input is one document: its id, text, date (YYYY-MM-DD, the anchor
	// for relative dates such as "last year") and optional title.
	Input = liaison.ExtractInput
	// Output is everything the engine found in one document; its JSON
	// form is one output line of `liaison extract`.
	Output = liaison.Extraction
	// Span is a sentence's range of code points.
	Span = liaison.Span
	// ActorMention is an actor in the text and its CAMEO actor code.
	ActorMention = liaison.ActorMention
	// Place is a resolved location (regions carry a bounding box).
	Place = liaison.Place
	// PlaceMention is a toponym in the text and where it resolves.
	PlaceMention = liaison.PlaceMention
	// DateMention is a temporal expression and its ISO 8601 value.
	DateMention = liaison.DateMention
	// Quote is a direct quotation and its speaker.
	Quote = liaison.Quote
	// Event is a coded event: CAMEO code, quad class, Goldstein score,
	// PLOVER type, date, place and the words that produced it.
	Event = liaison.Event
)

// MaxTextBytes (8 MiB) is the largest text one Extract call accepts, so a single
// huge or hostile document cannot exhaust memory.
const MaxTextBytes = iextract.MaxTextBytes

// Options names the dictionaries and gazetteer an engine is built from
// beyond the built-in ones. The zero Options is the built-in engine.
type Options struct {
	// TABARIProject codes events with the dictionaries a TABARI .project
	// file names (.verbs, .actors, .agents, .options) instead of the
	// built-in ones.
	TABARIProject string
	// PETRARCHDir codes events with the PETRARCH-format dictionaries in a
	// directory (a verbs file such as CAMEO.2.0.txt, actors, agents and
	// discards files found by their usual names). At most one of
	// TABARIProject and PETRARCHDir may be set.
	PETRARCHDir string
	// Builtin adds the built-in event dictionaries underneath
	// TABARIProject or PETRARCHDir: the loaded dictionaries take
	// precedence and the built-in ones code what they leave uncoded.
	Builtin bool
	// Explain fills Event.Explain with the dictionary entry or pattern
	// that produced each event, so an analyst can see why.
	Explain bool
	// ActorFiles are actor dictionaries in the project format
	// ("kind | names | codes" lines), added to the built-in actors.
	ActorFiles []string
	// PETRARCHActorFiles are PETRARCH/Phoenix actor files
	// (Phoenix.Countries.actors.txt, ...), added to the built-in actors.
	PETRARCHActorFiles []string
	// PETRARCHAgentsFile is a PETRARCH agents file (Phoenix.agents.txt)
	// whose nouns become role words ("~GOV" adds GOV to an actor's country).
	PETRARCHAgentsFile string
	// GazetteerDir is a data directory holding a gazetteer imported by
	// `liaison gazetteer import` from a GeoNames dump (cities15000: every
	// town over 15,000 people, where the built-in gazetteer has the cities
	// over 100,000). A directory without one is an error.
	GazetteerDir string
	// Logger receives the engine's diagnostics; nil discards them.
	Logger *slog.Logger
}

// Engine runs the extraction steps over documents. It is read-only after
// construction and safe for concurrent use.
type Engine struct {
	e *iextract.Engine
}

var _ liaison.Extractor = (*Engine)(nil)

// Default returns the engine with the built-in actor dictionaries,
// gazetteer and event dictionaries.
func Default() (*Engine, error) {
	return New(Options{})
}

// New returns an engine with the dictionaries and gazetteer o names. A file
// that fails to load is an error naming it; an invalid combination (both
// TABARIProject and PETRARCHDir) wraps liaison.ErrInvalid and a gazetteer
// directory without an imported gazetteer wraps liaison.ErrNotFound.
func New(o Options) (*Engine, error) {
	e, err := iextract.Build(iextract.Setup{
		Dictionaries: iextract.Dictionaries{TABARIProject: o.TABARIProject, PETRARCHDir: o.PETRARCHDir,
			Builtin: o.Builtin, Explain: o.Explain},
		Actors:       actor.Options{Files: o.ActorFiles, PetrarchActors: o.PETRARCHActorFiles, PetrarchAgents: o.PETRARCHAgentsFile},
		GazetteerDir: o.GazetteerDir,
		Logger:       o.Logger,
	})
	if err != nil {
		return nil, err
	}
	return &Engine{e: e}, nil
}

// Extract runs the engine over one document. A missing or malformed date
// and a text over MaxTextBytes are errors wrapping liaison.ErrInvalid. The
// Output's slices are never nil, so its JSON has [] for "nothing found".
func (e *Engine) Extract(ctx context.Context, in Input) (*Output, error) {
	return e.e.Extract(ctx, in)
}
