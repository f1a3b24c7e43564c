package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"mime"
	"os"
	"path/filepath"
	"strings"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/sqlite"
)

// The --attach flag of proposal create, thread create and thread post:
// one file per flag, optionally with a marking of its own after
// ";marking=", e.g. --attach 'annex.pdf;marking=NATO SECRET // REL TO USA'.
// Without it the file travels under its parent's marking. A marking of its
// own may only narrow who sees the file: the service refuses one less
// restricted than the parent's, naming the file.

// markingSuffix separates a file from its own marking in an --attach value.
// Markings never contain ';', so the value is split at the last one.
const markingSuffix = ";marking="

// maxAttachBytes is the largest file --attach takes (the service's limit).
const maxAttachBytes = 1 << 20

// attachUsage is the --attach flag's help text.
const attachUsage = "attach a file (repeatable, at most 1 MiB each); it keeps the parent's marking, or give its own as " +
	"'FILE;marking=MARKING' (e.g. 'annex.pdf;marking=NATO SECRET // REL TO USA'), at least as restricted as the parent's"

// attachSpec is one --attach value: the file and its own marking's text
// ("" for the parent's).
type attachSpec struct {
	Path    string
	Marking string
}

// attachFlag adds the repeatable --attach flag to fs.
func attachFlag(fs *flag.FlagSet) *multiFlag {
	var files multiFlag
	fs.Var(&files, "attach", attachUsage)
	return &files
}

// parseAttachSpec splits an --attach value into the file and its marking
// text. It reads nothing: a malformed value is refused before any file or
// store is opened.
func parseAttachSpec(v string) (attachSpec, error) {
	path, mk := v, ""
	if i := strings.LastIndex(v, markingSuffix); i >= 0 {
		path, mk = v[:i], strings.TrimSpace(v[i+len(markingSuffix):])
		if mk == "" {
			return attachSpec{}, liaison.Errorf(liaison.ErrInvalid, "--attach %q: empty marking after %q (leave it off to keep the parent's marking)", v, markingSuffix)
		}
	}
	if strings.TrimSpace(path) == "" {
		return attachSpec{}, liaison.Errorf(liaison.ErrInvalid, "--attach %q: no file named", v)
	}
	return attachSpec{Path: path, Marking: mk}, nil
}

// pendingAttachment is a file read from disk whose marking is not parsed
// yet (that needs the store's nations).
type pendingAttachment struct {
	spec attachSpec
	at   liaison.Attachment
}

// readAttachments parses the --attach values and reads their files. Every
// error names the file and the reason.
func readAttachments(values []string) ([]pendingAttachment, error) {
	var out []pendingAttachment
	for _, v := range values {
		spec, err := parseAttachSpec(v)
		if err != nil {
			return nil, err
		}
		b, err := readAttachFile(spec.Path)
		if err != nil {
			return nil, err
		}
		out = append(out, pendingAttachment{spec: spec, at: liaison.Attachment{Name: filepath.Base(spec.Path),
			MediaType: mime.TypeByExtension(filepath.Ext(spec.Path)), Data: b}})
	}
	return out, nil
}

// readAttachFile reads a regular, non-empty file of at most maxAttachBytes.
func readAttachFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%w: --attach %q: cannot read the file: %w", liaison.ErrInvalid, path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("%w: --attach %q: cannot read the file: %w", liaison.ErrInvalid, path, err)
	}
	if !st.Mode().IsRegular() {
		return nil, liaison.Errorf(liaison.ErrInvalid, "--attach %q: not a regular file", path)
	}
	b, err := io.ReadAll(io.LimitReader(f, maxAttachBytes+1))
	switch {
	case err != nil:
		return nil, fmt.Errorf("%w: --attach %q: cannot read the file: %w", liaison.ErrInvalid, path, err)
	case len(b) > maxAttachBytes:
		return nil, liaison.Errorf(liaison.ErrInvalid, "--attach %q: larger than 1 MiB", path)
	case len(b) == 0:
		return nil, liaison.Errorf(liaison.ErrInvalid, "--attach %q: the file is empty", path)
	}
	return b, nil
}

// attachments gives the read files their own markings, parsed as the node
// parses --marking. Whether each is at least as restricted as its parent
// is the service's check (it knows the thread's marking too).
func (f *coordFlags) attachments(ctx context.Context, db *sqlite.DB, pending []pendingAttachment) ([]liaison.Attachment, error) {
	if len(pending) == 0 {
		return nil, nil
	}
	parse, err := f.markingParser(ctx, db)
	if err != nil {
		return nil, err
	}
	return attachMarked(parse, pending)
}

// createMarkings reads a new proposal's or thread's --marking text (PUBLIC
// when empty) and its attachments' own markings with one parser, so the
// node's policy and nations are loaded once per command.
func (f *coordFlags) createMarkings(ctx context.Context, db *sqlite.DB, text string,
	pending []pendingAttachment) (liaison.Marking, []liaison.Attachment, error) {
	parse, err := f.markingParser(ctx, db)
	if err != nil {
		return liaison.Marking{}, nil, err
	}
	if text == "" {
		text = defaultMarking
	}
	m, err := parse(text)
	if err != nil {
		return liaison.Marking{}, nil, fmt.Errorf("--marking %q: %w", text, err)
	}
	atts, err := attachMarked(parse, pending)
	return m, atts, err
}

// attachMarked gives each pending file the marking its --attach value
// names (none: its parent's), parsed by parse.
func attachMarked(parse func(string) (liaison.Marking, error), pending []pendingAttachment) ([]liaison.Attachment, error) {
	var out []liaison.Attachment
	for _, p := range pending {
		at := p.at
		if p.spec.Marking != "" {
			var err error
			if at.Marking, err = parse(p.spec.Marking); err != nil {
				return nil, fmt.Errorf("--attach %q: %w", p.spec.Path, err)
			}
		}
		out = append(out, at)
	}
	return out, nil
}

// markingParser returns the node's parser of marking texts for the
// store of --data (nodeMarkingParser), loaded once for all the texts of a
// command.
func (f *coordFlags) markingParser(ctx context.Context, db *sqlite.DB) (func(string) (liaison.Marking, error), error) {
	dir, err := resolveDataDir(*f.data)
	if err != nil {
		return nil, err
	}
	return nodeMarkingParser(ctx, dir, db)
}

// printAttachments lists attachments under a proposal or message: name,
// size and, when it has one, the file's own marking.
func printAttachments(w io.Writer, atts []liaison.Attachment) {
	for _, a := range atts {
		own := ""
		if a.Marking.Classification != "" || len(a.Marking.RelTo) > 0 || len(a.Marking.Caveats) > 0 {
			own = "  [" + formatMarking(a.Marking) + "]"
		}
		if len(a.Data) == 0 && a.Ref != "" {
			fmt.Fprintf(w, "  attachment: %s (reference %s)%s\n", a.Name, a.Ref, own)
			continue
		}
		fmt.Fprintf(w, "  attachment: %s (%d bytes)%s\n", a.Name, len(a.Data), own)
	}
}
