package app

import (
	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/httpapi"
	"github.com/liaison-project/liaison/internal/web"
)

// buildActorNotes wires analysts' notes on actors (API and the actor page)
// when the store keeps them. Creations are audited when the node has an
// audit log.
func (m *Main) buildActorNotes(api *httpapi.Server, ui *web.UI) error {
	ns, ok := m.store.(liaison.ActorNoteStore)
	if !ok {
		return nil
	}
	cfg := httpapi.ActorNoteConfig{Store: ns, Origin: m.cfg.Origin, Policy: m.cfg.Policy}
	if m.access != nil {
		cfg.Audit = m.access.store
	}
	notes, err := api.RegisterActorNotes(cfg)
	if err != nil {
		return err
	}
	return ui.RegisterActorNotes(api, notes)
}
