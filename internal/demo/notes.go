package demo

import (
	"crypto/sha256"
	"time"

	"github.com/oklog/ulid/v2"
)

// Note is one of the demo's analyst notes on an actor, written by the
// project (not taken from any report), marked variously so that view-as
// shows different notes to different nations.
type Note struct {
	ID      string // a ULID fixed by the note's content: loading twice stores it once
	Actor   string // CAMEO actor code
	Author  string // a demo user name
	Nation  string
	Date    time.Time
	Marking string // as text, parsed against the node's policy and nations
	Text    string // Markdown
}

// Notes returns the demo's actor notes.
func Notes() []Note {
	day := func(s string) time.Time {
		t, _ := time.Parse(time.DateOnly, s) // constant dates below
		return t
	}
	notes := []Note{
		{Actor: "JPNGOV", Author: "usa-analyst", Nation: "USA", Date: day("2023-07-12"), Marking: "PUBLIC",
			Text: "Tokyo frames its NATO ties as **inseparable** Euro-Atlantic and Indo-Pacific security; expect the " +
				"same line at every summit it attends as a partner."},
		{Actor: "JPNGOV", Author: "fra-analyst", Nation: "FRA", Date: day("2023-07-13"),
			Marking: "NATO RESTRICTED // REL TO NATO",
			Text: "Our objection to a liaison office in Tokyo is about the Alliance's geographic remit, not about Japan. " +
				"Keep the two apart in any reporting shared with partners."},
		{Actor: "IGOWSTNAT", Author: "gbr-analyst", Nation: "GBR", Date: day("2023-07-14"),
			Marking: "NATO CONFIDENTIAL // REL TO NATO, JPN, KOR, AUS, NZL",
			Text: "The Individually Tailored Partnership Programmes agreed at Vilnius are the vehicle for IP4 " +
				"cooperation while the office question stays open."},
		{Actor: "CHN", Author: "usa-analyst", Nation: "USA", Date: day("2023-07-15"),
			Marking: "NATO SECRET // REL TO USA",
			Text:    "Single-nation note: collection priorities on Chinese reactions to the Vilnius communiqué."},
	}
	for i := range notes {
		n := &notes[i]
		sum := sha256.Sum256([]byte(n.Actor + "\x00" + n.Author + "\x00" + n.Text))
		var entropy [10]byte
		copy(entropy[:], sum[:])
		id := ulid.ULID{}
		_ = id.SetTime(ulid.Timestamp(n.Date)) // dates are far inside ULID's range
		copy(id[6:], entropy[:])
		n.ID = id.String()
	}
	return notes
}
