package eval

import "testing"

func FuzzParseTimeML(f *testing.F) {
	f.Add(`<DCT><TIMEX3 type="DATE" value="2013-03-22">x</TIMEX3></DCT><TEXT>a <TIMEX3 type="DATE" value="2012">b</TIMEX3></TEXT>`)
	f.Add(`<TEXT><TIMEX3 type="DATE"></TEXT>`)
	f.Add(`<TEXT>&amp;</TIMEX3><`)
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseTimeML("f.tml", s)
		if err != nil {
			return
		}
		n := len([]rune(d.Text))
		for _, x := range d.Timexs {
			if x.Start < 0 || x.End > n || x.Start > x.End {
				t.Fatalf("bad timex %+v", x)
			}
		}
	})
}

func FuzzParseBrat(f *testing.F) {
	f.Add("T1\tSource 0 5\tObama\nT3\tContent 6 9\tx\nE1\tAttribution:T4 Content:T3 Source:T1\n", "Obama says x")
	f.Add("T1\tSource 0 99\tx\nE1\tSource:T1 Content:T1\n", "short")
	f.Add("T1\tContent 5 2;1 1\t\nE1\tContent:T1 Content2:T9\n", "")
	f.Fuzz(func(t *testing.T, ann, text string) {
		attrs, err := quoteParseBrat(ann, text)
		if err != nil {
			return
		}
		for _, a := range attrs {
			_ = quoteOverlap(0, len(text), a.Content)
		}
		_ = quoteSources(attrs)
		_ = quoteDirect(AttrDoc{Text: text, Attrs: attrs})
	})
}
