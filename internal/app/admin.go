package app

import (
	"github.com/liaison-project/liaison/internal/extract/place"
	"github.com/liaison-project/liaison/internal/httpapi"
	"github.com/liaison-project/liaison/internal/web"
)

// buildAdmin wires the administration when the node authenticates users:
// the admin API routes (add nations, list and change users, check
// markings) and the admin pages (nations, users and tokens, the audit
// view, the marking check), both over the access store.
func (m *Main) buildAdmin(api *httpapi.Server, ui *web.UI) error {
	if m.access == nil {
		return nil
	}
	adm, err := httpapi.NewAdmin(httpapi.AdminConfig{Service: m.access.svc, Nations: m.access.store,
		Users: m.access.store, Audit: m.access.store, Policy: m.access.marker.Policy, Country: knownCountry(),
		Logger: m.cfg.Logger})
	if err != nil {
		return err
	}
	adm.Register(api)
	return ui.RegisterAdmin(api, adm)
}

// knownCountry checks nation codes against the built-in gazetteer's ISO
// 3166 alpha-3 table (nil, accepting any three letters, when it cannot be
// loaded).
func knownCountry() func(string) bool {
	g, err := place.Builtin()
	if err != nil {
		return nil
	}
	return func(code string) bool {
		_, ok := g.Country(code)
		return ok
	}
}
