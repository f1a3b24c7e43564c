package main

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
)

// euPolicy is a policy file with levels the built-in policy does not know.
const euPolicy = `{"name": "eu", "levels": [
  {"name": "PUBLIC", "tlp": "CLEAR"},
  {"name": "EU RESTRICTED", "aliases": ["RUE"], "tlp": "AMBER"}]}`

// TestIngestAndFeedsUseNodePolicyAndNations: `ingest --marking` and `feeds
// add --marking` read the data directory's policy.json and expand groups
// with the store's nations (dated memberships), not the built-in ones; and
// ingest records the node's persistent id and nation as the origin.
func TestIngestAndFeedsUseNodePolicyAndNations(t *testing.T) {
	in, data := t.TempDir(), t.TempDir()
	for _, args := range [][]string{
		{"nation", "add", "FRA", "--name", "France", "--status", "member", "--group", "NATO:1949-08-24", "--group", "EU:1958-01-01", "--data", data},
		{"nation", "add", "JPN", "--name", "Japan", "--status", "partner", "--data", data},
	} {
		if _, errOut, err := runCmd(t, args...); err != nil {
			t.Fatalf("%v: %v %s", args, err, errOut)
		}
	}
	if err := os.WriteFile(filepath.Join(data, "policy.json"), []byte(euPolicy), 0o600); err != nil {
		t.Fatal(err)
	}
	for i, name := range []string{"a.txt", "b.txt"} {
		text := "July 9, 2023\nReport " + name + " on the summit in Vilnius, number " + strings.Repeat("i", i+1) + ".\n"
		if err := os.WriteFile(filepath.Join(in, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, errOut, err := runCmd(t, "ingest", "--data", data, "--no-extract", "--nation", "fra", "--marking", "RUE // REL TO EU", filepath.Join(in, "a.txt")); err != nil {
		t.Fatalf("ingest: %v %s", err, errOut)
	}
	// A second run without --nation: the same node, the remembered nation.
	if _, errOut, err := runCmd(t, "ingest", "--data", data, "--no-extract", "--marking", "PUBLIC", filepath.Join(in, "b.txt")); err != nil {
		t.Fatalf("ingest: %v %s", err, errOut)
	}
	if _, errOut, err := runCmd(t, "feeds", "add", "https://feeds.example/eu.xml", "--marking", "EU RESTRICTED // REL TO EU, JPN", "--data", data); err != nil {
		t.Fatalf("feeds add: %v %s", err, errOut)
	}
	idb, err := os.ReadFile(filepath.Join(data, "node-id"))
	if err != nil {
		t.Fatal(err)
	}
	node := strings.TrimSpace(string(idb))
	if host, _ := os.Hostname(); len(node) != 26 || node == host {
		t.Fatalf("node id %q is not a ULID", node)
	}
	st, err := openStore(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sys := liaison.SystemContext(context.Background())
	page, err := st.Documents(sys, liaison.DocumentFilter{Limit: 10})
	if err != nil || len(page.Items) != 2 {
		t.Fatalf("documents: %+v %v", page, err)
	}
	for _, d := range page.Items {
		if d.Origin != (liaison.Origin{Node: node, Nation: "FRA"}) {
			t.Errorf("%s: origin %+v; want node %s, FRA", d.Title, d.Origin, node)
		}
		if d.Marking.Level == 1 && (d.Marking.Classification != "EU RESTRICTED" || !slices.Equal(d.Marking.RelTo, []string{"FRA"})) {
			t.Errorf("%s: marking %+v; want EU RESTRICTED releasable to the store's EU nations (FRA)", d.Title, d.Marking)
		}
	}
	if page.Items[0].Marking.Level+page.Items[1].Marking.Level != 1 {
		t.Errorf("markings %+v, %+v; want one EU RESTRICTED and one PUBLIC", page.Items[0].Marking, page.Items[1].Marking)
	}
	feeds, err := st.Feeds(sys)
	if err != nil || len(feeds) != 1 {
		t.Fatalf("feeds %+v %v", feeds, err)
	}
	if m := feeds[0].Marking; m.Classification != "EU RESTRICTED" || !slices.Equal(m.RelTo, []string{"FRA", "JPN"}) {
		t.Errorf("feed marking %+v; want EU RESTRICTED releasable to FRA, JPN", m)
	}
	// Proposals and threads read --marking the same way.
	if _, errOut, err := runCmd(t, "proposal", "create", "--as", "FRA", "--title", "Office", "--text", "Open it.",
		"--deciders", "FRA", "--marking", "RUE // REL TO EU", "--data", data); err != nil {
		t.Fatalf("proposal create: %v %s", err, errOut)
	}
	props, err := st.Proposals(sys, liaison.ProposalFilter{})
	if err != nil || len(props) != 1 {
		t.Fatalf("proposals %+v %v", props, err)
	}
	if m := props[0].Marking; m.Classification != "EU RESTRICTED" || !slices.Equal(m.RelTo, []string{"FRA"}) {
		t.Errorf("proposal marking %+v; want EU RESTRICTED releasable to the store's EU nations (FRA)", m)
	}
	// A marking the node's policy does not know is refused.
	if _, _, err := runCmd(t, "feeds", "add", "https://feeds.example/n.xml", "--marking", "NATO SECRET", "--data", data); err == nil {
		t.Errorf("feeds add with a level outside the node's policy succeeded")
	}
	if _, _, err := runCmd(t, "thread", "create", "--as", "FRA", "--subject", "S", "--with", "JPN", "--marking", "NATO SECRET", "--data", data); err == nil {
		t.Errorf("thread create with a level outside the node's policy succeeded")
	}
	if _, _, err := runCmd(t, "ingest", "--data", data, "--nation", "France", filepath.Join(in, "a.txt")); err == nil ||
		!strings.Contains(err.Error(), "three-letter") {
		t.Errorf("ingest --nation France: %v", err)
	}
}
