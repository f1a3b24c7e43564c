package cameo

// The shared CAMEO event code file is UTF-8 text that was once converted from
// a Mac OS Roman original by a tool that read it as Latin-1: each typographic
// quote byte (0xD2 “, 0xD3 ”, 0xD4 ‘, 0xD5 ’) became the Latin-1 letter of the
// same value (Ò Ó Ô Õ), and that conversion also swallowed the byte after it
// ("Meet at a ÒhirdÓlocation" for "Meet at a “third” location"). cleanName
// undoes the encoding for every name, maps typographic punctuation to ASCII so
// names print anywhere, and restores the swallowed letters from the CAMEO
// manual for the names that lost some; the generator refuses any name that is
// still not clean printable ASCII.

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// macRoman maps the Latin-1 code points U+0080–U+00FF that a Mac OS Roman byte
// turned into under a Latin-1 reading back to the character the Mac byte
// stood for (only the printable punctuation and letters CAMEO text can hold).
var macRoman = map[rune]string{
	0xD0: "-", 0xD1: "-", // en dash, em dash
	0xD2: `"`, 0xD3: `"`, // “ ”
	0xD4: "'", 0xD5: "'", // ‘ ’
	0xC9: "...", 0xCA: " ", // ellipsis, no-break space
	0x8E: "é", 0x8F: "è", 0x87: "á", 0x88: "à", 0x96: "ñ", 0x9A: "ö", 0x9F: "ü",
}

// unicodePunct maps typographic punctuation already correctly encoded to
// ASCII, so every name is plain printable text.
var unicodePunct = strings.NewReplacer(
	"\u2018", "'", "\u2019", "'", "\u201C", `"`, "\u201D", `"`,
	"\u2013", "-", "\u2014", "-", "\u2026", "...", "\u00A0", " ",
)

// manualNames restores names whose letters the old conversion swallowed, from
// the CAMEO manual (v1.1b3, code 044: Meet at a ‘third’ location). Each entry
// is applied only when the decoded shared name is exactly the damaged form, so
// a corrected shared file is used as is.
var manualNames = map[string]struct{ damaged, name string }{
	"044": {damaged: `Meet at a "hird"location`, name: `Meet at a "third" location`},
}

// cleanName decodes one name of the shared code file and checks it is clean.
func cleanName(code, raw string) (string, error) {
	var b strings.Builder
	for _, r := range raw {
		switch {
		case r >= 0x80 && r <= 0xFF:
			s, ok := macRoman[r]
			if !ok {
				return "", fmt.Errorf("code %s: name %q: character %U has no Mac OS Roman reading", code, raw, r)
			}
			b.WriteString(s)
		default:
			b.WriteRune(r)
		}
	}
	name := unicodePunct.Replace(b.String())
	if fix, ok := manualNames[code]; ok && name == fix.damaged {
		name = fix.name
	}
	name = strings.Join(strings.Fields(name), " ")
	if err := checkCleanName(name); err != nil {
		return "", fmt.Errorf("code %s: name %q: %w", code, raw, err)
	}
	return name, nil
}

// checkCleanName reports why name is not clean printable text: empty, not
// UTF-8, a control or non-ASCII character, or a quote glued to a word on the
// outside (the mark of a swallowed space).
func checkCleanName(name string) error {
	if name == "" || !utf8.ValidString(name) {
		return fmt.Errorf("empty or invalid UTF-8")
	}
	for i, r := range name {
		if r < 0x20 || r > 0x7E {
			return fmt.Errorf("character %U at byte %d is not printable ASCII", r, i)
		}
	}
	if strings.Contains(name, "  ") || strings.TrimSpace(name) != name {
		return fmt.Errorf("stray spaces")
	}
	if strings.Count(name, `"`)%2 != 0 {
		return fmt.Errorf("unbalanced quotes")
	}
	open := true
	for i := 0; i < len(name); i++ {
		if name[i] != '"' {
			continue
		}
		if !open && i+1 < len(name) && isLetter(name[i+1]) {
			return fmt.Errorf("closing quote at byte %d runs into a word", i)
		}
		open = !open
	}
	return nil
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
