package coord

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
)

func TestWebhookSignedRetriedWithBackoff(t *testing.T) {
	db := tempDB(t)
	seedNations(t, db)
	c := &clock{t: t0}
	var mu sync.Mutex
	var bodies [][]byte
	calls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		defer mu.Unlock()
		calls++
		if !VerifySignature("s3cret", b, r.Header.Get(SignatureHeader)) {
			t.Errorf("bad signature %q", r.Header.Get(SignatureHeader))
		}
		if calls <= 2 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		bodies = append(bodies, b)
	}))
	defer srv.Close()
	sys := liaison.SystemContext(context.Background())
	for _, h := range []liaison.Webhook{
		{Nation: "FRA", URL: srv.URL, Secret: "s3cret", Clearance: 4, Created: t0},
		{Nation: "KOR", URL: srv.URL, Secret: "s3cret", Clearance: 4, Created: t0}, // not a party: gets nothing
	} {
		if err := db.PutWebhook(sys, &h); err != nil {
			t.Fatal(err)
		}
	}
	n := &Notifier{Store: db, Now: c.Now, Backoff: time.Second, MaxBackoff: time.Minute, MaxAttempts: 5, Client: srv.Client()}
	s, err := NewService(Config{Proposals: db, Nations: db, Notify: n, Now: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	p := circulating(t, s, liaison.ProcedureSilence, liaison.Marking{}, t0.Add(time.Hour)) // FRA notified of "circulate"
	for i, wait := range []time.Duration{0, time.Second, 2 * time.Second} {
		c.Advance(wait)
		got, err := n.Deliver(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if want := map[bool]int{true: 1, false: 0}[i == 2]; got != want {
			t.Fatalf("pass %d delivered %d, want %d", i, got, want)
		}
		// Before the backoff has elapsed nothing is due.
		if i < 2 {
			if got, _ := n.Deliver(context.Background()); got != 0 || calls != i+1 {
				t.Fatalf("pass %d: redelivered before backoff (calls %d)", i, calls)
			}
		}
	}
	var pl WebhookPayload
	if len(bodies) != 1 || json.Unmarshal(bodies[0], &pl) != nil || pl.ItemID != p.ID || pl.Kind != "proposal.circulate" {
		t.Fatalf("bodies %s", bodies)
	}
	if got, _ := n.Deliver(context.Background()); got != 0 {
		t.Fatalf("delivered twice")
	}
}

func TestBackoffDoubles(t *testing.T) {
	n := &Notifier{Backoff: time.Second, MaxBackoff: 10 * time.Second}
	for i, want := range []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 10 * time.Second, 10 * time.Second} {
		if got := n.backoff(i + 1); got != want {
			t.Errorf("attempt %d: %s, want %s", i+1, got, want)
		}
	}
}
