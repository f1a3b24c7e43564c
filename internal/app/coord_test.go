package app

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/coord"
)

// TestProposalsWired creates a proposal through the wired node's API and
// reads it back: the coordination routes are registered and reach the store.
func TestProposalsWired(t *testing.T) {
	m := startNode(t, Config{Viewer: &liaison.Viewer{Name: "off", Nation: "FRA", Role: liaison.RoleOfficer, Clearance: 4}})
	body := `{"title":"Open a NATO liaison office in Tokyo","text":"Proposed office.","procedure":"silence",` +
		`"deadline":"` + time.Now().Add(48*time.Hour).UTC().Format(time.RFC3339) + `","deciders":["FRA","USA"]}`
	resp, err := http.Post(m.URL()+"/api/v1/proposals", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("create proposal = %d", resp.StatusCode)
	}
	if got := httpGet(t, m.URL()+"/api/v1/proposals", http.StatusOK); !strings.Contains(got, "liaison office in Tokyo") {
		t.Errorf("proposal not listed: %s", got)
	}
	if got := httpGet(t, m.URL()+"/proposals", http.StatusOK); !strings.Contains(got, "liaison office in Tokyo") || !strings.Contains(got, `href="/proposals"`) {
		t.Errorf("proposal board lacks the proposal or the nav link")
	}
}

// TestDemoStart starts a demo node with logins: nations, users and the demo
// proposals are seeded; a demo user logs in through the form and sees pages.
func TestDemoStart(t *testing.T) {
	m, _ := startDemoNode(t, Config{})
	if len(m.DemoUsers()) == 0 {
		t.Fatal("no demo users")
	}
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	resp, err := c.PostForm(m.URL()+"/login", url.Values{"name": {"jpn-reader"}, "password": {"jpn-reader-demo"}, "next": {"/proposals"}})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(b), coord.DemoTokyoTitle) {
		t.Errorf("after login, /proposals = %d, Tokyo proposal shown: %v", resp.StatusCode, strings.Contains(string(b), coord.DemoTokyoTitle))
	}
	resp, err = c.Get(m.URL() + "/")
	if err != nil {
		t.Fatal(err)
	}
	b, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(b), "jpn-reader") {
		t.Errorf("overview after login = %d", resp.StatusCode)
	}
}
