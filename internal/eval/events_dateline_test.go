package eval

import (
	"context"
	"testing"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/extract"
)

// TestDatelineEvents runs the default engine on reports opening with a
// wire dateline: the dateline's city is where the report was filed, so it
// is neither an actor of the first sentence nor the event's place, and
// its date is the report's, not the event's. A city that is the subject
// ("Tokyo said …") is still coded as its government; an at of "*" leaves
// the place unchecked.
func TestDatelineEvents(t *testing.T) {
	eng, err := extract.Default()
	if err != nil {
		t.Fatal(err)
	}
	const visit = "Japan's Prime Minister Fumio Kishida will visit Vilnius on Jul. 11 to attend the NATO summit."
	for _, c := range []struct {
		name, text                     string
		source, target, code, date, at string
	}{
		{"reuters", "TOKYO, July 9 (Reuters) - " + visit, "JPNGOV", "LTU", "042", "2023-07-11", "Vilnius"},
		{"none", visit, "JPNGOV", "LTU", "042", "2023-07-11", "Vilnius"},
		{"ap", "WASHINGTON (AP) — " + visit, "JPNGOV", "LTU", "042", "2023-07-11", "Vilnius"},
		{"london", "LONDON, July 4 (Reuters) - " + visit, "JPNGOV", "LTU", "042", "2023-07-11", "Vilnius"},
		{"day-month", "Tokyo, 9 July 2023 — " + visit, "JPNGOV", "LTU", "042", "2023-07-11", "Vilnius"},
		{"bare", "BEIJING — " + visit, "JPNGOV", "LTU", "042", "2023-07-11", "Vilnius"},
		{"no own date", "TOKYO, July 8 (Reuters) - Japan's Prime Minister Fumio Kishida will visit Lithuania.", "JPNGOV", "LTU", "042", "2023-07-09", ""},
		{"city subject", "Tokyo said on Monday it would expel two Chinese diplomats.", "JPN", "CHN", "17", "", "*"},
	} {
		t.Run(c.name, func(t *testing.T) {
			x, err := eng.Extract(context.Background(), liaison.ExtractInput{ID: c.name, Text: c.text, Date: "2023-07-09"})
			if err != nil {
				t.Fatal(err)
			}
			ev, ok := findEvent(x.Events, c.source, c.target, c.code)
			if !ok {
				t.Fatalf("no %s/%s/%s event in %+v", c.source, c.target, c.code, x.Events)
			}
			if c.date != "" && ev.Date != c.date {
				t.Errorf("date %q, want %q", ev.Date, c.date)
			}
			switch {
			case c.at == "*": // the sentence's own place, whatever it is
			case c.at != "" && (ev.Place == nil || ev.Place.Name != c.at):
				t.Errorf("place %+v, want %s", ev.Place, c.at)
			case c.at == "" && ev.Place != nil:
				t.Errorf("place %+v, want none (the dateline's city is where the report was filed)", ev.Place)
			}
		})
	}
}

// findEvent returns the first event whose source, target and CAMEO code
// begin with the wanted ones (JPN matches JPNGOV).
func findEvent(evs []liaison.Event, source, target, code string) (liaison.Event, bool) {
	for _, e := range evs {
		if len(e.Source) >= len(source) && e.Source[:len(source)] == source && len(e.Target) >= len(target) && e.Target[:len(target)] == target &&
			len(e.CAMEO) >= len(code) && e.CAMEO[:len(code)] == code {
			return e, true
		}
	}
	return liaison.Event{}, false
}
