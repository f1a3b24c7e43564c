package web

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/liaison-project/liaison"
)

// usersScope narrows the users page to what the admin may administer (the
// rule is auth's, applied by httpapi.Admin to every user operation): the
// nations and clearance levels the add and change forms offer, and the
// sentence that says so on the page. The system viewer (a fixed-viewer
// node) may administer everyone: all nations and levels, no sentence.
func (p *adminUI) usersScope(r *http.Request, ns []liaison.Nation) (scope string, nations []liaison.Nation, levels []string) {
	actx, err := p.adm.Require(r.Context())
	own, ok := liaison.ViewerFrom(actx)
	levelsAll := p.adm.Policy().Levels
	if err != nil || !ok || own.System {
		for _, l := range levelsAll {
			levels = append(levels, l.Name)
		}
		return "", ns, levels
	}
	for _, n := range ns {
		if n.Code == own.Nation {
			nations = append(nations, n)
		}
	}
	for i, l := range levelsAll {
		if i <= own.Clearance {
			levels = append(levels, l.Name)
		}
	}
	caveats := "no caveats"
	if len(own.Caveats) > 0 {
		caveats = "only the caveats " + strings.Join(own.Caveats, ", ")
	}
	scope = fmt.Sprintf("You administer only users within your own access: nation %s, cleared to %s or below, holding %s. "+
		"Other users are not listed, and no user can be given more.", own.Nation, p.adm.Policy().LevelName(own.Clearance), caveats)
	return scope, nations, levels
}
