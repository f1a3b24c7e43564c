package date

// kw is a keyword's canonical form; the tables below give its meaning.
type kw struct{ canon string }

// keywords maps lower-case words the finder cares about to a canonical key.
var keywords = buildKeywords()

// monthNum gives the month of a canonical month key.
var monthNum = map[string]int{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12}

// weekdayNum gives time.Weekday of a canonical weekday key.
var weekdayNum = map[string]int{"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4,
	"friday": 5, "saturday": 6}

// numberWords are counts written as words ("two days ago").
var numberWords = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
	"twenty": 20, "thirty": 30, "several": -1, "few": -1}

// units of relative expressions, canonical singular.
var units = map[string]bool{"day": true, "week": true, "month": true, "year": true, "weekend": true,
	"decade": true, "quarter": true}

// seasons map to their ISO 8601 / TimeML season codes.
var seasons = map[string]string{"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

// tense cues: future and past markers near a bare weekday or month.
var futureCues = map[string]bool{"will": true, "shall": true, "would": false, "plans": true, "planned": false,
	"plan": true, "scheduled": true, "expected": true, "upcoming": true, "next": true, "coming": true,
	"going": true, "due": true, "set": true, "intends": true, "aims": true, "hopes": true, "hoping": true, "expects": true, "expect": true, "to": false}

var pastCues = map[string]bool{"said": true, "was": true, "were": true, "had": true, "did": true,
	"announced": true, "told": true, "met": true, "held": true, "visited": true, "ago": true, "last": true,
	"earlier": true, "reported": true, "killed": true, "took": true, "went": true, "came": true, "made": true,
	"gave": true, "signed": true, "agreed": true, "began": true, "ended": true, "launched": true, "attended": true}

func buildKeywords() map[string]kw {
	m := map[string]kw{}
	add := func(canon string, forms ...string) {
		m[canon] = kw{canon}
		for _, f := range forms {
			m[f] = kw{canon}
		}
	}
	add("january", "jan")
	add("february", "feb")
	add("march", "mar")
	add("april", "apr")
	add("may")
	add("june", "jun")
	add("july", "jul")
	add("august", "aug")
	add("september", "sep", "sept")
	add("october", "oct")
	add("november", "nov")
	add("december", "dec")
	add("monday", "mon")
	add("tuesday", "tue", "tues")
	add("wednesday", "wed")
	add("thursday", "thu", "thur", "thurs")
	add("friday", "fri")
	add("saturday", "sat")
	add("sunday", "sun")
	for _, w := range []string{"yesterday", "today", "tomorrow", "tonight", "last", "next", "this", "coming",
		"past", "previous", "following", "ago", "early", "late", "mid", "end", "beginning", "start", "middle",
		"on", "in", "since", "until", "by", "from", "of", "during", "through", "to", "and", "the", "before", "after",
		"fiscal", "century", "later", "earlier", "now", "currently", "nowadays", "recently", "present", "future", "that",
		"at", "first", "second", "third", "fourth", "half"} {
		add(w)
	}
	for w := range numberWords {
		if _, ok := m[w]; !ok {
			add(w)
		}
	}
	for u := range units {
		add(u, u+"s")
	}
	for s := range seasons {
		add(s)
	}
	for c := range futureCues {
		if _, ok := m[c]; !ok {
			add(c)
		}
	}
	for c := range pastCues {
		if _, ok := m[c]; !ok {
			add(c)
		}
	}
	return m
}
