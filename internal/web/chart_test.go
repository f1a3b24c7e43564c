package web

import (
	"context"
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
)

// TestTimelineChartLayout: one bar per month from the first to the last,
// gaps included, stacked by quad and scaled to the tallest; buckets no bar
// can show are counted in the caption, not drawn.
func TestTimelineChartLayout(t *testing.T) {
	c := newTimelineChart(liaison.Timeline{Buckets: []liaison.TimelineBucket{
		{Month: "2023-05", Quad: 1, Events: 2}, {Month: "2023-05", Quad: 4, Events: 2},
		{Month: "2023-08", Quad: 3, Events: 1}, {Month: "2023-08", Quad: 0, Events: 5}, {Month: "<x>-01", Quad: 1, Events: 7},
	}})
	if c.Total != 17 || c.Hidden != 12 || c.Max != 4 || len(c.Bars) != 4 || len(c.Rows) != 4 {
		t.Fatalf("chart %+v; want 4 months, total 17, 12 hidden, tallest 4", c)
	}
	if c.Rows[1].Month != "2023-06" || c.Rows[1].Total != 0 || c.Rows[3].N != [4]int{0, 0, 1, 0} {
		t.Errorf("rows %+v", c.Rows)
	}
	may := c.Bars[0]
	if len(may.Segs) != 2 || may.Segs[0].H != chartPlotH/2 || may.Segs[1].Y != chartTop || may.Segs[1].Colour != quadClasses[3].Colour {
		t.Errorf("May's bar %+v; want two halves of the plot, material conflict on top", may)
	}
	if h := c.Bars[3].Segs[0].H; h != chartPlotH/4 {
		t.Errorf("August's bar is %.1f high; want a quarter of the plot", h)
	}
	// A long span keeps the latest months.
	long := newTimelineChart(liaison.Timeline{Buckets: []liaison.TimelineBucket{
		{Month: "1900-01", Quad: 2, Events: 3}, {Month: "2023-07", Quad: 2, Events: 1}}})
	if len(long.Bars) != maxChartMonths || long.Rows[len(long.Rows)-1].Month != "2023-07" || long.Hidden != 3 {
		t.Errorf("long span: %d bars ending %s, %d hidden; want %d ending 2023-07, 3 hidden",
			len(long.Bars), long.Rows[len(long.Rows)-1].Month, long.Hidden, maxChartMonths)
	}
	out, err := chartHTML(liaison.Timeline{}, 0)
	if err != nil || !strings.Contains(string(out), `data-events="0"`) || strings.Contains(string(out), "<svg") {
		t.Errorf("empty chart: %s %v", out, err)
	}
}

var chartEventsRE = regexp.MustCompile(`<figure class="timeline" data-events="(\d+)">`)

// TestTimelineChartPages: the overview and an actor's page chart exactly
// the events the viewer may see, and their banners cover the most
// sensitive one counted.
func TestTimelineChartPages(t *testing.T) {
	ts, db := actorSiteDB(t)
	sys := liaison.SystemContext(context.Background())
	for i, m := range []liaison.Marking{{Classification: "PUBLIC"},
		{Classification: "NATO SECRET", Level: 4, RelTo: []string{"FRA"}, Groups: []string{"FRA"}}} {
		r, err := db.PutDocument(sys, &liaison.Document{Title: fmt.Sprint("T", i), Text: fmt.Sprint("Text ", i),
			Published: time.Date(2023, 7, 1, 0, 0, 0, 0, time.UTC), Marking: m})
		if err != nil {
			t.Fatal(err)
		}
		x := &liaison.Extraction{Events: []liaison.Event{
			{Source: "JPNGOV", Target: "USA", Quad: 1 + i, Date: "2023-06-02"},
			{Source: "RUS", Target: "UKR", Quad: 4, Date: "2023-07-30"}}}
		if err := db.PutExtraction(sys, r.ID, x); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		user, path, banner string
		events             int
	}{
		{"FRA-reader", "/", "NATO SECRET // REL TO FRA", 4},
		{"USA-reader", "/", "PUBLIC", 2},
		{"FRA-reader", "/actors/JPN", "NATO SECRET // REL TO FRA", 2},
		{"USA-reader", "/actors/JPN", "PUBLIC", 1},
		{"FRA-reader", "/actors/DEU", "PUBLIC", 0},
	} {
		code, body := pageAs(t, ts, tc.user, "GET", tc.path, nil)
		m := chartEventsRE.FindStringSubmatch(body)
		if code != 200 || m == nil {
			t.Fatalf("%s %s: %d, no chart", tc.user, tc.path, code)
		}
		if n, _ := strconv.Atoi(m[1]); n != tc.events {
			t.Errorf("%s %s: chart counts %d events; want %d", tc.user, tc.path, n, tc.events)
		}
		for _, b := range bannerRE.FindAllStringSubmatch(body, -1) {
			if html.UnescapeString(b[1]) != tc.banner {
				t.Errorf("%s %s: banner %q; want %q", tc.user, tc.path, b[1], tc.banner)
			}
		}
	}
}
