package app

import (
	"context"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/coord"
	"github.com/liaison-project/liaison/internal/httpapi"
	"github.com/liaison-project/liaison/internal/web"
)

// coordStore is the part of a store that keeps proposals, threads,
// notifications and webhooks.
type coordStore interface {
	liaison.ProposalStore
	liaison.ThreadStore
	liaison.NotificationStore
	liaison.WebhookStore
}

// buildCoord wires proposals and threads when the store keeps them: the
// service (audited, publishing to in-app notifications and webhooks), its
// API routes and pages, and — started with the node — the deadline settler (which
// settles deadlines that passed while the node was down) and the webhook
// deliverer.
func (m *Main) buildCoord(api *httpapi.Server, ui *web.UI) error {
	cs, ok := m.store.(coordStore)
	if !ok {
		return nil
	}
	m.notifier = &coord.Notifier{Store: cs, Logger: m.cfg.Logger.With("part", "notify")}
	cfg := coord.Config{Proposals: cs, Threads: cs, Logger: m.cfg.Logger, Origin: m.cfg.Origin, Notify: m.notifier}
	if m.access != nil {
		cfg.Nations, cfg.Audit = m.access.store, m.access.store
	}
	svc, err := coord.NewService(cfg)
	if err != nil {
		return err
	}
	m.coord = svc
	api.RegisterCoord(svc, cs)
	return ui.RegisterProposals(api, svc)
}

// startCoord settles due proposals now and then on a tick, and delivers
// webhooks, until ctx ends.
func (m *Main) startCoord(ctx context.Context) {
	if m.coord == nil {
		return
	}
	if n, err := m.coord.SettleDue(ctx); err != nil {
		m.log.Error("settling proposals at start", "err", err)
	} else if n > 0 {
		m.log.Info("settled proposals whose deadline passed", "count", n)
	}
	st := &coord.Settler{Service: m.coord, Every: m.cfg.SettleInterval}
	m.wg.Add(2)
	go func() { defer m.wg.Done(); st.Run(ctx) }()
	go func() { defer m.wg.Done(); m.notifier.Run(ctx, 5*time.Second) }()
}

// seedDemoProposals stores the demo's proposals (the Tokyo office blocked by
// France's objection, and an adopted one). Needs the seeded nations.
func (m *Main) seedDemoProposals(ctx context.Context) error {
	if m.coord == nil || m.access == nil {
		return nil
	}
	return coord.SeedDemo(ctx, m.coord)
}
