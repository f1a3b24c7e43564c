package place

import "github.com/liaison-project/liaison/internal/extract/actor/phrase"

// capsLine reports whether token i stands in an all-capitals sentence (a
// headline: "CHICAGO POLICE ARREST TWO"), where capitals say nothing
// about acronyms; at least four words and no lower-case word.
func capsLine(toks []phrase.Token, sentOf []int, i int) bool {
	a, b := i, i
	for a > 0 && sentOf[a-1] == sentOf[i] && i-a < 40 {
		a--
	}
	for b+1 < len(toks) && sentOf[b+1] == sentOf[i] && b-i < 40 {
		b++
	}
	words := 0
	for k := a; k <= b; k++ {
		if t := toks[k]; t.Word && t.Lower[0] > '9' {
			if !t.Upper {
				return false
			}
			words++
		}
	}
	return words >= 4
}

// dateline reports a capitalised place opening a dateline: "CHARLESTON,
// W.Va. --", "WASHINGTON (AP) -", "LONDON 1996-08-30", "PARIS - ".
func dateline(toks []phrase.Token, sentOf []int, i int) bool {
	return len(toks[i].Lower) >= 4 && datelineAt(toks, sentOf, i, 1)
}

// datelineAt reports whether the n-token name at i opens a dateline.
func datelineAt(toks []phrase.Token, sentOf []int, i, n int) bool {
	if !sentenceInitial(toks, sentOf, i) || i+n >= len(toks) {
		return false
	}
	switch nx := toks[i+n].Lower; {
	case nx == "," || nx == "(" || nx == "-" || nx == "--" || nx == "—":
		return true
	case nx[0] >= '0' && nx[0] <= '9' && len(nx) >= 4:
		return true // a date or year right after the place
	}
	return false
}
