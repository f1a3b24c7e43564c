package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/bits"
	"net/url"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NearDuplicateDistance is the largest SimHash Hamming distance at which two
// texts count as the same story lightly edited.
const NearDuplicateDistance = 3

// CheckBytes rejects input that is not text: invalid UTF-8, NUL bytes, a high
// share of control characters, or nothing but white space. name is the input
// named in the error.
func CheckBytes(name string, b []byte) error {
	if len(strings.TrimSpace(string(b))) == 0 {
		return badInput(name, "empty")
	}
	if i := strings.IndexByte(string(b), 0); i >= 0 {
		return badInput(name, "binary content (NUL byte at offset %d)", i)
	}
	if !utf8.Valid(b) {
		off := firstInvalidUTF8(b)
		return badInput(name, "not valid UTF-8 (first bad byte at offset %d)", off)
	}
	ctrl, total := 0, 0
	for _, r := range string(b) {
		total++
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
			ctrl++
		}
	}
	if total > 0 && ctrl*100/total > 5 {
		return badInput(name, "binary content (%d%% control characters)", ctrl*100/total)
	}
	return nil
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// NormalizeText is the text as stored: NFC, Unix line ends, white space inside
// each line collapsed to one space, and at most one blank line between
// paragraphs. Control characters other than newlines are dropped.
func NormalizeText(s string) string {
	s = norm.NFC.String(s)
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	var b strings.Builder
	b.Grow(len(s))
	blank := 0
	for line := range strings.SplitSeq(s, "\n") {
		f := strings.FieldsFunc(line, isSpaceOrControl)
		if len(f) == 0 {
			blank++
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
			if blank > 0 {
				b.WriteByte('\n')
			}
		}
		blank = 0
		for i, w := range f {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w)
		}
	}
	return b.String()
}

func isSpaceOrControl(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u200b' || r == '\ufeff'
}

// ContentHash is the hex SHA-256 of the text with all white space collapsed,
// so that re-wrapped copies of one text share an identity.
func ContentHash(text string) string {
	h := sha256.New()
	for i, w := range strings.Fields(norm.NFC.String(text)) {
		if i > 0 {
			h.Write([]byte{' '})
		}
		h.Write([]byte(w))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// SimHash is a 64-bit fingerprint over the word shingles (single words and
// word pairs) of the lower-cased text: texts that differ in a few words
// differ in a few bits. On Reuters stories, words+pairs kept a one-word edit
// within NearDuplicateDistance far more often than three-word shingles, and
// the extra pairs it linked were genuine rewrites.
func SimHash(text string) uint64 {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
	// counts[i] is how many features have bit i set; adding bits without
	// branches keeps this fast on random hashes.
	var counts [64]int32
	n := int32(0)
	add := func(x uint64) {
		n++
		for i := range counts {
			counts[i] += int32(x >> uint(i) & 1)
		}
	}
	for i, w := range words {
		x := fnv64(fnvOffset, w)
		add(x)
		if i+1 < len(words) {
			add(fnv64(fnv64(x, " "), words[i+1]))
		}
	}
	var out uint64
	for i, c := range counts {
		if 2*c > n {
			out |= 1 << uint(i)
		}
	}
	return out
}

// FNV-1a, inlined: hashing every shingle through hash.Hash64 allocates.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnv64(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// Hamming is the number of differing bits of two SimHashes.
func Hamming(a, b uint64) int { return bits.OnesCount64(a ^ b) }

// trackingParams are query parameters that identify a campaign or a click,
// not the page, and so are dropped from canonical URLs.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "msclkid": true, "yclid": true,
	"mc_cid": true, "mc_eid": true, "igshid": true, "_ga": true, "_gl": true,
	"ref": true, "ref_src": true, "ref_url": true, "cmpid": true, "smid": true,
	"ocid": true, "spm": true, "share": true, "s_cid": true, "taid": true,
}

// CanonicalURL normalises an http(s) URL for identity: lower-case scheme and
// host, no default port, no fragment, no tracking parameters (utm_* and the
// like), query sorted. Anything that is not an absolute http(s) URL yields "".
func CanonicalURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	if port != "" {
		host += ":" + port
	} else if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	u.Host = host
	u.User = nil
	u.Fragment, u.RawFragment = "", ""
	if u.Path == "" {
		u.Path = "/"
	}
	q := u.Query()
	for k := range q {
		lk := strings.ToLower(k)
		if strings.HasPrefix(lk, "utm_") || trackingParams[lk] {
			delete(q, k)
		}
	}
	for _, vs := range q {
		sort.Strings(vs)
	}
	u.RawQuery = q.Encode()
	u.ForceQuery = false
	return u.String()
}

// truncate shortens s for error messages.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return fmt.Sprintf("%s…", s[:n])
}
