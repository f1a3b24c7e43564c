package actor_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/liaison-project/liaison"
	"github.com/liaison-project/liaison/internal/extract"
	"github.com/liaison-project/liaison/internal/extract/actor"
)

// historyCase is one dated sentence naming office-holders of 1980-2014:
// the person actor codes the finder must give, in text order, and, when
// the sentence has a clear CAMEO verb, the event (source, target, root)
// the default engine must code.
type historyCase struct {
	date, text string
	codes      []string // codes of the person mentions, in order
	event      string   // "SRC TGT root" or "" when no event is checked
}

// historyCases are written for this test (not taken from any suite); they
// span the 1980s to the 2010s and every region of the historical tables.
var historyCases = []historyCase{
	{"1987-05-12", "On 12 May 1987, Chancellor Helmut Kohl met Prime Minister Margaret Thatcher in Bonn.",
		[]string{"DEUGOV", "GBRGOV"}, "DEUGOV GBRGOV 04"},
	{"1982-02-10", "Helmut Schmidt flew to Ottawa to see Pierre Trudeau.", []string{"DEUGOV", "CANGOV"}, ""},
	{"1985-04-02", "President Reagan criticised Prime Minister Nakasone over the trade deficit.",
		[]string{"USAGOV", "JPNGOV"}, "USAGOV JPNGOV 11"},
	{"1989-06-20", "Francois Mitterrand received Felipe Gonzalez at the Elysee palace.", []string{"FRAGOV", "ESPGOV"}, ""},
	{"1983-03-08", "Indira Gandhi met Zia-ul-Haq on the sidelines of the summit in New Delhi.",
		[]string{"INDGOV", "PAKGOV"}, "INDGOV PAKGOV 04"},
	{"1990-08-03", "Saddam Hussein threatened to attack Saudi Arabia.", []string{"IRQGOV"}, "IRQGOV SAU 13"},
	{"1992-03-21", "Boris Yeltsin praised Chancellor Kohl for his help.", []string{"RUSGOV", "DEUGOV"}, "RUSGOV DEUGOV 05"},
	{"1995-09-28", "Yitzhak Rabin signed an interim agreement with Yasser Arafat in Washington.",
		[]string{"ISRGOV", "PSEGOV"}, "ISRGOV PSEGOV 05"},
	// Arafat led the PLO, not yet the Palestinian Authority, in 1993.
	{"1993-09-13", "Yitzhak Rabin shook hands with Yasser Arafat.", []string{"ISRGOV", "PSEELI"}, ""},
	{"1993-05-10", "Warren Christopher met Andrei Kozyrev in Geneva.", []string{"USAGOV", "RUSGOV"}, "USAGOV RUSGOV 04"},
	{"1996-02-02", "Tansu Ciller telephoned Costas Simitis about the islets.", []string{"TURGOV", "GRCGOV"}, "TURGOV GRCGOV 04"},
	{"1998-06-27", "Jiang Zemin welcomed Bill Clinton to Beijing.", []string{"CHNGOV", "USAGOV"}, ""},
	{"1999-04-15", "Aleksander Kwasniewski met Vaclav Havel in Prague.", []string{"POLGOV", "CZEGOV"}, "POLGOV CZEGOV 04"},
	{"2001-07-15", "Pervez Musharraf met Atal Bihari Vajpayee in Agra.", []string{"PAKGOV", "INDGOV"}, "PAKGOV INDGOV 04"},
	{"2003-06-07", "Koizumi visited Seoul to meet Roh Moo-hyun.", []string{"JPNGOV", "KORGOV"}, "JPNGOV KOR 04"},
	{"2004-06-20", "Foreign Minister Ban Ki-moon met his Chinese counterpart Li Zhaoxing.", []string{"KORGOV", "CHNGOV"}, ""},
	{"2005-03-20", "Thaksin Shinawatra met Susilo Bambang Yudhoyono in Jakarta.", []string{"THAGOV", "IDNGOV"}, "THAGOV IDNGOV 04"},
	{"2005-06-30", "Tony Blair thanked Jacques Chirac for his support.", []string{"GBRGOV", "FRAGOV"}, "GBRGOV FRAGOV 05"},
	{"2006-11-20", "Mahmoud Ahmadinejad accused Ehud Olmert of lying.", []string{"IRNGOV", "ISRGOV"}, "IRNGOV ISRGOV 11"},
	{"2008-03-01", "George W. Bush urged Hamid Karzai to fight corruption.", []string{"USAGOV", "AFGGOV"}, ""},
	{"2009-11-14", "President Dmitry Medvedev met Prime Minister Yukio Hatoyama in Singapore.",
		[]string{"RUSGOV", "JPNGOV"}, "RUSGOV JPNGOV 04"},
	{"2005-05-10", "Erdogan spoke with Putin by telephone.", []string{"TURGOV", "RUSGOV"}, ""},
	{"2012-01-20", "Nicolas Sarkozy met Lee Myung-bak.", []string{"FRAGOV", "KORGOV"}, "FRAGOV KORGOV 04"},
	// Terms end: a former leader is an elite, not the government.
	{"2000-01-20", "Helmut Kohl criticised Gerhard Schroeder.", []string{"DEUELI", "DEUGOV"}, "DEUELI DEUGOV 11"},
	{"2012-05-20", "Shintaro Abe is remembered; Shinzo Abe spoke.", []string{"JPNELI", "JPNELI"}, ""},
	{"1990-05-01", "George Bush met Brian Mulroney.", []string{"USAGOV", "CANGOV"}, "USAGOV CANGOV 04"},
}

var historyEngine = sync.OnceValues(extract.Default)

// TestHistoricalOfficeHolders checks that the 1980-2014 tables code the
// office-holders of the day, and the engine the events between them.
func TestHistoricalOfficeHolders(t *testing.T) {
	f, err := actor.Default()
	if err != nil {
		t.Fatal(err)
	}
	e, err := historyEngine()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range historyCases {
		d, err := time.Parse("2006-01-02", c.date)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range f.Find(c.text, nil, d) {
			if m.Kind == actor.KindPerson {
				got = append(got, m.Code)
			}
		}
		if strings.Join(got, " ") != strings.Join(c.codes, " ") {
			t.Errorf("%s %q: person codes %v, want %v", c.date, c.text, got, c.codes)
		}
		if c.event == "" {
			continue
		}
		x, err := e.Extract(context.Background(), liaison.ExtractInput{ID: "h", Text: c.text, Date: c.date})
		if err != nil {
			t.Fatal(err)
		}
		if !hasEvent(x.Events, c.event) {
			t.Errorf("%s %q: no event %q in %s", c.date, c.text, c.event, eventList(x.Events))
		}
	}
}

// hasEvent reports whether an event has the source, target and root of
// want ("SRC TGT root"); a target code matches by prefix.
func hasEvent(evs []liaison.Event, want string) bool {
	w := strings.Fields(want)
	for _, ev := range evs {
		if ev.Source == w[0] && strings.HasPrefix(ev.Target, w[1]) && ev.Root == w[2] {
			return true
		}
	}
	return false
}

func eventList(evs []liaison.Event) string {
	var parts []string
	for _, ev := range evs {
		parts = append(parts, fmt.Sprintf("%s-%s-%s", ev.Source, ev.CAMEO, ev.Target))
	}
	return "[" + strings.Join(parts, " ") + "]"
}
