package liaison

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"
)

// Audit actions. The list is open; these are the ones the node writes.
const (
	AuditLogin        = "login"
	AuditLoginFailed  = "login.failed"
	AuditLockedOut    = "login.locked"
	AuditLogout       = "logout"
	AuditTokenIssued  = "token.issue"
	AuditTokenRevoked = "token.revoke"
	AuditTokenUsed    = "token.use"
	AuditDenied       = "access.denied"
	AuditViewAs       = "view-as"
	AuditUserAdded    = "user.add"
	AuditNationPut    = "nation.put"
	AuditMarking      = "marking.change"
	AuditRelease      = "release"
)

// AuditEntry is one line of the append-only, hash-chained audit log. Hash is
// ChainHash(PrevHash, entry): editing or removing any entry breaks the chain.
type AuditEntry struct {
	Seq      int64     `json:"seq"`
	Time     time.Time `json:"time"`
	Actor    string    `json:"actor"`  // user name, or "system"
	Nation   string    `json:"nation"` // the actor's nation: decides who may read the entry
	Action   string    `json:"action"`
	Item     string    `json:"item,omitempty"`
	Detail   string    `json:"detail,omitempty"`
	PrevHash string    `json:"prev_hash"`
	Hash     string    `json:"hash"`
}

// canonicalEntry fixes the field order and time format hashed by ChainHash.
type canonicalEntry struct {
	Seq    int64  `json:"seq"`
	Time   string `json:"time"`
	Actor  string `json:"actor"`
	Nation string `json:"nation"`
	Action string `json:"action"`
	Item   string `json:"item"`
	Detail string `json:"detail"`
}

// ChainHash is the hex SHA-256 over the previous entry's hash, a newline and
// the canonical JSON of e (without its hashes). Every AuditLog uses it, so a
// log can be verified independently of the store that wrote it.
func ChainHash(prev string, e AuditEntry) string {
	c := canonicalEntry{Seq: e.Seq, Time: e.Time.UTC().Format(time.RFC3339Nano), Actor: e.Actor,
		Nation: e.Nation, Action: e.Action, Item: e.Item, Detail: e.Detail}
	b, _ := json.Marshal(c) // a struct of strings and an int cannot fail
	h := sha256.New()
	h.Write([]byte(prev))
	h.Write([]byte{'\n'})
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil))
}

// AuditFilter narrows an audit listing.
type AuditFilter struct {
	Actor  string
	Action string
	After  int64 // entries with Seq > After
	Limit  int   // 0: a default page
}

// AuditVerification is the outcome of checking the whole chain.
type AuditVerification struct {
	Entries int    `json:"entries"`
	OK      bool   `json:"ok"`
	BadSeq  int64  `json:"bad_seq,omitempty"` // first entry where the chain breaks
	Reason  string `json:"reason,omitempty"`
}

// AuditLog is the append-only record of logins, token use, marking changes,
// releases and denied access.
type AuditLog interface {
	// Append sets e.Seq, e.PrevHash, e.Hash (and e.Time when zero) and stores it.
	Append(ctx context.Context, e *AuditEntry) error
	// List returns entries the viewer may read, oldest first: the system and
	// admins read all; others only entries whose Nation is their own.
	List(ctx context.Context, f AuditFilter) ([]AuditEntry, error)
	// Verify recomputes the chain over every entry (not filtered by viewer).
	Verify(ctx context.Context) (AuditVerification, error)
}

// VerifyChain checks that entries (ordered by Seq) number 1, 2, 3…, link
// each to the previous hash and hash correctly, and that the last one is the
// head the store recorded (headSeq 0 and headHash "" when it keeps none), so
// that removing entries at the end is caught as well as edits and gaps.
func VerifyChain(es []AuditEntry, headHash string, headSeq int64) AuditVerification {
	res := AuditVerification{Entries: len(es), OK: true}
	prev := ""
	for i, e := range es {
		reason := ""
		switch {
		case e.Seq != int64(i)+1:
			reason = fmt.Sprintf("sequence gap: entry %d was removed", i+1)
		case e.PrevHash != prev:
			reason = "previous-hash link broken: the entry before was removed or altered"
		case ChainHash(prev, e) != e.Hash:
			reason = "hash mismatch: this entry was altered"
		}
		if reason != "" {
			res.OK, res.BadSeq, res.Reason = false, e.Seq, reason
			return res
		}
		prev = e.Hash
	}
	if (headSeq != 0 || headHash != "") && (int64(len(es)) != headSeq || prev != headHash) {
		res.OK, res.BadSeq = false, headSeq
		res.Reason = fmt.Sprintf("the log ends at entry %d but the head records entry %d: entries at the end were removed", len(es), headSeq)
	}
	return res
}
