// Package sqlitebatch adapts the SQLite store's batch write to
// ingest.BatchStore, so that ingest and the store need not import each other.
// Wire it where both are known (the CLI, the app, benchmarks):
//
//	ingest.New(ingest.Config{Store: db, Batch: sqlitebatch.New(db), ...})
package sqlitebatch

import (
	"context"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/ingest"
	"github.com/liaison-project/liaison/internal/sqlite"
)

// Store is a SQLite store seen as an ingest.BatchStore.
type Store struct {
	db *sqlite.DB
}

var _ ingest.BatchStore = (*Store)(nil)

// New returns the batch writer of db.
func New(db *sqlite.DB) *Store { return &Store{db: db} }

// PutDocuments writes docs in one transaction (sqlite.DB.PutDocuments).
func (s *Store) PutDocuments(ctx context.Context, docs []*liaison.Document) ([]ingest.BatchResult, error) {
	rs, err := s.db.PutDocuments(ctx, docs)
	if err != nil {
		return nil, err
	}
	out := make([]ingest.BatchResult, len(rs))
	for i, r := range rs {
		out[i] = ingest.BatchResult{PutResult: r.PutResult, Err: r.Err}
	}
	return out, nil
}
