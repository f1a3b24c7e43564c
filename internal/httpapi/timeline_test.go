package httpapi

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/authtest"
	"github.com/liaison-project/liaison/internal/sqlite"
)

// TestTimelineAPI: the timeline counts what the viewer may see, by month
// and quad, filtered by actor and months; bad parameters answer 400.
func TestTimelineAPI(t *testing.T) {
	ts, db := apiServer(t, func(*Server, *sqlite.DB) error { return nil })
	sys := liaison.SystemContext(context.Background())
	for i, d := range []struct {
		m   liaison.Marking
		evs []liaison.Event
	}{
		{liaison.Marking{Classification: "PUBLIC"}, []liaison.Event{
			{Source: "JPNGOV", Target: "USA", Quad: 1, Date: "2023-06-02"},
			{Source: "FRA", Target: "DEU", Quad: 4, Date: "2023-07-30"}}},
		{liaison.Marking{Classification: "NATO SECRET", Level: 4, RelTo: []string{"FRA"}}, []liaison.Event{
			{Source: "RUS", Target: "JPN", Quad: 1, Date: "2023-06-20"}}},
	} {
		r, err := db.PutDocument(sys, &liaison.Document{Title: "T", Text: strings.Repeat("x ", i+1), Published: time.Now(), Marking: d.m})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.PutExtraction(sys, r.ID, &liaison.Extraction{Events: d.evs}); err != nil {
			t.Fatal(err)
		}
	}
	b := func(month string, quad, n int) liaison.TimelineBucket {
		return liaison.TimelineBucket{Month: month, Quad: quad, Events: n}
	}
	for _, tc := range []struct {
		user, query string
		want        []liaison.TimelineBucket
		level       int
	}{
		{"FRA-reader-4", "", []liaison.TimelineBucket{b("2023-06", 1, 2), b("2023-07", 4, 1)}, 4},
		{"USA-reader-4", "", []liaison.TimelineBucket{b("2023-06", 1, 1), b("2023-07", 4, 1)}, 0},
		{"FRA-reader-4", "?actor=jpn", []liaison.TimelineBucket{b("2023-06", 1, 2)}, 4},
		{"USA-reader-4", "?actor=JPN", []liaison.TimelineBucket{b("2023-06", 1, 1)}, 0},
		{"FRA-reader-4", "?from=2023-07-15", []liaison.TimelineBucket{b("2023-07", 4, 1)}, 0},
		{"FRA-reader-4", "?to=2023-06", []liaison.TimelineBucket{b("2023-06", 1, 2)}, 4},
		{"FRA-reader-4", "?actor=RUS&from=2023-07&to=2023-07-01", []liaison.TimelineBucket{}, 0},
	} {
		resp, body := authtest.Do(t, ts, tc.user, "GET", "/api/v1/events/timeline"+tc.query, nil, "")
		var got liaison.Timeline
		if err := json.Unmarshal([]byte(body), &got); resp.StatusCode != 200 || err != nil {
			t.Fatalf("%s %s: %d %s", tc.user, tc.query, resp.StatusCode, body)
		}
		if !reflect.DeepEqual(got.Buckets, tc.want) || got.Marking.Level != tc.level {
			t.Errorf("%s %s: %+v; want %v at level %d", tc.user, tc.query, got, tc.want, tc.level)
		}
	}
	for _, q := range []string{"?from=2023-13", "?to=July", "?from=2023-08&to=2023-07", "?actor=JP*"} {
		if resp, body := authtest.Do(t, ts, "FRA-reader-4", "GET", "/api/v1/events/timeline"+q, nil, ""); resp.StatusCode != 400 {
			t.Errorf("%s: %d %s; want 400", q, resp.StatusCode, body)
		}
	}
}
