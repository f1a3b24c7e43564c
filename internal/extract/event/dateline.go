package event

import (
	"strings"
	"unicode"
)

// datelineEnd returns the rune offset where a sentence's own words begin
// after a wire dateline opening it, or 0 when it has none. A dateline
// says where and when a report was filed — "TOKYO, July 9 (Reuters) -",
// "WASHINGTON (AP) —", "CHARLESTON, W.Va. --", "Tokyo, 9 July 2023 —",
// "BEIJING —" — so its city is not an actor of the sentence and its date
// and place are not the event's. The form: a capitalised name of one to
// four words, an optional region after a comma, an optional date, an
// optional (agency), then a dash (or a colon after a date or agency).
// Without a date or agency the name must be written in capitals (the
// wire convention; a mixed-case "Hamas — the group that … —" opens an
// appositive), the sentence must not be all capitals, and no second
// spaced dash may follow (which would close an appositive).
func datelineEnd(rs []rune) int {
	p := skipSpace(rs, 0)
	head := p
	p, words, upper := capWords(rs, p, 4)
	if first, _ := wordAt(rs, head); words == 0 || notPlaceStart[strings.ToLower(first)] {
		return 0
	}
	headUpper := upper && letters(rs[head:p]) >= 4
	if q, ok := regionPart(rs, p); ok {
		p = q
	}
	strong := false
	if q, ok := datePart(rs, p); ok {
		p, strong = q, true
	}
	if q, ok := agencyPart(rs, p); ok {
		p, strong = q, true
	}
	p = skipSpace(rs, p)
	q, ok := dashAt(rs, p)
	if !ok && strong && p < len(rs) && rs[p] == ':' {
		q, ok = p+1, true
	}
	if !ok {
		return 0
	}
	body := skipSpace(rs, q)
	if body >= len(rs) || !hasLetter(rs[body:]) {
		return 0
	}
	if !strong && (!headUpper || allCaps(string(rs)) || spacedDash(rs[body:])) {
		return 0
	}
	return body
}

func skipSpace(rs []rune, p int) int {
	for p < len(rs) && unicode.IsSpace(rs[p]) {
		p++
	}
	return p
}

// capWords reads up to max capitalised words separated by single spaces
// ("GAZA CITY", "New York", "Rio de Janeiro", "ST. LOUIS"); upper reports
// that every letter was a capital. A trailing connector is given back.
func capWords(rs []rune, p, max int) (end, words int, upper bool) {
	end, upper = p, true
	for words < max {
		q := p
		for q < len(rs) && (unicode.IsLetter(rs[q]) || rs[q] == '.' || rs[q] == '\'' || (rs[q] == '-' && q > p && q+1 < len(rs) && unicode.IsLetter(rs[q+1]))) {
			q++
		}
		if q == p || !unicode.IsLetter(rs[p]) {
			break
		}
		w := string(rs[p:q])
		if !unicode.IsUpper(rs[p]) {
			if words == 0 || !nameConnector[w] {
				break
			}
		} else {
			if monthNum(w) > 0 || weekday[strings.ToLower(strings.TrimSuffix(w, "."))] {
				break
			}
			words++
			end = q
			if strings.ToUpper(w) != w {
				upper = false
			}
		}
		if q >= len(rs) || rs[q] != ' ' {
			break
		}
		p = q + 1
	}
	return end, words, upper
}

// notPlaceStart: capitalised words that open a sentence's time or
// circumstance, not a place ("On September 13 — two days later — …").
var notPlaceStart = map[string]bool{"on": true, "in": true, "at": true, "by": true, "from": true, "since": true,
	"until": true, "after": true, "before": true, "during": true, "last": true, "next": true, "this": true,
	"early": true, "late": true, "between": true, "through": true, "as": true, "for": true, "then": true}

var nameConnector = map[string]bool{"de": true, "del": true, "da": true, "do": true, "dos": true, "la": true, "el": true, "al": true, "es": true, "of": true, "upon": true, "am": true}

// regionPart reads ", Region" after the city: capitalised words or a
// state abbreviation ("W.Va.", "Calif.", "Palestinian Territories"),
// but not a date.
func regionPart(rs []rune, p int) (int, bool) {
	if p >= len(rs) || rs[p] != ',' {
		return p, false
	}
	q := skipSpace(rs, p+1)
	end, words, _ := capWords(rs, q, 3)
	if words == 0 {
		return p, false
	}
	return end, true
}

// datePart reads ", July 9", " Jul. 9, 2023", ", 9 July 2023",
// " 1996-08-30" or ", Monday" after the place.
func datePart(rs []rune, p int) (int, bool) {
	if p >= len(rs) || (rs[p] != ',' && !unicode.IsSpace(rs[p])) {
		return p, false
	}
	q := p
	if rs[q] == ',' {
		q++
	}
	w1, e1 := wordAt(rs, skipSpace(rs, q))
	switch {
	case weekday[strings.ToLower(strings.TrimSuffix(w1, "."))]:
		return e1, true
	case monthNum(w1) > 0:
		d, e2 := wordAt(rs, skipSpace(rs, e1))
		if !isDay(d) {
			return p, false
		}
		return optYear(rs, e2), true
	case isDay(w1):
		m, e2 := wordAt(rs, skipSpace(rs, e1))
		if monthNum(m) == 0 {
			return p, false
		}
		return optYear(rs, e2), true
	case len(w1) == 10 && w1[4] == '-' && w1[7] == '-' && allDigits(w1[:4]):
		return e1, true
	}
	return p, false
}

// optYear consumes ", 2023" or " 2023" after a day and month.
func optYear(rs []rune, p int) int {
	q := p
	if q < len(rs) && rs[q] == ',' {
		q++
	}
	y, e := wordAt(rs, skipSpace(rs, q))
	if len(y) == 4 && allDigits(y) {
		return e
	}
	return p
}

// agencyPart reads " (Reuters)", " (AP)", " (Reuters Health)".
func agencyPart(rs []rune, p int) (int, bool) {
	q := skipSpace(rs, p)
	if q >= len(rs) || rs[q] != '(' {
		return p, false
	}
	end, words, _ := capWords(rs, q+1, 4)
	if words == 0 || end >= len(rs) || rs[end] != ')' {
		return p, false
	}
	return end + 1, true
}

// dashAt reads a dash separator: "-", "--", "–" or "—", followed by a
// space or the text's words.
func dashAt(rs []rune, p int) (int, bool) {
	q := p
	for q < len(rs) && q-p < 3 && (rs[q] == '-' || rs[q] == '—' || rs[q] == '–') {
		q++
	}
	if q == p {
		return p, false
	}
	if rs[q-1] == '-' && q-p == 1 && (q >= len(rs) || !unicode.IsSpace(rs[q])) {
		return p, false // a hyphen glued to the next word
	}
	return q, true
}

// spacedDash reports a dash standing between spaces (or an em dash) in rs.
func spacedDash(rs []rune) bool {
	for i, r := range rs {
		if r == '—' || r == '–' {
			return true
		}
		if r == '-' && i > 0 && rs[i-1] == ' ' && (i+1 >= len(rs) || rs[i+1] == ' ' || rs[i+1] == '-') {
			return true
		}
	}
	return false
}

// wordAt returns the run of letters, digits, periods and hyphens at p.
func wordAt(rs []rune, p int) (string, int) {
	q := p
	for q < len(rs) && (unicode.IsLetter(rs[q]) || unicode.IsDigit(rs[q]) || rs[q] == '.' || rs[q] == '-') {
		q++
	}
	return strings.TrimSuffix(string(rs[p:q]), "."), q
}

func isDay(w string) bool {
	w = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "th"), "st"), "nd"), "rd")
	return (len(w) == 1 || len(w) == 2) && allDigits(w) && w != "0" && w != "00" && (len(w) == 1 || w <= "31")
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func letters(rs []rune) int {
	n := 0
	for _, r := range rs {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

func hasLetter(rs []rune) bool { return letters(rs) > 0 }

// monthNum returns 1–12 for a month name or its abbreviation ("Jul.",
// "Sept"), 0 otherwise.
func monthNum(w string) int {
	w = strings.ToLower(strings.TrimSuffix(w, "."))
	if len(w) < 3 {
		return 0
	}
	for i, m := range months {
		if w == m || (len(w) <= len(m) && strings.HasPrefix(m, w) && (len(w) == 3 || w == "sept")) {
			return i + 1
		}
	}
	return 0
}

var months = [...]string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}

var weekday = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true}
