package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// timeLayouts are the date formats met in feeds, page metadata and input
// fields, most specific first.
var timeLayouts = []string{
	time.RFC3339Nano,
	time.RFC3339,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02 15:04:05",
	"2006/01/02",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 2006 15:04 MST",
	"Mon, _2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006",
	time.RFC822Z,
	time.RFC822,
	time.RFC850,
	time.ANSIC,
	time.UnixDate,
	"02-Jan-2006 15:04:05",
	"2-Jan-2006 15:04:05",
	"02-Jan-2006",
	"January 2, 2006 15:04",
	"January 2, 2006",
	"Jan 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
	"20060102",
}

// ParseTime reads a date or timestamp in any of the common feed, metadata and
// archive formats. Times without a zone are taken as UTC.
func ParseTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return time.Time{}, false
	}
	s = strings.Join(strings.Fields(s), " ")
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			if !plausible(t) {
				return time.Time{}, false
			}
			return t.UTC(), true
		}
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && n > 1e8 && n < 1e10 {
		return time.Unix(n, 0).UTC(), true
	}
	return time.Time{}, false
}

// plausible rejects dates no news report carries (zero, far past, far future).
func plausible(t time.Time) bool {
	return t.Year() >= 1800 && t.Year() <= 2200
}

var monthNames = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10,
	"nov": 11, "november": 11, "dec": 12, "december": 12,
}

const monthRe = `(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`

var (
	isoDateRe = regexp.MustCompile(`\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b`)
	// "July 9, 2023", "Jul. 9 2023", and "July 4" (a dateline without a year).
	mdyRe = regexp.MustCompile(`(?i)\b` + monthRe + ` (\d{1,2})(?:st|nd|rd|th)?\b(?:,? ((?:19|20)\d\d)\b)?`)
	// "9 July 2023".
	dmyRe = regexp.MustCompile(`(?i)\b(\d{1,2}) ` + monthRe + `,? ((?:19|20)\d\d)\b`)
	// A wire dateline: "TOKYO, July 4 (Reuters) -" or "SALVADOR, Feb 26 -".
	datelineRe = regexp.MustCompile(`^[\p{Lu}][\p{Lu}\p{M} .'/-]+(?:, [\p{L} .]+)?, ` + monthRe + ` (\d{1,2})\b`)
)

// dateLineLines is how many leading lines of a text may carry its date.
const dateLineLines = 4

// DateFromText finds a date line near the start of a text: an ISO date, a
// written date ("July 9, 2023", "9 July 2023") or a wire dateline ("TOKYO,
// July 4 (Reuters) -"). A date without a year takes the year of ref, moved a
// year back when that would put it far after ref; a date more than two days
// after ref (the input or fetch date) is not taken.
func DateFromText(text string, ref time.Time) (time.Time, bool) {
	lines := strings.SplitN(text, "\n", dateLineLines+1)
	if len(lines) > dateLineLines {
		lines = lines[:dateLineLines]
	}
	for _, line := range lines {
		if len(line) > 400 {
			line = line[:400]
		}
		if t, ok := dateInLine(line, ref); ok && (ref.IsZero() || !t.After(ref.AddDate(0, 0, 2))) {
			return t, true // a date after the fetch or input date is not a publication date
		}
	}
	return time.Time{}, false
}

func dateInLine(line string, ref time.Time) (time.Time, bool) {
	if !strings.ContainsAny(line, "0123456789") {
		return time.Time{}, false
	}
	if m := datelineRe.FindStringSubmatch(line); m != nil && !ref.IsZero() {
		return makeDate("", m[1], m[2], ref)
	}
	if loc := isoDateRe.FindStringIndex(line); loc != nil && dateLine(line, loc) {
		if t, err := time.Parse("2006-01-02", line[loc[0]:loc[1]]); err == nil {
			return t, true
		}
	}
	if m := dmyRe.FindStringSubmatchIndex(line); m != nil && dateLine(line, m[:2]) {
		return makeDate(line[m[6]:m[7]], line[m[4]:m[5]], line[m[2]:m[3]], ref)
	}
	if m := mdyRe.FindStringSubmatchIndex(line); m != nil && m[6] >= 0 && dateLine(line, m[:2]) {
		return makeDate(line[m[6]:m[7]], line[m[2]:m[3]], line[m[4]:m[5]], ref)
	}
	return time.Time{}, false
}

// maxDateLineWords is how many other words a line may hold and still be a
// date line ("Published Monday 10 July 2023 — Vilnius", "By Jane Smith,
// July 12, 2023 10:30 GMT") rather than prose that mentions a date ("stg
// convertible eurobond due February 20, 2002 paying an"). Of those, at most
// one may be a lower-case word that is not date-line filler.
const maxDateLineWords = 6

// dateFiller are the lower-case words date lines carry.
var dateFiller = map[string]bool{
	"by": true, "on": true, "at": true, "of": true, "the": true, "published": true, "updated": true,
	"posted": true, "last": true, "am": true, "pm": true, "a.m.": true, "p.m.": true, "and": true,
}

// otherDate are words that make a date in a line the date of something else
// ("Period ended December 31, 1986", "due March 31, 2002").
var otherDate = map[string]bool{
	"ended": true, "ending": true, "end": true, "ends": true, "due": true, "until": true, "through": true,
	"since": true, "from": true, "before": true, "after": true, "expires": true, "expiring": true, "maturing": true,
}

// dateLine says whether the date at loc stands as the line's own date.
func dateLine(line string, loc []int) bool {
	rest := line[:loc[0]] + " " + line[loc[1]:]
	words, prose := 0, 0
	for _, f := range strings.Fields(rest) {
		f = strings.Trim(f, ",;:()[]|—–-")
		r, _ := utf8.DecodeRuneInString(f)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		words++
		if otherDate[strings.ToLower(f)] {
			return false
		}
		if unicode.IsLower(r) && !dateFiller[strings.ToLower(f)] {
			prose++
		}
	}
	return words <= maxDateLineWords && prose <= 1
}

func makeDate(year, month, day string, ref time.Time) (time.Time, bool) {
	mon, ok := monthNames[strings.ToLower(strings.TrimSuffix(month, "."))]
	if !ok {
		return time.Time{}, false
	}
	d, err := strconv.Atoi(day)
	if err != nil || d < 1 || d > 31 {
		return time.Time{}, false
	}
	y := ref.Year()
	if year != "" {
		y, _ = strconv.Atoi(year)
	}
	t := time.Date(y, mon, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false // 31 June and the like
	}
	if year == "" && t.After(ref.AddDate(0, 0, 31)) {
		t = t.AddDate(-1, 0, 0)
	}
	return t, true
}
