package app

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/auth"
	"github.com/liaison-project/liaison/internal/marking"
)

// startDemoNode starts a node as `liaison demo` does (SQLite, seeded
// nations and users, test password hashing, no scheduler) on port 0, with
// cfg's other fields; it is closed when t ends.
func startDemoNode(t *testing.T, cfg Config) (*Main, context.Context) {
	t.Helper()
	cfg.DataDir, cfg.Addr, cfg.NoScheduler, cfg.Demo = t.TempDir(), "127.0.0.1:0", true, true
	cfg.Logger, cfg.PasswordParams = slog.New(slog.NewTextHandler(io.Discard, nil)), auth.TestParams
	m, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := m.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	return m, ctx
}

// TestDemoMarkingsDiffer runs the demo as `liaison demo` does (SQLite,
// seeded nations and users, the corpus through ingest) and checks that the
// sample reports' markings make the demo users — and an admin viewing as
// another nation — see different sets: a NATO SECRET report only for the
// top-cleared, a caveated one only for holders of the caveat, one
// releasable to Japan alone, one releasable to the EU (France in, the
// United Kingdom out since 2020). Every report records the demo node as
// its origin (nation XNS).
func TestDemoMarkingsDiffer(t *testing.T) {
	m, ctx := startDemoNode(t, Config{Extractor: lmNoExtract{}, Origin: liaison.Origin{Nation: marking.OrganisationCode}})
	if _, err := m.LoadDemo(ctx); err != nil {
		t.Fatal(err)
	}
	sys := liaison.SystemContext(ctx)
	all, err := m.Store().Documents(sys, liaison.DocumentFilter{Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	byText := map[string]*liaison.Document{}
	for i, d := range all.Items {
		if d.Origin.Node != m.cfg.Origin.Node || d.Origin.Nation != marking.OrganisationCode || len(d.Origin.Node) != 26 {
			t.Errorf("%s: origin %+v", d.Title, d.Origin)
		}
		byText[marking.Format(d.Marking)] = &all.Items[i]
	}
	sees := func(user, viewAs, mk string) bool {
		d := byText[mk]
		if d == nil {
			t.Fatalf("no demo report marked %q (have %v)", mk, keys(byText))
		}
		u, err := m.access.store.UserByName(sys, user)
		if err != nil {
			t.Fatal(err)
		}
		v := u.Viewer()
		if viewAs != "" { // as the authenticator builds it: the nation, within the admin's own access
			own := v
			v.Nation, v.Role, v.Within = viewAs, liaison.RoleReader, &own
		}
		_, err = m.Store().Document(liaison.WithViewer(ctx, v), d.ID)
		return err == nil
	}
	for _, c := range []struct {
		user, viewAs, marking string
		want                  bool
	}{
		{"usa-officer", "", "NATO SECRET // REL TO NATO", true},
		{"usa-analyst", "", "NATO SECRET // REL TO NATO", false},
		{"usa-officer", "", "NATO CONFIDENTIAL // ATOMAL // REL TO NATO, AUS, JPN, KOR, NZL", true},
		{"fra-officer", "", "NATO CONFIDENTIAL // ATOMAL // REL TO NATO, AUS, JPN, KOR, NZL", false},
		{"jpn-reader", "", "NATO RESTRICTED // REL TO JPN", true},
		{"usa-admin", "", "NATO RESTRICTED // REL TO JPN", false},
		// View-as only narrows: never what the admin may not see themself.
		{"usa-admin", "JPN", "NATO RESTRICTED // REL TO JPN", false},
		{"fra-reader", "", "NATO RESTRICTED // REL TO EU", true},
		{"gbr-reader", "", "NATO RESTRICTED // REL TO EU", false},
		{"usa-admin", "FRA", "NATO RESTRICTED // REL TO EU", false},
		{"fra-admin", "", "NATO RESTRICTED // REL TO EU", true},
		{"fra-admin", "USA", "NATO RESTRICTED // REL TO EU", false},
		{"usa-admin", "FRA", "NATO SECRET // REL TO NATO", true},
		{"jpn-admin", "USA", "NATO SECRET // REL TO NATO", false},
	} {
		if got := sees(c.user, c.viewAs, c.marking); got != c.want {
			t.Errorf("%s (as %q) sees %q = %v; want %v", c.user, c.viewAs, c.marking, got, c.want)
		}
	}
	// What each demo login sees differs by nation, clearance and caveats.
	counts := map[string]int{}
	for _, name := range []string{"usa-reader", "jpn-reader", "fra-reader", "gbr-reader", "usa-officer", "xns-admin"} {
		u, err := m.access.store.UserByName(sys, name)
		if err != nil {
			t.Fatal(err)
		}
		p, err := m.Store().Documents(liaison.WithViewer(ctx, u.Viewer()), liaison.DocumentFilter{Limit: 500})
		if err != nil {
			t.Fatal(err)
		}
		counts[name] = p.Total
	}
	distinct := map[int]bool{}
	for _, n := range counts {
		distinct[n] = true
	}
	if len(distinct) < 4 {
		t.Errorf("demo users see %v documents: want at least 4 different counts", counts)
	}
}

func keys[V any](m map[string]V) string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return strings.Join(out, " | ")
}

// TestDemoActorNotes: the demo stores its actor notes once however often it
// loads, and each demo user sees exactly the notes releasable to them.
func TestDemoActorNotes(t *testing.T) {
	m, ctx := startDemoNode(t, Config{Extractor: lmNoExtract{}, Origin: liaison.Origin{Nation: marking.OrganisationCode}})
	for range 2 {
		if _, err := m.LoadDemo(ctx); err != nil {
			t.Fatal(err)
		}
	}
	ns := m.Store().(liaison.ActorNoteStore)
	count := func(ctx context.Context, actor string) int {
		t.Helper()
		p, err := ns.ActorNotes(ctx, actor, "", 50)
		if err != nil {
			t.Fatal(err)
		}
		if p.Total != len(p.Items) {
			t.Fatalf("%s: total %d, %d items", actor, p.Total, len(p.Items))
		}
		return p.Total
	}
	sys := liaison.SystemContext(ctx)
	tests := []struct {
		user         string
		jpn, nat, ch int
	}{
		{"", 2, 1, 1},            // the system viewer: every note, each once
		{"jpn-reader", 1, 0, 0},  // PUBLIC only: NATO RESTRICTED is not releasable to Japan
		{"jpn-officer", 1, 1, 0}, // the IP4-releasable NATO CONFIDENTIAL note too
		{"fra-reader", 2, 0, 0},  // cleared to NATO RESTRICTED
		{"usa-officer", 2, 1, 1}, // NATO SECRET, and the USA-only note
		{"gbr-officer", 2, 1, 0},
	}
	for _, tt := range tests {
		vctx := sys
		if tt.user != "" {
			u, err := m.access.store.UserByName(sys, tt.user)
			if err != nil {
				t.Fatal(err)
			}
			vctx = liaison.WithViewer(ctx, u.Viewer())
		}
		if got := [3]int{count(vctx, "JPNGOV"), count(vctx, "IGOWSTNAT"), count(vctx, "CHN")}; got != [3]int{tt.jpn, tt.nat, tt.ch} {
			t.Errorf("%s sees %v notes on JPNGOV, IGOWSTNAT, CHN; want %v", tt.user, got, [3]int{tt.jpn, tt.nat, tt.ch})
		}
	}
}
