package date

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/liaison-project/liaison/internal/extract/sentence"
)

func TestFind(t *testing.T) {
	dct := time.Date(2023, 7, 9, 0, 0, 0, 0, time.UTC) // a Sunday
	tests := []findCase{
		{"It opens on 11 July 2023.", "11 July 2023=2023-07-11"},
		{"It opens July 11, 2023 in Vilnius.", "July 11, 2023=2023-07-11"},
		{"The summit (Jul. 11, Jul. 12) is near.", "Jul. 11, Jul. 12=2023-07-11/2023-07-12"},
		{"It runs July 11-12.", "July 11-12=2023-07-11/2023-07-12"},
		{"It runs 11-12 July.", "11-12 July=2023-07-11/2023-07-12"},
		{"Over three days, May 24 to 26, it ran.", "May 24 to 26=2023-05-24/2023-05-26"},
		{"On May 4, 30 people died.", "May 4=2023-05-04"},
		{"Filed 2023-07-11.", "2023-07-11=2023-07-11"},
		{"Adopted in June 2022.", "June 2022=2022-06"},
		{"Adopted in June last year.", "June last year=2022-06"},
		{"In 2022 it grew.", "2022=2022"},
		{"A vessel visited on June 21.", "June 21=2023-06-21"},
		{"It happened last year.", "last year=2022"},
		{"It will happen next month.", "next month=2023-08"},
		{"It happened two days ago.", "two days ago=2023-07-07"},
		{"He said on Monday that it was over.", "Monday=2023-07-03"},
		{"He will travel on Monday.", "Monday=2023-07-10"},
		{"The book is to be published in August.", "August=2023-08"},
		{"The book was published in August.", "August=2022-08"},
		{"They met yesterday and meet again tomorrow.", "yesterday=2023-07-08; tomorrow=2023-07-10"},
		{"Talks continue next week.", "next week=2023-W28"},
		{"Sales rose this year.", "this year=2023"},
		{"It was decided last May.", "last May=2023-05"},
		{"It was decided last August.", "last August=2022-08"},
		{"The 1990s were calm.", "1990s=199"},
		{"He may go. We march on.", ""},
		{"It cost $2000 and 2010% more.", ""},
		{"Before Friday's announcement, a 2009 analysis.", "Friday=2023-07-07; 2009=2009"},
		{"1720 had been discharged at 1430 UTC by the 1000 megawatt cable.", ""},
		{"The meeting on March 20 last year, the following day.", "March 20 last year=2022-03-20; the following day=2022-03-21"},
		{"A 2019 study, the 2005 Opel and by 2025.", "2019=2019; 2025=2025"},
		{"It shipped 2000 tonnes and 1500 troops; 2022 was calm.", "2022=2022"},
		{"The 2-day summit and F-35 jets.", ""},
		{"Early 2011 was hard.", "Early 2011=2011"},
		{"During the 2009-2010 season.", "2009-2010=2009/2010"},
		{"On Sunday, July 9, 2023 he spoke.", "Sunday, July 9, 2023=2023-07-09"},
	}
	runFind(t, dct, tests)
}

// TestFindVague covers TimeML's vague references, period parts, quarters,
// seasons, apostrophe years and the tense of infinitives.
func TestFindVague(t *testing.T) {
	dct := time.Date(2023, 7, 9, 0, 0, 0, 0, time.UTC)
	runFind(t, dct, []findCase{
		{"He's admitted it now. Now that it rained, it is currently wet.", "now=PRESENT_REF; currently=PRESENT_REF"},
		{"Nowadays he recently left; at present, calm.", "Nowadays=PRESENT_REF; recently=PAST_REF; at present=PRESENT_REF"},
		{"In the past, it rained; in the past two years and in the future it will not.", "the past=PAST_REF; the future=FUTURE_REF"},
		{"The expedition of 1957-58, the class of '58 and the '90s, rock'n'roll.", "1957-58=1957/1958; '58=1958; '90s=199"},
		{"Cases peaked by the end of the year.", "the end of the year=2022"},
		{"It will be done by the end of the year.", "the end of the year=2023"},
		{"Sales fell at the end of last year and the start of 2021.", "the end of last year=2022; the start of 2021=2021"},
		{"Talks resume at the beginning of next month.", "the beginning of next month=2023-08"},
		{"Profit fell in the fourth quarter but rose in the first quarter.", "the fourth quarter=2022-Q4; the first quarter=2023-Q1"},
		{"Sales rose in the first quarter of 2022 and the second half of last year.", "the first quarter of 2022=2022-Q1; the second half of last year=2022-H2"},
		{"The firm expects growth in the fourth quarter.", "the fourth quarter=2023-Q4"},
		{"The first half hour was calm.", ""},
		{"It flooded in the spring; the fall of 1989 and summer 2012; talks will resume in the autumn.", "spring=2023-SP; fall of 1989=1989-FA; summer 2012=2012-SU; autumn=2023-FA"},
		{"After the fall of Rome, a hot spring in winter storms.", ""},
		{"Luck threw a touchdown pass late in the fourth quarter.", ""},
		{"He died the next day, the last day of the summit.", ""},
		{"Talks began on July 3. The next day they broke down; two days later they resumed.", "July 3=2023-07-03; The next day=2023-07-04; two days later=2023-07-06"},
		{"It met on 11-12 July. The following day, and the day before the vote.", "11-12 July=2023-07-11/2023-07-12; The following day=2023-07-13"},
		{"Protests since June of this year and in May of 2019.", "June of this year=2023-06; May of 2019=2019-05"},
		{"Microsoft said it has identified three companies for the program to run through September.", "September=2023-09"},
		{"He returned to work in September; she reached out to them in August.", "September=2022-09; August=2022-08"},
		{"It earned 2.4 mln dlrs in the first quarter of fiscal 1986.", "the first quarter of fiscal 1986=1986-Q1"},
	})
}

// findCase is a text and its mentions, "text=value[/end]" joined by "; ".
type findCase struct{ text, want string }

func runFind(t *testing.T, dct time.Time, tests []findCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var got []string
			for _, m := range Find(tt.text, sentence.Split(tt.text), dct) {
				s := m.Text + "=" + m.Value
				if m.EndValue != "" {
					s += "/" + m.EndValue
				}
				got = append(got, s)
				if string([]rune(tt.text)[m.Start:m.End]) != m.Text {
					t.Errorf("offsets %d-%d do not give %q", m.Start, m.End, m.Text)
				}
			}
			if g := strings.Join(got, "; "); g != tt.want {
				t.Errorf("got %q, want %q", g, tt.want)
			}
		})
	}
}

// TestFindLinear guards against work that grows faster than the text: a
// long run of cue words around a bare month (quadratic work would not
// finish within go test's own timeout; speed is the benchmarks' to measure).
func TestFindLinear(t *testing.T) {
	dct := time.Date(2023, 7, 9, 0, 0, 0, 0, time.UTC)
	for _, unit := range []string{"to ", "the next day ", "now ", "in the first quarter "} {
		text := "On July 3 it met in May " + strings.Repeat(unit, 20000) + "in May."
		ms := Find(text, sentence.Split(text), dct)
		if len(ms) < 2 {
			t.Errorf("%q x20000: %d mentions", unit, len(ms))
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"Jul. 11, Jul. 12", "11-12 July 2023", "last year", "2023-02-31", "99999999-1-1", "Monday, 31 February", "two days ago", "20th century", "'58 and the '90s", "the end of the year", "the first quarter of fiscal 1986", "in the past", "now that", "the fall of"} {
		f.Add(s)
	}
	dct := time.Date(2023, 7, 9, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		n := utf8.RuneCountInString(s)
		prev := 0
		for _, m := range Find(s, sentence.Split(s), dct) {
			if m.Start < prev || m.End <= m.Start || m.End > n || m.Value == "" {
				t.Fatalf("bad mention %+v in %q", m, s)
			}
			prev = m.End
		}
	})
}
