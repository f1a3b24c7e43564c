package extract

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/extract/actor"
	"github.com/liaison-project/liaison/internal/extract/place"
)

// Setup names everything an engine is built from beyond the built-in data,
// so the command line, the ingest pipeline and programs embedding the engine
// (the public package extract) build it the same way.
type Setup struct {
	// Dictionaries chooses the event coder's dictionaries.
	Dictionaries
	// Actors adds the user's actor dictionaries to the built-in ones.
	Actors actor.Options
	// GazetteerDir is a directory holding a gazetteer imported by
	// `liaison gazetteer import` (place.FileName); "" uses the built-in
	// gazetteer. A directory without an imported gazetteer is an error, so
	// a mistyped path does not silently lose the full coverage.
	GazetteerDir string
	// Logger receives the engine's diagnostics; nil discards them.
	Logger *slog.Logger
}

// Build returns an engine with the dictionaries and gazetteer s names.
// A file that fails to load is an error naming it.
func Build(s Setup) (*Engine, error) {
	g, err := place.Builtin()
	if s.GazetteerDir != "" {
		_, serr := os.Stat(filepath.Join(s.GazetteerDir, place.FileName))
		if errors.Is(serr, fs.ErrNotExist) {
			return nil, fmt.Errorf("gazetteer: %s holds no imported gazetteer (%s; run 'liaison gazetteer import'): %w", s.GazetteerDir, place.FileName, liaison.ErrNotFound)
		}
		g, err = place.Load(s.GazetteerDir)
	}
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	af, err := actor.New(s.Actors)
	if err != nil {
		return nil, fmt.Errorf("actor dictionaries: %w", err)
	}
	c, err := NewCoder(s.Dictionaries)
	if err != nil {
		return nil, err
	}
	return New(Config{Actors: af, Places: place.NewFinder(g), Events: c, Logger: s.Logger}), nil
}
