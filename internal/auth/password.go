// Package auth holds the node's credentials: argon2id password hashes,
// API tokens and browser sessions (both random 32-byte secrets stored only as
// SHA-256), CSRF tokens derived from the session, and the lock-out rule.
// Service ties them to a liaison.UserStore and writes the audit log.
package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"

	"github.com/liaison-project/liaison"
)

// Params are argon2id's cost parameters.
type Params struct {
	Memory  uint32 // KiB
	Time    uint32 // passes
	Threads uint8
}

// DefaultParams follow the OWASP minimum for argon2id (19 MiB, 2 passes, 1
// lane): about 30 ms a login on one core.
var DefaultParams = Params{Memory: 19 * 1024, Time: 2, Threads: 1}

// TestParams are cheap parameters for tests; never for stored passwords.
var TestParams = Params{Memory: 64, Time: 1, Threads: 1}

// Limits on parameters read back from a stored hash, so a crafted hash
// cannot make a login allocate gigabytes.
const (
	maxMemory  = 1 << 20 // 1 GiB in KiB
	maxTime    = 16
	maxThreads = 16
	saltLen    = 16
	keyLen     = 32
)

// MinPasswordLen is the shortest password a user may be given, in
// characters. NIST SP 800-63B asks for at least 8; Liaison asks for 12,
// for every role alike: each account reads marked material, and the slow
// hash makes guessing, not typing, the cost of a longer password.
const MinPasswordLen = 12

// CheckPassword applies the one password rule (MinPasswordLen characters
// or more) wherever a password is set: adding a user and changing a
// password, from the CLI, the web UI or the API alike.
func CheckPassword(password string) error {
	if n := utf8.RuneCountInString(password); n < MinPasswordLen {
		return liaison.Errorf(liaison.ErrInvalid, "password too short (%d characters): at least %d", n, MinPasswordLen)
	}
	return nil
}

// HashPassword returns the PHC-format argon2id hash of password with a fresh
// random salt: $argon2id$v=19$m=…,t=…,p=…$salt$key (unpadded base64).
func HashPassword(password string, p Params) (string, error) {
	if password == "" {
		return "", liaison.Errorf(liaison.ErrInvalid, "password is empty")
	}
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("password salt: %w", err)
	}
	key := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, keyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.Memory, p.Time, p.Threads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// VerifyPassword reports whether password matches the encoded hash,
// comparing in constant time. A malformed hash is an error, not a mismatch.
func VerifyPassword(encoded, password string) (bool, error) {
	p, salt, key, err := decodeHash(encoded)
	if err != nil {
		return false, err
	}
	got := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, uint32(len(key)))
	return subtle.ConstantTimeCompare(got, key) == 1, nil
}

func decodeHash(encoded string) (Params, []byte, []byte, error) {
	var p Params
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return p, nil, nil, liaison.Errorf(liaison.ErrInvalid, "password hash: not a PHC argon2id string")
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return p, nil, nil, liaison.Errorf(liaison.ErrInvalid, "password hash: unsupported version %q", parts[2])
	}
	var threads uint32
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &threads); err != nil {
		return p, nil, nil, liaison.Errorf(liaison.ErrInvalid, "password hash: bad parameters %q", parts[3])
	}
	if p.Memory < 8 || p.Memory > maxMemory || p.Time < 1 || p.Time > maxTime || threads < 1 || threads > maxThreads {
		return p, nil, nil, liaison.Errorf(liaison.ErrInvalid, "password hash: parameters out of range %q", parts[3])
	}
	p.Threads = uint8(threads)
	if p.Memory < 8*uint32(p.Threads) {
		return p, nil, nil, liaison.Errorf(liaison.ErrInvalid, "password hash: memory below 8 KiB per lane")
	}
	salt, err1 := base64.RawStdEncoding.DecodeString(parts[4])
	key, err2 := base64.RawStdEncoding.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(salt) < 8 || len(key) < 16 || len(key) > 64 {
		return p, nil, nil, liaison.Errorf(liaison.ErrInvalid, "password hash: bad salt or key")
	}
	return p, salt, key, nil
}
