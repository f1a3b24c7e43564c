package phrase

// Trie maps lower-case token sequences to values. It is built once and then
// only read, so it is safe for concurrent matching.
type Trie[V any] struct {
	root node[V]
	size int
}

type node[V any] struct {
	next map[string]*node[V]
	vals []V
}

// Add files v under the token sequence of phrase (tokenized by Tokenize).
// An empty phrase is ignored.
func (t *Trie[V]) Add(phrase string, v V) {
	toks := Tokenize(phrase)
	if len(toks) == 0 {
		return
	}
	n := &t.root
	for _, tk := range toks {
		if n.next == nil {
			n.next = make(map[string]*node[V], 1)
		}
		c := n.next[tk.Lower]
		if c == nil {
			c = &node[V]{}
			n.next[tk.Lower] = c
		}
		n = c
	}
	n.vals = append(n.vals, v)
	t.size++
}

// Len is the number of phrases added.
func (t *Trie[V]) Len() int { return t.size }

// Longest returns the number of tokens and the values of the longest phrase
// that starts at toks[i]; n is 0 when none does.
func (t *Trie[V]) Longest(toks []Token, i int) (n int, vals []V) {
	cur := &t.root
	for j := i; j < len(toks); j++ {
		if cur.next == nil {
			break
		}
		c := cur.next[toks[j].Lower]
		if c == nil {
			break
		}
		cur = c
		if len(cur.vals) > 0 {
			n, vals = j-i+1, cur.vals
		}
	}
	return n, vals
}

// All calls fn for every phrase (by token count and values) that starts
// at toks[i], shortest first.
func (t *Trie[V]) All(toks []Token, i int, fn func(n int, vals []V)) {
	cur := &t.root
	for j := i; j < len(toks); j++ {
		if cur.next == nil {
			return
		}
		c := cur.next[toks[j].Lower]
		if c == nil {
			return
		}
		cur = c
		if len(cur.vals) > 0 {
			fn(j-i+1, cur.vals)
		}
	}
}

// Exact returns the values stored under exactly the phrase key (tokens
// joined by spaces, as Key returns).
func (t *Trie[V]) Exact(phrase string) []V {
	toks := Tokenize(phrase)
	cur := &t.root
	for _, tk := range toks {
		if cur.next == nil {
			return nil
		}
		cur = cur.next[tk.Lower]
		if cur == nil {
			return nil
		}
	}
	return cur.vals
}
