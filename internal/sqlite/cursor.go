package sqlite

import (
	"encoding/base64"
	"encoding/json"
	"strings"

	"github.com/liaison-project/liaison"
)

// cursorKey is the sort key of the last item of a page. Pages are keyset
// paginated: the next page starts strictly after this key, so inserts do not
// shift or repeat items.
type cursorKey struct {
	S  string  `json:"s,omitempty"` // primary text key (published, date, code)
	N  float64 `json:"n,omitempty"` // primary numeric key (rank, count)
	ID string  `json:"i"`           // tie-breaker
}

// encodeCursor renders k as an opaque URL-safe token.
func encodeCursor(k cursorKey) string {
	b, _ := json.Marshal(k) // a struct of strings and a float always marshals
	return base64.RawURLEncoding.EncodeToString(b)
}

// decodeCursor reads a token from encodeCursor; ok is false for "" (the
// first page).
func decodeCursor(s string) (k cursorKey, ok bool, err error) {
	if s == "" {
		return k, false, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(strings.TrimSpace(s))
	if err == nil {
		err = json.Unmarshal(b, &k)
	}
	if err != nil || k.ID == "" {
		return k, false, liaison.Errorf(liaison.ErrInvalid, "cursor %q: malformed", s)
	}
	return k, true, nil
}

// where accumulates AND-ed SQL conditions and their arguments in order.
type where struct {
	conds []string
	args  []any
}

// add appends one condition and its arguments.
func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

// addPred appends a predicate built with its own argument slice (such as
// the one from visible).
func (w *where) addPred(cond string, args []any) {
	w.add(cond, args...)
}

// sql renders the conditions, "1" when there are none.
func (w *where) sql() string {
	if len(w.conds) == 0 {
		return "1"
	}
	return strings.Join(w.conds, " AND ")
}
