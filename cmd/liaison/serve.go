package main

import (
	"context"
	"errors"
)

// STUB: replaced by the owner of this command.
func runServe(ctx context.Context, env *Env, args []string) error {
	return errors.New("not implemented yet")
}
