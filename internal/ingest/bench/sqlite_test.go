package bench

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/ingest"
	"github.com/liaison-project/liaison/internal/ingest/sqlitebatch"
	"github.com/liaison-project/liaison/internal/sqlite"
	"github.com/liaison-project/liaison/internal/sqlite/sqlitetest"
)

func openDB(t *testing.T) *sqlite.DB {
	t.Helper()
	db := sqlitetest.MustOpen(t)
	return db
}

func paragraph(topic string) string {
	var b strings.Builder
	for i := range 10 {
		fmt.Fprintf(&b, "Delegations in %s reviewed item %d of the %s security agenda with allied partners on day %d. ", topic, i*3, topic, i)
	}
	return b.String()
}

func TestIngestTwiceWithSQLite(t *testing.T) {
	for _, batch := range []bool{false, true} {
		t.Run(fmt.Sprintf("batch=%v", batch), func(t *testing.T) { testIngestTwice(t, batch) })
	}
}

func testIngestTwice(t *testing.T, batch bool) {
	db := openDB(t)
	newIngester := func(mk liaison.Marking) *ingest.Ingester {
		cfg := ingest.Config{Store: db, Marking: mk, HostInterval: -1}
		if batch {
			cfg.Batch = sqlitebatch.New(db)
		}
		return ingest.New(cfg)
	}
	dir := t.TempDir()
	orig := paragraph("Vilnius") + " The summit closed on Wednesday evening."
	madrid := paragraph("Madrid") + " The summit opened on Monday morning."
	files := map[string]string{
		"a.txt": "2023-07-09\n" + orig,
		"b.txt": "2023-07-09\n" + strings.Replace(orig, "Wednesday", "Tuesday", 1),
		"c.jsonl": `{"title":"One","date":"2023-07-04","text":"` + paragraph("Yokosuka") + `"}` + "\n" + `{"title":"Two","text":""}` + "\n" +
			`{"title":"Three","text":"` + madrid + `"}` + "\n" + `{"title":"Four","text":"` + strings.Replace(madrid, "Monday", "Sunday", 1) + `"}` + "\n",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	mk := liaison.Marking{Classification: "NATO UNCLASSIFIED", Level: 1}
	sum, err := newIngester(mk).Run(ctx, []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Stored != 3 || sum.NearDuplicates != 2 || sum.Failed != 1 {
		t.Fatalf("first run: %+v", sum)
	}
	again, err := newIngester(mk).Run(ctx, []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if again.Stored != 0 || again.NearDuplicates != 0 || again.Duplicates != 5 || again.Failed != 1 {
		t.Fatalf("second run: %+v", again)
	}
	sys := liaison.SystemContext(ctx)
	page, err := db.Documents(sys, liaison.DocumentFilter{Limit: 10})
	if err != nil || page.Total != 5 {
		t.Fatalf("documents: %d, %v", page.Total, err)
	}
	for _, d := range page.Items {
		if d.DuplicateOf == "" {
			continue
		}
		first, err := db.Document(sys, d.DuplicateOf)
		if err != nil || (!strings.Contains(first.Text, "Wednesday") && !strings.Contains(first.Text, "Monday")) {
			t.Errorf("near-duplicate %q links to %q: %v", d.Title, d.DuplicateOf, err)
		}
	}
}

func TestSchedulerWithSQLite(t *testing.T) {
	var hits, notModified atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.Header.Get("If-None-Match") == `"v1"` {
			notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		fmt.Fprintf(w, `{"version":"https://jsonfeed.org/version/1.1","title":"Digest","items":[
{"id":"1","url":"https://digest.example/1","title":"One","content_text":%q,"date_published":"2023-07-04T10:00:00Z"}]}`, paragraph("Riga"))
	}))
	defer srv.Close()
	db := openDB(t)
	ctx := context.Background()
	sys := liaison.SystemContext(ctx)
	now := time.Date(2023, 7, 5, 12, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	if err := db.PutFeed(sys, &liaison.Feed{URL: srv.URL, Every: time.Hour, NextPoll: now}); err != nil {
		t.Fatal(err)
	}
	in := ingest.New(ingest.Config{Store: db, Client: srv.Client(), HostInterval: -1, Now: clock})
	s := ingest.NewScheduler(in, db, ingest.SchedulerConfig{Now: clock})
	if sum, err := s.PollDue(ctx); err != nil || sum.Stored != 1 {
		t.Fatalf("first poll: %+v, %v", sum, err)
	}
	feeds, err := db.Feeds(sys)
	if err != nil || len(feeds) != 1 {
		t.Fatalf("feeds: %v", err)
	}
	f := feeds[0]
	if f.ETag != `"v1"` || f.Title != "Digest" || !f.NextPoll.Equal(now.Add(time.Hour)) || f.Failures != 0 {
		t.Errorf("feed state after poll: %+v", f)
	}
	now = now.Add(2 * time.Hour)
	if sum, err := s.PollDue(ctx); err != nil || sum.Stored != 0 || notModified.Load() != 1 {
		t.Fatalf("second poll: %+v, %v, %d not-modified", sum, err, notModified.Load())
	}
}
