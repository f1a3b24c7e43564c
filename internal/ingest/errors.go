package ingest

import (
	"encoding/json"
	"fmt"

	"github.com/liaison-project/liaison"
)

// InputError is the failure of one input (a file, a URL, a line of a JSONL
// file, a feed entry): it names the input and gives the reason, and wraps a
// liaison sentinel where one applies.
type InputError struct {
	Input string
	Err   error
}

// Error is "<input>: <reason>", the form printed after "ingest: ".
func (e *InputError) Error() string { return e.Input + ": " + e.Err.Error() }

// Unwrap exposes the reason, so errors.Is finds the sentinel.
func (e *InputError) Unwrap() error { return e.Err }

// MarshalJSON writes {"input": ..., "reason": ...} for `ingest --json`.
func (e *InputError) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Input  string `json:"input"`
		Reason string `json:"reason"`
	}{e.Input, e.Err.Error()})
}

// reason is a message that wraps a sentinel without repeating its text, so
// that "file.txt: not valid UTF-8" reads well and still answers errors.Is.
type reason struct {
	msg      string
	sentinel error
}

// Error is the reason alone.
func (r *reason) Error() string { return r.msg }

// Unwrap exposes the sentinel to errors.Is.
func (r *reason) Unwrap() error { return r.sentinel }

var (
	_ error          = (*InputError)(nil)
	_ json.Marshaler = (*InputError)(nil)
	_ error          = (*reason)(nil)
	_ error          = (*HTTPError)(nil)
)

// badInput is an InputError wrapping liaison.ErrInvalid.
func badInput(input, format string, args ...any) error {
	return &InputError{Input: input, Err: &reason{msg: fmt.Sprintf(format, args...), sentinel: liaison.ErrInvalid}}
}

// inputErr names input on err unless err already names an input.
func inputErr(input string, err error) *InputError {
	if ie, ok := err.(*InputError); ok {
		return ie
	}
	return &InputError{Input: input, Err: err}
}
