package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/marking"
	"github.com/oklog/ulid/v2"
)

// Files of a data directory that describe the node itself.
const (
	// NodeIDFile holds the node's id, a ULID written once and kept: items
	// record it as their origin, so it must not change between runs.
	NodeIDFile = "node-id"
	// NodeNationFile remembers the nation given to `serve --nation`, the
	// default for later runs and for `liaison ingest`.
	NodeNationFile = "node-nation"
	// PolicyFile is the classification policy of the node (the built-in
	// policy when absent), read by the server and the CLI alike.
	PolicyFile = "policy.json"
)

// NodeID returns the node id kept in <dataDir>/node-id, creating the
// directory and the id (a new ULID) on first use. Two processes starting
// together agree: the file is created exclusively and the loser reads the
// winner's id.
func NodeID(dataDir string) (string, error) {
	path := filepath.Join(dataDir, NodeIDFile)
	if id, err := readNodeID(path); err == nil || !errors.Is(err, fs.ErrNotExist) {
		return id, err
	}
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return "", fmt.Errorf("data directory: %w", err)
	}
	id := liaison.NewID(time.Now())
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return readNodeID(path)
	}
	if err != nil {
		return "", fmt.Errorf("node id: %w", err)
	}
	_, werr := f.WriteString(id + "\n")
	if err := errors.Join(werr, f.Sync(), f.Close()); err != nil {
		_ = os.Remove(path)
		return "", fmt.Errorf("node id: %w", err)
	}
	return id, nil
}

// readNodeID reads and checks a node-id file.
func readNodeID(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	id := strings.TrimSpace(string(b))
	if _, err := ulid.ParseStrict(id); err != nil {
		return "", liaison.Errorf(liaison.ErrInvalid, "%s: %q is not a ULID (remove the file to mint a new node id)", path, id)
	}
	return id, nil
}

// NodeOrigin is what items created on the node of dataDir record as their
// origin: the node id and its nation. nation (e.g. `serve --nation`) is
// checked and remembered in <dataDir>/node-nation; when empty, the
// remembered nation is used, else the alliance's own staff
// (marking.OrganisationCode).
func NodeOrigin(dataDir, nation string) (liaison.Origin, error) {
	id, err := NodeID(dataDir)
	if err != nil {
		return liaison.Origin{}, err
	}
	nation = strings.ToUpper(strings.TrimSpace(nation))
	path := filepath.Join(dataDir, NodeNationFile)
	if nation == "" {
		b, err := os.ReadFile(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return liaison.Origin{Node: id, Nation: marking.OrganisationCode}, nil
		case err != nil:
			return liaison.Origin{}, fmt.Errorf("node nation: %w", err)
		}
		nation = strings.ToUpper(strings.TrimSpace(string(b)))
	}
	if !nationCode(nation) {
		return liaison.Origin{}, liaison.Errorf(liaison.ErrInvalid, "node nation %q: want a three-letter code such as FRA", nation)
	}
	if b, err := os.ReadFile(path); err != nil || strings.TrimSpace(string(b)) != nation {
		if err := os.WriteFile(path, []byte(nation+"\n"), 0o600); err != nil {
			return liaison.Origin{}, fmt.Errorf("node nation: %w", err)
		}
	}
	return liaison.Origin{Node: id, Nation: nation}, nil
}

// nationCode reports whether s is three letters A-Z (ISO 3166 alpha-3, or
// an X.. code for organisations).
func nationCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// LoadPolicy returns the classification policy of the node of dataDir:
// <dataDir>/policy.json when present, else the built-in policy — the same
// rule as the CLI's, so the server and `liaison marking check` agree.
func LoadPolicy(dataDir string) (*marking.Policy, error) {
	path := filepath.Join(dataDir, PolicyFile)
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return marking.Default(), nil
	}
	if err != nil {
		return nil, fmt.Errorf("policy file: %w", err)
	}
	p, err := marking.ParsePolicy(b)
	if err != nil {
		return nil, fmt.Errorf("policy file %s: %w", path, err)
	}
	return p, nil
}

// resolveNode fills in what the config left to the data directory: the
// policy and the origin recorded on new items.
func (m *Main) resolveNode() error {
	if m.cfg.Policy == nil {
		p, err := LoadPolicy(m.cfg.DataDir)
		if err != nil {
			return err
		}
		m.cfg.Policy = p
	}
	if m.cfg.Origin.Node == "" {
		o, err := NodeOrigin(m.cfg.DataDir, m.cfg.Origin.Nation)
		if err != nil {
			return err
		}
		m.cfg.Origin = o
	}
	if m.cfg.Origin.Nation == "" {
		m.cfg.Origin.Nation = marking.OrganisationCode
	}
	return nil
}
