package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/liaison-project/liaison"
)

func TestParseAttachSpec(t *testing.T) {
	for _, c := range []struct {
		in, path, mk string
		bad          string // part of the error, "" when the value is good
	}{
		{in: "a.txt", path: "a.txt"},
		{in: "dir/annex one.pdf;marking=NATO SECRET // REL TO USA", path: "dir/annex one.pdf", mk: "NATO SECRET // REL TO USA"},
		{in: "a.txt;marking=  NATO RESTRICTED  ", path: "a.txt", mk: "NATO RESTRICTED"},
		{in: "odd;name.txt", path: "odd;name.txt"},
		{in: "key=value.txt", path: "key=value.txt"},
		{in: "a;marking=b;marking=PUBLIC", path: "a;marking=b", mk: "PUBLIC"},
		{in: "a.txt;marking=", bad: "empty marking"},
		{in: "a.txt;marking=   ", bad: "empty marking"},
		{in: ";marking=NATO SECRET", bad: "no file named"},
		{in: "", bad: "no file named"},
		{in: "  ", bad: "no file named"},
	} {
		got, err := parseAttachSpec(c.in)
		if c.bad != "" {
			if err == nil || !errors.Is(err, liaison.ErrInvalid) || !strings.Contains(err.Error(), c.bad) ||
				!strings.Contains(err.Error(), `--attach "`+c.in+`"`) {
				t.Errorf("%q: error %v, want ErrInvalid naming the value and %q", c.in, err, c.bad)
			}
			continue
		}
		if err != nil || got.Path != c.path || got.Marking != c.mk {
			t.Errorf("%q: %+v %v, want path %q marking %q", c.in, got, err, c.path, c.mk)
		}
	}
}

func TestReadAttachments(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("note.txt", []byte("hello"))
	maxed := write("max.bin", make([]byte, maxAttachBytes))
	big := write("big.bin", make([]byte, maxAttachBytes+1))
	empty := write("empty.txt", nil)
	for _, c := range []struct {
		in, bad string
	}{
		{filepath.Join(dir, "missing.txt"), "cannot read the file"},
		{dir, "not a regular file"},
		{big, "larger than 1 MiB"},
		{empty + ";marking=NATO SECRET", "the file is empty"},
		{good + ";marking=", "empty marking"},
	} {
		_, err := readAttachments([]string{good, c.in})
		path, _, _ := strings.Cut(c.in, markingSuffix)
		if err == nil || !errors.Is(err, liaison.ErrInvalid) || !strings.Contains(err.Error(), c.bad) || !strings.Contains(err.Error(), path) {
			t.Errorf("%q: error %v, want ErrInvalid naming the file and %q", c.in, err, c.bad)
		}
	}
	got, err := readAttachments([]string{good + ";marking=NATO SECRET", maxed})
	if err != nil || len(got) != 2 {
		t.Fatalf("good files: %+v %v", got, err)
	}
	if a := got[0]; a.at.Name != "note.txt" || string(a.at.Data) != "hello" || !strings.HasPrefix(a.at.MediaType, "text/plain") ||
		a.spec.Marking != "NATO SECRET" || a.spec.Path != good {
		t.Errorf("note.txt read as %+v", a)
	}
	if a := got[1]; a.at.Name != "max.bin" || len(a.at.Data) != maxAttachBytes || a.spec.Marking != "" {
		t.Errorf("max.bin read as %q, %d bytes, marking %q", a.at.Name, len(a.at.Data), a.spec.Marking)
	}
}

// TestAttachCommands runs proposal create, thread create and thread post
// with --attach: own markings are stored and hide the file from nations
// outside them; every bad value fails with an error naming the file and
// the reason, and stores nothing.
func TestAttachCommands(t *testing.T) {
	dir, files := t.TempDir(), t.TempDir()
	annex := filepath.Join(files, "annex.txt")
	if err := os.WriteFile(annex, []byte("the annex"), 0o600); err != nil {
		t.Fatal(err)
	}
	plain := filepath.Join(files, "plain.txt")
	if err := os.WriteFile(plain, []byte("plain"), 0o600); err != nil {
		t.Fatal(err)
	}
	base := []string{"--data", dir, "--as", "GBR", "--text", "x", "--marking", "NATO RESTRICTED // REL TO NATO"}
	out, err := runCLI(t, append([]string{"proposal", "create", "--title", "T", "--deciders", "DEU,FRA,GBR", "--circulate", "--deadline", "72h",
		"--attach", plain, "--attach", annex + ";marking=NATO SECRET // REL TO GBR, DEU"}, base...)...)
	if err != nil {
		t.Fatalf("create: %q %v", out, err)
	}
	pid := strings.Fields(out)[1]
	out, err = runCLI(t, "thread", "create", "--data", dir, "--as", "GBR", "--subject", "S", "--with", "DEU,FRA", "--text", "hi",
		"--marking", "NATO RESTRICTED // REL TO NATO", "--attach", annex+";marking=NATO CONFIDENTIAL // REL TO DEU, GBR")
	if err != nil {
		t.Fatalf("thread create: %q %v", out, err)
	}
	tid := strings.Fields(out)[1]
	out, err = runCLI(t, append([]string{"thread", "post", tid, "--attach", annex + ";marking=NATO SECRET // REL TO GBR", "--attach", plain}, base...)...)
	if err != nil {
		t.Fatalf("thread post: %q %v", out, err)
	}
	want := map[string]string{"GBR": "plain.txt annex.txt|annex.txt|annex.txt plain.txt", "DEU": "plain.txt annex.txt|annex.txt|plain.txt",
		"FRA": "plain.txt||plain.txt"}
	for nation, w := range want {
		if got := attachmentsSeen(t, dir, nation, pid, tid); got != w {
			t.Errorf("%s sees %q, want %q", nation, got, w)
		}
	}
	out, _ = runCLI(t, "proposal", "show", pid, "--data", dir, "--as", "GBR")
	if !strings.Contains(out, "attachment: annex.txt (9 bytes)  [NATO SECRET // REL TO DEU, GBR]") || !strings.Contains(out, "attachment: plain.txt (5 bytes)\n") {
		t.Errorf("proposal show lists attachments as:\n%s", out)
	}

	for _, c := range []struct {
		name   string
		args   []string
		reason []string
	}{
		{"proposal: missing file", []string{"proposal", "create", "--title", "Bad", "--deciders", "DEU,GBR", "--attach", filepath.Join(files, "nope.txt")}, []string{"nope.txt", "cannot read the file"}},
		{"proposal: unparsable", []string{"proposal", "create", "--title", "Bad", "--deciders", "DEU,GBR", "--attach", annex + ";marking=NATO SEKRET"}, []string{annex, `unknown classification "NATO SEKRET"`}},
		{"proposal: unknown nation", []string{"proposal", "create", "--title", "Bad", "--deciders", "DEU,GBR", "--attach", annex + ";marking=NATO SECRET // REL TO XYZ"}, []string{annex, `"XYZ"`}},
		{"proposal: lower level", []string{"proposal", "create", "--title", "Bad", "--deciders", "DEU,GBR", "--attach", annex + ";marking=NATO UNCLASSIFIED // REL TO NATO"}, []string{`attachment "annex.txt"`, "less restricted than the proposal's"}},
		{"proposal: wider", []string{"proposal", "create", "--title", "Bad", "--deciders", "DEU,GBR", "--attach", annex + ";marking=NATO SECRET // REL TO NATO, JPN"}, []string{`attachment "annex.txt"`, "less restricted"}},
		{"thread create: wider", []string{"thread", "create", "--subject", "Bad", "--with", "DEU", "--attach", annex + ";marking=NATO RESTRICTED // REL TO NATO, JPN"}, []string{`attachment "annex.txt"`, "less restricted"}},
		{"thread post: empty marking", []string{"thread", "post", tid, "--attach", annex + ";marking="}, []string{annex, "empty marking"}},
		{"thread post: directory", []string{"thread", "post", tid, "--attach", files}, []string{files, "not a regular file"}},
		{"thread post: below the thread", []string{"thread", "post", tid, "--attach", annex + ";marking=PUBLIC"}, []string{`attachment "annex.txt"`, "stricter of thread and message"}},
	} {
		out, err := runCLI(t, append(c.args, base...)...)
		if err == nil {
			t.Errorf("%s: accepted (%q)", c.name, out)
			continue
		}
		for _, r := range c.reason {
			if !strings.Contains(err.Error(), r) {
				t.Errorf("%s: error %q does not name %q", c.name, err, r)
			}
		}
	}
	if got := attachmentsSeen(t, dir, "GBR", pid, tid); got != want["GBR"] {
		t.Errorf("after the refused commands GBR sees %q, want %q", got, want["GBR"])
	}
	out, _ = runCLI(t, "proposal", "list", "--data", dir, "--as", "GBR", "--json")
	if strings.Contains(out, `"Bad"`) {
		t.Errorf("a refused proposal was stored: %s", out)
	}
}

// attachmentsSeen is what nation sees attached to the proposal, the
// thread's first message and its second: names joined by spaces, the three
// joined by "|".
func attachmentsSeen(t *testing.T, dir, nation, pid, tid string) string {
	t.Helper()
	names := func(atts []liaison.Attachment) string {
		var ns []string
		for _, a := range atts {
			ns = append(ns, a.Name)
		}
		return strings.Join(ns, " ")
	}
	out, err := runCLI(t, "proposal", "show", pid, "--data", dir, "--as", nation, "--json")
	var p liaison.Proposal
	if err != nil || json.Unmarshal([]byte(out), &p) != nil {
		t.Fatalf("show as %s: %q %v", nation, out, err)
	}
	out, err = runCLI(t, "thread", "show", tid, "--data", dir, "--as", nation, "--json")
	var th struct{ Messages []liaison.Message }
	if err != nil || json.Unmarshal([]byte(out), &th) != nil || len(th.Messages) != 2 {
		t.Fatalf("thread show as %s: %q %v", nation, out, err)
	}
	return names(p.Attachments) + "|" + names(th.Messages[0].Attachments) + "|" + names(th.Messages[1].Attachments)
}
