package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
)

var _ liaison.ProposalStore = (*DB)(nil)

// proposalVisible is the read predicate of proposals aliased alias: the one
// marking rule of access.go AND participation — the proposing nation, or a
// decider or consulted nation once the proposal has left draft (for each
// viewer bounding the viewer too). The system viewer sees every proposal;
// no viewer sees none.
func proposalVisible(ctx context.Context, alias string) (string, []any) {
	mk, args := visible(ctx, alias)
	v, ok := liaison.ViewerFrom(ctx)
	if !ok {
		return "(0)", nil
	}
	a := alias + "."
	party, pargs := eachBound(v, func(b liaison.Viewer) (string, []any) {
		if b.System {
			return "(1)", nil
		}
		return "(" + a + "proposing = ? OR (" + a + "state <> 'draft' AND EXISTS (SELECT 1 FROM proposal_parties pp" +
			" WHERE pp.proposal_id = " + a + "id AND pp.nation = ?)))", []any{b.Nation, b.Nation}
	})
	return "(" + mk + " AND " + party + ")", append(args, pargs...)
}

// requireViewer refuses calls without a viewer.
func requireViewer(ctx context.Context, what string) error {
	if _, ok := liaison.ViewerFrom(ctx); !ok {
		return liaison.Errorf(liaison.ErrUnauthorized, "%s: no viewer in context", what)
	}
	return nil
}

// CreateProposal stores a new proposal with its parties; Rev becomes 1.
func (db *DB) CreateProposal(ctx context.Context, p *liaison.Proposal) error {
	if err := requireViewer(ctx, "create proposal"); err != nil {
		return err
	}
	if p.ID == "" || !p.State.Valid() || !p.Procedure.Valid() {
		return liaison.Errorf(liaison.ErrInvalid, "create proposal %q: needs an id, a state and a procedure", p.ID)
	}
	if err := checkMarking("proposal "+p.ID, p.Marking); err != nil {
		return err
	}
	p.Rev = 1
	return db.tx(ctx, func(tx *sql.Tx) error {
		body, err := json.Marshal(p)
		if err != nil {
			return fmt.Errorf("sqlite: proposal %s: %w", p.ID, err)
		}
		c := toCols(p.Marking)
		_, err = tx.ExecContext(ctx, `INSERT INTO proposals(id, rev, state, procedure, proposing, title, deadline,
			created, updated, mk_class, mk_level, mk_rel, mk_groups, mk_caveats, origin_node, origin_nation, body)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			p.ID, p.Rev, string(p.State), string(p.Procedure), p.ProposingNation, p.Title, coordTime(p.Deadline),
			fmtTime(p.Created), fmtTime(p.Updated), c.Class, c.Level, c.Rel, c.Groups, c.Caveats,
			p.Origin.Node, p.Origin.Nation, string(body))
		if err != nil {
			if coordUnique(err) {
				return liaison.Errorf(liaison.ErrDuplicate, "proposal %s", p.ID)
			}
			return fmt.Errorf("sqlite: create proposal %s: %w", p.ID, err)
		}
		return putParties(ctx, tx, p)
	})
}

// putParties writes the deciders and consulted nations of p.
func putParties(ctx context.Context, tx *sql.Tx, p *liaison.Proposal) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM proposal_parties WHERE proposal_id = ?`, p.ID); err != nil {
		return fmt.Errorf("sqlite: proposal %s parties: %w", p.ID, err)
	}
	for role, ns := range map[string][]string{"decider": p.Deciders, "consulted": p.Consulted} {
		for _, n := range ns {
			if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO proposal_parties(proposal_id, nation, role) VALUES (?, ?, ?)`,
				p.ID, n, role); err != nil {
				return fmt.Errorf("sqlite: proposal %s party %s: %w", p.ID, n, err)
			}
		}
	}
	return nil
}

// Proposal returns one proposal the viewer may see, else ErrNotFound.
func (db *DB) Proposal(ctx context.Context, id string) (*liaison.Proposal, error) {
	pred, args := proposalVisible(ctx, "p")
	row := db.db.QueryRowContext(ctx, `SELECT p.rev, p.body FROM proposals p WHERE p.id = ? AND `+pred,
		append([]any{id}, args...)...)
	p, err := scanProposal(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, liaison.Errorf(liaison.ErrNotFound, "proposal %s", id)
	}
	return p, err
}

func scanProposal(s interface{ Scan(...any) error }) (*liaison.Proposal, error) {
	var rev int64
	var body string
	if err := s.Scan(&rev, &body); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, err
		}
		return nil, fmt.Errorf("sqlite: proposal: %w", err)
	}
	var p liaison.Proposal
	if err := json.Unmarshal([]byte(body), &p); err != nil {
		return nil, fmt.Errorf("sqlite: stored proposal: %w", err)
	}
	p.Rev = rev
	return &p, nil
}

// Proposals lists the proposals the viewer may see, most recently updated
// first, optionally of one state.
func (db *DB) Proposals(ctx context.Context, f liaison.ProposalFilter) ([]liaison.Proposal, error) {
	pred, args := proposalVisible(ctx, "p")
	q := `SELECT p.rev, p.body FROM proposals p WHERE ` + pred
	if f.State != "" {
		if !f.State.Valid() {
			return nil, liaison.Errorf(liaison.ErrInvalid, "state %q: want one of draft, circulating, adopted, blocked, withdrawn, expired", f.State)
		}
		q += ` AND p.state = ?`
		args = append(args, string(f.State))
	}
	q += ` ORDER BY p.updated DESC, p.id DESC LIMIT ?`
	return db.proposalRows(ctx, q, append(args, clampLimit(f.Limit))...)
}

func (db *DB) proposalRows(ctx context.Context, q string, args ...any) ([]liaison.Proposal, error) {
	rows, err := db.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: proposals: %w", err)
	}
	defer rows.Close()
	out := []liaison.Proposal{}
	for rows.Next() {
		p, err := scanProposal(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: proposals: %w", err)
	}
	return out, nil
}

// SaveProposal replaces p if the stored revision is still p.Rev and the
// viewer may see it; a stale revision answers ErrConflict so the caller can
// reload and decide again.
func (db *DB) SaveProposal(ctx context.Context, p *liaison.Proposal) error {
	if err := requireViewer(ctx, "save proposal"); err != nil {
		return err
	}
	if err := checkMarking("proposal "+p.ID, p.Marking); err != nil {
		return err
	}
	return db.tx(ctx, func(tx *sql.Tx) error {
		pred, args := proposalVisible(ctx, "p")
		var rev int64
		err := tx.QueryRowContext(ctx, `SELECT p.rev FROM proposals p WHERE p.id = ? AND `+pred,
			append([]any{p.ID}, args...)...).Scan(&rev)
		if errors.Is(err, sql.ErrNoRows) {
			return liaison.Errorf(liaison.ErrNotFound, "proposal %s", p.ID)
		}
		if err != nil {
			return fmt.Errorf("sqlite: save proposal %s: %w", p.ID, err)
		}
		if rev != p.Rev {
			return liaison.Errorf(liaison.ErrConflict, "proposal %s changed meanwhile (revision %d, not %d)", p.ID, rev, p.Rev)
		}
		next := *p
		next.Rev = rev + 1
		body, err := json.Marshal(&next)
		if err != nil {
			return fmt.Errorf("sqlite: proposal %s: %w", p.ID, err)
		}
		c := toCols(p.Marking)
		if _, err := tx.ExecContext(ctx, `UPDATE proposals SET rev = ?, state = ?, procedure = ?, title = ?, deadline = ?,
			updated = ?, mk_class = ?, mk_level = ?, mk_rel = ?, mk_groups = ?, mk_caveats = ?, body = ? WHERE id = ? AND rev = ?`,
			next.Rev, string(p.State), string(p.Procedure), p.Title, coordTime(p.Deadline), fmtTime(p.Updated),
			c.Class, c.Level, c.Rel, c.Groups, c.Caveats, string(body), p.ID, rev); err != nil {
			return fmt.Errorf("sqlite: save proposal %s: %w", p.ID, err)
		}
		if err := putParties(ctx, tx, p); err != nil {
			return err
		}
		p.Rev = next.Rev
		return nil
	})
}

// DueProposals lists circulating proposals whose deadline is at or before t
// (system viewer only: the settler).
func (db *DB) DueProposals(ctx context.Context, t time.Time) ([]liaison.Proposal, error) {
	if err := requireSystem(ctx, "due proposals"); err != nil {
		return nil, err
	}
	return db.proposalRows(ctx, `SELECT p.rev, p.body FROM proposals p
		WHERE p.state = 'circulating' AND p.deadline <> '' AND p.deadline <= ? ORDER BY p.deadline, p.id`, fmtTime(t))
}

// coordUnique reports whether err is a UNIQUE or PRIMARY KEY violation.
func coordUnique(err error) bool {
	return strings.Contains(err.Error(), "UNIQUE constraint failed")
}

// coordTime renders an optional time ("" when zero).
func coordTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmtTime(t)
}
