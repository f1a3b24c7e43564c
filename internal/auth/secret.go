package auth

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
)

// TokenPrefix starts every API token, so leaked tokens are easy to grep for.
const TokenPrefix = "lia_"

// NewSecret returns 32 random bytes, URL-safe base64 encoded.
func NewSecret() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("random secret: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// HashSecret is what the store keeps of a token or session secret: the hex
// SHA-256. The secrets are 256-bit random, so a fast hash is enough.
func HashSecret(secret string) string {
	h := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(h[:])
}

// CSRFToken derives the CSRF token of a session from its secret (the cookie
// value): a page rendered for the session carries it in a form field or
// header, which a cross-site form cannot read or forge. Nothing is stored.
func CSRFToken(sessionSecret string) string {
	m := hmac.New(sha256.New, []byte(sessionSecret))
	m.Write([]byte("liaison csrf v1"))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// CheckCSRF reports in constant time whether token is the session's CSRF token.
func CheckCSRF(sessionSecret, token string) bool {
	return token != "" && hmac.Equal([]byte(CSRFToken(sessionSecret)), []byte(token))
}
