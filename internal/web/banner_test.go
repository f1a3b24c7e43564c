package web

import (
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/memstore"
)

// TestBanner: a page's banner is the combination of its items' markings
// (marking.Combine) printed in canonical form — items sharing no nation give
// "REL TO NONE", never the store's internal sentinel — and the floor when the
// page holds nothing.
func TestBanner(t *testing.T) {
	st := memstore.New()
	ui, err := New(Config{Documents: st, Extractions: st, Events: st, Feeds: st, Stats: st})
	if err != nil {
		t.Fatal(err)
	}
	nu := liaison.Marking{Classification: "NATO UNCLASSIFIED", Level: 1}
	ip4 := liaison.Marking{Classification: "NATO RESTRICTED", Level: 2,
		RelTo: []string{"AUS", "ITA", "JPN", "KOR", "NZL"}, Groups: []string{"IP4", "ITA"}}
	jpn := liaison.Marking{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"ITA", "JPN"}, Caveats: []string{"EYES"}}
	usa := liaison.Marking{Classification: "NATO SECRET", Level: 4, RelTo: []string{"USA"}}
	for _, tt := range []struct {
		name string
		ms   []liaison.Marking
		want banner
	}{
		{"nothing: the floor", nil, banner{"PUBLIC", "b-public"}},
		{"one item", []liaison.Marking{ip4}, banner{"NATO RESTRICTED // REL TO IP4, ITA", "b-restricted"}},
		{"intersection", []liaison.Marking{nu, ip4, jpn}, banner{"NATO RESTRICTED // EYES // REL TO ITA, JPN", "b-restricted"}},
		{"no nation in common", []liaison.Marking{jpn, usa}, banner{"NATO SECRET // EYES // REL TO NONE", "b-secret"}},
	} {
		if got := ui.banner(tt.ms); got != tt.want {
			t.Errorf("%s: banner = %+v; want %+v", tt.name, got, tt.want)
		}
	}
}
