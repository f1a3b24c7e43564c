package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/app"
	"github.com/liaison-project/liaison/internal/marking"
	"github.com/liaison-project/liaison/internal/sqlite"
)

// cliRun is one command line run through runMain: exit code and streams.
type cliRun struct {
	code        int
	out, errOut string
}

func runLine(t *testing.T, stdin string, args ...string) cliRun {
	t.Helper()
	var out, errb bytes.Buffer
	code := runMain(context.Background(), &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb}, args)
	return cliRun{code, out.String(), errb.String()}
}

// nationsOf lists the nations of the store in dir through the CLI.
func nationsOf(t *testing.T, dir string) map[string]liaison.Nation {
	t.Helper()
	r := runLine(t, "", "nation", "list", "--json", "--data", dir)
	var ns []liaison.Nation
	if r.code != 0 || json.Unmarshal([]byte(r.out), &ns) != nil {
		t.Fatalf("nation list: %+v", r)
	}
	out := map[string]liaison.Nation{}
	for _, n := range ns {
		out[n.Code] = n
	}
	return out
}

// TestFreshNodeFirstRun follows serve's hint on a new data directory: the
// first user of a built-in nation can be added at once, and "REL TO NATO"
// parses the same before and after an admin's first 'nation add'.
func TestFreshNodeFirstRun(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	r := runLine(t, "a long passphrase\n", "user", "add", "alice", "--data", dir, "--nation", "usa", "--role", "admin",
		"--clearance", "NATO SECRET", "--password-stdin")
	if r.code != 0 || !strings.Contains(r.out, "lia_") {
		t.Fatalf("user add on a new node: %+v", r)
	}
	ns := nationsOf(t, dir)
	if len(ns) != len(marking.SeedNations()) || !ns["USA"].MemberOf("NATO", time.Now()) || !ns["JPN"].MemberOf("IP4", time.Now()) {
		t.Fatalf("a new node holds %d nations (USA %+v); want the built-in %d", len(ns), ns["USA"], len(marking.SeedNations()))
	}
	relTo := func() []string {
		t.Helper()
		r := runLine(t, "", "marking", "check", "NATO RESTRICTED // REL TO NATO, JPN", "--json", "--data", dir)
		var m struct {
			RelTo []string `json:"rel_to"`
		}
		_, js, _ := strings.Cut(r.out, "\n{")
		if r.code != 0 || json.Unmarshal([]byte("{"+strings.SplitN(js, "\n}", 2)[0]+"}"), &m) != nil {
			t.Fatalf("marking check: %+v", r)
		}
		return m.RelTo
	}
	before := relTo()
	if !slices.Contains(before, "USA") || !slices.Contains(before, "JPN") {
		t.Fatalf("REL TO NATO, JPN on a new node = %v", before)
	}
	if r := runLine(t, "", "nation", "add", "XTO", "--name", "Test organisation", "--status", "organisation", "--data", dir); r.code != 0 {
		t.Fatalf("nation add: %+v", r)
	}
	if after := relTo(); !slices.Equal(before, after) {
		t.Errorf("REL TO NATO, JPN after the first nation add = %v; before %v", after, before)
	}
	audit := runLine(t, "", "audit", "list", "--json", "--data", dir)
	if audit.code != 0 || strings.Count(audit.out, `"nation:USA"`) != 1 || !strings.Contains(audit.out, "built-in NATO:1949-08-24") {
		t.Errorf("the seeding is not in the audit log once per nation: %.300s", audit.out)
	}
}

// TestNationSeed: on a store made before nodes seeded themselves (holding
// one nation an admin changed), 'nation seed' adds the others, keeps the
// admin's, and a second run adds nothing.
func TestNationSeed(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(dir, storeFile), nil)
	if err != nil {
		t.Fatal(err)
	}
	fra := liaison.Nation{Code: "FRA", Name: "France (edited)", Status: liaison.NationMember}
	if err := db.PutNation(liaison.SystemContext(ctx), &fra); err != nil {
		t.Fatal(err)
	}
	db.Close()
	all := len(marking.SeedNations())
	tests := []struct {
		args     []string
		code     int
		out, err string
	}{
		{[]string{"nation", "seed"}, 0, "36 built-in nations added; the store holds 37 nations", ""},
		{[]string{"nation", "seed"}, 0, "0 built-in nations added; the store holds 37 nations", ""},
		{[]string{"nation", "seed", "now"}, 1, "", `liaison: nation seed: unexpected argument "now"`},
		{[]string{"nation", "plant"}, 1, "", "(add, list, seed)"},
	}
	if all != 37 {
		t.Fatalf("the built-in set has %d nations; the table assumes 37", all)
	}
	for _, tt := range tests {
		r := runLine(t, "", append(tt.args, "--data", dir)...)
		if r.code != tt.code || !strings.Contains(r.out, tt.out) || !strings.Contains(r.errOut, tt.err) {
			t.Errorf("%v: %+v; want code %d, out %q, stderr %q", tt.args, r, tt.code, tt.out, tt.err)
		}
	}
	ns := nationsOf(t, dir)
	if ns["FRA"].Name != "France (edited)" || len(ns["FRA"].Groups) != 0 || !ns["DEU"].MemberOf("NATO", time.Now()) {
		t.Errorf("after seeding FRA = %+v, DEU = %+v; want FRA as the admin left it, DEU seeded", ns["FRA"], ns["DEU"])
	}
}

// TestServeHintOnNewNode: serve on a new data directory loads the built-in
// nations and prints a 'user add' that works as printed.
func TestServeHintOnNewNode(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "new node")
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	out := &stopWriter{stop: cancel, at: "--password-stdin"}
	var errb bytes.Buffer
	err := runServe(ctx, &Env{Stdin: strings.NewReader(""), Stdout: out, Stderr: &errb},
		[]string{"--data", dir, "--addr", "127.0.0.1:0", "--no-feeds"})
	if err != nil && ctx.Err() == nil {
		t.Fatalf("serve: %v %s", err, errb.String())
	}
	want := "liaison user add NAME --data '" + dir + "' --nation CODE --role admin --clearance LEVEL --password-stdin"
	if !strings.Contains(out.String(), want) || !strings.Contains(out.String(), "at least 12 characters") {
		t.Fatalf("serve printed %q; want the hint %q", out.String(), want)
	}
	r := runLine(t, "correct horse battery\n", "user", "add", "root", "--data", dir, "--nation", "XNS", "--role", "admin",
		"--clearance", "NATO SECRET", "--password-stdin")
	if r.code != 0 {
		t.Errorf("the hint's user add failed: %+v", r)
	}
}

// stopWriter collects a server's stdout and stops it (stop) once the
// output holds at.
type stopWriter struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	stop func()
	at   string
}

func (w *stopWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	n, err := w.buf.Write(p)
	if strings.Contains(w.buf.String(), w.at) {
		w.stop()
	}
	return n, err
}

func (w *stopWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// TestCoordOriginAndMarking: threads, messages and proposals made with the
// CLI record the node id (as ingest does) and always carry a marking; an
// unknown --as nation is refused before anything is stored.
func TestCoordOriginAndMarking(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	node, err := app.NodeID(dir) // as a first ingest leaves it
	if err != nil {
		t.Fatal(err)
	}
	var thread struct {
		Thread   liaison.Thread    `json:"thread"`
		Messages []liaison.Message `json:"messages"`
	}
	r := runLine(t, "", "thread", "create", "--data", dir, "--as", "FRA", "--with", "GBR", "--subject", "s", "--text", "x", "--json")
	if r.code != 0 || json.Unmarshal([]byte(r.out), &thread.Thread) != nil {
		t.Fatalf("thread create: %+v", r)
	}
	id := thread.Thread.ID
	if r := runLine(t, "", "thread", "post", id, "--data", dir, "--as", "GBR", "--text", "y"); r.code != 0 {
		t.Fatalf("thread post: %+v", r)
	}
	r = runLine(t, "", "thread", "show", id, "--data", dir, "--as", "FRA", "--json")
	if r.code != 0 || json.Unmarshal([]byte(r.out), &thread) != nil || len(thread.Messages) != 2 {
		t.Fatalf("thread show: %+v", r)
	}
	if o := thread.Thread.Origin; o.Node != node || o.Nation != "FRA" {
		t.Errorf("thread origin %+v; want node %s, FRA", o, node)
	}
	if thread.Thread.Marking.Classification != defaultMarking {
		t.Errorf("thread without --marking is marked %+v; want %s", thread.Thread.Marking, defaultMarking)
	}
	for _, m := range thread.Messages {
		if m.Origin.Node != node || m.Marking.Classification != defaultMarking {
			t.Errorf("message %s: origin %+v marking %+v; want node %s, %s", m.Text, m.Origin, m.Marking, node, defaultMarking)
		}
	}
	// A message without --marking takes its thread's.
	r = runLine(t, "", "thread", "create", "--data", dir, "--as", "FRA", "--with", "GBR", "--subject", "r", "--json",
		"--marking", "NATO RESTRICTED // REL TO FRA, GBR")
	var marked liaison.Thread
	if r.code != 0 || json.Unmarshal([]byte(r.out), &marked) != nil {
		t.Fatalf("thread create --marking: %+v", r)
	}
	r = runLine(t, "", "thread", "post", marked.ID, "--data", dir, "--as", "GBR", "--text", "z", "--json")
	var msg liaison.Message
	if r.code != 0 || json.Unmarshal([]byte(r.out), &msg) != nil {
		t.Fatalf("thread post: %+v", r)
	}
	if msg.Marking.Classification != "NATO RESTRICTED" || !slices.Equal(msg.Marking.RelTo, []string{"FRA", "GBR"}) {
		t.Errorf("message without --marking in a marked thread: %+v; want the thread's", msg.Marking)
	}
	r = runLine(t, "", "proposal", "create", "--data", dir, "--as", "FRA", "--title", "t", "--text", "x", "--deciders", "FRA", "--json")
	var p liaison.Proposal
	if r.code != 0 || json.Unmarshal([]byte(r.out), &p) != nil {
		t.Fatalf("proposal create: %+v", r)
	}
	if p.Origin.Node != node || p.Marking.Classification != defaultMarking {
		t.Errorf("proposal origin %+v marking %+v; want node %s, %s", p.Origin, p.Marking, node, defaultMarking)
	}
	coordRefusesUnknownNation(t, dir, 1)
}

// coordRefusesUnknownNation: --as must name a nation of the store in dir,
// which holds proposals proposals; a refused command stores nothing.
func coordRefusesUnknownNation(t *testing.T, dir string, proposals int) {
	t.Helper()
	tests := []struct {
		args []string
		err  string
	}{
		{[]string{"proposal", "create", "--as", "ZZZ", "--title", "x", "--text", "y"}, `liaison: proposal: invalid: --as "ZZZ": no such nation on this node`},
		{[]string{"proposal", "list", "--as", "zzz"}, `--as "ZZZ": no such nation`},
		{[]string{"thread", "create", "--as", "ZZZ", "--with", "GBR", "--subject", "s", "--text", "x"}, `liaison: thread: invalid: --as "ZZZ"`},
		{[]string{"thread", "create", "--as", "FRA", "--with", "ZZZ", "--subject", "s", "--text", "x"}, `participant "ZZZ": not a known nation or group`},
	}
	for _, tt := range tests {
		r := runLine(t, "", append(tt.args, "--data", dir)...)
		if r.code != 1 || !strings.Contains(r.errOut, tt.err) || strings.Count(r.errOut, "liaison:") != 1 {
			t.Errorf("%v: %+v; want exit 1 and one line %q", tt.args, r, tt.err)
		}
	}
	r := runLine(t, "", "proposal", "list", "--admin", "--json", "--data", dir)
	var ps []liaison.Proposal
	if r.code != 0 || json.Unmarshal([]byte(r.out), &ps) != nil || len(ps) != proposals {
		t.Errorf("refused commands stored something: %+v; want %d proposals", r, proposals)
	}
	// A known nation in lower case still works.
	if r := runLine(t, "", "proposal", "create", "--as", "fra", "--title", "x", "--text", "y", "--data", dir); r.code != 0 {
		t.Errorf("proposal create --as fra: %+v", r)
	}
}
