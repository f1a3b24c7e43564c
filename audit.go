package liaison

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
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
	Seq    int64     `json:"seq"`
	Time   time.Time `json:"time"`
	Actor  string    `json:"actor"`  // user name, or "system"
	Nation string    `json:"nation"` // the actor's nation: decides who may read the entry
	Action string    `json:"action"`
	Item   string    `json:"item,omitempty"`
	Detail string    `json:"detail,omitempty"`
	// Marking is the marking of the item the entry names (zero — the lowest
	// level, releasable to all — for entries naming no marked item). Readers
	// see the entry only when they may see that marking, so the log never
	// reveals the id of an item its reader may not see.
	Marking  Marking `json:"marking"`
	PrevHash string  `json:"prev_hash"`
	Hash     string  `json:"hash"`
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
	// Marking is omitted for the zero marking, so entries written before
	// audit entries carried markings keep their hashes.
	Marking *canonicalMarking `json:"marking,omitempty"`
}

// canonicalMarking is the hashed form of an entry's marking: releasability
// and caveats as sorted sets (as stores keep them), groups as written.
type canonicalMarking struct {
	Class   string   `json:"class"`
	Level   int      `json:"level"`
	RelTo   []string `json:"rel_to"`
	Groups  []string `json:"groups"`
	Caveats []string `json:"caveats"`
}

// canonicalOf is nil for the zero marking.
func canonicalOf(m Marking) *canonicalMarking {
	if m.Classification == "" && m.Level == 0 && len(m.RelTo) == 0 && len(m.Groups) == 0 && len(m.Caveats) == 0 {
		return nil
	}
	set := func(xs []string) []string {
		s := append([]string{}, xs...)
		slices.Sort(s)
		return slices.Compact(s)
	}
	return &canonicalMarking{Class: m.Classification, Level: m.Level, RelTo: set(m.RelTo),
		Groups: append([]string{}, m.Groups...), Caveats: set(m.Caveats)}
}

// ChainHash is the hex SHA-256 over the previous entry's hash, a newline and
// the canonical JSON of e (without its hashes, with its marking). Every
// AuditLog uses it, so a log can be verified independently of the store that
// wrote it, and editing an entry's marking breaks the chain like any edit.
func ChainHash(prev string, e AuditEntry) string {
	c := canonicalEntry{Seq: e.Seq, Time: e.Time.UTC().Format(time.RFC3339Nano), Actor: e.Actor,
		Nation: e.Nation, Action: e.Action, Item: e.Item, Detail: e.Detail,
		Marking: canonicalOf(e.Marking)}
	b, _ := json.Marshal(c) // strings, ints and string slices cannot fail
	h := sha256.New()
	h.Write([]byte(prev))
	h.Write([]byte{'\n'})
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil))
}

// AuditFilter narrows an audit listing. After and Before bound a page by
// sequence number; Newest pages backwards from the end, so that the admin
// view and API can show recent activity first.
type AuditFilter struct {
	Actor  string
	Action string
	Nation string // only entries of the actor's nation Nation
	After  int64  // entries with Seq > After
	Before int64  // entries with Seq < Before (0: no bound)
	Newest bool   // newest first (Seq descending); oldest first otherwise
	Limit  int    // 0: a default page
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
	// List returns entries the viewer may read, oldest first: the system reads
	// all; admins the entries of every nation, others only entries whose
	// Nation is their own — and everyone but the system only entries whose
	// Marking they may see (the same rule as for the items themselves).
	List(ctx context.Context, f AuditFilter) ([]AuditEntry, error)
	// Count counts the entries List would return for f's Actor, Action and
	// Nation, whatever its bounds and limit: the total of a paged listing.
	Count(ctx context.Context, f AuditFilter) (int, error)
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

// AuditScope is the marking of an audit entry naming an item that is seen
// only by some nations beyond its marking — the participants of a thread, the
// parties of a proposal: m, releasable only to those of nations it already
// releases to (to NoNation, nobody, when none is left). Writers pass it as
// the entry's Marking, so the audit view shows the entry to exactly those who
// may see the item (up to the caveats and clearance in m).
func AuditScope(m Marking, nations ...string) Marking {
	var rel []string
	for _, n := range nations {
		if n != "" && (len(m.RelTo) == 0 || slices.Contains(m.RelTo, n)) && !slices.Contains(rel, n) {
			rel = append(rel, n)
		}
	}
	if len(rel) == 0 {
		rel = []string{NoNation}
	}
	slices.Sort(rel)
	out := m
	out.RelTo, out.Groups = rel, slices.Clone(rel)
	out.Caveats = slices.Clone(m.Caveats)
	return out
}
