package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestEveryCommandHelp runs each command with -h: usage on stdout, exit 0.
func TestEveryCommandHelp(t *testing.T) {
	for name := range commands() {
		t.Run(name, func(t *testing.T) {
			var out, errb bytes.Buffer
			env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb}
			if err := run(context.Background(), env, []string{name, "-h"}); err != nil {
				t.Fatalf("liaison %s -h: %v (stderr %q)", name, err, errb.String())
			}
			if out.Len()+errb.Len() == 0 || !strings.Contains(out.String()+errb.String(), "liaison "+name) {
				t.Fatalf("liaison %s -h printed no usage naming the command: stdout %q stderr %q", name, out.String(), errb.String())
			}
		})
	}
}
