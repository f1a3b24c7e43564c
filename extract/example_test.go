package extract_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/liaison-project/liaison/extract"
)

// Extract one short report with the built-in dictionaries and print what
// the engine found: coded actors, resolved places, dates, the quote and
// its speaker, and the coded events with their date and place.
func Example() {
	eng, err := extract.Default()
	if err != nil {
		log.Fatal(err)
	}
	out, err := eng.Extract(context.Background(), extract.Input{
		ID:   "example",
		Date: "2023-07-09",
		Text: `Japan's Prime Minister Fumio Kishida will visit Vilnius on Jul. 11 for the NATO summit. ` +
			`"Europe and the Indo-Pacific cannot be separated," Kishida said on Sunday.`,
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("sentences:", len(out.Sentences))
	for _, a := range out.Actors {
		fmt.Printf("actor %q = %s (%s)\n", a.Text, a.Code, a.Name)
	}
	for _, p := range out.Places {
		fmt.Println(strings.TrimSpace(fmt.Sprintf("place %q = %s %s", p.Text, p.Kind, p.Country)))
	}
	for _, d := range out.Dates {
		fmt.Printf("date %q = %s\n", d.Text, d.Value)
	}
	for _, q := range out.Quotes {
		fmt.Printf("quote by %s (%s): %s\n", q.Speaker, q.SpeakerCode, q.Text)
	}
	for _, e := range out.Events {
		where := "(no place)"
		if e.Place != nil {
			where = e.Place.Name
		}
		fmt.Printf("event %s %s %s (%s) on %s in %s\n", e.Source, e.CAMEO, e.Target, e.PLOVER, e.Date, where)
	}
	// Output:
	// sentences: 2
	// actor "Japan's Prime Minister Fumio Kishida" = JPNGOV (Fumio Kishida)
	// actor "NATO" = IGOWSTNAT (NATO)
	// actor "Kishida" = JPNGOV (Fumio Kishida)
	// place "Vilnius" = capital LTU
	// place "Europe" = region
	// place "Indo-Pacific" = region
	// date "Jul. 11" = 2023-07-11
	// date "Sunday" = 2023-07-09
	// quote by Fumio Kishida (JPNGOV): Europe and the Indo-Pacific cannot be separated,
	// event JPNGOV 042 LTU (CONSULT) on 2023-07-11 in Vilnius
	// event LTU 043 JPNGOV (CONSULT) on 2023-07-11 in Vilnius
}

// Code events with the dictionaries of a TABARI project, with the built-in
// dictionaries underneath, and explain which entry coded each event.
func ExampleNew() {
	eng, err := extract.New(extract.Options{
		TABARIProject: "/path/to/Validate.project",
		Builtin:       true,
		Explain:       true,
	})
	if err != nil {
		log.Fatal(err)
	}
	_ = eng
}
