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

// TestOneArgumentCommands checks that the commands taking one positional
// argument refuse none or two, naming the command and the argument (once:
// main adds only "liaison: "), before they touch any store.
func TestOneArgumentCommands(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"user", "token"}, "user token: want exactly one NAME"},
		{[]string{"user", "revoke", "a", "b"}, "user revoke: want exactly one TOKENID"},
		{[]string{"user", "disable", "--data", "x"}, "user disable: want exactly one NAME"},
		{[]string{"nation", "add", "--name", "N"}, "nation add: want exactly one CODE"},
		{[]string{"feeds", "remove"}, "feeds remove: want exactly one ID or URL"},
		{[]string{"proposal", "show", "p1", "p2", "--as", "FRA"}, "proposal show: want exactly one proposal ID"},
		{[]string{"proposal", "concur", "--as", "FRA"}, "proposal concur: want exactly one proposal ID"},
		{[]string{"thread", "post", "--as", "FRA"}, "thread post: want exactly one thread ID"},
		{[]string{"marking", "check"}, "marking check: want exactly one MARKING argument (quote it)"},
	}
	for _, tt := range tests {
		env := &Env{Stdin: strings.NewReader(""), Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}}
		err := run(context.Background(), env, tt.args)
		if err == nil || err.Error() != tt.want {
			t.Errorf("liaison %s: error %v, want %q", strings.Join(tt.args, " "), err, tt.want)
		}
	}
}
