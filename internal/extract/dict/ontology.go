package dict

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// negationUnit is PICO's "not" component: a code whose value carries one
// more (or one fewer) 0xFFFF than another is that code's negation (110
// Disapprove = 0xFFFF + 0x0080 = not 050 Diplomatic cooperation).
const negationUnit = 0xFFFF

// ParseOntology reads a PETRARCH Internal Coding Ontology (PICO) file —
// "CODE:VALUE#comment" lines whose value is a signed sum of hex terms
// ("0x1007f", "0x1000-0xFFFF", "-0xFFFF+0x2040+0x300") — and returns the
// negation map it implies: for each code, the code a negated verb of that
// code is coded as (UD-PETRARCH codes "did not clash" [110] as 050). Codes
// whose negation has no CAMEO code are absent. Bad lines are errors naming
// the line.
func ParseOntology(r io.Reader, name string) (map[string]string, error) {
	val := map[string]int{}
	byVal := map[int]string{}
	var order []string
	sc := bufio.NewScanner(r)
	for ln := 1; sc.Scan(); ln++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		code, rest, ok := strings.Cut(line, ":")
		code = strings.TrimSpace(code)
		if ok && strings.Trim(code, "-") == "" {
			continue // "---:0", the null code
		}
		if !ok || !isDigits(code) || len(code) < 2 || len(code) > 4 {
			return nil, fmt.Errorf("%s:%d: want CODE:VALUE, got %q", name, ln, line)
		}
		expr, _, _ := strings.Cut(rest, "#")
		v, err := hexSum(strings.TrimSpace(expr))
		if err != nil {
			return nil, fmt.Errorf("%s:%d: code %s: %w", name, ln, code, err)
		}
		if _, dup := val[code]; dup {
			continue
		}
		val[code] = v
		order = append(order, code)
		if _, seen := byVal[v]; !seen {
			byVal[v] = code // the first (most general) code with a value wins
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	neg := map[string]string{}
	for _, code := range order {
		v := val[code]
		k := floorDiv(v+negationUnit/2, negationUnit) // how many "not"s the value holds
		var nv int
		if k > 0 {
			nv = v - negationUnit // not (not X) = X
		} else {
			nv = v + negationUnit // not X; not (reject X) = X
		}
		if c, ok := byVal[nv]; ok && c != code {
			neg[code] = c
		}
	}
	return neg, nil
}

// hexSum evaluates "0x10-0xFFFF+0x3" (optionally signed first term).
func hexSum(s string) (int, error) {
	if s == "" {
		return 0, fmt.Errorf("empty value")
	}
	total, sign, start := 0, 1, 0
	flush := func(end int) error {
		t := strings.TrimSpace(s[start:end])
		if t == "" {
			return fmt.Errorf("bad value %q", s)
		}
		n, err := strconv.ParseInt(t, 0, 32)
		if err != nil || n < 0 {
			return fmt.Errorf("bad term %q in %q", t, s)
		}
		total += sign * int(n)
		return nil
	}
	i := 0
	if s[0] == '-' || s[0] == '+' {
		if s[0] == '-' {
			sign = -1
		}
		i, start = 1, 1
	}
	for ; i < len(s); i++ {
		if s[i] == '+' || s[i] == '-' {
			if err := flush(i); err != nil {
				return 0, err
			}
			sign = 1
			if s[i] == '-' {
				sign = -1
			}
			start = i + 1
		}
	}
	if err := flush(len(s)); err != nil {
		return 0, err
	}
	return total, nil
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && (a < 0) {
		q--
	}
	return q
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// LoadOntology reads a PICO file into d.Negations, so negated verbs are
// coded as their PICO negation instead of being flagged.
func (d *Dict) LoadOntology(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("petrarch ontology: %w", err)
	}
	defer f.Close()
	neg, err := ParseOntology(f, path)
	if err != nil {
		return fmt.Errorf("petrarch ontology: %w", err)
	}
	d.Negations = neg
	return nil
}
