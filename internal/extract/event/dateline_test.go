package event

import (
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/liaison-project/liaison"
)

// TestDatelineEnd finds where the sentence's own words begin after a
// wire dateline, and finds no dateline where a name opens a sentence.
func TestDatelineEnd(t *testing.T) {
	for _, c := range []struct{ text, body string }{
		{"TOKYO, July 9 (Reuters) - Japan's Prime Minister Fumio Kishida will visit Vilnius on Jul. 11.", "Japan's Prime Minister"},
		{"WASHINGTON (AP) — President Biden met Chancellor Scholz on Friday.", "President Biden"},
		{"LONDON, July 4 (Reuters) - Britain expelled a Russian diplomat.", "Britain expelled"},
		{"Tokyo, 9 July 2023 — Japan will attend the summit.", "Japan will"},
		{"BEIJING — China criticized the sanctions.", "China criticized"},
		{"CHARLESTON, W.Va. (AP) -- Police arrested two men.", "Police arrested"},
		{"GAZA CITY, Palestinian Territories, Jul. 11, 2023 (AFP) - Israel struck Gaza.", "Israel struck"},
		{"LONDON 1996-08-30 - Britain warned Iraq.", "Britain warned"},
		{"  NEW YORK, Monday (Reuters Health) – The UN condemned the attack.", "The UN"},
		{"Tokyo said on Monday it would expel the diplomats.", ""},
		{"Japan, South Korea, New Zealand, and Australia will attend.", ""},
		{"Hamas — the group that rules Gaza — fired rockets at Israel.", ""},
		{"HAMAS — the group that rules Gaza — fired rockets at Israel.", ""},
		{"Beijing — China criticized the sanctions.", ""},
		{"TOKYO - JAPAN PROTESTED TO CHINA.", ""},
		{"Kishida will visit Vilnius on July 11 - the first visit.", ""},
		{"US - China talks resumed on Monday.", ""},
		{"PARIS-based groups criticized the plan.", ""},
		{"TOKYO, July 9 (Reuters) -", ""},
		{"On September 13 — two days after the ruling — he said he was optimistic.", ""},
		{"THE HAGUE, July 9 (Reuters) - The court ruled.", "The court"},
	} {
		rs := []rune(c.text)
		got := datelineEnd(rs)
		want := 0
		if c.body != "" {
			for i := range rs {
				if string(rs[i:min(len(rs), i+len([]rune(c.body)))]) == c.body {
					want = i
					break
				}
			}
		}
		if got != want {
			t.Errorf("%q: body at %d (%q), want %d", c.text, got, string(rs[got:]), want)
		}
	}
}

// TestDatelineDoc codes a report whose first sentence opens with a
// dateline, with the understanding layer's mentions given by hand: the
// dateline's city is no actor and not the event's place, its date is not
// the event's; with no report date, the dateline's date stands in for it.
func TestDatelineDoc(t *testing.T) {
	c := builtin(t)
	const text = "TOKYO, July 9 (Reuters) - Japan's Prime Minister Fumio Kishida will visit Vilnius on Jul. 11."
	at := func(s string) (int, int) {
		i := utf8.RuneCountInString(text[:strings.Index(text, s)])
		return i, i + utf8.RuneCountInString(s)
	}
	ts, te := at("TOKYO")
	vs, ve := at("Vilnius")
	d9s, d9e := at("July 9")
	d11s, d11e := at("Jul. 11")
	ps, pe := at("Japan's Prime Minister Fumio Kishida")
	doc := func(date time.Time, withDates bool) *Doc {
		d := &Doc{Text: text, Date: date, Sentences: []liaison.Span{{Start: 0, End: utf8.RuneCountInString(text)}},
			Actors: []liaison.ActorMention{{Start: ps, End: pe, Code: "JPNGOV", Text: "Japan's Prime Minister Fumio Kishida"}},
			Places: []liaison.PlaceMention{
				{Start: ts, End: te, Place: liaison.Place{Name: "Tokyo", Country: "JPN", Kind: "capital"}},
				{Start: vs, End: ve, Place: liaison.Place{Name: "Vilnius", Country: "LTU", Kind: "capital"}}}}
		d.Dates = []liaison.DateMention{{Start: d9s, End: d9e, Value: "2023-07-09"}}
		if withDates {
			d.Dates = append(d.Dates, liaison.DateMention{Start: d11s, End: d11e, Value: "2023-07-11"})
		}
		return d
	}
	for _, tc := range []struct {
		name string
		doc  *Doc
		date string
	}{
		{"own date", doc(time.Date(2023, 7, 9, 0, 0, 0, 0, time.UTC), true), "2023-07-11"},
		{"report date", doc(time.Date(2023, 7, 8, 0, 0, 0, 0, time.UTC), false), "2023-07-08"},
		{"dateline date", doc(time.Time{}, false), "2023-07-09"},
	} {
		evs := c.Code(tc.doc)
		if len(evs) == 0 {
			t.Fatalf("%s: no event", tc.name)
		}
		e := evs[0]
		if e.Source != "JPNGOV" || e.Target != "LTU" || e.CAMEO != "042" || e.SourceText == "TOKYO" {
			t.Errorf("%s: %s/%s/%s (%q), want JPNGOV/LTU/042", tc.name, e.Source, e.Target, e.CAMEO, e.SourceText)
		}
		if e.Date != tc.date {
			t.Errorf("%s: date %q, want %q", tc.name, e.Date, tc.date)
		}
		if e.Place == nil || e.Place.Name != "Vilnius" {
			t.Errorf("%s: place %+v, want Vilnius", tc.name, e.Place)
		}
	}
}

// FuzzDatelineEnd: on any text the body offset lies inside the text, and
// a dateline found ends with a dash or colon before words.
func FuzzDatelineEnd(f *testing.F) {
	for _, s := range []string{"TOKYO, July 9 (Reuters) - Japan", "WASHINGTON (AP) — x", "A, B, C D E F (G) --", "BEIJING —", "X, 31 May 2023 : y", "(", ", -"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rs := []rune(s)
		b := datelineEnd(rs)
		if b < 0 || b > len(rs) {
			t.Fatalf("body %d outside %d runes", b, len(rs))
		}
		if b == 0 {
			return
		}
		if unicode.IsSpace(rs[b]) || !strings.ContainsAny(string(rs[:b]), "-—–:") {
			t.Errorf("body %d of %q: %q", b, s, string(rs[b:]))
		}
	})
}
