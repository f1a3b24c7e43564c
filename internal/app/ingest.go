package app

import (
	"context"
	"errors"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/ingest"
	"github.com/liaison-project/liaison/internal/ingest/sqlitebatch"
	"github.com/liaison-project/liaison/internal/sqlite"
)

// Ingester returns an ingester writing to the node's store through its
// pipeline, giving every document of a run the marking mk. The CLI, the demo
// loader and the feed scheduler all ingest this way.
func (m *Main) Ingester(mk liaison.Marking) *ingest.Ingester {
	cfg := ingest.Config{
		Store:        m.store,
		Pipeline:     m.pipe,
		Marking:      mk,
		Origin:       m.cfg.Origin,
		Logger:       m.cfg.Logger.With("part", "ingest"),
		HostInterval: m.cfg.FetchHostInterval,
	}
	// Bulk inputs (JSONL, CSV) write in batches, one transaction each.
	if db, ok := m.store.(*sqlite.DB); ok {
		cfg.Batch = sqlitebatch.New(db)
	}
	return ingest.New(cfg)
}

// startScheduler polls due feeds in the background until ctx ends.
func (m *Main) startScheduler(ctx context.Context) {
	s := ingest.NewScheduler(m.Ingester(liaison.Marking{}), m.store, ingest.SchedulerConfig{
		Tick:   m.cfg.PollInterval,
		Logger: m.cfg.Logger.With("part", "scheduler"),
	})
	m.wg.Add(1)
	go func() {
		defer m.wg.Done()
		if err := s.Run(ctx); err != nil && !errors.Is(err, context.Canceled) {
			m.log.Error("feed scheduler stopped", "err", err)
		}
	}()
}
