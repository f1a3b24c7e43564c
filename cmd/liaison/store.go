package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/liaison-project/liaison/internal/sqlite"
)

// storeFile is the database file inside a data directory.
const storeFile = "liaison.db"

// dataFlagUsage documents --data the same way in every command.
const dataFlagUsage = "data directory (default: $XDG_DATA_HOME/liaison or ~/.local/share/liaison)"

// dataFlag declares --data on fs; resolve its value with resolveDataDir.
func dataFlag(fs *flag.FlagSet) *string {
	return fs.String("data", "", dataFlagUsage)
}

// resolveDataDir is the --data value, or the user's data home:
// $XDG_DATA_HOME/liaison, else ~/.local/share/liaison.
func resolveDataDir(flagValue string) (string, error) {
	if flagValue != "" {
		return filepath.Abs(flagValue)
	}
	if x := os.Getenv("XDG_DATA_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, "liaison"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return "", errors.New("no data directory: give --data DIR (no home directory to default to)")
	}
	return filepath.Join(home, ".local", "share", "liaison"), nil
}

// defaultMarking is the marking of what is stored without one: documents
// ingested without --marking, and threads and proposals created without
// one (every item carries a marking).
const defaultMarking = "PUBLIC"

// openStore opens (creating if needed) the SQLite store of a data directory.
// dataDir is the raw --data value ("" = the default). A store without any
// nation (a new node) first gets the built-in ones (seedNewStore).
func openStore(ctx context.Context, dataDir string) (*sqlite.DB, error) {
	dir, err := resolveDataDir(dataDir)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("data directory %s: %w", dir, err)
	}
	db, err := sqlite.Open(ctx, filepath.Join(dir, storeFile), nil)
	if err != nil {
		return nil, err
	}
	if err := seedNewStore(ctx, db); err != nil {
		return nil, errors.Join(fmt.Errorf("seeding the built-in nations: %w", err), db.Close())
	}
	return db, nil
}
