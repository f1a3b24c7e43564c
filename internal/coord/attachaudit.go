package coord

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/liaison-project/liaison"
)

// AuditDownload is the audit action of a served attachment. Downloads are
// audited here, where the API and the pages both read them, so that every
// way a file leaves the node writes the same one entry.
const AuditDownload = "attachment.download"

// attachmentItem names a downloaded file in the audit log: its parent and a
// key of the file itself (a digest of its name and bytes), the same for
// every viewer. Positions would not do: they count only what the viewer
// may see. A file of its own names no other item, so an entry marked with
// its (stricter) marking hides nothing else of the parent's history through
// the log's same-item rule.
func attachmentItem(parent string, at liaison.Attachment) string {
	h := sha256.New()
	h.Write([]byte(at.Name))
	h.Write([]byte{0})
	h.Write(at.Data)
	return parent + "/attachment:" + hex.EncodeToString(h.Sum(nil))[:16]
}

// proposalParties are the nations that may see p by participation when it
// stands in state, as the store's proposal rule reads them: the proposing
// nation, and once out of draft its deciders and consulted. The proposal
// events' entries (after) take each event's state, a download p's own.
func proposalParties(p *liaison.Proposal, state liaison.ProposalState) []string {
	parties := []string{p.ProposingNation}
	if state != liaison.StateDraft {
		parties = append(append(parties, p.Deciders...), p.Consulted...)
	}
	return parties
}

// auditDownload records a served file. The entry carries the file's marking
// narrowed to the parent's parties, so the audit view shows it exactly to
// those who may see the file.
func (s *Service) auditDownload(ctx context.Context, item string, d *Download, parties []string) {
	s.audit(ctx, auditViewer(ctx), s.Now(), AuditDownload, item,
		fmt.Sprintf("%q, %d bytes", d.Attachment.Name, len(d.Attachment.Data)), liaison.AuditScope(d.Marking, parties...))
}

// refused audits a download answered ErrNotFound as access.denied and
// returns err. The entry names no item and carries no marking: it is the
// same whether the parent is missing, invisible or the position out of
// range, so the audit view cannot tell those apart either. Other errors
// (the store failing) are returned unaudited.
func (s *Service) refused(ctx context.Context, kind string, err error) error {
	if errors.Is(err, liaison.ErrNotFound) {
		s.audit(ctx, auditViewer(ctx), s.Now(), liaison.AuditDenied, "", "download of a "+kind+" attachment: not found", liaison.Marking{})
	}
	return err
}

// auditViewer is the viewer an entry is written as; "anonymous" when the
// request carries none (as the authenticator records such denials).
func auditViewer(ctx context.Context) liaison.Viewer {
	v, ok := liaison.ViewerFrom(ctx)
	if !ok {
		v.Name = "anonymous"
	}
	return v
}
