package sqlite

import (
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// viewCacheTTL bounds how long a view judged in one read serves later reads
// without asking the database. A marking first stored by this process ends
// every cached view at once (DB.tx bumps the cache's generation after each
// commit); one first stored by another process writing the same file is
// picked up within the TTL. Either way a cached view only ever names
// markings it judged, so until it is renewed items with a marking new to
// it are left out, never shown: it fails closed.
const viewCacheTTL = time.Second

// maxCachedViews bounds the cache: there is one entry per distinct viewer
// rule (nation, clearance, caveats held), so the bound is only a guard.
const maxCachedViews = 4096

// viewCache keeps the markings each viewer rule may see, judged once by the
// visibility predicate, so that a list or search does not judge every
// stored marking again on each request (a statement costs as much as the
// small queries it would filter). It is sound because the markings table
// is append-only and its rows never change (migration 0009 refuses it): a
// marking judged visible stays visible to the same rule.
type viewCache struct {
	gen     atomic.Uint64 // bumped after every committed write transaction
	ttl     time.Duration // 0: viewCacheTTL; tests shorten it
	mu      sync.Mutex
	entries map[string]cachedView
	// began holds, for each open read transaction, the generation read
	// before it began: what its snapshot holds at least.
	began sync.Map // *sql.Tx → uint64
}

// cachedView is one viewer rule's visible markings, judged in a read that
// began at generation gen.
type cachedView struct {
	visible []int64
	total   int
	gen     uint64
	at      time.Time
}

// viewKey identifies a viewer rule by the predicate visible produces for it
// and its arguments, so that whatever the rule reads of the viewer is in
// the key.
func viewKey(pred string, args []any) string {
	var b strings.Builder
	b.WriteString(pred)
	for _, a := range args {
		b.WriteByte(0)
		switch a := a.(type) {
		case int:
			b.WriteString(strconv.Itoa(a))
		case string:
			b.WriteString(strconv.Quote(a))
		default:
			fmt.Fprintf(&b, "%T:%v", a, a)
		}
	}
	return b.String()
}

// beginRead records the generation before a read transaction starts (its
// snapshot is taken at its first statement, later) and returns the function
// that forgets it.
func (c *viewCache) beginRead(tx *sql.Tx, gen uint64) func() {
	c.began.Store(tx, gen)
	return func() { c.began.Delete(tx) }
}

// lookup returns the cached view of key for a statement in tx when it is
// at least as new as tx's snapshot and younger than the TTL.
func (c *viewCache) lookup(tx *sql.Tx, key string) (markingView, bool) {
	g, ok := c.began.Load(tx)
	if !ok {
		return markingView{}, false
	}
	c.mu.Lock()
	e, ok := c.entries[key]
	c.mu.Unlock()
	ttl := c.ttl
	if ttl <= 0 {
		ttl = viewCacheTTL
	}
	if !ok || e.gen < g.(uint64) || time.Since(e.at) > ttl {
		return markingView{}, false
	}
	return markingView{visible: e.visible, total: e.total}, true
}

// store caches mv, judged in tx, under key. A view of every marking is not
// kept: "every marking" would also admit markings stored after it, so it is
// judged afresh each time.
func (c *viewCache) store(tx *sql.Tx, key string, mv markingView) {
	g, ok := c.began.Load(tx)
	if !ok || mv.all {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil || len(c.entries) >= maxCachedViews {
		c.entries = map[string]cachedView{}
	}
	c.entries[key] = cachedView{visible: mv.visible, total: mv.total, gen: g.(uint64), at: time.Now()}
}
