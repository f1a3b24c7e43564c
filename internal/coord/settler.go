package coord

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/liaison-project/liaison"
)

// SettleDue settles every circulating proposal whose deadline has passed,
// stamping each change at its deadline (not at the time the node got round
// to it), and returns how many it settled. A node that was down when a
// deadline passed thus records the outcome as of the deadline when it
// starts again.
func (s *Service) SettleDue(ctx context.Context) (int, error) {
	sys := liaison.SystemContext(ctx)
	now := s.Now()
	due, err := s.cfg.Proposals.DueProposals(sys, now)
	if err != nil {
		return 0, err
	}
	n := 0
	var errs []error
	for i := range due {
		q, evs, changed := Settle(&due[i], now)
		if !changed {
			continue
		}
		err := s.cfg.Proposals.SaveProposal(sys, q)
		if errors.Is(err, liaison.ErrConflict) {
			continue // a concurrent step settled it first
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		v, _ := liaison.ViewerFrom(sys)
		s.after(sys, v, q, evs)
		n++
	}
	return n, errors.Join(errs...)
}

// Settler runs SettleDue at start and then every Every, for `serve`.
type Settler struct {
	Service *Service
	Every   time.Duration // 0: 15 seconds
}

// Run settles until ctx is done. Errors are logged, never fatal: a failed
// round is retried on the next tick.
func (st *Settler) Run(ctx context.Context) {
	every := st.Every
	if every <= 0 {
		every = 15 * time.Second
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if n, err := st.Service.SettleDue(ctx); err != nil {
			st.Service.log.Error("settle proposals", "err", err)
		} else if n > 0 {
			st.Service.log.Info("settled proposals", "count", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Run is the service's background work for `serve`: the Settler (at start,
// then every settleEvery; 0 = 15 s) and, when the service notifies through
// a *Notifier, its webhook delivery loop (every deliverEvery; 0 = 5 s). It
// returns when ctx is done and both loops have stopped.
func (s *Service) Run(ctx context.Context, settleEvery, deliverEvery time.Duration) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		(&Settler{Service: s, Every: settleEvery}).Run(ctx)
	}()
	if n, ok := s.cfg.Notify.(*Notifier); ok && n != nil {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n.Run(ctx, deliverEvery)
		}()
	}
	wg.Wait()
}
