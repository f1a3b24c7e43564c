package actor

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/liaison-project/liaison"
)

// ParsePetrarchActors reads the PETRARCH actor dictionary syntax:
//
//	PHRASE_WORDS_ [CODE] [CODE yymmdd-yymmdd] # comment
//	+SYNONYM_PHRASE
//		[CODE >yymmdd]
//
// Dated codes make the entry a person; a bare three-letter code a
// country; anything else an organisation. Lines it cannot read are skipped
// and reported together in the error; the entries read are returned.
func ParsePetrarchActors(r io.Reader, name string) ([]Entry, error) {
	var out []Entry
	var bad []string
	cur := -1
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for ln := 1; sc.Scan(); ln++ {
		raw := sc.Text()
		line, _, _ := strings.Cut(raw, "#")
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			continue
		}
		head, codes, err := splitCodes(trimmed)
		if err != nil {
			bad = append(bad, fmt.Sprintf("%s:%d: %v", name, ln, err))
			continue
		}
		switch {
		case strings.HasPrefix(trimmed, "+") && cur >= 0:
			if n := petrPhrase(strings.TrimPrefix(head, "+")); n != "" {
				out[cur].Names = append(out[cur].Names, n)
			}
		case head == "" && cur >= 0: // indented code line
			out[cur].Terms = append(out[cur].Terms, codes...)
			codes = nil
		case head != "" && !strings.HasPrefix(trimmed, "+"):
			out = append(out, Entry{Kind: KindOrganisation, Names: []string{petrPhrase(head)}})
			cur = len(out) - 1
		}
		if cur >= 0 {
			out[cur].Terms = append(out[cur].Terms, codes...)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	out = finishPetrarch(out)
	if len(bad) > 0 {
		if len(bad) > 5 {
			bad = append(bad[:5], fmt.Sprintf("and %d more", len(bad)-5))
		}
		return out, fmt.Errorf("%w: %s", liaison.ErrInvalid, strings.Join(bad, "; "))
	}
	return out, nil
}

// finishPetrarch drops entries without names or codes and sets kinds.
func finishPetrarch(in []Entry) []Entry {
	out := in[:0]
	for _, e := range in {
		if len(e.Terms) == 0 || len(e.Names) == 0 || e.Names[0] == "" {
			continue
		}
		for _, t := range e.Terms {
			if !t.From.IsZero() || !t.To.IsZero() {
				e.Kind = KindPerson
			}
		}
		if e.Kind != KindPerson && len(e.Terms[0].Code) == 3 {
			e.Kind = KindCountry
		}
		out = append(out, e)
	}
	return out
}

// splitCodes separates "PHRASE [C1][C2 d-d]" into the phrase and codes.
func splitCodes(s string) (string, []Term, error) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		return strings.TrimSpace(s), nil, nil
	}
	head := strings.TrimSpace(s[:i])
	var terms []Term
	for rest := s[i:]; ; {
		rest = strings.TrimSpace(rest)
		if !strings.HasPrefix(rest, "[") {
			break
		}
		j := strings.IndexByte(rest, ']')
		if j < 0 {
			return "", nil, fmt.Errorf("unclosed [ in %q", s)
		}
		t, ok, err := petrCode(rest[1:j])
		if err != nil {
			return "", nil, err
		}
		if ok {
			terms = append(terms, t)
		}
		rest = rest[j+1:]
	}
	return head, terms, nil
}

// petrCode reads "CODE", "CODE yymmdd-yymmdd", "CODE >yymmdd", "CODE <yymmdd".
func petrCode(s string) (Term, bool, error) {
	f := strings.Fields(s)
	if len(f) == 0 || f[0] == "---" || strings.HasPrefix(f[0], "~") {
		return Term{}, false, nil
	}
	code := strings.SplitN(f[0], "/", 2)[0]
	if !validCode(code) {
		return Term{}, false, fmt.Errorf("bad code %q", f[0])
	}
	t := Term{Code: code}
	if len(f) < 2 {
		return t, true, nil
	}
	d := f[1]
	var err error
	switch {
	case strings.HasPrefix(d, ">"):
		t.From, err = yymmdd(d[1:])
	case strings.HasPrefix(d, "<"):
		t.To, err = yymmdd(d[1:])
	default:
		a, b, ok := strings.Cut(d, "-")
		if !ok {
			return Term{}, false, fmt.Errorf("bad date range %q", d)
		}
		if t.From, err = yymmdd(a); err == nil {
			t.To, err = yymmdd(b)
		}
	}
	return t, err == nil, err
}

// yymmdd reads a PETRARCH date; years before 50 are 20xx.
func yymmdd(s string) (time.Time, error) {
	if len(s) != 6 {
		return time.Time{}, fmt.Errorf("bad date %q: want yymmdd", s)
	}
	t, err := time.Parse("060102", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("bad date %q: want yymmdd", s)
	}
	if t.Year() >= 2050 {
		t = t.AddDate(-100, 0, 0)
	}
	return t, nil
}

// petrPhrase turns "FUMIO_KISHIDA_" into "Fumio Kishida" (words of up to
// three letters stay capitals: they are mostly acronyms such as UN, US).
func petrPhrase(s string) string {
	s = strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "_"))
	words := strings.FieldsFunc(s, func(r rune) bool { return r == '_' || r == ' ' || r == '\t' })
	for i, w := range words {
		if len(w) > 3 && !strings.Contains(w, ".") {
			words[i] = w[:1] + strings.ToLower(w[1:])
		}
	}
	return strings.Join(words, " ")
}

// Agent is a PETRARCH agent noun and the role code it appends.
type Agent struct {
	Phrase string // lower case
	Code   string // without the "~"
}

// ParsePetrarchAgents reads a PETRARCH agents file: "NOUN_PHRASE [~GOV]"
// lines, "!SET! = A, B" substitution sets and "{}" plural markers.
// Prepending codes ("NGO~") are skipped.
func ParsePetrarchAgents(r io.Reader, name string) ([]Agent, error) {
	sets := map[string][]string{}
	var out []Agent
	var bad int
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "!") && strings.Contains(line, "=") {
			k, v, _ := strings.Cut(line, "=")
			for _, w := range strings.Split(v, ",") {
				sets[strings.TrimSpace(k)] = append(sets[strings.TrimSpace(k)], strings.TrimSpace(w))
			}
			continue
		}
		i, j := strings.IndexByte(line, '['), strings.IndexByte(line, ']')
		if i < 0 || j < i {
			bad++
			continue
		}
		code := strings.TrimSpace(line[i+1 : j])
		if !strings.HasPrefix(code, "~") || !validCode(code[1:]) {
			continue
		}
		head := strings.ReplaceAll(line[:i], "{}", "")
		for _, p := range expandSets(head, sets) {
			if ph := strings.ToLower(petrPhrase(p)); ph != "" {
				out = append(out, Agent{Phrase: ph, Code: code[1:]})
			}
		}
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("read %s: %w", name, err)
	}
	if bad > 0 {
		return out, fmt.Errorf("%s: %d lines without [code]: %w", name, bad, liaison.ErrInvalid)
	}
	return out, nil
}

// expandSets replaces one "!SET!" in s by each of its words.
func expandSets(s string, sets map[string][]string) []string {
	i := strings.IndexByte(s, '!')
	if i < 0 {
		return []string{s}
	}
	j := strings.IndexByte(s[i+1:], '!')
	if j < 0 {
		return []string{s}
	}
	key := s[i : i+j+2]
	var out []string
	for _, w := range sets[key] {
		out = append(out, strings.Replace(s, key, w, 1))
	}
	return out
}
