package liaison

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"reflect"
	"testing"
	"time"
)

// TestChainHashUnmarkedUnchanged pins the hash of an entry without a
// marking to the formula used before entries carried markings, so logs
// written then still verify.
func TestChainHashUnmarkedUnchanged(t *testing.T) {
	e := AuditEntry{Seq: 7, Time: time.Date(2023, 7, 12, 9, 0, 1, 5, time.UTC), Actor: "ann", Nation: "USA",
		Action: AuditLogin, Item: "user:1", Detail: "session"}
	b, err := json.Marshal(struct {
		Seq    int64  `json:"seq"`
		Time   string `json:"time"`
		Actor  string `json:"actor"`
		Nation string `json:"nation"`
		Action string `json:"action"`
		Item   string `json:"item"`
		Detail string `json:"detail"`
	}{e.Seq, "2023-07-12T09:00:01.000000005Z", e.Actor, e.Nation, e.Action, e.Item, e.Detail})
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(append([]byte("prev\n"), b...))
	if got, want := ChainHash("prev", e), hex.EncodeToString(sum[:]); got != want {
		t.Errorf("ChainHash = %s, want the pre-marking hash %s", got, want)
	}
}

func TestChainHashCoversMarking(t *testing.T) {
	base := AuditEntry{Seq: 1, Time: time.Date(2023, 7, 12, 9, 0, 0, 0, time.UTC), Actor: "ann", Nation: "USA",
		Action: AuditRelease, Item: "r1"}
	with := func(m Marking) string { e := base; e.Marking = m; return ChainHash("", e) }
	ns := Marking{Classification: "NATO SECRET", Level: 4, RelTo: []string{"USA", "GBR"}, Groups: []string{"GBR", "USA"},
		Caveats: []string{"CRYPTO", "ATOMAL"}}
	tests := []struct {
		name string
		m    Marking
		same bool // hashes like ns
	}{
		{"same marking", ns, true},
		{"sets in another order", Marking{Classification: "NATO SECRET", Level: 4, RelTo: []string{"GBR", "USA", "USA"},
			Groups: []string{"GBR", "USA"}, Caveats: []string{"ATOMAL", "CRYPTO"}}, true},
		{"lower level", Marking{Classification: "NATO SECRET", Level: 3, RelTo: ns.RelTo, Groups: ns.Groups, Caveats: ns.Caveats}, false},
		{"wider releasability", Marking{Classification: "NATO SECRET", Level: 4, Groups: ns.Groups, Caveats: ns.Caveats}, false},
		{"dropped caveat", Marking{Classification: "NATO SECRET", Level: 4, RelTo: ns.RelTo, Groups: ns.Groups, Caveats: []string{"ATOMAL"}}, false},
		{"renamed", Marking{Classification: "PUBLIC", Level: 4, RelTo: ns.RelTo, Groups: ns.Groups, Caveats: ns.Caveats}, false},
		{"groups as written", Marking{Classification: "NATO SECRET", Level: 4, RelTo: ns.RelTo, Groups: []string{"NATO"}, Caveats: ns.Caveats}, false},
		{"none", Marking{}, false},
	}
	for _, tt := range tests {
		if got := with(tt.m) == with(ns); got != tt.same {
			t.Errorf("%s: same hash = %v, want %v", tt.name, got, tt.same)
		}
	}
	if with(Marking{}) != with(Marking{RelTo: []string{}, Caveats: []string{}}) {
		t.Error("nil and empty sets hash differently")
	}
}

func TestVerifyChainDetectsMarkingEdit(t *testing.T) {
	var es []AuditEntry
	prev := ""
	for i, m := range []Marking{{}, {Classification: "NATO SECRET", Level: 4, RelTo: []string{"USA"}}, {}} {
		e := AuditEntry{Seq: int64(i + 1), Time: time.Unix(int64(i), 0), Actor: "a", Action: AuditRelease, Marking: m, PrevHash: prev}
		e.Hash = ChainHash(prev, e)
		prev = e.Hash
		es = append(es, e)
	}
	if v := VerifyChain(es, prev, 3); !v.OK {
		t.Fatalf("intact chain: %+v", v)
	}
	es[1].Marking.RelTo = nil // shown to every nation
	if v := VerifyChain(es, prev, 3); v.OK || v.BadSeq != 2 {
		t.Errorf("edited marking: %+v, want broken at 2", v)
	}
}

func TestAuditScope(t *testing.T) {
	nr := Marking{Classification: "NATO RESTRICTED", Level: 2, RelTo: []string{"FRA", "GBR", "USA"}, Groups: []string{"NATO"},
		Caveats: []string{"ATOMAL"}}
	tests := []struct {
		name    string
		m       Marking
		nations []string
		rel     []string
	}{
		{"narrowed to parties", nr, []string{"USA", "FRA", "JPN", ""}, []string{"FRA", "USA"}},
		{"releasable to all: the parties", Marking{Classification: "PUBLIC"}, []string{"KOR", "JPN", "JPN"}, []string{"JPN", "KOR"}},
		{"no party may see it", nr, []string{"JPN"}, []string{NoNation}},
		{"no parties", nr, nil, []string{NoNation}},
	}
	for _, tt := range tests {
		got := AuditScope(tt.m, tt.nations...)
		if !reflect.DeepEqual(got.RelTo, tt.rel) || !reflect.DeepEqual(got.Groups, tt.rel) ||
			got.Level != tt.m.Level || got.Classification != tt.m.Classification || !reflect.DeepEqual(got.Caveats, tt.m.Caveats) {
			t.Errorf("%s: AuditScope = %+v, want rel %v and the rest of %+v", tt.name, got, tt.rel, tt.m)
		}
	}
	if nr.RelTo[0] != "FRA" || len(nr.RelTo) != 3 {
		t.Error("AuditScope changed its argument")
	}
}
